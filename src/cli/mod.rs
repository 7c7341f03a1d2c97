//! The command line: one file per subcommand.

mod batch;
mod build;
mod check;
mod demo;
mod diff;
mod history;
mod init;
mod report;
mod serve;
mod todo;
mod verify;
mod watch;

use crate::model::Language;
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "opleidingsplan",
    version,
    about = "Builds a Belgian employer's annual training plan (PDF + XLSX annex) from its HR data."
)]
#[command(propagate_version = true)]
pub(crate) struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the plan in a plan folder (plan.toml plus its workbook).
    Build(build::Args),
    /// Build every plan folder under a folder, in parallel: for consultancies.
    Batch(batch::Args),
    /// Check a plan folder without writing anything: every problem, with its cell.
    Check(check::Args),
    /// Create a plan folder to fill in: a commented plan.toml and a template workbook.
    Init(init::Args),
    /// Write a plan folder for a fictional company, to try the tool or test it at scale.
    Demo(demo::Args),
    /// Check an archive: every file of every version against its manifest.
    Verify(verify::Args),
    /// List the archived versions per organisation and year.
    History(history::Args),
    /// Show what changed between two archived versions: trainings and key figures.
    Diff(diff::Args),
    /// Open the plans in your browser: problems at their cells, the texts as forms, a live preview, builds.
    Serve(serve::Args),
    /// Rebuild a preview PDF whenever plan.toml, the workbook or a layout file is saved.
    Watch(watch::Args),
    /// A worker process of `batch` (started by it; not for people).
    #[command(hide = true, name = "batch-worker")]
    BatchWorker(batch::WorkerArgs),
}

/// Exit statuses: 0 built, 1 problems in the data, 2 usage, configuration
/// or environment errors.
pub(crate) mod exit {
    pub const OK: u8 = 0;
    pub const DATA: u8 = 1;
    pub const USAGE: u8 = 2;
}

/// Runs the command line the process was started with. Exit status: 0
/// built, 1 problems in the data, 2 usage, configuration or environment
/// errors.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Build(args) => build::run(args),
        Command::Batch(args) => batch::run(args),
        Command::Check(args) => check::run(args),
        Command::Demo(args) => demo::run(args),
        Command::Init(args) => init::run(args),
        Command::Verify(args) => verify::run(args),
        Command::History(args) => history::run(args),
        Command::Diff(args) => diff::run(args),
        Command::Serve(args) => serve::run(args),
        Command::Watch(args) => watch::run(args),
        Command::BatchWorker(args) => batch::worker(args),
    };
    ExitCode::from(code)
}

/// Arguments every command that reads a plan shares.
#[derive(clap::Args)]
pub struct PlanArgs {
    /// The plan folder: holds plan.toml and the workbook it names.
    #[arg(value_name = "PLAN_FOLDER")]
    pub plan: PathBuf,
    /// Language of the messages (default: the plan's language).
    #[arg(long, value_enum)]
    pub lang: Option<Language>,
}

impl PlanArgs {
    /// The language to talk to the user in: `--lang`, else the plan's, else English.
    pub fn message_language(&self) -> Language {
        self.lang
            .or_else(|| {
                let path = self.plan.join(crate::config::PLAN_FILE);
                let bytes = crate::files::read_regular(&path, crate::files::SETTINGS_FILE_LIMIT).ok()?;
                crate::config::sniff_language(&String::from_utf8_lossy(&bytes))
            })
            .unwrap_or(Language::En)
    }
}
