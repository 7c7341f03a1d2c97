//! Printing problems for a person at a terminal.

use super::exit;
use crate::i18n::Messages;
use crate::problem::{LISTED_AT_MOST, LISTED_PER_COLUMN, Problem, Problems, Severity, fill};
use crate::terminal::tell;
use std::io::IsTerminal;

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

/// Problems in reading order, one block per sheet, the same mistake in a
/// column listed a few times and then counted ([`Problems::blocks`]).
fn print(problems: &Problems, messages: &Messages) {
    let mut listed = 0;
    let mut unlisted = 0;
    for (n, block) in problems.blocks().iter().enumerate() {
        if n > 0 {
            tell!();
        }
        for group in block {
            for problem in group.iter().take(LISTED_PER_COLUMN) {
                if listed < LISTED_AT_MOST {
                    tell!("{}", line(problem, messages));
                    listed += 1;
                } else {
                    unlisted += 1;
                }
            }
            let hidden = group.len().saturating_sub(LISTED_PER_COLUMN);
            if hidden > 0 && listed < LISTED_AT_MOST {
                tell!("  {}", fill(&messages.more_like_this, &[("count", &hidden.to_string())]));
            } else {
                unlisted += hidden;
            }
        }
    }
    if unlisted > 0 {
        tell!("… (+{unlisted})");
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
