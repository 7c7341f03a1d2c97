//! `opleidingsplan batch`: every plan folder under a root, built in
//! parallel, each isolated from the others. Work shared by all plans (the
//! fonts, the layouts, `batch.toml`, the tool's identity) is done once per
//! run; a plan whose inputs did not change since its last build is skipped.

mod config;
mod job;
pub mod progress;
pub(crate) mod summary;

pub(crate) use config::BatchConfig;
pub use config::{BATCH_FILE, LAYOUT_FOLDER};
pub use progress::Progress;

use crate::config::PlanConfig;
use crate::model::Edition;
use crate::outputs::pdf::{CachePolicy, Resources};
use crate::problem::Problems;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// How to run a batch: where the versions go, how many plans at once,
/// which editions and whether to rebuild.
#[derive(Debug, Clone, Default)]
pub struct BatchOptions {
    /// The output folder (the archive): each plan's versions go to
    /// `<out>/<organisation>/<year>`.
    pub out: PathBuf,
    /// Plans built at once; `None`: one per core.
    pub jobs: Option<usize>,
    /// `None`: as each plan (or `batch.toml`) says.
    pub editions: Option<Vec<Edition>>,
    /// Rebuild plans whose inputs did not change.
    pub force: bool,
    /// Archive a new version even when identical to the latest.
    pub new_version: bool,
}

/// How one plan folder fared.
#[derive(Debug)]
pub struct ClientReport {
    pub(crate) folder: PathBuf,
    /// The organisation's name, or the folder's when `plan.toml` could not be read.
    pub(crate) client: String,
    /// Built, skipped or failed, with the details.
    pub outcome: Outcome,
    pub(crate) elapsed: Duration,
}

/// What came of one plan folder in a batch.
#[derive(Debug)]
pub enum Outcome {
    /// Built and archived as `folder` (version `version`); `written` is
    /// false when it came out identical to that existing version.
    Built {
        /// Pages of the longest edition's PDF.
        pages: usize,
        /// Warnings about the data and of the layout, together.
        warnings: usize,
        /// The N of the `vN` folder.
        version: u32,
        /// The version folder in the archive.
        folder: PathBuf,
        /// Whether a new version folder was written.
        written: bool,
    },
    /// Nothing changed since the latest version, `folder`.
    Skipped {
        /// The N of that latest `vN` folder.
        version: u32,
        /// That version folder in the archive.
        folder: PathBuf,
    },
    /// Not built: why.
    Failed(Failure),
}

/// Why a plan folder of a batch was not built.
#[derive(Debug)]
pub enum Failure {
    /// Problems in `plan.toml` or the workbooks: the complete list.
    Problems(Problems),
    /// Another folder holds the same organisation and year.
    Clash {
        /// The plan folder that claimed the output folder first.
        other: PathBuf,
        /// The output folder both would write, `<out>/<organisation>/<year>`.
        target: PathBuf,
    },
    /// The layout could not typeset the plan, or the files not be written.
    Build(crate::pipeline::BuildError),
    /// A bug in the tool, caught so the other plans could go on.
    Panic(String),
}

impl Outcome {
    /// Whether the plan was not built.
    pub fn failed(&self) -> bool {
        matches!(self, Outcome::Failed(_))
    }
}

/// Why a batch could not start.
#[derive(Debug, thiserror::Error)]
pub enum BatchError {
    /// The root is not a folder.
    #[error("{0} is not a folder")]
    NoRoot(PathBuf),
    /// `batch.toml` has problems.
    #[error("batch.toml has problems")]
    Config(Problems),
    /// The batch's layout folder cannot be read.
    #[error("could not read the layout folder {}: {source}", path.display())]
    Layout {
        /// The folder.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
}

impl BatchError {
    /// The error in the user's language.
    pub fn describe(&self, m: &crate::i18n::Messages) -> String {
        match self {
            BatchError::NoRoot(path) => {
                crate::text::fill(&m.not_a_folder, &[("path", &path.display().to_string())])
            }
            BatchError::Config(problems) => {
                crate::text::fill(&m.problems_found, &[("count", &problems.error_count().to_string())])
            }
            BatchError::Layout { path, source } => {
                crate::problem::errors::layout_folder_unreadable(path, source, m)
            }
        }
    }
}

/// Plan folders (those holding a `plan.toml`) under `root`, sorted; hidden
/// folders, layout folders and the output folder are not searched.
pub fn discover(root: &Path, out: &Path) -> Vec<PathBuf> {
    let out = out.canonicalize().ok();
    let skipped = |entry: &walkdir::DirEntry| {
        let name = entry.file_name().to_string_lossy();
        entry.depth() > 0
            && entry.file_type().is_dir()
            && (name.starts_with('.')
                || name == LAYOUT_FOLDER
                || out.as_ref().is_some_and(|o| entry.path().canonicalize().ok().as_ref() == Some(o)))
    };
    let mut folders: Vec<PathBuf> = walkdir::WalkDir::new(root)
        .into_iter()
        .filter_entry(|e| !skipped(e))
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_dir() && e.path().join(crate::config::PLAN_FILE).is_file())
        .map(|e| e.into_path())
        .collect();
    folders.sort();
    folders
}

