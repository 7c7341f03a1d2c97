//! Printing problems for a person at a terminal.

use super::exit;
use crate::i18n::Messages;
use crate::problem::{Problem, Problems, Severity, fill};
use crate::terminal::tell;
use std::io::IsTerminal;

/// Beyond this many, the rest are counted rather than listed.
const LISTED: usize = 200;
/// The same mistake down one column is shown this many times, then counted.
const PER_COLUMN: usize = 5;

/// Prints every problem, errors first; returns the exit status.
pub fn problems(problems: &Problems, messages: &Messages) -> u8 {
    print(problems, messages);
    let count = problems.error_count().to_string();
    tell!("{}", fill(&messages.problems_found, &[("count", &count)]));
    tell!("{}", messages.nothing_written);
    if problems.iter().any(|p| p.kind.is_configuration()) { exit::USAGE } else { exit::DATA }
}

pub fn warnings(warnings: &Problems, messages: &Messages) {
    print(warnings, messages);
}

/// Problems in reading order, one block per sheet. Within a sheet the same
/// mistake in the same column is gathered: its first few cells are listed,
/// the rest counted, so one wrong column cannot bury the other problems.
fn print(problems: &Problems, messages: &Messages) {
    let sorted = problems.sorted();
    let mut listed = 0;
    let mut unlisted = 0;
    let mut start = 0;
    while start < sorted.len() {
        let place = |p: &Problem| (p.severity, p.location.file.clone(), p.location.sheet.clone());
        let end = start + sorted[start..].iter().take_while(|p| place(p) == place(sorted[start])).count();
        if start > 0 {
            tell!();
        }
        for group in groups(&sorted[start..end]) {
            for problem in group.iter().take(PER_COLUMN) {
                if listed < LISTED {
                    tell!("{}", line(problem, messages));
                    listed += 1;
                } else {
                    unlisted += 1;
                }
            }
            let hidden = group.len().saturating_sub(PER_COLUMN);
            if hidden > 0 && listed < LISTED {
                tell!("  {}", fill(&messages.more_like_this, &[("count", &hidden.to_string())]));
            } else {
                unlisted += hidden;
            }
        }
        start = end;
    }
    if unlisted > 0 {
        tell!("… (+{unlisted})");
    }
}

/// The problems of one sheet, gathered by kind and column in order of first appearance.
fn groups<'a>(problems: &[&'a Problem]) -> Vec<Vec<&'a Problem>> {
    let mut groups: Vec<Vec<&'a Problem>> = Vec::new();
    for &problem in problems {
        let same = |p: &Problem| {
            problem.kind.column().is_some()
                && std::mem::discriminant(&p.kind) == std::mem::discriminant(&problem.kind)
                && p.kind.column() == problem.kind.column()
        };
        match groups.iter_mut().find(|g| same(g[0])) {
            Some(group) => group.push(problem),
            None => groups.push(vec![problem]),
        }
    }
    groups
}

fn line(problem: &Problem, messages: &Messages) -> String {
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let (label, code) = match problem.severity {
        Severity::Error => (&messages.error, "1;31"),
        Severity::Warning => (&messages.warning, "1;33"),
    };
    let label = if color { format!("\x1b[{code}m{label}\x1b[0m") } else { label.clone() };
    format!("{label}{}{}", messages.separator, problem.describe(messages))
}
