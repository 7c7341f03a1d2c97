//! A plan's problems as the plan page lists them: errors, then warnings;
//! per file and sheet; the same mistake down one column gathered; each
//! with its cell and the values of its row, that column marked.

use super::html::t;
use crate::import::rows::{SheetRows, sheet_rows};
use crate::model::Language;
use crate::problem::{CellRef, LISTED_AT_MOST, LISTED_PER_COLUMN, Problem, Problems, Severity, fill};
use maud::{Markup, html};
use std::collections::BTreeMap;
use std::path::Path;

/// The problems as HTML, and whether any row of the workbook is quoted
/// (personal data on the page).
/// `plan_toml` is the plan's text, to link a problem in it to its form.
pub(super) fn render(
    problems: &Problems,
    folder: &Path,
    plan_toml: &str,
    language: Language,
) -> (Markup, bool) {
    let tr = |key: &str| t(language, key);
    if problems.is_empty() {
        return (html! { h2 { (tr("/problems/title")) } p.good { (tr("/problems/none")) } }, false);
    }
    let blocks = problems.blocks();
    let rows = quoted_rows(&blocks, folder);
    let personal = rows.values().any(|r| !r.rows.is_empty());
    let messages = &language.strings().messages;
    let errors = problems.error_count();
    let count = |key: &str, n: usize| fill(tr(key), &[("count", &n.to_string())]);
    // Within the overall budget, each group shows its first few.
    let mut budget = LISTED_AT_MOST;
    let shown: Vec<Vec<usize>> = blocks
        .iter()
        .map(|block| {
            block
                .iter()
                .map(|g| {
                    let n = g.len().min(LISTED_PER_COLUMN).min(budget);
                    budget -= n;
                    n
                })
                .collect()
        })
        .collect();
    let markup = html! {
        h2 { (tr("/problems/title")) }
        p.summary {
            @if errors > 0 { span.bad { (count("/problems/errors", errors)) } " " (tr("/problems/errors_stop")) }
            @else { span.good { (tr("/problems/no_errors")) } }
            @if problems.len() > errors { " · " span.warn { (count("/problems/warnings", problems.len() - errors)) } }
        }
        @for (block, counts) in blocks.iter().zip(&shown) {
            @let first = block[0][0];
            section.problem-block data-severity=(severity_key(first.severity)) {
                h3 {
                    span class=(severity_key(first.severity)) { (tr(if first.severity == Severity::Error { "/problems/error" } else { "/problems/warning" })) }
                    " · " (first.location.file)
                    @if let Some(sheet) = first.location.sheet.as_deref().filter(|s| !s.is_empty()) { " › " (sheet) }
                }
                @for (group, &count) in block.iter().zip(counts) {
                    ul.problems {
                        @for problem in &group[..count] {
                            li { (item(problem, rows.get(&place(problem)), plan_toml, language)) }
                        }
                    }
                    @if group.len() > count {
                        p.more { (fill(&messages.more_like_this, &[("count", &(group.len() - count).to_string())])) }
                    }
                }
            }
        }
    };
    (markup, personal)
}

/// What the author still has to do, and the legal checklist: what `check`
/// prints, for those who never open a terminal. Worded for the plan's
/// reader language, from the view of the edition shown.
pub(super) fn todo(view: &crate::view::PlanView, language: Language) -> Markup {
    let messages = &language.strings().messages;
    let todos = crate::view::todo::todos(view, messages);
    let title = view.strings["pdf"]["checklist"]["title"].as_str().unwrap_or_default();
    html! {
        @if !todos.is_empty() {
            h2 { (messages.todo.title) }
            ul.todo { @for item in &todos { li { (item) } } }
        }
        h2 { (title) }
        ul.checklist {
            @for line in crate::view::todo::checklist(view) {
                li data-verdict=(line.verdict) {
                    span.mark aria-hidden="true" { (line.mark) } " "
                    strong { (line.title) } " (" (line.verdict_word) ") "
                    span.message { (line.explanation) }
                }
            }
        }
    }
}

fn severity_key(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

fn place(problem: &Problem) -> (String, String) {
    (problem.location.file.clone(), problem.location.sheet.clone().unwrap_or_default())
}

/// The rows of every shown problem at a cell, per file and sheet, read from
/// the workbook in the plan folder (never from outside it).
fn quoted_rows(blocks: &[Vec<Vec<&Problem>>], folder: &Path) -> BTreeMap<(String, String), SheetRows> {
    let mut wanted: BTreeMap<(String, String), Vec<u32>> = BTreeMap::new();
    for group in blocks.iter().flatten() {
        for problem in group.iter().take(LISTED_PER_COLUMN) {
            if let Some(cell) = problem.location.at_cell() {
                wanted.entry(place(problem)).or_default().push(cell.row);
            }
        }
    }
    let Ok(folder) = folder.canonicalize() else { return BTreeMap::new() };
    wanted
        .into_iter()
        .filter_map(|((file, sheet), rows)| {
            let path = folder.join(&file).canonicalize().ok().filter(|p| p.starts_with(&folder))?;
            let found = sheet_rows(&path, &sheet, &rows)?;
            Some(((file, sheet), found))
        })
        .collect()
}

fn item(problem: &Problem, rows: Option<&SheetRows>, plan_toml: &str, language: Language) -> Markup {
    let messages = &language.strings().messages;
    let cell = problem.location.at_cell();
    let line = problem.location.at_line();
    // A problem in plan.toml that one of the page's forms can fix links to it.
    let form = line
        .filter(|_| problem.location.file == crate::config::PLAN_FILE)
        .and_then(|line| super::form::section_at_line(plan_toml, line));
    let row = cell.and_then(|c| rows?.rows.get(&c.row).map(|r| (c, r)));
    html! {
        @if let Some(cell) = cell { span.cell { (cell.to_string()) } " " }
        @if let Some(line) = line { span.cell { (fill(t(language, "/problems/line"), &[("line", &line.to_string())])) } " " }
        span.message { (problem.kind.describe(messages)) }
        @if let Some(section) = form {
            " " a.fix href={ "#form-" (section.id) } { (t(language, "/problems/fix_in_form")) }
        }
        @if let (Some((cell, values)), Some(rows)) = (row, rows) {
            (row_table(cell, values, rows))
        }
    }
}

/// The problem's row: each filled column with its header, the problem's
/// column marked.
fn row_table(cell: CellRef, values: &BTreeMap<u32, String>, rows: &SheetRows) -> Markup {
    let mut columns: Vec<u32> = rows.headers.keys().chain(values.keys()).copied().collect();
    columns.sort_unstable();
    columns.dedup();
    html! {
        div.row-scroll {
            table.row {
                tr {
                    th {}
                    @for c in &columns {
                        th class=[(*c == cell.column).then_some("at")] {
                            (CellRef::column_letters(*c))
                            @if let Some(h) = rows.headers.get(c) { br; small { (h) } }
                        }
                    }
                }
                tr {
                    th { (cell.row + 1) }
                    @for c in &columns {
                        td class=[(*c == cell.column).then_some("at")] { (values.get(c).map_or("", String::as_str)) }
                    }
                }
            }
        }
    }
}
