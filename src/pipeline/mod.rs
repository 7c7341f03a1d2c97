//! The one orchestrator: a plan folder in, a new archived version (or the
//! reason there is none) out. `build`, `batch` and `check` run it; each
//! stage is a plain function, so tests and benchmarks can run any prefix.
//!
//! `plan.toml` → sources and last year's key figures → fingerprint (skip
//! when unchanged, if asked) → import → aggregate → per edition: disclose →
//! view → outputs → archive.

mod edition;
mod gather;
mod preview;

pub use edition::{render_output, typst_project, view_json};
pub(crate) use gather::Opened;
pub use preview::{Preview, PreviewJob, check, preview};

use crate::aggregate::key_figures::NotCompared;
use crate::aggregate::{self, Figures};
use crate::archive::earlier::Earlier;
use crate::archive::previous::{self, Found};
use crate::archive::{self, Manifest, manifest::Facts};
use crate::config::sources::{BatchContext, PREVIOUS_PREFIX, SourceKind, Sources};
use crate::config::{self, Defaults, PlanConfig};
use crate::import;
use crate::model::{Edition, Language, Plan, Stage};
use crate::outputs::OutputFile;
use crate::outputs::pdf::{LayoutFileError, Resources};
use crate::problem::{Location, ProblemKind, Problems};
use std::path::{Path, PathBuf};

/// Why a plan was not built.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// Problems in `plan.toml` or the workbook; the list is complete.
    #[error("the plan's data has problems")]
    Problems(Problems),
    /// An output could not be made (the layout, the PDF writer, the annex).
    #[error(transparent)]
    Output(#[from] crate::outputs::OutputError),
    /// A layout folder could not be read.
    #[error("could not read the layout folder {}: {source}", path.display())]
    LayoutFolder {
        /// The folder.
        path: PathBuf,
        /// What went wrong, and with which file.
        source: LayoutFileError,
    },
    /// The archive could not be written.
    #[error("could not write to {}: {source}", path.display())]
    Write {
        /// Where.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
}

impl BuildError {
    /// The error in the user's language (a layout's own error, from Typst,
    /// stays as Typst words it, with its file, line and column).
    pub fn describe(&self, m: &crate::i18n::Messages) -> String {
        use crate::outputs::OutputError;
        use crate::outputs::pdf::RenderError;
        use crate::problem::errors;
        use crate::text::fill;
        match self {
            BuildError::Problems(problems) => {
                fill(&m.problems_found, &[("count", &problems.error_count().to_string())])
            }
            BuildError::Output(OutputError::Render(RenderError::Layout(detail))) => {
                fill(&m.layout_failed, &[("detail", detail)])
            }
            BuildError::Output(OutputError::Render(RenderError::Pdf(detail))) => {
                fill(&m.pdf_failed, &[("detail", detail)])
            }
            BuildError::Output(OutputError::Annex(e)) => fill(&m.annex_failed, &[("detail", &e.to_string())]),
            BuildError::LayoutFolder { source, .. } => source.describe(m),
            BuildError::Write { path, source } => errors::write_failed(path, source, m),
        }
    }
}

/// One plan to build.
pub(crate) struct Job<'a> {
    /// The plan folder (holds `plan.toml`).
    pub folder: &'a Path,
    /// The archive the version goes into.
    pub out: &'a Path,
    /// The editions to write; `None`: as `plan.toml` (or the batch) says.
    pub editions: Option<Vec<Edition>>,
    /// Draft or final; `None`: as `plan.toml` says, else by the consultation.
    pub stage: Option<Stage>,
    /// Archive a new version even when it would be identical to the latest.
    pub new_version: bool,
    /// Skip the plan, without importing it, when its fingerprint equals the
    /// latest version's (a batch; `build` always builds).
    pub skip_unchanged: bool,
    /// The batch the plan is part of: its defaults and files.
    pub batch: Option<&'a BatchContext<'a>>,
    /// Layout, fonts and cache policy, shared by a run's plans. The plan
    /// folder's own `layouts/` is laid over this layout.
    pub resources: &'a Resources,
}

/// How a job ended.
#[derive(Debug)]
pub enum Outcome {
    /// Built, and archived unless identical to the latest version.
    Built(Built),
    /// Nothing changed since the latest version: not built.
    Skipped(Stored),
}

/// A plan built.
#[derive(Debug)]
pub struct Built {
    /// The organisation's name.
    pub organisation: String,
    /// "Opleidingsplan 2027".
    pub title: String,
    /// The plan's language.
    pub language: Language,
    /// The plan year.
    pub year: i16,
    /// Pages of the longest edition's PDF.
    pub pages: usize,
    /// Where it is in the archive.
    pub stored: Stored,
    /// Warnings about the data.
    pub warnings: Problems,
    /// Warnings of the layout.
    pub layout_warnings: Vec<String>,
    /// Why last year's archived plan was not compared with, though it is there.
    pub not_compared: Option<NotCompared>,
}

