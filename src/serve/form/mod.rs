//! The texts and settings of `plan.toml` the plan page edits, and how a
//! posted form is written back: with `toml_edit`, so every comment, blank
//! line and key the form does not touch stays as the author left it.

use toml_edit::{DocumentMut, Item, Table, Value};

/// How a field is edited and stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// One line of text.
    Line,
    /// A paragraph.
    Text,
    /// A date, `YYYY-MM-DD`, stored as a TOML date.
    Date,
    /// Yes or no.
    Bool,
    /// A list of texts, one per line.
    Lines,
    /// A list of codes, each a checkbox.
    Codes(&'static [&'static str]),
    /// One of these codes.
    Choice(&'static [&'static str]),
}

/// One field: its key in the section (dotted for a sub-table) and kind.
#[derive(Debug, Clone, Copy)]
pub(super) struct Field {
    pub key: &'static str,
    pub kind: Kind,
}

/// Where a section's fields live in `plan.toml`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Shape {
    /// A table (`[strategy]`).
    Table(&'static str),
    /// An array of tables (`[[strategy.goals]]`): one block per entry.
    Array(&'static str),
}

/// A form of the plan page.
#[derive(Debug, Clone, Copy)]
pub(super) struct Section {
    /// Its id, in URLs and wording keys.
    pub id: &'static str,
    pub shape: Shape,
    pub fields: &'static [Field],
}

const fn field(key: &'static str, kind: Kind) -> Field {
    Field { key, kind }
}

/// The readiness statements' codes, as the plan's readiness page lists them.
pub(super) const READINESS: &[&str] = &[
    "V1", "V2", "V3", "V4", "N1", "N2", "N3", "N4", "N5", "P1", "P2", "P3", "P4", "P5", "P6", "O1", "O2",
    "O3", "O4", "O5", "A1", "A2", "A3", "A4", "A5", "L1", "L2", "L3", "L4", "L5",
];

/// The groups an action may be for (`[[actions]] group`).
const ACTION_GROUPS: &[&str] = &[
    "aged_50_plus",
    "disability",
    "non_eu_nationality",
    "bottleneck_occupation",
    "gender",
    "training_right",
];

/// Who gives advice (`[consultation] body`); empty: as `[organisation]` says.
const BODIES: &[&str] = &["works_council", "union_delegation", "employees"];

/// Every form, in the order of the page.
pub(super) const SECTIONS: &[Section] = &[
    Section {
        id: "organisation",
        shape: Shape::Table("organisation"),
        fields: &[
            field("name", Kind::Line),
            field("enterprise_number", Kind::Line),
            field("registered_office", Kind::Line),
            field("works_council", Kind::Bool),
            field("union_delegation", Kind::Bool),
        ],
    },
    Section {
        id: "strategy",
        shape: Shape::Table("strategy"),
        fields: &[
            field("mission", Kind::Text),
            field("vision", Kind::Text),
            field("learning_vision", Kind::Text),
            field("stakeholders", Kind::Text),
            field("communication", Kind::Text),
            field("needs.individual", Kind::Text),
            field("needs.team", Kind::Text),
            field("needs.organisation", Kind::Text),
        ],
    },
    Section {
        id: "goals",
        shape: Shape::Array("strategy.goals"),
        fields: &[
            field("id", Kind::Line),
            field("title", Kind::Line),
            field("description", Kind::Text),
            field("measure", Kind::Text),
        ],
    },
    Section {
        id: "annual",
        shape: Shape::Table("annual"),
        fields: &[
            field("goals", Kind::Lines),
            field("forms_of_learning", Kind::Text),
            field("rules", Kind::Lines),
            field("quality", Kind::Text),
        ],
    },
    Section {
        id: "roles",
        shape: Shape::Array("annual.roles"),
        fields: &[field("role", Kind::Line), field("responsibility", Kind::Text)],
    },
    Section {
        id: "actions",
        shape: Shape::Array("actions"),
        fields: &[
            field("group", Kind::Choice(ACTION_GROUPS)),
            field("action", Kind::Text),
            field("owner", Kind::Line),
            field("deadline", Kind::Date),
            field("indicator", Kind::Text),
        ],
    },
    Section {
        id: "consultation",
        shape: Shape::Table("consultation"),
        fields: &[
            field("body", Kind::Choice(BODIES)),
            field("draft_sent", Kind::Date),
            field("meeting", Kind::Date),
            field("advice_date", Kind::Date),
            field("advice", Kind::Text),
            field("response", Kind::Text),
            field("approved_by", Kind::Line),
            field("fixed_on", Kind::Date),
            field("in_force", Kind::Date),
            field("uploaded", Kind::Date),
        ],
    },
    Section {
        id: "readiness",
        shape: Shape::Table("readiness"),
        fields: &[field("applies", Kind::Codes(READINESS))],
    },
    Section {
        id: "branding",
        shape: Shape::Table("branding"),
        fields: &[
            field("primary", Kind::Line),
            field("accent", Kind::Line),
            field("cover_text", Kind::Line),
            field("logo", Kind::Line),
        ],
    },
];

/// The section with this id.
pub(super) fn section(id: &str) -> Option<&'static Section> {
    SECTIONS.iter().find(|s| s.id == id)
}

