//! The document's stage and version, its version history, and in a final
//! plan what changed since the draft, worded for the reader. `diff` prints
//! the same wording in the terminal.

use super::comparison::{label, recorded};
use super::{DateText, Fmt};
use crate::aggregate::key_figures::{NotCompared, TrainingRecord};
use crate::aggregate::revision::{Field, Revision, Value};
use crate::disclose::{SinceDraft, Versions};
use crate::i18n::Localised;
use crate::model::{Stage, VersionRecord};
use crate::text::fill;
use serde::Serialize;

/// Stage, version and history of the document.
#[derive(Debug, Clone, Serialize)]
pub struct VersionsView {
    /// `draft` or `final`.
    pub stage: Stage,
    /// "v3".
    pub version: String,
    /// "Ontwerp", "Definitief".
    pub stage_name: String,
    /// Earlier versions and this one, oldest first.
    pub history: Vec<HistoryRow>,
    /// In a final plan with an archived draft: what changed since it.
    pub since_draft: Option<RevisionView>,
}

/// One version in the history table.
#[derive(Debug, Clone, Serialize)]
pub struct HistoryRow {
    /// "v1".
    pub version: String,
    /// "Ontwerp"; a dash for versions that did not record it.
    pub stage: String,
    /// The date it carries.
    pub date: DateText,
    /// Whether it is this document.
    pub current: bool,
}

/// What changed between two versions, in words.
#[derive(Debug, Clone, Serialize)]
pub struct RevisionView {
    /// The earlier version, "v1".
    pub from: String,
    /// Why the earlier version could not be compared; `null` when it was.
    pub not_compared: Option<String>,
    /// Whether nothing changed.
    pub unchanged: bool,
    /// "CODE – title" of trainings added.
    pub added: Vec<String>,
    /// Of trainings removed.
    pub removed: Vec<String>,
    /// Trainings changed, each with its fields.
    pub changed: Vec<ChangedTraining>,
    /// Key figures that differ.
    pub figures: Vec<ChangeRow>,
}

/// A training in both versions, with what differs.
#[derive(Debug, Clone, Serialize)]
pub struct ChangedTraining {
    /// "CODE – title".
    pub training: String,
    /// Its fields that changed.
    pub fields: Vec<ChangeRow>,
}

/// One value, before and after.
#[derive(Debug, Clone, Serialize)]
pub struct ChangeRow {
    /// What it is.
    pub label: String,
    /// In the earlier version.
    pub before: String,
    /// In the later version.
    pub after: String,
}

/// The versions as the layout shows them.
pub fn view(versions: &Versions, date: jiff::civil::Date, fmt: Fmt<'_>) -> VersionsView {
    let current = VersionRecord { version: versions.version, stage: Some(versions.stage), date };
    let history = versions
        .history
        .iter()
        .chain(std::iter::once(&current))
        .map(|r| HistoryRow {
            version: format!("v{}", r.version),
            stage: r.stage.map_or_else(|| "–".to_string(), |s| stage_name(s, fmt)),
            date: fmt.date(r.date),
            current: r.version == versions.version,
        })
        .collect();
    VersionsView {
        stage: versions.stage,
        version: format!("v{}", versions.version),
        stage_name: stage_name(versions.stage, fmt),
        history,
        since_draft: versions.since_draft.as_ref().map(|s| since_draft(s, fmt)),
    }
}

/// "Ontwerp", "Projet", "Draft".
pub fn stage_name(stage: Stage, fmt: Fmt<'_>) -> String {
    fmt.strings.layout(&format!("/pdf/versions/stages/{}", stage.key())).to_string()
}

fn since_draft(since: &SinceDraft, fmt: Fmt<'_>) -> RevisionView {
    let from = format!("v{}", since.version);
    match &since.revision {
        Ok(revision) => revision_view(revision, from, fmt),
        Err(reason) => {
            let key = match reason {
                NotCompared::Damaged { .. } => "/pdf/versions/not_compared_damaged",
                NotCompared::UnknownFormat { .. } => "/pdf/versions/not_compared_format",
            };
            let note = fill(fmt.strings.layout(key), &[("version", &from)]);
            RevisionView {
                from,
                not_compared: Some(note),
                unchanged: false,
                added: Vec::new(),
                removed: Vec::new(),
                changed: Vec::new(),
                figures: Vec::new(),
            }
        }
    }
}

/// What changed, worded.
pub fn revision_view(revision: &Revision, from: String, fmt: Fmt<'_>) -> RevisionView {
    let name = |t: &TrainingRecord| format!("{} – {}", t.code, t.title);
    RevisionView {
        from,
        not_compared: None,
        unchanged: revision.is_empty(),
        added: revision.added.iter().map(name).collect(),
        removed: revision.removed.iter().map(name).collect(),
        changed: revision
            .changed
            .iter()
            .map(|c| ChangedTraining {
                training: format!("{} – {}", c.code, c.title),
                fields: c
                    .fields
                    .iter()
                    .map(|f| ChangeRow {
                        label: field_label(f.field, fmt),
                        before: value(&f.before, fmt),
                        after: value(&f.after, fmt),
                    })
                    .collect(),
            })
            .collect(),
        figures: revision
            .figures
            .iter()
            .map(|f| ChangeRow {
                label: label(f.metric, fmt),
                before: recorded(f.before, f.metric, fmt).text,
                after: recorded(f.after, f.metric, fmt).text,
            })
            .collect(),
    }
}

fn field_label(field: Field, fmt: Fmt<'_>) -> String {
    fmt.strings.layout(&format!("/pdf/versions/fields/{}", super::code(field))).to_string()
}

fn value(value: &Value, fmt: Fmt<'_>) -> String {
    let dash = || "–".to_string();
    let labels = &fmt.strings.labels;
    match value {
        Value::Text(t) => t.clone().unwrap_or_else(dash),
        Value::Count(n) => fmt.count(*n).text,
        Value::Hours(h) => fmt.hours(*h).text,
        Value::Euro(e) => e.map_or_else(dash, |e| fmt.euro(Some(e)).text),
        Value::Day(d) => d.map_or_else(dash, |d| fmt.date(d).long),
        Value::Kind(k) => k.label(labels).to_string(),
        Value::Groups(g) if g.is_empty() => dash(),
        Value::Groups(g) => g.iter().map(|r| r.label(labels)).collect::<Vec<_>>().join(", "),
    }
}
