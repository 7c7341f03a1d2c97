//! Printing problems for a person at a terminal.

use super::exit;
use crate::i18n::Messages;
use crate::problem::{Problem, Problems, Severity, fill};
use std::io::IsTerminal;

/// Beyond this many, the rest are counted rather than listed.
const LISTED: usize = 200;

/// Prints every problem, errors first; returns the exit status.
pub fn problems(problems: &Problems, messages: &Messages) -> u8 {
    let sorted = problems.sorted();
    for problem in sorted.iter().take(LISTED) {
        eprintln!("{}", line(problem, messages));
    }
    if sorted.len() > LISTED {
        eprintln!("… (+{})", sorted.len() - LISTED);
    }
    let count = problems.error_count().to_string();
    eprintln!("{}", fill(&messages.problems_found, &[("count", &count)]));
    eprintln!("{}", messages.nothing_written);
    if problems.iter().any(|p| p.kind.is_configuration()) { exit::USAGE } else { exit::DATA }
}

pub fn warnings(warnings: &Problems, messages: &Messages) {
    for problem in warnings.sorted() {
        eprintln!("{}", line(problem, messages));
    }
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