/// Where a build ended up in the archive.
#[derive(Debug, Clone)]
pub struct Stored {
    /// The N of `vN`.
    pub version: u32,
    /// The version folder.
    pub folder: PathBuf,
    /// Its files.
    pub files: Vec<PathBuf>,
    /// `false`: identical to this existing version, nothing written.
    pub written: bool,
}

/// Everything derived from the input, before an edition is chosen.
pub struct Prepared {
    /// The validated plan.
    pub plan: Plan,
    /// Every figure, on all data.
    pub figures: Figures,
    /// Warnings met on the way.
    pub warnings: Problems,
    /// The files the plan was built from.
    pub(crate) sources: Sources,
    /// Last year's key figures, per edition archived.
    pub previous: Vec<Found>,
    /// Why last year's archived plan is not compared with, though it is there.
    pub not_compared: Option<NotCompared>,
    /// This year's earlier versions: the new version's number, its history
    /// and the draft a final plan compares itself with.
    pub earlier: Earlier,
}

/// Runs `job`: builds and archives the plan, or skips it.
pub(crate) fn run(job: &Job<'_>) -> Result<Outcome, BuildError> {
    let (config, problems) = read_config(job)?;
    run_config(job, config, problems)
}

/// The job's `plan.toml`, with its batch's defaults under it.
fn read_config(job: &Job<'_>) -> Result<(PlanConfig, Problems), BuildError> {
    let none = Defaults::default();
    let defaults = job.batch.map_or(&none, |b| b.defaults);
    config::read_with(job.folder, defaults).map_err(BuildError::Problems)
}

/// [`run`] for a `plan.toml` already read (a batch reads them all first).
pub(crate) fn run_config(
    job: &Job<'_>,
    mut config: PlanConfig,
    problems: Problems,
) -> Result<Outcome, BuildError> {
    config.settle(job.stage);
    let Opened { own, gathered, editions, fingerprint, identity } = Opened::of(job, &config)?;
    let resources = own.resources.as_ref().unwrap_or(job.resources);
    let key = identity.key();
    if job.skip_unchanged
        && let Some((version, folder, latest)) = archive::latest(job.out, key, true)
        && latest.fingerprint == fingerprint
    {
        let files = latest.outputs.iter().map(|f| folder.join(&f.path)).collect();
        return Ok(Outcome::Skipped(Stored { version, folder, files, written: false }));
    }
    let mut prepared = gathered.import(config, problems)?;
    // The documents print their version number: a build that loses the
    // number to another build at the same moment is made again for the next.
    let mut attempts = 0;
    let (stored, pages, layout_warnings) = loop {
        prepared.earlier = archive::earlier::earlier(job.out, key, &fingerprint, job.new_version);
        let (files, pages, layout_warnings) = render_editions(&prepared, &editions, resources)?;
        match store(&prepared, &editions, &fingerprint, files, job.out) {
            Err(BuildError::Write { source, .. })
                if source.kind() == std::io::ErrorKind::AlreadyExists && attempts < 5 =>
            {
                attempts += 1;
            }
            stored => break (stored?, pages, layout_warnings),
        }
    };
    let plan = &prepared.plan;
    Ok(Outcome::Built(Built {
        organisation: plan.organisation.name.clone(),
        title: crate::view::title(&plan.settings),
        language: plan.settings.language,
        year: plan.settings.year,
        pages,
        stored,
        warnings: prepared.warnings,
        layout_warnings,
        not_compared: prepared.not_compared,
    }))
}

/// Every edition's files, the longest PDF's pages and the layout's
/// warnings (each once).
fn render_editions(
    prepared: &Prepared,
    editions: &[Edition],
    resources: &Resources,
) -> Result<(Vec<OutputFile>, usize, Vec<String>), BuildError> {
    let runs = edition::render_all(prepared, editions, resources)?;
    let mut files = Vec::new();
    let (mut pages, mut layout_warnings) = (0, Vec::new());
    for run in runs {
        files.extend(run.files);
        pages = pages.max(run.pages);
        for warning in run.warnings {
            // Both editions share their warnings; say each once.
            if !layout_warnings.contains(&warning) {
                layout_warnings.push(warning);
            }
        }
    }
    Ok((files, pages, layout_warnings))
}

