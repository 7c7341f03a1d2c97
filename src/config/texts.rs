//! Limits on every text of a settings file, checked once over the whole
//! file whatever section a text is in, so that a text no output can hold
//! is refused at its line, not when the annex is written.

use crate::glyphs;
use crate::problem::{ProblemKind, Problems};

/// The longest text a setting may hold: what one spreadsheet cell holds,
/// since the annex repeats the plan's texts.
pub const MAX_TEXT_CHARS: usize = 32_767;

/// The longest organisation name: it heads every page and names the files.
pub const MAX_NAME_CHARS: usize = 160;

/// Reports every text in `text` (the contents of `file`) longer than
/// [`MAX_TEXT_CHARS`]. A file that does not parse is left to the parser's
/// own message.
pub fn check(file: &'static str, text: &str, problems: &mut Problems) {
    let Ok(document) = toml_edit::ImDocument::parse(text) else { return };
    let mut walk = Walk { file, text, problems };
    walk.table(document.as_table(), "");
}

struct Walk<'a> {
    file: &'static str,
    text: &'a str,
    problems: &'a mut Problems,
}

impl Walk<'_> {
    fn table(&mut self, table: &toml_edit::Table, prefix: &str) {
        for (key, item) in table.iter() {
            let path = join(prefix, key);
            match item {
                toml_edit::Item::Value(value) => self.value(value, &path),
                toml_edit::Item::Table(table) => self.table(table, &path),
                toml_edit::Item::ArrayOfTables(tables) => {
                    for table in tables.iter() {
                        self.table(table, &path);
                    }
                }
                toml_edit::Item::None => {}
            }
        }
    }

    fn value(&mut self, value: &toml_edit::Value, path: &str) {
        match value {
            toml_edit::Value::String(s) => self.string(s.value(), s.span(), path),
            toml_edit::Value::Array(array) => {
                for value in array.iter() {
                    self.value(value, path);
                }
            }
            toml_edit::Value::InlineTable(table) => {
                for (key, value) in table.iter() {
                    self.value(value, &join(path, key));
                }
            }
            _ => {}
        }
    }
}

impl Walk<'_> {
    /// A text too long, with control characters, or with characters no
    /// font has.
    fn string(&mut self, value: &str, span: Option<std::ops::Range<usize>>, path: &str) {
        let at = || super::at_span_in(self.file, self.text, span.clone());
        let count = value.chars().count();
        if count > MAX_TEXT_CHARS {
            let kind = ProblemKind::TextTooLong { key: path.to_string(), count, limit: MAX_TEXT_CHARS };
            self.problems.error(at(), kind);
            return;
        }
        if value.is_ascii() && !value.bytes().any(|b| b.is_ascii_control()) {
            return;
        }
        let found = glyphs::unshowable(value);
        if !found.controls.is_empty() {
            let codes = codes(&found.controls);
            self.problems.error(at(), ProblemKind::SettingControlCharacters { key: path.to_string(), codes });
        }
        if !found.missing.is_empty() {
            let chars = found.missing.iter().collect();
            let kind = ProblemKind::NoGlyph { field: path.to_string(), chars, codes: codes(&found.missing) };
            self.problems.warning(at(), kind);
        }
    }
}

fn codes(chars: &[char]) -> String {
    glyphs::code_points(chars)
}

fn join(prefix: &str, key: &str) -> String {
    if prefix.is_empty() { key.to_string() } else { format!("{prefix}.{key}") }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::problem::Location;

    /// The first problem [`check`] finds in a plan.toml holding `text`.
    fn first(text: &str) -> Option<(Location, ProblemKind)> {
        let mut problems = Problems::default();
        check("plan.toml", text, &mut problems);
        problems.sorted().first().map(|p| (p.location.clone(), p.kind.clone()))
    }

    #[test]
    fn a_text_too_long_for_a_cell_is_found_wherever_it_is() {
        let long = "a".repeat(MAX_TEXT_CHARS + 1);
        let text = format!("[plan]\nyear = 2027\n\n[[strategy.goals]]\nid = \"D1\"\ntitle = \"{long}\"\n");
        let (at, kind) = first(&text).expect("found");
        assert_eq!(at, Location::line("plan.toml", 6, 9));
        assert_eq!(
            kind,
            ProblemKind::TextTooLong {
                key: "strategy.goals.title".into(),
                count: MAX_TEXT_CHARS + 1,
                limit: MAX_TEXT_CHARS
            }
        );
        let inline = format!("[organisation]\nx = {{ y = [\"{long}\"] }}\n");
        assert!(first(&inline).is_some_and(
            |(_, k)| matches!(k, ProblemKind::TextTooLong { ref key, .. } if key == "organisation.x.y")
        ));
        let fits = format!("[plan]\nmission = \"{}\"\n", "a".repeat(MAX_TEXT_CHARS));
        assert_eq!(first(&fits), None);
    }
}
