//! The year-over-year chapter: this plan's key figures beside last year's
//! archived ones, and last year's planned trainings against what was
//! followed.

use super::{Fmt, Num};
use crate::aggregate::attention::Subject;
use crate::aggregate::key_figures::{ChangeKind, Metric, NotCompared, Recorded};
use crate::disclose::Comparison;
use crate::i18n::Localised;
use crate::text::fill;
use serde::Serialize;

/// The comparison chapter.
#[derive(Debug, Clone, Serialize)]
pub struct ComparisonView {
    /// Last year's plan year.
    pub previous_year: i16,
    /// The archived version compared against.
    pub version: u32,
    /// The key figures, last year and this year.
    pub rows: Vec<ComparisonRow>,
    /// Last year's trainings: planned registrations against followed ones.
    pub realisation: Vec<RealisedRow>,
    /// The trainings taken together.
    pub realisation_total: RealisedRow,
    /// Whether last year's archived plan records any followed participation.
    pub realised_any: bool,
}

/// One key figure, last year and this year.
#[derive(Debug, Clone, Serialize)]
pub struct ComparisonRow {
    /// What it measures, in words.
    pub label: String,
    /// Last year's.
    pub previous: Num,
    /// This year's.
    pub current: Num,
    /// The change, signed.
    pub change: Num,
    /// One of the few figures the summary repeats (headcount, days per
    /// FTE, budget, participation rate).
    pub headline: bool,
}

/// One of last year's trainings.
#[derive(Debug, Clone, Serialize)]
pub struct RealisedRow {
    /// Its code (empty for the total).
    pub code: String,
    /// Its title (empty for the total).
    pub title: String,
    /// Registrations planned.
    pub planned: Num,
    /// Registrations followed.
    pub realised: Num,
    /// Followed as a share of planned.
    pub share: Num,
}

/// The comparison as this edition shows it.
pub fn view(comparison: &Comparison, fmt: Fmt<'_>) -> ComparisonView {
    let rows = comparison
        .changes
        .iter()
        .map(|c| ComparisonRow {
            label: label(c.metric, fmt),
            previous: recorded(c.previous, c.metric, fmt),
            current: fmt.cell(c.current, |v| value(v, c.metric, fmt)),
            change: fmt.cell(c.delta, |d| d.map_or_else(super::num::missing, |d| change(d, c.metric, fmt))),
            headline: matches!(
                c.metric,
                Metric::Headcount | Metric::DaysPerFte | Metric::Budget | Metric::ParticipationRate
            ),
        })
        .collect();
    let realisation: Vec<RealisedRow> = comparison
        .realisation
        .iter()
        .map(|t| realised(t.code.clone(), t.title.clone(), t.planned, t.completed, fmt))
        .collect();
    // A total over withheld counts would give them away: it is withheld too.
    let planned: Option<u32> = comparison.realisation.iter().map(|t| t.planned).sum();
    let completed: Option<u32> = comparison.realisation.iter().map(|t| t.completed).sum();
    ComparisonView {
        previous_year: comparison.previous_year,
        version: comparison.version,
        rows,
        realisation,
        realisation_total: realised(String::new(), String::new(), planned, completed, fmt),
        realised_any: comparison.realisation.iter().any(|t| t.completed.is_none_or(|c| c > 0)),
    }
}

/// Why last year's plan is not compared with, in the plan's words.
pub fn not_compared(reason: &NotCompared, year: i16, fmt: Fmt<'_>) -> String {
    let previous = (year - 1).to_string();
    match reason {
        NotCompared::Damaged { file } => fill(
            fmt.strings.layout("/pdf/comparison/not_compared_damaged"),
            &[("previous", &previous), ("file", file)],
        ),
        NotCompared::UnknownFormat { .. } => {
            fill(fmt.strings.layout("/pdf/comparison/not_compared_format"), &[("previous", &previous)])
        }
    }
}

