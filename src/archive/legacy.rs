//! Archives written by release 0.1.0 kept no key-figures file: their
//! comparison is read from the data file of each edition, by the field
//! names and row orders that release used. Nothing else reads a data file
//! back; this module only ever reads what 0.1.0 wrote (manifest format 1).

use super::manifest::{FileEntry, Manifest};
use crate::aggregate::attention::Subject;
use crate::aggregate::key_figures::{KeyFigure, Metric, PreviousYear, Recorded, TrainingRecord};
use crate::model::{Edition, Gender, RiskGroup};
use serde_json::Value;

/// The data file of `edition` in a version written by release 0.1.0: the
/// `.json` output whose name ends in the internal-edition word or not.
pub(super) fn data_file(manifest: &Manifest, edition: Edition) -> Option<&FileEntry> {
    let internal_word = &manifest.language.strings().document.internal_file;
    let internal = format!("-{internal_word}-");
    manifest
        .outputs
        .iter()
        .filter(|e| e.path.ends_with(".json"))
        .find(|e| e.path.contains(&internal) == (edition == Edition::Internal))
}

/// The key figures in a data file of release 0.1.0.
pub(super) fn key_figures(bytes: &[u8], year: i16, version: u32) -> Option<PreviousYear> {
    let data: Value = serde_json::from_slice(bytes).ok()?;
    let mut values = Vec::new();
    let mut push = |metric: Metric, figure: Option<&Value>| {
        if let Some(value) = figure.and_then(recorded) {
            values.push(KeyFigure { metric, value });
        }
    };
    push(Metric::Headcount, data.pointer("/workforce/headcount"));
    push(Metric::Fte, data.pointer("/workforce/fte"));
    push(Metric::FemaleShare, data.pointer("/workforce/female_share"));
    for row in data.pointer("/risk_groups")?.as_array()? {
        if let Some(group) = row.get("key").and_then(risk_group) {
            push(Metric::RiskGroupHeads(group), row.get("heads"));
        }
    }
    push(Metric::DaysPerFte, data.pointer("/training_right/days_per_fte"));
    push(Metric::Budget, data.pointer("/training_right/budget"));
    push(Metric::BudgetPerFte, data.pointer("/training_right/budget_per_fte"));
    push(Metric::ParticipationRate, data.pointer("/participation/overall/rate"));
    for section in data.pointer("/participation/sections")?.as_array()? {
        // That release listed the rows in the order of the codes.
        let subjects: Vec<Subject> = match section.get("key")?.as_str()? {
            "gender" => Gender::ALL.map(Subject::Gender).to_vec(),
            "risk_group" => RiskGroup::ALL.map(Subject::RiskGroup).to_vec(),
            _ => continue,
        };
        for (subject, row) in subjects.into_iter().zip(section.get("rows")?.as_array()?) {
            push(Metric::GroupRate(subject), row.get("rate"));
        }
    }
    let trainings = data
        .pointer("/trainings/groups")?
        .as_array()?
        .iter()
        .filter_map(|group| group.get("trainings")?.as_array())
        .flatten()
        .filter_map(|t| {
            Some(TrainingRecord {
                code: t.get("code")?.as_str()?.to_string(),
                title: t.get("title")?.as_str()?.to_string(),
                planned: Some(count(t.get("registrations")?)?),
                completed: Some(count(t.get("completed")?)?),
                details: None,
            })
        })
        .collect();
    Some(PreviousYear { year, version, values, trainings })
}

/// A figure `{ "value": 12.5, "text": "12,5" }`: its value, or why it has
/// none, told by its text ("–" missing, "< 5" small, "•" hidden).
fn recorded(figure: &Value) -> Option<Recorded> {
    if let Some(value) = figure.get("value")?.as_f64() {
        return Some(Recorded::Value(value));
    }
    let text = figure.get("text")?.as_str()?;
    Some(match text.trim() {
        "–" | "-" | "" => Recorded::Missing,
        t if t.starts_with('<') => Recorded::Small,
        _ => Recorded::Hidden,
    })
}

fn count(figure: &Value) -> Option<u32> {
    let value = figure.get("value")?.as_f64()?;
    (value >= 0.0 && value.fract() == 0.0 && value <= f64::from(u32::MAX)).then_some(value as u32)
}

fn risk_group(key: &Value) -> Option<RiskGroup> {
    serde_json::from_value(key.clone()).ok()
}