/// What every job of a run shares.
pub(crate) struct Shared<'a> {
    pub root: &'a Path,
    pub options: &'a BatchOptions,
    pub batch: &'a BatchConfig,
    pub resources: &'a Resources,
}

/// A plan folder whose `plan.toml` was read, with where it will be written.
pub(crate) struct Parsed {
    pub folder: PathBuf,
    pub config: PlanConfig,
    pub problems: Problems,
    /// `<out>/<organisation>/<year>`, where its versions go.
    pub target: PathBuf,
    /// Time spent reading it, counted in the plan's time.
    pub elapsed: Duration,
}

/// Builds every plan folder under `root`; one report per folder, in the
/// order of the folders.
pub fn run(
    root: &Path,
    options: &BatchOptions,
    progress: &dyn Progress,
) -> Result<Vec<ClientReport>, BatchError> {
    if !root.is_dir() {
        return Err(BatchError::NoRoot(root.to_path_buf()));
    }
    let batch = config::read(root).map_err(BatchError::Config)?;
    // Each thread's document keeps its memoised results while the others
    // finish theirs (see `CachePolicy::Trim`).
    let bundled = Resources::bundled(CachePolicy::Trim { documents: 2 * threads(options.jobs) });
    let resources = match &batch.layout {
        Some(dir) => {
            bundled.overlaid(dir).map_err(|source| BatchError::Layout { path: dir.clone(), source })?
        }
        None => bundled,
    };
    let folders = discover(root, &options.out);
    progress.start(folders.len());
    let shared = Shared { root, options, batch: &batch, resources: &resources };
    let parsed = in_pool(options.jobs, || {
        use rayon::prelude::*;
        folders.par_iter().map(|folder| job::parse(folder, &shared)).collect::<Vec<_>>()
    });
    let parsed = claim_targets(parsed);
    let reports = one_plan_per_thread(options.jobs, parsed, |parsed| {
        let report = match parsed {
            Ok(parsed) => job::build(parsed, &shared, progress),
            Err(report) => *report,
        };
        progress.finished(&report);
        report
    });
    progress.done();
    Ok(reports)
}

fn threads(jobs: Option<usize>) -> usize {
    jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).max(1)
}

fn in_pool<T: Send>(jobs: Option<usize>, work: impl FnOnce() -> T + Send) -> T {
    let threads = threads(jobs);
    match rayon::ThreadPoolBuilder::new().num_threads(threads).build() {
        Ok(pool) => pool.install(work),
        // Without a pool of our own, rayon's global one does the same work.
        Err(_) => work(),
    }
}

/// Runs `work` on every item, `jobs` at a time, in the items' order of
/// results. Each worker takes the next item only when its current one is
/// done: Typst parallelises within a document on the same threads, and a
/// worker waiting on that must not pick up a second plan meanwhile (it
/// would hold two documents in memory and misreport both plans' times).
fn one_plan_per_thread<T: Send, R: Send>(
    jobs: Option<usize>,
    items: Vec<T>,
    work: impl Fn(T) -> R + Sync,
) -> Vec<R> {
    let count = items.len();
    let queue: Vec<Mutex<Option<T>>> = items.into_iter().map(|item| Mutex::new(Some(item))).collect();
    let results: Vec<Mutex<Option<R>>> = (0..count).map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    let worker = || {
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(slot) = queue.get(i) else { break };
            let item = slot.lock().ok().and_then(|mut item| item.take());
            if let Some(item) = item {
                let result = work(item);
                if let Ok(mut out) = results[i].lock() {
                    *out = Some(result);
                }
            }
        }
    };
    in_pool(jobs, || {
        rayon::scope(|scope| {
            for _ in 0..rayon::current_num_threads().min(count.max(1)) {
                scope.spawn(|_| worker());
            }
        })
    });
    results.into_iter().filter_map(|r| r.into_inner().ok().flatten()).collect()
}

/// Two plans for the same organisation and year would write the same
/// folder: the first (in folder order) keeps it, the others fail and say
/// with whom they clash.
fn claim_targets(parsed: Vec<Result<Parsed, Box<ClientReport>>>) -> Vec<Result<Parsed, Box<ClientReport>>> {
    let mut owners: HashMap<PathBuf, PathBuf> = HashMap::new();
    parsed
        .into_iter()
        .map(|parsed| {
            parsed.and_then(|p| match owners.get(&p.target) {
                Some(owner) => Err(Box::new(job::clash(p, owner))),
                None => {
                    owners.insert(p.target.clone(), p.folder.clone());
                    Ok(p)
                }
            })
        })
        .collect()
}
