//! The year-over-year chapter: this plan's key figures beside last year's
//! archived ones, and last year's planned trainings against what was
//! followed.

use super::{Fmt, Num, PlanView};
use crate::archive::previous::PreviousYear;
use serde::Serialize;
use serde_json::Value;

#[derive(Debug, Clone, Serialize)]
pub struct ComparisonView {
    pub previous_year: i16,
    /// The archived version compared against.
    pub version: u32,
    pub rows: Vec<ComparisonRow>,
    /// Last year's trainings: planned registrations against followed ones.
    pub realisation: Vec<RealisedRow>,
    pub realisation_total: RealisedRow,
    /// Whether last year's archived plan records any followed participation.
    pub realised_any: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct ComparisonRow {
    pub label: String,
    pub previous: Num,
    pub current: Num,
    pub change: Num,
}

#[derive(Debug, Clone, Serialize)]
pub struct RealisedRow {
    pub code: String,
    pub title: String,
    pub planned: Num,
    pub realised: Num,
    pub share: Num,
}

/// How a change is written: a count, a decimal, an amount, or a rate in
/// percentage points.
#[derive(Clone, Copy)]
enum Change {
    Count,
    Decimal,
    Euro,
    Points,
}

pub fn view(current: &PlanView, previous: &PreviousYear, fmt: Fmt<'_>) -> ComparisonView {
    let last = &previous.data;
    let word = |key: &str| fmt.strings.layout(&format!("/pdf/comparison/rows/{key}")).to_string();
    let mut rows = Vec::new();
    let mut row = |label: String, pointer: &str, now: &Num, change: Change| {
        if let Some(before) = num(last, pointer) {
            rows.push(ComparisonRow {
                label,
                change: difference(&before, now, change, fmt),
                previous: before,
                current: now.clone(),
            });
        }
    };
    let w = &current.workforce;
    let t = &current.training_right;
    row(word("headcount"), "/workforce/headcount", &w.headcount, Change::Count);
    row(word("fte"), "/workforce/fte", &w.fte, Change::Decimal);
    row(word("female_share"), "/workforce/female_share", &w.female_share, Change::Points);
    for (i, group) in current.risk_groups.iter().enumerate() {
        let label = word("group_heads").replace("{group}", &group.label);
        row(label, &format!("/risk_groups/{i}/heads"), &group.heads, Change::Count);
    }
    row(word("days_per_fte"), "/training_right/days_per_fte", &t.days_per_fte, Change::Decimal);
    row(word("budget"), "/training_right/budget", &t.budget, Change::Euro);
    row(word("budget_per_fte"), "/training_right/budget_per_fte", &t.budget_per_fte, Change::Euro);
    row(
        word("participation_rate"),
        "/participation/overall/rate",
        &current.participation.overall.rate,
        Change::Points,
    );
    for (s, section) in current.participation.sections.iter().enumerate().filter(|(_, s)| s.key != "age") {
        for (i, group) in section.rows.iter().enumerate() {
            let label = word("group_rate").replace("{group}", &group.label);
            row(label, &format!("/participation/sections/{s}/rows/{i}/rate"), &group.rate, Change::Points);
        }
    }
    let (realisation, realisation_total) = realisation(last, fmt);
    let realised_any = realisation_total.realised.value.is_some_and(|v| v > 0.0);
    ComparisonView {
        previous_year: previous.year,
        version: previous.version,
        rows,
        realisation,
        realisation_total,
        realised_any,
    }
}

/// A figure of last year's data, as it was shown.
fn num(data: &Value, pointer: &str) -> Option<Num> {
    let figure = data.pointer(pointer)?;
    Some(Num { value: figure.get("value")?.as_f64(), text: figure.get("text")?.as_str()?.to_string() })
}

/// This year minus last year, signed; hidden when either side is.
fn difference(before: &Num, now: &Num, change: Change, fmt: Fmt<'_>) -> Num {
    let (Some(a), Some(b)) = (before.value, now.value) else {
        return if before.is_missing() || now.is_missing() { fmt.percent(None) } else { fmt.hidden() };
    };
    let delta = b - a;
    let numbers = &fmt.strings.number;
    let (magnitude, unit) = match change {
        Change::Count => (numbers.integer(delta.abs()), String::new()),
        Change::Decimal => (numbers.decimal(delta.abs(), 1), String::new()),
        Change::Euro => (numbers.euro(delta.abs()), String::new()),
        Change::Points => {
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
    Num { value: Some(delta), text: format!("{sign}{magnitude}{unit}") }
}

fn realisation(last: &Value, fmt: Fmt<'_>) -> (Vec<RealisedRow>, RealisedRow) {
    let trainings = last
        .pointer("/trainings/groups")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|group| group.get("trainings")?.as_array())
        .flatten();
    let (mut planned_total, mut realised_total) = (0.0, 0.0);
    let mut rows = Vec::new();
    for training in trainings {
        let text = |key: &str| training.get(key).and_then(Value::as_str).unwrap_or_default().to_string();
        let planned = num(training, "/registrations").unwrap_or_else(|| fmt.percent(None));
        let realised = num(training, "/completed").unwrap_or_else(|| fmt.percent(None));
        planned_total += planned.value.unwrap_or(0.0);
        realised_total += realised.value.unwrap_or(0.0);
        let share = share(&planned, &realised, fmt);
        rows.push(RealisedRow { code: text("code"), title: text("title"), planned, realised, share });
    }
    let (planned, realised) = (fmt.decimal(planned_total, 0), fmt.decimal(realised_total, 0));
    let total = RealisedRow {
        code: String::new(),
        title: String::new(),
        share: share(&planned, &realised, fmt),
        planned,
        realised,
    };
    (rows, total)
}

fn share(planned: &Num, realised: &Num, fmt: Fmt<'_>) -> Num {
    match (planned.value, realised.value) {
        (Some(p), Some(r)) => fmt.percent(crate::aggregate::ratio(r, p)),
        _ => fmt.percent(None),
    }
}
