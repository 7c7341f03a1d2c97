//! What changed between two versions of a plan: the final plan against
//! its draft, or any two archived versions (`opleidingsplan diff`).
//! Computed on typed key figures and training records, never on a
//! rendered document.

use super::key_figures::{KeyFigure, Metric, Recorded, TrainingDetails, TrainingRecord};
use crate::model::{RiskGroup, TrainingKind};
use jiff::civil::Date;

/// One version's figures and trainings, as one edition recorded them.
#[derive(Debug, Clone, Copy)]
pub struct Snapshot<'a> {
    /// Its key figures.
    pub figures: &'a [KeyFigure],
    /// Its trainings.
    pub trainings: &'a [TrainingRecord],
}

/// A field of a training that can change between versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// Its title.
    Title,
    /// Registrations planned.
    Planned,
    /// Formal, informal or initial.
    Kind,
    /// Hours per participant.
    Hours,
    /// Budget.
    Budget,
    /// First day.
    Start,
    /// Last day.
    End,
    /// Who gives it.
    Provider,
    /// Whom it is for.
    TargetGroup,
    /// The risk groups it aims at.
    RiskGroups,
    /// The goal it serves.
    Goal,
}

/// A field's value in one version.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Words.
    Text(Option<String>),
    /// People.
    Count(u32),
    /// Hours.
    Hours(f64),
    /// Euro.
    Euro(Option<f64>),
    /// A day.
    Day(Option<Date>),
    /// Kind of training.
    Kind(TrainingKind),
    /// Risk groups.
    Groups(Vec<RiskGroup>),
}

/// One field of a training, before and after.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldChange {
    /// Which field.
    pub field: Field,
    /// In the earlier version.
    pub before: Value,
    /// In the later version.
    pub after: Value,
}

/// A training in both versions whose fields differ.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainingChange {
    /// Its code.
    pub code: String,
    /// Its title in the later version.
    pub title: String,
    /// What changed, in the order of [`Field`].
    pub fields: Vec<FieldChange>,
}

/// A key figure that differs between the versions.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FigureChange {
    /// What it measures.
    pub(crate) metric: Metric,
    /// In the earlier version.
    pub before: Recorded,
    /// In the later version.
    pub after: Recorded,
}

/// Everything that differs between two versions.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Revision {
    /// Trainings only the later version has.
    pub added: Vec<TrainingRecord>,
    /// Trainings only the earlier version has.
    pub removed: Vec<TrainingRecord>,
    /// Trainings in both whose fields differ.
    pub changed: Vec<TrainingChange>,
    /// Key figures that differ.
    pub figures: Vec<FigureChange>,
}

impl Revision {
    /// Whether the two versions are the same in everything compared.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty() && self.figures.is_empty()
    }
}

/// What changed from `before` to `after`. Trainings are matched by code.
pub fn revision(before: Snapshot<'_>, after: Snapshot<'_>) -> Revision {
    let find = |list: &[TrainingRecord], code: &str| list.iter().find(|t| t.code == code).cloned();
    let added =
        after.trainings.iter().filter(|t| find(before.trainings, &t.code).is_none()).cloned().collect();
    let removed =
        before.trainings.iter().filter(|t| find(after.trainings, &t.code).is_none()).cloned().collect();
    let changed = after
        .trainings
        .iter()
        .filter_map(|now| {
            let then = find(before.trainings, &now.code)?;
            let fields = fields(&then, now);
            (!fields.is_empty()).then(|| TrainingChange {
                code: now.code.clone(),
                title: now.title.clone(),
                fields,
            })
        })
        .collect();
    let figures = after
        .figures
        .iter()
        .filter_map(|now| {
            let then = before.figures.iter().find(|k| k.metric == now.metric)?;
            // A withheld figure on either side is no change one can state:
            // a group crossing the minimum size, or an internal plan
            // beside a council draft.
            let withheld = |r: Recorded| matches!(r, Recorded::Small | Recorded::Hidden);
            if withheld(then.value) || withheld(now.value) {
                return None;
            }
            (!same(then.value, now.value)).then_some(FigureChange {
                metric: now.metric,
                before: then.value,
                after: now.value,
            })
        })
        .collect();
    Revision { added, removed, changed, figures }
}

/// Two recorded figures are the same when both are values within
/// rounding, or both are withheld the same way.
fn same(a: Recorded, b: Recorded) -> bool {
    match (a, b) {
        (Recorded::Value(x), Recorded::Value(y)) => (x - y).abs() < 1e-9 * x.abs().max(1.0),
        _ => a == b,
    }
}

