//! The table printed after a batch: one row per plan, then what went wrong
//! with the ones that failed.

use super::progress::{seconds, status};
use super::{ClientReport, Failure, Outcome};
use crate::i18n::Messages;
use crate::problem::{Severity, fill};
use std::path::Path;
use std::time::Duration;

/// Problems shown per failed plan; `check` lists them all.
const SHOWN_PROBLEMS: usize = 3;
const CLIENT_WIDTH: usize = 36;

pub fn table(reports: &[ClientReport], m: &Messages) -> String {
    let rows: Vec<Vec<String>> = reports.iter().map(|r| row(r, m).to_vec()).collect();
    crate::text::table(&m.batch_columns, &rows, &[2, 3, 4])
}

fn row(report: &ClientReport, m: &Messages) -> [String; 6] {
    let (pages, warnings, target) = match &report.outcome {
        Outcome::Built { pages, warnings, folder, .. } => {
            (pages.to_string(), warnings.to_string(), shown(folder))
        }
        Outcome::Skipped { folder, .. } => (String::new(), String::new(), shown(folder)),
        Outcome::Failed(_) => (String::new(), String::new(), shown(&report.folder)),
    };
    [clip(&report.client), status(report, m), pages, warnings, seconds(report.elapsed), target]
}

fn clip(name: &str) -> String {
    match name.chars().count() > CLIENT_WIDTH {
        true => format!("{}…", name.chars().take(CLIENT_WIDTH - 1).collect::<String>()),
        false => name.to_string(),
    }
}

fn shown(path: &Path) -> String {
    path.display().to_string()
}

/// For each failed plan: its folder and its first problems.
pub fn failures(reports: &[ClientReport], m: &Messages) -> String {
    let mut out = Vec::new();
    for report in reports {
        let Outcome::Failed(failure) = &report.outcome else { continue };
        out.push(format!("{} ({})", report.client, report.folder.display()));
        for line in failure_lines(failure, &report.folder, m) {
            out.push(format!("  {line}"));
        }
    }
    out.join("\n")
}

pub(crate) fn failure_lines(failure: &Failure, folder: &Path, m: &Messages) -> Vec<String> {
    let error = |text: String| format!("{}{}{text}", m.error, m.separator);
    match failure {
        Failure::Problems(problems) => {
            let sorted = problems.sorted();
            let errors: Vec<_> = sorted.iter().filter(|p| p.severity == Severity::Error).collect();
            let mut lines: Vec<String> =
                errors.iter().take(SHOWN_PROBLEMS).map(|p| error(p.describe(m))).collect();
            if errors.len() > SHOWN_PROBLEMS {
                let count = (errors.len() - SHOWN_PROBLEMS).to_string();
                let folder = folder.display().to_string();
                lines.push(fill(&m.batch_more_problems, &[("count", &count), ("folder", &folder)]));
            }
            lines
        }
        Failure::Clash { other, target } => {
            let (other, target) = (other.display().to_string(), target.display().to_string());
            vec![error(fill(&m.batch_clash, &[("other", &other), ("target", &target)]))]
        }
        Failure::Build(failure) => vec![error(failure.describe(m))],
        Failure::Panic(detail) => vec![error(fill(&m.batch_panic, &[("detail", detail)]))],
        Failure::Described(lines) => lines.clone(),
        Failure::Crashed(how) => vec![error(fill(&m.batch_crashed, &[("how", how)]))],
        Failure::TimedOut(limit) => {
            vec![error(fill(&m.batch_timed_out, &[("seconds", &limit.as_secs().to_string())]))]
        }
        Failure::OutOfMemory(mib) => {
            vec![error(fill(&m.batch_out_of_memory, &[("limit", &mib.to_string())]))]
        }
        Failure::Unreadable(reason) => vec![error(fill(&m.batch_unreadable, &[("reason", reason)]))],
    }
}

/// "30 built, 1 unchanged, 2 failed, in 41.3 s."
pub fn totals(reports: &[ClientReport], elapsed: Duration, m: &Messages) -> String {
    let count = |f: fn(&Outcome) -> bool| reports.iter().filter(|r| f(&r.outcome)).count().to_string();
    let built = count(|o| matches!(o, Outcome::Built { .. }));
    let skipped = count(|o| matches!(o, Outcome::Skipped { .. }));
    let failed = count(Outcome::failed);
    let time = seconds(elapsed);
    fill(&m.batch_summary, &[("built", &built), ("skipped", &skipped), ("failed", &failed), ("time", &time)])
}
