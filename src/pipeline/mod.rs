//! The build, stage by stage: import → aggregate → view → render PDF and
//! annex → archive. Each stage is a plain function so tests, benchmarks and
//! the batch command can run any prefix of the pipeline.

mod names;
mod render;

pub use names::FileNames;
pub use render::{Rendered, render, render_editions, typeset, typst_project, view_json};

use crate::aggregate::{self, Figures};
use crate::archive::{self, Manifest, Sources, manifest::Facts, previous::PreviousYear};
use crate::config;
use crate::import;
use crate::model::Edition;
use crate::model::Language;
use crate::model::Plan;
use crate::output::OutputFile;
use crate::problem::{Location, ProblemKind, Problems};
use crate::render::{FontSet, Layout, RenderError};
use crate::view::{self, Detail, PlanView};
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
    /// The files the plan was built from.
    pub sources: Sources,
    /// Last year's archived plan, per edition found, for the comparison.
    pub previous: Vec<PreviousYear>,
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
        let previous = self.previous.iter().find(|p| p.edition == edition);
        view::build(&self.plan, &self.figures, edition, previous)
    }

    /// Looks in the archive `out` for last year's plan of the same
    /// organisation; its data becomes a source of this plan.
    pub fn compare_with_archive(&mut self, out: &Path) {
        self.previous = archive::previous::find(out, &self.plan.organisation.name, self.plan.settings.year);
        for previous in &self.previous {
            let name = format!("{}/{}", archive::sources::PREVIOUS_PREFIX, previous.file);
            self.sources.push(archive::SourceKind::PreviousYear, name, previous.bytes.clone());
        }
    }

    pub fn edition(&self, edition: Edition) -> EditionView {
        let detail = (edition == Edition::Internal).then(|| view::detail(&self.plan, &self.figures));
        EditionView { edition, view: self.view(edition), detail }
    }
}

pub fn prepare(plan_dir: &Path) -> Result<Prepared, BuildError> {
    let (config, problems) = config::read(plan_dir).map_err(BuildError::Problems)?;
    let sources = Sources::collect(plan_dir, &config, None, &[]);
    let imported = import::load_workbooks(config, problems).map_err(BuildError::Problems)?;
    Ok(prepare_plan(imported.plan, imported.warnings, sources))
}

pub fn prepare_plan(plan: Plan, mut warnings: Problems, sources: Sources) -> Prepared {
    let figures = aggregate::aggregate(&plan);
    warn_missed_deadlines(&plan, &figures, &mut warnings);
    Prepared { plan, figures, warnings, sources, previous: Vec::new() }
}

/// Consultation dates in plan.toml that miss their legal deadline.
fn warn_missed_deadlines(plan: &Plan, figures: &Figures, warnings: &mut Problems) {
    let strings = plan.settings.language.strings();
    for d in figures.deadlines.iter().filter(|d| d.status == aggregate::deadlines::Status::Missed) {
        let step = strings.labels.steps.get(d.step.key()).cloned().unwrap_or_default();
        let done = d.done.map(|day| strings.date.short(day)).unwrap_or_default();
        let kind = ProblemKind::DeadlineMissed { step, done, due: strings.date.short(d.due) };
        warnings.warning(Location::file(config::PLAN_FILE), kind);
    }
}

/// `<out>/<organisation-slug>/<year>`: where the plan's versions go.
pub fn target_dir(out: &Path, plan: &Plan) -> PathBuf {
    archive::year_dir(out, &plan.organisation.name, plan.settings.year)
}

#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    pub out: PathBuf,
    /// The editions to write, into the same version; `None`: as `plan.toml`
    /// says, else the council edition.
    pub editions: Option<Vec<Edition>>,
    /// A folder whose files replace those of the default layout.
    pub layout: Option<PathBuf>,
    /// Write a new version even when it would be identical to the latest.
    pub new_version: bool,
}

pub struct Built {
    pub organisation: String,
    pub title: String,
    pub language: Language,
    pub pages: usize,
    pub stored: Stored,
    pub warnings: Problems,
    pub layout_warnings: Vec<String>,
}

/// Where a build ended up in the archive.
#[derive(Debug, Clone)]
pub struct Stored {
    pub version: u32,
    pub folder: PathBuf,
    pub files: Vec<PathBuf>,
    /// `false`: identical to this existing version, nothing written.
    pub written: bool,
}

/// Builds the plan in `plan_dir` and archives it as a new version.
pub fn build(plan_dir: &Path, options: &BuildOptions) -> Result<Built, BuildError> {
    let layout = match &options.layout {
        Some(dir) => Layout::with_overrides(dir)
            .map_err(|source| BuildError::LayoutFolder { path: dir.clone(), source })?,
        None => Layout::bundled(),
    };
    let mut prepared = prepare(plan_dir)?;
    prepared.compare_with_archive(&options.out);
    if let Some(dir) = &options.layout {
        prepared.sources.add_folder(archive::SourceKind::Layout, "layout", dir);
    }
    let editions = options.editions.clone().unwrap_or_else(|| prepared.plan.settings.editions.editions());
    let rendered = render_editions(&prepared, Some(&editions), &layout, FontSet::bundled())?;
    let stored = store(&prepared, &editions, rendered.files, &options.out, options.new_version)?;
    Ok(Built {
        organisation: prepared.plan.organisation.name.clone(),
        title: view::title(&prepared.plan.settings),
        language: prepared.plan.settings.language,
        pages: rendered.pages,
        stored,
        warnings: prepared.warnings,
        layout_warnings: rendered.layout_warnings,
    })
}

/// A plan's fingerprint: its sources, the tool, and the build settings that
/// change the files (the editions, the date written into them).
pub fn fingerprint(sources: &Sources, editions: &[Edition], settings: &crate::model::Settings) -> String {
    let keys = editions.iter().map(|e| e.key()).collect::<Vec<_>>().join(",");
    let date = settings.metadata_date().to_string();
    sources.fingerprint(&archive::sources::tool_identity(), &[("editions", &keys), ("date", &date)])
}

/// Archives `files` as the plan's next version, unless the latest version
/// was built from the same inputs into the same bytes (and `new_version`
/// is not asked).
pub fn store(
    prepared: &Prepared,
    editions: &[Edition],
    files: Vec<OutputFile>,
    out: &Path,
    new_version: bool,
) -> Result<Stored, BuildError> {
    let plan = &prepared.plan;
    let year_dir = target_dir(out, plan);
    let fingerprint = fingerprint(&prepared.sources, editions, &plan.settings);
    let paths = |folder: &Path| files.iter().map(|f| folder.join(&f.name)).collect::<Vec<_>>();
    if let Some((version, folder, latest)) = archive::latest_complete(&year_dir)
        && !new_version
        && latest.fingerprint == fingerprint
        && latest.same_outputs(&files)
    {
        return Ok(Stored { version, files: paths(&folder), folder, written: false });
    }
    let facts = |version| {
        let facts = Facts {
            organisation: &plan.organisation.name,
            enterprise_number: &plan.organisation.enterprise_number.to_string(),
            year: plan.settings.year,
            language: plan.settings.language.code(),
            editions: editions.iter().map(|e| e.key().to_string()).collect(),
            document_date: plan.settings.metadata_date().to_string(),
            fingerprint: fingerprint.clone(),
            sources: &prepared.sources,
            outputs: &files,
        };
        Manifest::new(facts, version)
    };
    let (version, folder) = archive::write_version(out, &year_dir, &files, facts)
        .map_err(|source| BuildError::Write { path: year_dir.clone(), source })?;
    Ok(Stored { version, files: paths(&folder), folder, written: true })
}