/// The plan folder's `plan.toml` as text, read within the settings limit
/// (a file that is too large, not a file or not UTF-8 gives `None`).
pub(super) fn read_plan_toml(folder: &std::path::Path) -> Option<String> {
    let path = folder.join(crate::config::PLAN_FILE);
    let bytes = crate::files::read_regular(&path, crate::files::SETTINGS_FILE_LIMIT).ok()?;
    String::from_utf8(bytes).ok()
}

/// A field's value as the form shows it: text, "true", or lines.
pub(super) fn shown(table: &Table, key: &str) -> String {
    let Some(item) = lookup(table, key) else { return String::new() };
    match item.as_value() {
        Some(Value::String(s)) => s.value().clone(),
        Some(Value::Boolean(b)) => b.value().to_string(),
        Some(Value::Datetime(d)) => d.value().to_string(),
        Some(Value::Integer(i)) => i.value().to_string(),
        Some(Value::Float(f)) => f.value().to_string(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|v| v.as_str().map_or_else(|| v.to_string().trim().to_string(), str::to_string))
            .collect::<Vec<_>>()
            .join("\n"),
        Some(Value::InlineTable(_)) | None => String::new(),
    }
}

fn lookup<'t>(table: &'t Table, key: &str) -> Option<&'t Item> {
    let mut parts = key.split('.');
    let first = table.get(parts.next()?)?;
    parts.try_fold(first, |item, part| item.get(part))
}

/// The table at `path` (`"strategy"`) under `root`, when there is one.
pub(super) fn table<'d>(root: &'d Table, path: &str) -> Option<&'d Table> {
    path.split('.').try_fold(root, |t, part| t.get(part)?.as_table())
}

/// The entries of the array of tables at `path` under `root`.
pub(super) fn entries<'d>(root: &'d Table, path: &str) -> Vec<&'d Table> {
    let (parent, last) = path.rsplit_once('.').map_or(("", path), |(p, l)| (p, l));
    let parent = if parent.is_empty() { Some(root) } else { table(root, parent) };
    parent
        .and_then(|t| t.get(last))
        .and_then(Item::as_array_of_tables)
        .map(|a| a.iter().collect())
        .unwrap_or_default()
}

/// The form that edits what is on `line` (1-based) of the plan.toml
/// `text`: a problem found there can be fixed in it.
pub(super) fn section_at_line(text: &str, line: usize) -> Option<&'static Section> {
    let doc = toml_edit::ImDocument::parse(text).ok()?;
    let line_of = |offset: usize| text.get(..offset).map_or(0, |t| t.matches('\n').count() + 1);
    let covers =
        |item: &Item| item.span().is_some_and(|s| (line_of(s.start)..=line_of(s.end)).contains(&line));
    SECTIONS.iter().find(|section| {
        let tables = match section.shape {
            Shape::Table(path) => table(doc.as_table(), path).into_iter().collect(),
            Shape::Array(path) => entries(doc.as_table(), path),
        };
        tables.iter().any(|t| section.fields.iter().any(|f| lookup(t, f.key).is_some_and(covers)))
    })
}

/// Why a posted value cannot be stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Refused {
    /// The field's form name.
    pub field: String,
    /// What is wrong: `date`, `choice`.
    pub reason: &'static str,
}

