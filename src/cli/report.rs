//! Printing problems for a person at a terminal.

use super::exit;
use crate::i18n::Messages;
use crate::problem::{Problem, Problems, Severity, fill};
use std::io::IsTerminal;

/// Beyond this many, the rest are counted rather than listed.
const LISTED: usize = 200;
/// The same mistake down one column is shown this many times, then counted.
const PER_COLUMN: usize = 5;

/// Prints every problem, errors first; returns the exit status.
pub fn problems(problems: &Problems, messages: &Messages) -> u8 {
    print(problems, messages);
    let count = problems.error_count().to_string();
    eprintln!("{}", fill(&messages.problems_found, &[("count", &count)]));
    eprintln!("{}", messages.nothing_written);
    if problems.iter().any(|p| p.kind.is_configuration()) { exit::USAGE } else { exit::DATA }
}

pub fn warnings(warnings: &Problems, messages: &Messages) {
    print(warnings, messages);
}

/// Problems in reading order, a blank line between sheets, long runs of the
/// same mistake in one column cut short.
fn print(problems: &Problems, messages: &Messages) {
    let mut listed = 0;
    let mut previous: Option<&Problem> = None;
    let mut run = 0;
    let mut hidden = 0;
    for problem in problems.sorted() {
        let same_place = previous.is_some_and(|p| {
            p.location.file == problem.location.file && p.location.sheet == problem.location.sheet
        });
        let same_mistake = same_place
            && previous.is_some_and(|p| {
                p.severity == problem.severity
                    && std::mem::discriminant(&p.kind) == std::mem::discriminant(&problem.kind)
                    && p.kind.column().is_some()
                    && p.kind.column() == problem.kind.column()
            });
        if !same_mistake {
            flush_hidden(&mut hidden, messages);
            run = 0;
        }
        if previous.is_some() && !same_place {
            eprintln!();
        }
        previous = Some(problem);
        run += 1;
        if run > PER_COLUMN || listed >= LISTED {
            hidden += 1;
            continue;
        }
        eprintln!("{}", line(problem, messages));
        listed += 1;
    }
    flush_hidden(&mut hidden, messages);
}

fn flush_hidden(hidden: &mut usize, messages: &Messages) {
    if *hidden > 0 {
        eprintln!("  {}", fill(&messages.more_like_this, &[("count", &hidden.to_string())]));
        *hidden = 0;
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