fn fields(then: &TrainingRecord, now: &TrainingRecord) -> Vec<FieldChange> {
    let mut out = Vec::new();
    let mut push = |field, before: Value, after: Value| {
        if before != after {
            out.push(FieldChange { field, before, after });
        }
    };
    push(Field::Title, Value::Text(Some(then.title.clone())), Value::Text(Some(now.title.clone())));
    // A withheld count is never compared.
    if let (Some(before), Some(after)) = (then.planned, now.planned) {
        push(Field::Planned, Value::Count(before), Value::Count(after));
    }
    // A version written before details were recorded says nothing about them.
    let (Some(a), Some(b)) = (&then.details, &now.details) else { return out };
    detail_fields(a, b, &mut push);
    out
}

fn detail_fields(a: &TrainingDetails, b: &TrainingDetails, push: &mut impl FnMut(Field, Value, Value)) {
    let text = |v: &Option<String>| Value::Text(v.clone());
    push(Field::Kind, Value::Kind(a.kind), Value::Kind(b.kind));
    if (a.hours - b.hours).abs() > 1e-9 {
        push(Field::Hours, Value::Hours(a.hours), Value::Hours(b.hours));
    }
    push(Field::Budget, Value::Euro(a.budget), Value::Euro(b.budget));
    push(Field::Start, Value::Day(a.start), Value::Day(b.start));
    push(Field::End, Value::Day(a.end), Value::Day(b.end));
    push(Field::Provider, text(&a.provider), text(&b.provider));
    push(Field::TargetGroup, text(&a.target_group), text(&b.target_group));
    push(Field::RiskGroups, Value::Groups(a.risk_groups.clone()), Value::Groups(b.risk_groups.clone()));
    push(Field::Goal, text(&a.goal), text(&b.goal));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(code: &str, planned: u32, hours: f64, provider: Option<&str>) -> TrainingRecord {
        TrainingRecord {
            code: code.into(),
            title: format!("Training {code}"),
            planned: Some(planned),
            completed: Some(0),
            details: Some(TrainingDetails {
                kind: TrainingKind::Formal,
                hours,
                budget: Some(1000.0),
                start: None,
                end: None,
                provider: provider.map(str::to_string),
                target_group: None,
                risk_groups: vec![],
                goal: None,
            }),
        }
    }

    fn figure(metric: Metric, value: Recorded) -> KeyFigure {
        KeyFigure { metric, value }
    }

    #[test]
    fn trainings_added_removed_and_changed_field_by_field() {
        let before = [record("A", 10, 8.0, Some("Vormelek")), record("B", 5, 4.0, None)];
        let after = [record("A", 12, 7.5, Some("Vormelek")), record("C", 3, 2.0, None)];
        let figures_before = [
            figure(Metric::Budget, Recorded::Value(2000.0)),
            figure(Metric::Headcount, Recorded::Value(40.0)),
        ];
        let figures_after = [
            figure(Metric::Budget, Recorded::Value(2500.0)),
            figure(Metric::Headcount, Recorded::Value(40.0)),
        ];
        let r = revision(
            Snapshot { figures: &figures_before, trainings: &before },
            Snapshot { figures: &figures_after, trainings: &after },
        );
        assert_eq!(r.added.iter().map(|t| t.code.as_str()).collect::<Vec<_>>(), ["C"]);
        assert_eq!(r.removed.iter().map(|t| t.code.as_str()).collect::<Vec<_>>(), ["B"]);
        assert_eq!(r.changed.len(), 1);
        let fields: Vec<Field> = r.changed[0].fields.iter().map(|f| f.field).collect();
        assert_eq!(fields, [Field::Planned, Field::Hours]);
        assert_eq!(r.changed[0].fields[1].before, Value::Hours(8.0));
        assert_eq!(
            r.figures,
            [FigureChange {
                metric: Metric::Budget,
                before: Recorded::Value(2000.0),
                after: Recorded::Value(2500.0)
            }]
        );
    }

    #[test]
    fn identical_versions_have_no_changes_and_old_files_compare_what_they_recorded() {
        let a = [record("A", 10, 8.0, None)];
        let figures = [figure(Metric::Budget, Recorded::Small)];
        // Withheld in one version, shown in the other: not a change to state.
        let shown = [figure(Metric::Budget, Recorded::Value(4.0))];
        let a_trainings = [record("A", 10, 8.0, None)];
        let crossing = revision(
            Snapshot { figures: &figures, trainings: &a_trainings },
            Snapshot { figures: &shown, trainings: &a_trainings },
        );
        assert!(crossing.figures.is_empty());
        let same = revision(
            Snapshot { figures: &figures, trainings: &a },
            Snapshot { figures: &figures, trainings: &a },
        );
        assert!(same.is_empty());
        // A record without details (an older release's) is compared on
        // title and registrations only: no invented change of provider.
        let old = [TrainingRecord { details: None, ..record("A", 10, 8.0, None) }];
        let now = [record("A", 10, 9.0, Some("X"))];
        let r = revision(
            Snapshot { figures: &figures, trainings: &old },
            Snapshot { figures: &figures, trainings: &now },
        );
        assert!(r.is_empty(), "{r:?}");
    }
}
