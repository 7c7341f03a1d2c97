//! A batch's worker process (`opleidingsplan batch-worker`): the same
//! binary, started by the batch, building one plan at a time as the batch
//! hands them over on its standard input, one JSON line per plan, and
//! answering with one JSON line per plan on its standard output. A layout
//! that never ends, a workbook that exhausts memory or a crash ends this
//! process, never the batch; the batch starts another one.

use super::summary::failure_lines;
use super::{BatchOptions, ClientReport, Outcome, Shared, job};
use crate::model::Language;
use crate::outputs::pdf::{CachePolicy, Resources};
use serde::{Deserialize, Serialize};
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// One plan to build.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct Request {
    /// The plan folder.
    pub folder: PathBuf,
}

/// How it went, as the summary needs it.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct Reply {
    pub client: String,
    pub outcome: Wire,
    pub elapsed_ms: u64,
}

/// An outcome across the pipe: failures already worded in the batch's
/// language.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) enum Wire {
    Built { pages: usize, warnings: usize, version: u32, folder: PathBuf, written: bool },
    Skipped { version: u32, folder: PathBuf },
    Failed { lines: Vec<String> },
}

impl Reply {
    /// The report of a plan built in a worker.
    pub fn into_report(self, folder: PathBuf) -> ClientReport {
        let outcome = match self.outcome {
            Wire::Built { pages, warnings, version, folder, written } => {
                Outcome::Built { pages, warnings, version, folder, written }
            }
            Wire::Skipped { version, folder } => Outcome::Skipped { version, folder },
            Wire::Failed { lines } => Outcome::Failed(super::Failure::Described(lines)),
        };
        ClientReport { folder, client: self.client, outcome, elapsed: Duration::from_millis(self.elapsed_ms) }
    }
}

/// The worker's loop: reads requests until its input closes. Returns the
/// process's exit status.
pub fn serve(root: &Path, options: &BatchOptions, language: Language) -> u8 {
    // A plan's panic is caught and reported; its message must not reach
    // the terminal raw.
    std::panic::set_hook(Box::new(|_| {}));
    let messages = &language.strings().messages;
    let Ok(batch) = super::config::read(root) else { return 2 };
    // One plan at a time: nothing worth keeping between two clients.
    let bundled = Resources::bundled(CachePolicy::Trim { documents: 0 });
    let resources = match &batch.layout {
        Some(dir) => match bundled.overlaid(dir) {
            Ok(resources) => resources,
            Err(_) => return 2,
        },
        None => bundled,
    };
    let shared = Shared { root, options, batch: &batch, resources: &resources };
    let stdin = std::io::stdin();
    for line in stdin.lock().lines() {
        let Ok(line) = line else { break };
        let Ok(request) = serde_json::from_str::<Request>(&line) else { continue };
        let report = match job::parse(&request.folder, &shared) {
            Ok(parsed) => job::build(parsed, &shared, &super::progress::Silent),
            Err(report) => *report,
        };
        let reply = reply(report, messages);
        let mut out = std::io::stdout().lock();
        let sent =
            serde_json::to_writer(&mut out, &reply).is_ok() && writeln!(out).is_ok() && out.flush().is_ok();
        if !sent {
            break;
        }
    }
    0
}

fn reply(report: ClientReport, m: &crate::i18n::Messages) -> Reply {
    let outcome = match report.outcome {
        Outcome::Built { pages, warnings, version, folder, written } => {
            Wire::Built { pages, warnings, version, folder, written }
        }
        Outcome::Skipped { version, folder } => Wire::Skipped { version, folder },
        Outcome::Failed(failure) => Wire::Failed { lines: failure_lines(&failure, &report.folder, m) },
    };
    Reply { client: report.client, outcome, elapsed_ms: report.elapsed.as_millis() as u64 }
}
