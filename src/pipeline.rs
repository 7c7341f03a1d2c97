//! The build, stage by stage: import → aggregate → view → render PDF and
//! annex → write. Each stage is a plain function so tests, benchmarks and
//! the batch command can run any prefix of the pipeline.

use crate::aggregate::{self, Figures};
use crate::i18n::Language;
use crate::import::{self, Imported};
use crate::model::Plan;
use crate::output::{self, OutputFile};
use crate::problem::{Location, ProblemKind, Problems};
use crate::render::{self, FontSet, Layout, PdfIdentity, RenderError, Typeset};
use crate::view::{self, Detail, Edition, PlanView};
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// Problems in `plan.toml` or the workbook; the list is complete.
    #[error("the plan's data has problems")]
    Problems(Problems),
    #[error(transparent)]
    Render(#[from] RenderError),
    #[error("the annex could not be written: {0}")]
    Annex(#[from] rust_xlsxwriter::XlsxError),
    #[error("could not read the layout folder {}: {source}", path.display())]
    LayoutFolder { path: PathBuf, source: std::io::Error },
    #[error("could not write to {}: {source}", path.display())]
    Write { path: PathBuf, source: std::io::Error },
}

/// Everything derived from the input, before an edition is chosen.
pub struct Prepared {
    pub plan: Plan,
    pub figures: Figures,
    pub warnings: Problems,
}

/// What one edition shows: the view, and for HR the per-employee detail.
pub struct EditionView {
    pub edition: Edition,
    pub view: PlanView,
    /// `None` in the council edition: no row per employee leaves the building.
    pub detail: Option<Detail>,
}

impl Prepared {
    pub fn view(&self, edition: Edition) -> PlanView {
        view::build(&self.plan, &self.figures, edition)
    }

    pub fn edition(&self, edition: Edition) -> EditionView {
        let detail = (edition == Edition::Internal).then(|| view::detail(&self.plan, &self.figures));
        EditionView { edition, view: self.view(edition), detail }
    }
}

pub fn prepare(plan_dir: &Path) -> Result<Prepared, BuildError> {
    let Imported { plan, warnings } = import::load(plan_dir).map_err(BuildError::Problems)?;
    Ok(prepare_plan(plan, warnings))
}

pub fn prepare_plan(plan: Plan, mut warnings: Problems) -> Prepared {
    let figures = aggregate::aggregate(&plan);
    warn_missed_deadlines(&plan, &figures, &mut warnings);
    Prepared { plan, figures, warnings }
}

/// Consultation dates in plan.toml that miss their legal deadline.
fn warn_missed_deadlines(plan: &Plan, figures: &Figures, warnings: &mut Problems) {
    let strings = plan.settings.language.strings();
    for d in figures.deadlines.iter().filter(|d| d.status == aggregate::deadlines::Status::Missed) {
        let step = strings.labels.steps.get(d.step.key()).cloned().unwrap_or_default();
        let done = d.done.map(|day| strings.date.short(day)).unwrap_or_default();
        let kind = ProblemKind::DeadlineMissed { step, done, due: strings.date.short(d.due) };
        warnings.warning(Location::file(crate::config::PLAN_FILE), kind);
    }
}

/// The files of one plan, in memory.
pub struct Rendered {
    pub files: Vec<OutputFile>,
    pub pages: usize,
    pub layout_warnings: Vec<String>,
}

pub fn view_json(view: &PlanView) -> Vec<u8> {
    // Serialising plain structs of strings and numbers cannot fail.
    serde_json::to_vec_pretty(view).unwrap_or_default()
}

pub fn typeset(
    prepared: &Prepared,
    edition: Edition,
    layout: &Layout,
    fonts: &FontSet,
) -> Result<Typeset, RenderError> {
    typeset_json(prepared, view_json(&prepared.view(edition)), layout, fonts)
}

/// The view (as JSON) typeset with the plan's images and fonts beside the
/// layout's.
fn typeset_json(
    prepared: &Prepared,
    json: Vec<u8>,
    layout: &Layout,
    fonts: &FontSet,
) -> Result<Typeset, RenderError> {
    let branding = &prepared.plan.branding;
    let mut inputs = render::Inputs::new(json);
    for (path, asset) in view::branding::images(branding) {
        inputs = inputs.with_file(path, asset.bytes.clone());
    }
    if branding.fonts.is_empty() {
        return render::typeset(inputs, layout, fonts);
    }
    let own = branding.fonts.iter().map(|f| typst::foundations::Bytes::new(f.bytes.clone()));
    render::typeset(inputs, layout, &fonts.extended(own))
}

pub fn render(
    prepared: &Prepared,
    edition: Edition,
    layout: &Layout,
    fonts: &FontSet,
) -> Result<Rendered, BuildError> {
    let EditionView { view, detail, .. } = prepared.edition(edition);
    let json = view_json(&view);
    let typeset = typeset_json(prepared, json.clone(), layout, fonts)?;
    let settings = &prepared.plan.settings;
    let identity = PdfIdentity {
        ident: format!("{}/{}", plan_ident(&prepared.plan), edition.key()),
        date: settings.metadata_date(),
    };
    let pdf = render::export_pdf(&typeset.document, &identity)?;
    let annex = crate::annex::build(&view, detail.as_ref(), settings.metadata_date())?;
    let names = FileNames::of(&prepared.plan, edition);
    Ok(Rendered {
        files: vec![
            OutputFile { name: names.pdf, bytes: pdf },
            OutputFile { name: names.annex, bytes: annex },
            OutputFile { name: names.data, bytes: json },
        ],
        pages: typeset.document.pages().len(),
        layout_warnings: typeset.warnings,
    })
}

/// Stable identity of a plan across builds: organisation and year.
fn plan_ident(plan: &Plan) -> String {
    format!("{}/{}", plan.organisation.enterprise_number, plan.settings.year)
}

/// `opleidingsplan-2027-voorbeeld-nv.pdf` and its siblings, in the plan's
/// language; the internal edition's names end in "-intern" (nl), "-interne"
/// (fr) or "-internal" (en), so the file to hand out is the plain one.
pub struct FileNames {
    pub pdf: String,
    pub annex: String,
    pub data: String,
}

impl FileNames {
    pub fn of(plan: &Plan, edition: Edition) -> Self {
        let names = &plan.settings.language.strings().document;
        let mut stem = format!(
            "{}-{}-{}",
            names.plan_file,
            plan.settings.year,
            crate::text::slug(&plan.organisation.name)
        );
        if edition == Edition::Internal {
            stem = format!("{stem}-{}", names.internal_file);
        }
        Self {
            pdf: format!("{stem}.pdf"),
            annex: format!("{stem}-{}.xlsx", names.annex_file),
            data: format!("{stem}-{}.json", names.data_file),
        }
    }
}

/// `<out>/<organisation-slug>/<year>`.
pub fn target_dir(out: &Path, plan: &Plan) -> PathBuf {
    target_dir_of(out, &plan.organisation.name, plan.settings.year)
}

pub fn target_dir_of(out: &Path, organisation: &str, year: i16) -> PathBuf {
    out.join(crate::text::slug(organisation)).join(year.to_string())
}

/// Every edition asked for (`None`: as `plan.toml` says), rendered in
/// memory, their files together.
pub fn render_editions(
    prepared: &Prepared,
    editions: Option<&[Edition]>,
    layout: &Layout,
    fonts: &FontSet,
) -> Result<Rendered, BuildError> {
    let editions = editions.map_or_else(|| prepared.plan.settings.editions.editions(), <[Edition]>::to_vec);
    let mut all = Rendered { files: Vec::new(), pages: 0, layout_warnings: Vec::new() };
    for edition in editions {
        let rendered = render(prepared, edition, layout, fonts)?;
        all.files.extend(rendered.files);
        all.pages = all.pages.max(rendered.pages);
        for warning in rendered.layout_warnings {
            // Both editions share their warnings; say each once.
            if !all.layout_warnings.contains(&warning) {
                all.layout_warnings.push(warning);
            }
        }
    }
    Ok(all)
}

pub struct BuildOptions {
    pub out: PathBuf,
    /// The editions to write, into the same folder; `None`: as `plan.toml`
    /// says, else the council edition.
    pub editions: Option<Vec<Edition>>,
    /// A folder whose files replace those of the default layout.
    pub layout: Option<PathBuf>,
}

pub struct Built {
    pub organisation: String,
    pub title: String,
    pub language: Language,
    pub pages: usize,
    pub files: Vec<PathBuf>,
    pub warnings: Problems,
    pub layout_warnings: Vec<String>,
}

/// Builds the plan in `plan_dir` and writes its files.
pub fn build(plan_dir: &Path, options: &BuildOptions) -> Result<Built, BuildError> {
    let layout = match &options.layout {
        Some(dir) => Layout::with_overrides(dir)
            .map_err(|source| BuildError::LayoutFolder { path: dir.clone(), source })?,
        None => Layout::bundled(),
    };
    let prepared = prepare(plan_dir)?;
    let rendered = render_editions(&prepared, options.editions.as_deref(), &layout, FontSet::bundled())?;
    let target = target_dir(&options.out, &prepared.plan);
    let files = output::write_folder(&options.out, &target, &rendered.files)
        .map_err(|source| BuildError::Write { path: target.clone(), source })?;
    Ok(Built {
        organisation: prepared.plan.organisation.name.clone(),
        title: view::title(&prepared.plan.settings),
        language: prepared.plan.settings.language,
        pages: rendered.pages,
        files,
        warnings: prepared.warnings,
        layout_warnings: rendered.layout_warnings,
    })
}
