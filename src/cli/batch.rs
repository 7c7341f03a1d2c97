use super::{exit, report};
use crate::batch::{self, BatchError, BatchOptions, progress};
use crate::model::EditionChoice;
use crate::model::Language;
use crate::problem::fill;
use crate::terminal::{say, say_raw, tell};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::Instant;

#[derive(clap::Args)]
pub struct Args {
    /// The folder to search for plan folders (each holding a plan.toml); may
    /// hold a batch.toml with defaults for all of them.
    #[arg(value_name = "ROOT")]
    root: PathBuf,
    /// Where to write the plans: <OUT>/<enterprise number>-<organisation>/<year>/.
    #[arg(long, default_value = "output", value_name = "DIR")]
    out: PathBuf,
    /// Plans built at the same time (default: one per core).
    #[arg(long, short = 'j', value_name = "N")]
    jobs: Option<usize>,
    /// Which edition to write for every plan (default: as each plan.toml or
    /// the batch.toml says, else `council`).
    #[arg(long, value_enum)]
    edition: Option<EditionChoice>,
    /// Rebuild plans whose inputs did not change since their latest version
    /// (a rebuild identical to it is still not archived twice).
    #[arg(long)]
    force: bool,
    /// Archive a new version of every plan built, even when identical to the latest.
    #[arg(long)]
    new_version: bool,
    /// Print only the summary.
    #[arg(long, short = 'q')]
    quiet: bool,
    /// Language of the messages (default: batch.toml's default language, else English).
    #[arg(long, value_enum)]
    lang: Option<Language>,
    /// The longest one plan may take, in seconds; a plan that takes longer
    /// (a layout that never ends) is stopped and reported.
    #[arg(long, value_name = "SECONDS", default_value_t = 600)]
    timeout: u64,
    /// The most memory one plan may use, in MiB.
    #[arg(long, value_name = "MIB", default_value_t = 2048)]
    memory: u64,
}

/// Arguments of the worker processes a batch starts (not for people).
#[derive(clap::Args)]
pub struct WorkerArgs {
    #[arg(value_name = "ROOT")]
    root: PathBuf,
    #[arg(long)]
    out: PathBuf,
    #[arg(long, value_enum)]
    edition: Option<EditionChoice>,
    #[arg(long)]
    force: bool,
    #[arg(long)]
    new_version: bool,
    #[arg(long, value_enum)]
    lang: Language,
}

/// A worker process of a batch: builds the plans it is handed.
pub fn worker(args: WorkerArgs) -> u8 {
    let options = BatchOptions {
        out: args.out,
        jobs: Some(1),
        editions: args.edition.map(EditionChoice::editions),
        force: args.force,
        new_version: args.new_version,
        isolation: None,
    };
    batch::serve_worker(&args.root, &options, args.lang)
}

/// What the workers of this batch are started with.
fn processes(args: &Args, language: Language) -> Option<batch::Processes> {
    let program = std::env::current_exe().ok()?;
    let mut arguments = vec![
        "batch-worker".to_string(),
        args.root.display().to_string(),
        "--out".into(),
        args.out.display().to_string(),
        "--lang".into(),
        language.code().into(),
    ];
    if let Some(edition) = args.edition {
        arguments.extend(["--edition".into(), crate::view::code(edition)]);
    }
    if args.force {
        arguments.push("--force".into());
    }
    if args.new_version {
        arguments.push("--new-version".into());
    }
    Some(batch::Processes {
        program,
        time_limit: std::time::Duration::from_secs(args.timeout.max(1)),
        memory_limit_mib: args.memory.max(64),
        arguments,
    })
}

pub fn run(args: Args) -> u8 {
    let language = args.lang.or_else(|| batch_language(&args.root)).unwrap_or(Language::En);
    let messages = &language.strings().messages;
    let isolation = processes(&args, language);
    let options = BatchOptions {
        out: args.out,
        jobs: args.jobs,
        editions: args.edition.map(EditionChoice::editions),
        force: args.force,
        new_version: args.new_version,
        isolation,
    };
    let started = Instant::now();
    let (silent, lines, bar);
    let progress: &dyn batch::Progress = if args.quiet {
        silent = progress::Silent;
        &silent
    } else if std::io::stderr().is_terminal() {
        bar = progress::Bar::new(messages);
        &bar
    } else {
        lines = progress::Lines::new(messages);
        &lines
    };
    let reports = match batch::run(&args.root, &options, progress) {
        Ok(reports) => reports,
        Err(BatchError::Config(problems)) => return report::problems(&problems, messages),
        Err(other) => {
            tell!("{}{}{}", messages.error, messages.separator, other.describe(messages));
            return exit::USAGE;
        }
    };
    if reports.is_empty() {
        let root = args.root.display().to_string();
        tell!("{}{}{}", messages.error, messages.separator, fill(&messages.batch_none, &[("root", &root)]));
        return exit::USAGE;
    }
    say_raw!("{}", batch::summary::table(&reports, messages));
    let failures = batch::summary::failures(&reports, messages);
    if !failures.is_empty() {
        tell!("\n{failures}");
    }
    say!("\n{}", batch::summary::totals(&reports, started.elapsed(), messages));
    if reports.iter().any(|r| matches!(r.outcome, batch::Outcome::Skipped { .. })) && !args.quiet {
        say!("{}", messages.batch_skipped_hint);
    }
    if reports.iter().any(|r| r.outcome.failed()) { exit::DATA } else { exit::OK }
}

/// `[defaults] language` in the root's batch.toml, read leniently.
fn batch_language(root: &Path) -> Option<Language> {
    let path = root.join(batch::BATCH_FILE);
    let bytes = crate::files::read_regular(&path, crate::files::SETTINGS_FILE_LIMIT).ok()?;
    crate::config::sniff_language(&String::from_utf8_lossy(&bytes))
}
