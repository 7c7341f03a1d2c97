//! `opleidingsplan batch`: every plan folder under a root, built in
//! parallel, each isolated from the others. Work shared by all plans (the
//! fonts, the layouts, `batch.toml`, the tool's identity) is done once per
//! run; a plan whose inputs did not change since its last build is skipped.

mod config;
mod job;
mod pool;
pub mod progress;
pub(crate) mod summary;
mod worker;

pub(crate) use config::BatchConfig;
pub(crate) use config::read as read_config;
pub use config::{BATCH_FILE, LAYOUT_FOLDER};
pub use pool::Processes;
pub use progress::Progress;
pub use worker::serve as serve_worker;

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
    /// Build each plan in a worker process with time and memory limits;
    /// `None`: in this process, one thread per plan (for library use).
    pub isolation: Option<Processes>,
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
    /// Worded by the worker process that built the plan.
    Described(Vec<String>),
    /// The worker building the plan ended unexpectedly: how.
    Crashed(String),
    /// The plan took longer than the time limit.
    TimedOut(Duration),
    /// The worker grew past the memory limit, in MiB.
    OutOfMemory(u64),
    /// The plan folder, or its `plan.toml`, cannot be read: why.
    Unreadable(String),
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
        /// What went wrong, and with which file.
        source: crate::outputs::pdf::LayoutFileError,
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
            BatchError::Layout { source, .. } => source.describe(m),
        }
    }
}

/// A folder a batch looks at: a plan folder, or one that may be meant as
/// one and cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// The folder.
    pub folder: PathBuf,
    /// Why it cannot be built, when it cannot.
    pub fault: Option<String>,
}

/// Plan folders (those holding a `plan.toml`) under `root`, sorted, and
/// every folder that may be one but cannot be used (its `plan.toml` a
/// folder or a dangling link, the folder unreadable): none disappears
/// silently. Hidden folders, layout folders and the output folder are not
/// searched.
pub fn discover(root: &Path, out: &Path) -> Vec<Candidate> {
    let out = out.canonicalize().ok();
    let skipped = |entry: &walkdir::DirEntry| {
        let name = entry.file_name().to_string_lossy();
        entry.depth() > 0
            && entry.file_type().is_dir()
            && (name.starts_with('.')
                || name == LAYOUT_FOLDER
                || out.as_ref().is_some_and(|o| entry.path().canonicalize().ok().as_ref() == Some(o)))
    };
    let mut found = Vec::new();
    for entry in walkdir::WalkDir::new(root).into_iter().filter_entry(|e| !skipped(e)) {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let folder = e.path().map_or_else(|| root.to_path_buf(), Path::to_path_buf);
                let fault = Some(e.io_error().map_or_else(|| e.to_string(), |io| io.to_string()));
                found.push(Candidate { folder, fault });
                continue;
            }
        };
        if !entry.file_type().is_dir() {
            continue;
        }
        let plan = entry.path().join(crate::config::PLAN_FILE);
        let fault = match std::fs::symlink_metadata(&plan) {
            Err(_) => continue,
            Ok(_) => match std::fs::metadata(&plan) {
                Ok(m) if m.is_file() => None,
                Ok(_) => Some(format!("{} is not a file", crate::config::PLAN_FILE)),
                Err(e) => Some(format!("{}: {e}", crate::config::PLAN_FILE)),
            },
        };
        found.push(Candidate { folder: entry.into_path(), fault });
    }
    found.sort_by(|a, b| a.folder.cmp(&b.folder));
    found
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
    let candidates = discover(root, &options.out);
    progress.start(candidates.len());
    let shared = Shared { root, options, batch: &batch, resources: &resources };
    let parsed = in_pool(options.jobs, || {
        use rayon::prelude::*;
        candidates.par_iter().map(|c| job::parse_candidate(c, &shared)).collect::<Vec<_>>()
    });
    let parsed = claim_targets(parsed);
    let reports = match &options.isolation {
        Some(processes) => in_processes(parsed, threads(options.jobs), processes, progress),
        None => one_plan_per_thread(options.jobs, parsed, |parsed| {
            let report = match parsed {
                Ok(parsed) => job::build(parsed, &shared, progress),
                Err(report) => *report,
            };
            progress.finished(&report);
            report
        }),
    };
    progress.done();
    Ok(reports)
}

/// The plans read without a problem built in worker processes, the others
/// reported as they are; all in the order of their folders.
fn in_processes(
    parsed: Vec<Result<Parsed, Box<ClientReport>>>,
    jobs: usize,
    processes: &Processes,
    progress: &dyn Progress,
) -> Vec<ClientReport> {
    let mut order = Vec::with_capacity(parsed.len());
    let mut plans = Vec::new();
    let mut done = Vec::new();
    for item in parsed {
        match item {
            Ok(plan) => {
                order.push(true);
                plans.push(plan);
            }
            Err(report) => {
                progress.finished(&report);
                order.push(false);
                done.push(*report);
            }
        }
    }
    let mut built = pool::run(plans, jobs, processes, progress).into_iter();
    let mut done = done.into_iter();
    order.into_iter().filter_map(|was_plan| if was_plan { built.next() } else { done.next() }).collect()
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
