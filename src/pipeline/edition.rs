//! One edition of a prepared plan, rendered in memory: disclosed, viewed,
//! and made into every registered output.

use super::{BuildError, Prepared};
use crate::aggregate::key_figures::year_over_year;
use crate::archive::previous;
use crate::disclose::{self, Disclosed};
use crate::model::{Edition, Stage};
use crate::outputs::pdf::{self, Resources, Typeset};
use crate::outputs::{self, Context, FileNames, OutputFile};
use crate::view::{self, PlanView};
use rayon::prelude::*;

/// What one edition made.
pub struct EditionRun {
    /// Its files.
    pub files: Vec<OutputFile>,
    /// Pages of its PDF.
    pub pages: usize,
    /// The layout's warnings.
    pub warnings: Vec<String>,
}

impl Prepared {
    /// What `edition` may show, compared with last year's archived figures
    /// of that edition when there are any.
    pub(crate) fn disclose(&self, edition: Edition) -> Disclosed<'_> {
        let previous = previous::for_edition(&self.previous, edition);
        let yoy = previous.map(|found| year_over_year(&self.figures.key_figures, &found.previous));
        let mut disclosed = disclose::disclose(&self.plan, &self.figures, edition, yoy.as_ref());
        disclosed.not_compared = self.not_compared.clone();
        let earlier = &self.earlier;
        disclosed.versions.version = earlier.version;
        disclosed.versions.history = earlier.history.clone();
        if disclosed.versions.stage == Stage::Final
            && let Some((version, found)) = &earlier.draft
        {
            let draft = match found {
                Ok(found) => previous::for_edition(found, edition).map(|f| Ok(&f.previous)),
                Err(reason) => Some(Err(reason.clone())),
            };
            disclosed.versions.since_draft = draft.map(|draft| disclosed.since(*version, draft));
        }
        disclosed
    }

    /// The view of `edition`, its attachments listed.
    pub fn view(&self, edition: Edition) -> PlanView {
        self.view_of(&self.disclose(edition))
    }

    fn view_of(&self, disclosed: &Disclosed<'_>) -> PlanView {
        let mut view = view::build(disclosed);
        let p = &self.plan;
        let names = FileNames::of(&p.organisation, &p.settings, disclosed.edition);
        view.attachments = pdf::attachments(&view, &names, &self.sources);
        view
    }

    /// The rows per employee of `edition`; `None` for the council edition.
    pub fn detail(&self, edition: Edition) -> Option<crate::view::Detail> {
        view::detail(&self.disclose(edition))
    }

    /// The typeset document of one edition, without the files the PDF
    /// carries, for tests and benchmarks that look at the pages.
    pub fn typeset(&self, edition: Edition, resources: &Resources) -> Result<Typeset, BuildError> {
        let view = view::build(&self.disclose(edition));
        let json = view_json(&view);
        let images = pdf::branding_images(&self.plan.branding);
        Ok(pdf::typeset_with(&json, &images, &self.plan.branding, resources)
            .map_err(outputs::OutputError::from)?)
    }
}

/// The view as the layout and the data file get it.
pub fn view_json(view: &PlanView) -> Vec<u8> {
    // Serialising plain structs of strings and numbers cannot fail.
    serde_json::to_vec_pretty(view).unwrap_or_default()
}

/// Every edition asked for, rendered in memory.
pub(super) fn render_all(
    prepared: &Prepared,
    editions: &[Edition],
    resources: &Resources,
) -> Result<Vec<EditionRun>, BuildError> {
    // Side by side: the internal edition of a large employer spends most of
    // its time in one-core work (its annex, the files it embeds), which the
    // council edition's layout can use the other core for.
    editions.par_iter().map(|&edition| render(prepared, edition, resources)).collect()
}

/// The files of one output of one edition, alone: what a benchmark of
/// that output times (the personal statements, say).
pub fn render_output(
    prepared: &Prepared,
    edition: Edition,
    kind: outputs::OutputKind,
    resources: &Resources,
) -> Result<Vec<OutputFile>, BuildError> {
    with_context(prepared, edition, resources, |context| Ok(outputs::render_one(context, kind)?.files))
}

/// One edition, every registered output.
pub fn render(
    prepared: &Prepared,
    edition: Edition,
    resources: &Resources,
) -> Result<EditionRun, BuildError> {
    with_context(prepared, edition, resources, |context| {
        let made = outputs::render(context)?;
        Ok(EditionRun { files: made.files, pages: made.pages.unwrap_or(0), warnings: made.warnings })
    })
}

/// Runs `then` with the outputs' context of one edition: disclosed,
/// viewed, its rows per employee and its file names.
fn with_context<T>(
    prepared: &Prepared,
    edition: Edition,
    resources: &Resources,
    then: impl FnOnce(&Context<'_>) -> Result<T, BuildError>,
) -> Result<T, BuildError> {
    let disclosed = prepared.disclose(edition);
    let view = prepared.view_of(&disclosed);
    let json = view_json(&view);
    let detail = view::detail(&disclosed);
    let p = &prepared.plan;
    let names = FileNames::of(&p.organisation, &p.settings, edition);
    let context = Context {
        disclosed: &disclosed,
        view: &view,
        view_json: &json,
        detail: detail.as_ref(),
        names: &names,
        sources: &prepared.sources,
        resources,
        date: p.settings.metadata_date(),
    };
    then(&context)
}

/// One edition as a plain Typst project: the layout's files, `/data.json`
/// and the files the layout reads, as (path in the project, bytes). The
/// Typst command-line compiler typesets it into the same pages as the
/// build (`typst compile main.typ --root <dir> --font-path layouts/fonts
/// --ignore-system-fonts`): the benchmarks' baseline. A plan's own fonts
/// are not included.
pub fn typst_project(
    prepared: &Prepared,
    edition: Edition,
    resources: &Resources,
) -> Result<Vec<(String, Vec<u8>)>, BuildError> {
    let run = render(prepared, edition, resources)?;
    let disclosed = prepared.disclose(edition);
    let view = prepared.view_of(&disclosed);
    let mut files: Vec<(String, Vec<u8>)> =
        resources.layout.files().map(|(path, bytes)| (path.to_string(), bytes.to_vec())).collect();
    files.push((pdf::DATA_PATH.to_string(), pdf::for_typesetting(&view_json(&view))));
    for (path, bytes) in pdf::branding_images(&prepared.plan.branding) {
        files.push((path, bytes.to_vec()));
    }
    for attachment in &view.attachments {
        let name = attachment.path.trim_start_matches('/');
        let bytes = run
            .files
            .iter()
            .find(|f| f.name == name)
            .map(|f| f.bytes.clone())
            .or_else(|| prepared.sources.files.iter().find(|f| f.name == name).map(|f| f.bytes.to_vec()));
        if let Some(bytes) = bytes {
            files.push((attachment.path.clone(), bytes));
        }
    }
    Ok(files)
}