/// A row of last year's realisation; a count last year's edition withheld
/// stays withheld ("•"), and so does the share worked out from it.
fn realised(
    code: String,
    title: String,
    planned: Option<u32>,
    completed: Option<u32>,
    fmt: Fmt<'_>,
) -> RealisedRow {
    use crate::disclose::Cell;
    let cell = |n: Option<u32>| n.map_or(Cell::Hidden, Cell::Shown);
    let share = match (planned, completed) {
        (Some(p), Some(c)) => Cell::Shown(crate::aggregate::ratio(f64::from(c), f64::from(p))),
        _ => Cell::Hidden,
    };
    RealisedRow {
        code,
        title,
        planned: fmt.count_cell(cell(planned)),
        realised: fmt.count_cell(cell(completed)),
        share: fmt.cell(share, |s| fmt.percent(s)),
    }
}

/// The figure's name: "Medewerkers", "Deelnamegraad, vrouwen".
pub(super) fn label(metric: Metric, fmt: Fmt<'_>) -> String {
    let word = |key: &str| fmt.strings.layout(&format!("/pdf/comparison/rows/{key}")).to_string();
    let labels = &fmt.strings.labels;
    let group = |subject: Subject| match subject {
        Subject::Gender(g) => g.label(labels).to_string(),
        Subject::RiskGroup(r) => r.label(labels).to_string(),
    };
    match metric {
        Metric::Headcount => word("headcount"),
        Metric::Fte => word("fte"),
        Metric::FemaleShare => word("female_share"),
        Metric::RiskGroupHeads(r) => fill(&word("group_heads"), &[("group", r.label(labels))]),
        Metric::DaysPerFte => word("days_per_fte"),
        Metric::Budget => word("budget"),
        Metric::BudgetPerFte => word("budget_per_fte"),
        Metric::ParticipationRate => word("participation_rate"),
        Metric::GroupRate(subject) => fill(&word("group_rate"), &[("group", &group(subject))]),
    }
}

/// A value of `metric` as the plan writes it.
fn value(value: Option<f64>, metric: Metric, fmt: Fmt<'_>) -> Num {
    let Some(v) = value else { return super::num::missing() };
    match metric.change() {
        ChangeKind::Count => fmt.decimal(v, 0),
        ChangeKind::Decimal => fmt.decimal(v, 1),
        ChangeKind::Euro => fmt.euro(Some(v)),
        ChangeKind::Points => fmt.percent(Some(v)),
    }
}

/// A figure as an edition recorded it.
pub(super) fn recorded(recorded: Recorded, metric: Metric, fmt: Fmt<'_>) -> Num {
    match recorded {
        Recorded::Value(v) => value(Some(v), metric, fmt),
        Recorded::Missing => super::num::missing(),
        Recorded::Small => fmt.small(),
        Recorded::Hidden => fmt.hidden(),
    }
}

/// This year minus last year, signed ("+2", "−1,0", "+5,0 pp").
fn change(delta: f64, metric: Metric, fmt: Fmt<'_>) -> Num {
    let numbers = &fmt.strings.number;
    let (magnitude, unit) = match metric.change() {
        ChangeKind::Count => (numbers.integer(delta.abs()), String::new()),
        ChangeKind::Decimal => (numbers.decimal(delta.abs(), 1), String::new()),
        ChangeKind::Euro => (numbers.euro(delta.abs()), String::new()),
        ChangeKind::Points => {
            let points = fmt.strings.layout("/pdf/comparison/points");
            (numbers.decimal(delta.abs() * 100.0, 1), format!("\u{a0}{points}"))
        }
    };
    let zero = magnitude.chars().all(|c| !c.is_ascii_digit() || c == '0');
    let sign = if zero {
        ""
    } else if delta > 0.0 {
        "+"
    } else {
        "\u{2212}"
    };
    Num { value: Some(delta), text: format!("{sign}{magnitude}{unit}"), status: super::Status::Shown }
}