/// Writes the posted `form` into `doc` for `section`. Array sections post
/// `<n>.<key>` per entry, `<n>._remove` to drop one and `new.<key>` to add
/// one. An empty field removes its key (so optional settings go back to
/// their default) rather than store an empty text.
pub(super) fn apply(
    doc: &mut DocumentMut,
    section: &Section,
    form: &[(String, String)],
) -> Result<(), Vec<Refused>> {
    let value = |name: &str| form.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
    let values =
        |name: &str| form.iter().filter(|(k, _)| k == name).map(|(_, v)| v.as_str()).collect::<Vec<_>>();
    let mut refused = Vec::new();
    match section.shape {
        Shape::Table(path) => {
            let table = table_mut(doc, path);
            for field in section.fields {
                set(table, field, value(field.key), &values(field.key), field.key, &mut refused);
            }
        }
        Shape::Array(path) => {
            let array = array_mut(doc, path);
            let mut removed = Vec::new();
            for (n, entry) in array.iter_mut().enumerate() {
                if value(&format!("{n}._remove")).is_some() {
                    removed.push(n);
                    continue;
                }
                for field in section.fields {
                    let name = format!("{n}.{}", field.key);
                    // A field the form did not post for this entry is left alone.
                    if value(&name).is_some() || field.kind == Kind::Bool {
                        set(entry, field, value(&name), &values(&name), &name, &mut refused);
                    }
                }
            }
            for n in removed.into_iter().rev() {
                array.remove(n);
            }
            let new = |key: &str| value(&format!("new.{key}")).filter(|v| !v.trim().is_empty());
            if section.fields.iter().any(|f| new(f.key).is_some()) {
                let mut entry = Table::new();
                for field in section.fields {
                    let name = format!("new.{}", field.key);
                    set(&mut entry, field, value(&name), &values(&name), &name, &mut refused);
                }
                array.push(entry);
            }
        }
    }
    if refused.is_empty() { Ok(()) } else { Err(refused) }
}

/// The table at `path`, made when missing.
fn table_mut<'d>(doc: &'d mut DocumentMut, path: &str) -> &'d mut Table {
    let mut table = doc.as_table_mut();
    for part in path.split('.') {
        let item = table.entry(part).or_insert_with(|| Item::Table(Table::new()));
        if !item.is_table() {
            *item = Item::Table(Table::new());
        }
        table = item.as_table_mut().unwrap_or_else(|| unreachable!("made a table just above"));
    }
    table
}

fn array_mut<'d>(doc: &'d mut DocumentMut, path: &str) -> &'d mut toml_edit::ArrayOfTables {
    let (parent, last) = path.rsplit_once('.').map_or(("", path), |(p, l)| (p, l));
    let table = if parent.is_empty() { doc.as_table_mut() } else { table_mut(doc, parent) };
    let item = table.entry(last).or_insert_with(|| Item::ArrayOfTables(Default::default()));
    if !item.is_array_of_tables() {
        *item = Item::ArrayOfTables(Default::default());
    }
    item.as_array_of_tables_mut().unwrap_or_else(|| unreachable!("made an array just above"))
}

/// Stores one field in `table` (its dotted key in sub-tables made on the way).
fn set(
    table: &mut Table,
    field: &Field,
    posted: Option<&str>,
    all: &[&str],
    name: &str,
    refused: &mut Vec<Refused>,
) {
    let (parents, key) = field.key.rsplit_once('.').map_or(("", field.key), |(p, k)| (p, k));
    let mut table = table;
    for part in parents.split('.').filter(|p| !p.is_empty()) {
        let item = table.entry(part).or_insert_with(|| {
            let mut sub = Table::new();
            sub.set_implicit(true);
            Item::Table(sub)
        });
        if !item.is_table() {
            *item = Item::Table(Table::new());
        }
        let Some(sub) = item.as_table_mut() else { return };
        table = sub;
    }
    let text = posted.unwrap_or_default().replace("\r\n", "\n");
    let trimmed = text.trim();
    let value: Option<Value> = match field.kind {
        Kind::Bool => Some(Value::from(posted.is_some_and(|v| v == "true" || v == "on"))),
        _ if trimmed.is_empty() && !matches!(field.kind, Kind::Codes(_)) => None,
        Kind::Line | Kind::Text => Some(Value::from(trimmed)),
        // jiff knows the calendar (no 30 February); TOML stores the date.
        Kind::Date => {
            match (jiff::civil::Date::strptime("%Y-%m-%d", trimmed), trimmed.parse::<toml_edit::Datetime>()) {
                (Ok(_), Ok(date)) if date.time.is_none() => Some(Value::from(date)),
                _ => {
                    refused.push(Refused { field: name.to_string(), reason: "date" });
                    return;
                }
            }
        }
        Kind::Choice(codes) => {
            if !codes.contains(&trimmed) {
                refused.push(Refused { field: name.to_string(), reason: "choice" });
                return;
            }
            Some(Value::from(trimmed))
        }
        Kind::Lines => {
            let lines: toml_edit::Array = trimmed.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
            Some(Value::Array(lines))
        }
        Kind::Codes(codes) => {
            let chosen: toml_edit::Array = codes.iter().filter(|c| all.contains(c)).copied().collect();
            Some(Value::Array(chosen))
        }
    };
    match value {
        None => {
            table.remove(key);
        }
        Some(mut value) => {
            // Keep the comment at the end of the line the value was on.
            if let Some(old) = table.get(key).and_then(Item::as_value) {
                *value.decor_mut() = old.decor().clone();
            }
            table.insert(key, Item::Value(value));
        }
    }
}

#[cfg(test)]
mod tests;
