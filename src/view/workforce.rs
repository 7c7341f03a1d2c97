use super::{Disclosure, Fmt, Num};
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

pub fn view(plan: &Plan, figures: &Figures, fmt: Fmt<'_>, shown: &Disclosure) -> WorkforceView {
    let w = &figures.workforce;
    let labels = &fmt.strings.labels;
    let total = w.total;
    let row = |key: Option<String>, label: String, c: Count, hidden: bool| CountRow {
        key,
        label,
        heads: shown.count(fmt, c.heads, hidden),
        fte: shown.derived(fmt, hidden, fmt.fte(c.fte)),
        share: shown.derived(fmt, hidden, fmt.percent(ratio(f64::from(c.heads), f64::from(total.heads)))),
    };
    let age = &shown.age;
    let age_row = |label: String, counts: &[Count; 3], r: usize| AgeRow {
        label,
        male: shown.count(fmt, counts[Gender::Male.index()].heads, age.cells[r][Gender::Male.index()]),
        female: shown.count(fmt, counts[Gender::Female.index()].heads, age.cells[r][Gender::Female.index()]),
        x: shown.count(fmt, counts[Gender::X.index()].heads, age.cells[r][Gender::X.index()]),
        total: shown.count(fmt, counts.iter().map(|c| c.heads).sum(), age.row_totals[r]),
        fte: shown.derived(fmt, age.row_totals[r], fmt.fte(counts.iter().map(|c| c.fte).sum())),
    };
    let bands = plan.settings.age_bands.bands();
    let unknown_row = w.by_age_band.len();
    let women_hidden = shown.genders[Gender::Female.index()];
    WorkforceView {
        headcount: fmt.count(total.heads),
        fte: fmt.fte(total.fte),
        female_share: shown.derived(
            fmt,
            women_hidden,
            fmt.percent(ratio(f64::from(w.gender(Gender::Female).heads), f64::from(total.heads))),
        ),
        average_age: fmt.maybe_decimal(w.average_age, 1),
        genders: Gender::ALL
            .iter()
            .map(|&g| row(key(g), g.label(labels).to_string(), w.gender(g), shown.genders[g.index()]))
            .collect(),
        age_bands: bands
            .zip(&w.by_age_band)
            .enumerate()
            .map(|(r, (band, counts))| age_row(band.label(), counts, r))
            .collect(),
        age_unknown: (w.age_unknown.iter().any(|c| c.heads > 0))
            .then(|| age_row(labels.unknown.clone(), &w.age_unknown, unknown_row)),
        departments: w
            .by_department
            .iter()
            .zip(&shown.departments)
            .map(|((name, c), hidden)| {
                row(None, name.clone().unwrap_or_else(|| labels.unknown.clone()), *c, *hidden)
            })
            .collect(),
        statutes: w
            .by_statute
            .iter()
            .zip(&shown.statutes)
            .map(|((s, c), hidden)| {
                let label = s.map_or(labels.unknown.as_str(), |s| s.label(labels)).into();
                row(s.and_then(key), label, *c, *hidden)
            })
            .collect(),
        education: w
            .by_education
            .iter()
            .zip(&shown.education)
            .map(|((e, c), hidden)| {
                let label = e.map_or(labels.unknown.as_str(), |e| e.label(labels)).into();
                row(e.and_then(key), label, *c, *hidden)
            })
            .collect(),
        flow: flow(figures, fmt, shown),
    }
}

fn flow(figures: &Figures, fmt: Fmt<'_>, shown: &Disclosure) -> FlowView {
    let f = &figures.flow;
    let masks = &shown.flow;
    FlowView {
        year: f.year,
        at_start: fmt.count(f.at_start.heads),
        inflow: shown.count(fmt, f.inflow.heads, masks.inflow),
        outflow: shown.count(fmt, f.outflow.heads, masks.outflow),
        at_end: fmt.count(f.at_end.heads),
        moves: f.moves.map(|m| shown.count(fmt, m, masks.moves)),
        departments: f
            .by_department
            .iter()
            .zip(&masks.departments)
            .map(|((d, x), hidden)| FlowRow {
                label: d.clone().unwrap_or_else(|| fmt.strings.labels.unknown.clone()),
                inflow: shown.count(fmt, x.inflow, hidden[0]),
                outflow: shown.count(fmt, x.outflow, hidden[1]),
                moved_in: shown.count(fmt, x.moved_in, hidden[2]),
                moved_out: shown.count(fmt, x.moved_out, hidden[3]),
            })
            .collect(),
    }
}

pub fn risk_groups(plan: &Plan, figures: &Figures, fmt: Fmt<'_>, shown: &Disclosure) -> Vec<RiskGroupRow> {
    let labels = &fmt.strings.labels;
    figures
        .risk_groups
        .iter()
        .zip(&shown.risk_groups)
        .map(|(r, &hidden)| RiskGroupRow {
            key: r.group,
            label: r.group.label(labels).to_string(),
            heads: shown.count(fmt, r.count.heads, hidden),
            fte: shown.derived(fmt, hidden, fmt.fte(r.count.fte)),
            share: shown.derived(fmt, hidden, fmt.percent(r.share)),
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