/// What [`build`] needs besides the plan folder.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// The archive.
    pub out: PathBuf,
    /// The editions to write; `None`: as `plan.toml` says.
    pub editions: Option<Vec<Edition>>,
    /// Draft or final; `None`: as `plan.toml` says, else by the consultation.
    pub stage: Option<Stage>,
    /// A folder whose files replace those of the default layout.
    pub layout: Option<PathBuf>,
    /// Write a new version even when it would be identical to the latest.
    pub new_version: bool,
}

/// Builds the plan in `plan_dir` and archives it, with the bundled layout
/// (or `options.layout` over it): `run` for one plan, never skipped.
pub fn build(plan_dir: &Path, options: &BuildOptions) -> Result<Built, BuildError> {
    let bundled = Resources::bundled(crate::outputs::pdf::CachePolicy::KeepUntilExit);
    let resources = match &options.layout {
        Some(dir) => {
            bundled.overlaid(dir).map_err(|source| BuildError::LayoutFolder { path: dir.clone(), source })?
        }
        None => bundled,
    };
    let job = Job {
        folder: plan_dir,
        out: &options.out,
        editions: options.editions.clone(),
        stage: options.stage,
        new_version: options.new_version,
        skip_unchanged: false,
        batch: None,
        resources: &resources,
    };
    match run(&job)? {
        Outcome::Built(built) => Ok(built),
        Outcome::Skipped(_) => unreachable!("a job that does not skip is never skipped"),
    }
}

/// Reads and validates a plan folder, and aggregates it: what `check`
/// shows. Writes nothing.
pub fn prepare(plan_dir: &Path) -> Result<Prepared, BuildError> {
    let (mut config, problems) = config::read(plan_dir).map_err(BuildError::Problems)?;
    config.settle(None);
    let sources = Sources::collect(plan_dir, &config, None, &[]);
    let imported = import::load_workbooks(config, problems).map_err(BuildError::Problems)?;
    Ok(prepare_plan(imported.plan, imported.warnings, sources))
}

/// Aggregates a validated plan.
pub(crate) fn prepare_plan(plan: Plan, mut warnings: Problems, sources: Sources) -> Prepared {
    let figures = aggregate::aggregate(&plan);
    warn_missed_deadlines(&plan, &figures, &mut warnings);
    warn_implausible(&plan, &figures, &mut warnings);
    Prepared {
        plan,
        figures,
        warnings,
        sources,
        previous: Vec::new(),
        not_compared: None,
        earlier: Earlier::default(),
    }
}

/// Last year's key figures of the same enterprise in the archive `out`;
/// the files they come from become sources of this plan.
fn compare_with_archive(
    out: &Path,
    config: &PlanConfig,
    sources: &mut Sources,
) -> (Vec<Found>, Option<NotCompared>) {
    let o = &config.organisation;
    find_previous(out, &o.name, o.enterprise_number, config.settings.year, sources)
}

/// Last year's balances in the archive, when the plan carries days over;
/// their file becomes a source of this plan.
fn archived_balances(
    out: &Path,
    config: &PlanConfig,
    sources: &mut Sources,
) -> Option<archive::balances::Found> {
    config.settings.carry_over?;
    let o = &config.organisation;
    let found = archive::balances::find(out, &o.name, o.enterprise_number, config.settings.year)?;
    sources.push(SourceKind::PreviousYear, format!("{PREVIOUS_PREFIX}/{}", found.file), found.bytes.clone());
    Some(found)
}

/// Days carried over from the archive, unless the workbook's balance
/// sheet gives them. A version dated before the end of its year may not
/// know every training followed: said, so the balance is checked.
fn carry_from_archive(imported: &mut import::Imported, found: Option<archive::balances::Found>) {
    let (Some(found), None) = (found, &imported.plan.carry_over) else { return };
    let year_end =
        jiff::civil::Date::new(imported.plan.settings.year - 1, 12, 31).unwrap_or(jiff::civil::Date::MIN);
    if found.dated < year_end
        && let crate::model::CarrySource::Archive { version, .. } = found.carry_over.source
    {
        let strings = imported.plan.settings.language.strings();
        let kind =
            ProblemKind::BalanceEarly { version: version.to_string(), date: strings.date.short(found.dated) };
        imported.warnings.warning(Location::file(config::PLAN_FILE), kind);
    }
    imported.plan.carry_over = Some(found.carry_over);
}

fn find_previous(
    out: &Path,
    name: &str,
    number: crate::model::EnterpriseNumber,
    year: i16,
    sources: &mut Sources,
) -> (Vec<Found>, Option<NotCompared>) {
    match previous::find(out, name, number, year) {
        Ok(found) => {
            for f in &found {
                sources.push(
                    SourceKind::PreviousYear,
                    format!("{PREVIOUS_PREFIX}/{}", f.file),
                    f.bytes.clone(),
                );
            }
            (found, None)
        }
        Err(reason) => (Vec::new(), Some(reason)),
    }
}

