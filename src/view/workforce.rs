use super::{Fmt, Num};
use crate::aggregate::{Count, Figures, ratio};
use crate::i18n::Localised;
use crate::model::{Gender, Plan, RiskGroup};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct WorkforceView {
    pub headcount: Num,
    pub fte: Num,
    pub female_share: Num,
    pub average_age: Num,
    pub genders: Vec<CountRow>,
    pub age_bands: Vec<AgeRow>,
    /// Employees without a birth date, when there are any.
    pub age_unknown: Option<AgeRow>,
    pub departments: Vec<CountRow>,
    pub statutes: Vec<CountRow>,
    pub education: Vec<CountRow>,
    pub flow: FlowView,
}

/// In-, out- and through-flow in the year before the plan.
#[derive(Debug, Clone, Serialize)]
pub struct FlowView {
    pub year: i16,
    pub at_start: Num,
    pub inflow: Num,
    pub outflow: Num,
    pub at_end: Num,
    /// `null` when the data does not record previous departments.
    pub moves: Option<Num>,
    pub departments: Vec<FlowRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FlowRow {
    pub label: String,
    pub inflow: Num,
    pub outflow: Num,
    pub moved_in: Num,
    pub moved_out: Num,
}

/// One group: its heads, FTE and share of the headcount.
#[derive(Debug, Clone, Serialize)]
pub struct CountRow {
    /// Code of the group (`male`, `blue_collar`, ...), or `null` for named
    /// groups such as departments and for "unknown".
    pub key: Option<String>,
    pub label: String,
    pub heads: Num,
    pub fte: Num,
    pub share: Num,
}

#[derive(Debug, Clone, Serialize)]
pub struct AgeRow {
    pub label: String,
    pub male: Num,
    pub female: Num,
    pub x: Num,
    pub total: Num,
    pub fte: Num,
}

#[derive(Debug, Clone, Serialize)]
pub struct RiskGroupRow {
    pub key: RiskGroup,
    pub label: String,
    pub heads: Num,
    pub fte: Num,
    pub share: Num,
    pub targeted: Num,
    /// Titles of the trainings aimed at this group.
    pub trainings: Vec<String>,
}

fn key<T: Serialize>(value: T) -> Option<String> {
    Some(super::code(value))
}

pub fn view(plan: &Plan, figures: &Figures, fmt: Fmt<'_>) -> WorkforceView {
    let w = &figures.workforce;
    let labels = &fmt.strings.labels;
    let total = w.total;
    let row = |key: Option<String>, label: String, c: Count| CountRow {
        key,
        label,
        heads: fmt.count(c.heads),
        fte: fmt.fte(c.fte),
        share: fmt.percent(ratio(f64::from(c.heads), f64::from(total.heads))),
    };
    let age_row = |label: String, counts: &[Count; 3]| AgeRow {
        label,
        male: fmt.count(counts[Gender::Male.index()].heads),
        female: fmt.count(counts[Gender::Female.index()].heads),
        x: fmt.count(counts[Gender::X.index()].heads),
        total: fmt.count(counts.iter().map(|c| c.heads).sum()),
        fte: fmt.fte(counts.iter().map(|c| c.fte).sum()),
    };
    let bands = plan.settings.age_bands.bands();
    WorkforceView {
        headcount: fmt.count(total.heads),
        fte: fmt.fte(total.fte),
        female_share: fmt.percent(ratio(f64::from(w.gender(Gender::Female).heads), f64::from(total.heads))),
        average_age: fmt.maybe_decimal(w.average_age, 1),
        genders: Gender::ALL.iter().map(|&g| row(key(g), g.label(labels).to_string(), w.gender(g))).collect(),
        age_bands: bands.zip(&w.by_age_band).map(|(band, counts)| age_row(band.label(), counts)).collect(),
        age_unknown: (w.age_unknown.iter().any(|c| c.heads > 0))
            .then(|| age_row(labels.unknown.clone(), &w.age_unknown)),
        departments: w
            .by_department
            .iter()
            .map(|(name, c)| row(None, name.clone().unwrap_or_else(|| labels.unknown.clone()), *c))
            .collect(),
        statutes: w
            .by_statute
            .iter()
            .map(|(s, c)| {
                row(s.and_then(key), s.map_or(labels.unknown.as_str(), |s| s.label(labels)).into(), *c)
            })
            .collect(),
        education: w
            .by_education
            .iter()
            .map(|(e, c)| {
                row(e.and_then(key), e.map_or(labels.unknown.as_str(), |e| e.label(labels)).into(), *c)
            })
            .collect(),
        flow: flow(figures, fmt),
    }
}

fn flow(figures: &Figures, fmt: Fmt<'_>) -> FlowView {
    let f = &figures.flow;
    FlowView {
        year: f.year,
        at_start: fmt.count(f.at_start.heads),
        inflow: fmt.count(f.inflow.heads),
        outflow: fmt.count(f.outflow.heads),
        at_end: fmt.count(f.at_end.heads),
        moves: f.moves.map(|m| fmt.count(m)),
        departments: f
            .by_department
            .iter()
            .map(|(d, x)| FlowRow {
                label: d.clone().unwrap_or_else(|| fmt.strings.labels.unknown.clone()),
                inflow: fmt.count(x.inflow),
                outflow: fmt.count(x.outflow),
                moved_in: fmt.count(x.moved_in),
                moved_out: fmt.count(x.moved_out),
            })
            .collect(),
    }
}

pub fn risk_groups(plan: &Plan, figures: &Figures, fmt: Fmt<'_>) -> Vec<RiskGroupRow> {
    let labels = &fmt.strings.labels;
    figures
        .risk_groups
        .iter()
        .map(|r| RiskGroupRow {
            key: r.group,
            label: r.group.label(labels).to_string(),
            heads: fmt.count(r.count.heads),
            fte: fmt.fte(r.count.fte),
            share: fmt.percent(r.share),
            targeted: fmt.count(r.targeted_trainings),
            trainings: plan
                .trainings
                .iter()
                .filter(|t| t.risk_groups.contains(&r.group))
                .map(|t| t.title.clone())
                .collect(),
        })
        .collect()
}