impl Prepared {
    /// Looks in the archive `out` for last year's plan of the same
    /// enterprise; its key figures become a source of this plan.
    pub fn compare_with_archive(&mut self, out: &Path) {
        let o = &self.plan.organisation;
        let year = self.plan.settings.year;
        let (found, reason) = find_previous(out, &o.name, o.enterprise_number, year, &mut self.sources);
        self.previous = found;
        self.not_compared = reason;
    }
}

/// Consultation dates in plan.toml that miss their legal deadline.
/// Plausibility of plan.toml against the data: a works council is required
/// from 100 workers, and one in a company of a few dozen is most likely a
/// template value left in place.
fn warn_implausible(plan: &Plan, figures: &Figures, warnings: &mut Problems) {
    if figures.legal.targets.unassigned {
        let committees =
            figures.legal.targets.committees.iter().map(|c| c.committee.as_str()).collect::<Vec<_>>();
        let kind = ProblemKind::CommitteesUnassigned { committees: committees.join(", ") };
        warnings.warning(Location::file(config::PLAN_FILE), kind);
    }
    let heads = figures.workforce.total.heads;
    if plan.organisation.works_council && heads < 50 {
        let kind = ProblemKind::WorksCouncilSmall { heads: heads.to_string() };
        warnings.warning(Location::file(config::PLAN_FILE), kind);
    }
}

fn warn_missed_deadlines(plan: &Plan, figures: &Figures, warnings: &mut Problems) {
    let strings = plan.settings.language.strings();
    for d in figures.deadlines.iter().filter(|d| d.status == aggregate::deadlines::Status::Missed) {
        let step = strings.labels.steps.get(d.step.key()).cloned().unwrap_or_default();
        let done = d.done.map(|day| strings.date.short(day)).unwrap_or_default();
        let kind = ProblemKind::DeadlineMissed { step, done, due: strings.date.short(d.due) };
        warnings.warning(Location::file(config::PLAN_FILE), kind);
    }
}

/// A plan's fingerprint: its sources, the tool and its outputs, and the
/// build settings that change the files (the editions, the date written
/// into them).
pub(crate) fn fingerprint(
    sources: &Sources,
    editions: &[Edition],
    settings: &crate::model::Settings,
) -> String {
    let keys = editions.iter().map(|e| e.key()).collect::<Vec<_>>().join(",");
    let date = settings.metadata_date().to_string();
    let outputs = crate::outputs::identity();
    let stage = settings.stage.map_or("", Stage::key);
    let settings = [("editions", keys.as_str()), ("date", &date), ("outputs", &outputs), ("stage", stage)];
    sources.fingerprint(&crate::config::sources::tool_identity(), &settings)
}

/// Archives `files` as version `prepared.earlier.version` of the plan,
/// unless that is the latest version, built from the same inputs into the
/// same bytes.
fn store(
    prepared: &Prepared,
    editions: &[Edition],
    fingerprint: &str,
    files: Vec<OutputFile>,
    out: &Path,
) -> Result<Stored, BuildError> {
    let plan = &prepared.plan;
    let key = archive::PlanKey {
        number: plan.organisation.enterprise_number,
        name: &plan.organisation.name,
        year: plan.settings.year,
    };
    let version = prepared.earlier.version;
    let paths = |folder: &Path| files.iter().map(|f| folder.join(&f.name)).collect::<Vec<_>>();
    if let Some((latest_version, folder, latest)) = archive::latest(out, key, true)
        && latest_version == version
        && latest.fingerprint == fingerprint
        && latest.same_outputs(&files)
    {
        return Ok(Stored { version, files: paths(&folder), folder, written: false });
    }
    let facts = |previous| {
        let facts = Facts {
            organisation: &plan.organisation.name,
            enterprise_number: plan.organisation.enterprise_number,
            year: plan.settings.year,
            language: plan.settings.language,
            editions: editions.to_vec(),
            stage: plan.settings.stage(&plan.consultation),
            document_date: plan.settings.metadata_date(),
            fingerprint: fingerprint.to_string(),
            sources: &prepared.sources,
            outputs: &files,
        };
        Manifest::new(facts, version, previous)
    };
    let folder = archive::write_version(out, key, version, &files, facts).map_err(|source| {
        let path = archive::year_dir(out, key.number, key.name, key.year);
        BuildError::Write { path, source }
    })?;
    Ok(Stored { version, files: paths(&folder), folder, written: true })
}
