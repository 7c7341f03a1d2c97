use super::{Fmt, Num};
use crate::disclose::{AgeRow, CountCells, Disclosed, Flow};
use crate::i18n::Localised;
use crate::model::{Gender, RiskGroup};
use serde::Serialize;

/// The workforce chapter: who is employed on the reference date.
#[derive(Debug, Clone, Serialize)]
pub struct WorkforceView {
    /// Active employees.
    pub headcount: Num,
    pub(crate) fte: Num,
    /// Women's share of the headcount.
    pub female_share: Num,
    pub(crate) average_age: Num,
    /// One row per gender, in the order of `Gender::ALL`.
    pub genders: Vec<CountRow>,
    /// One row per age band, youngest first.
    pub age_bands: Vec<AgeView>,
    /// Employees without a birth date, when there are any.
    pub(crate) age_unknown: Option<AgeView>,
    /// One row per department, largest first; employees without a
    /// department last.
    pub departments: Vec<CountRow>,
    pub(crate) statutes: Vec<CountRow>,
    pub(crate) education: Vec<CountRow>,
    pub(crate) flow: FlowView,
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
    /// The group's name in the plan's language.
    pub label: String,
    /// Its headcount.
    pub heads: Num,
    /// Its FTE.
    pub fte: Num,
    /// Its share of the headcount.
    pub share: Num,
}

/// One age band's headcount by gender.
#[derive(Debug, Clone, Serialize)]
pub struct AgeView {
    pub(crate) label: String,
    pub(crate) male: Num,
    pub(crate) female: Num,
    pub(crate) x: Num,
    /// Heads in the band, all genders together.
    pub total: Num,
    pub(crate) fte: Num,
}

/// One risk group: its size and the trainings aimed at it.
#[derive(Debug, Clone, Serialize)]
pub struct RiskGroupRow {
    /// Which risk group.
    pub key: RiskGroup,
    pub(crate) label: String,
    /// Active employees in the group.
    pub heads: Num,
    pub(crate) fte: Num,
    /// Their share of the headcount.
    pub share: Num,
    pub(crate) targeted: Num,
    /// Titles of the trainings aimed at this group.
    pub(crate) trainings: Vec<String>,
    /// Whether the data records who belongs to the group; when not, its
    /// figures read "unknown".
    pub(crate) recorded: bool,
}

fn key<T: Serialize>(value: T) -> Option<String> {
    Some(super::code(value))
}

fn row(fmt: Fmt<'_>, key: Option<String>, label: String, c: &CountCells) -> CountRow {
    CountRow {
        key,
        label,
        heads: fmt.count_cell(c.heads),
        fte: fmt.cell(c.fte, |x| fmt.fte(x)),
        share: fmt.cell(c.share, |r| fmt.percent(r)),
    }
}

fn age_row(fmt: Fmt<'_>, label: String, r: &AgeRow) -> AgeView {
    AgeView {
        label,
        male: fmt.count_cell(r.by_gender[Gender::Male.index()]),
        female: fmt.count_cell(r.by_gender[Gender::Female.index()]),
        x: fmt.count_cell(r.by_gender[Gender::X.index()]),
        total: fmt.count_cell(r.total),
        fte: fmt.cell(r.fte, |x| fmt.fte(x)),
    }
}

/// The workforce chapter's figures.
pub fn view(disclosed: &Disclosed<'_>, fmt: Fmt<'_>) -> WorkforceView {
    let w = &disclosed.workforce;
    let labels = &fmt.strings.labels;
    let unknown = || labels.unknown.clone();
    WorkforceView {
        headcount: fmt.count(w.total.heads),
        fte: fmt.fte(w.total.fte),
        female_share: fmt.cell(w.female_share, |r| fmt.percent(r)),
        average_age: fmt.maybe_decimal(w.average_age, 1),
        genders: Gender::ALL
            .iter()
            .map(|&g| row(fmt, key(g), g.label(labels).to_string(), &w.genders[g.index()]))
            .collect(),
        age_bands: w.age_bands.iter().map(|(band, r)| age_row(fmt, band.label(), r)).collect(),
        age_unknown: w.age_unknown.as_ref().map(|r| age_row(fmt, unknown(), r)),
        departments: w
            .departments
            .iter()
            .map(|(name, c)| row(fmt, None, name.clone().unwrap_or_else(unknown), c))
            .collect(),
        statutes: w
            .statutes
            .iter()
            .map(|(s, c)| row(fmt, s.and_then(key), s.map_or_else(unknown, |s| s.label(labels).into()), c))
            .collect(),
        education: w
            .education
            .iter()
            .map(|(e, c)| row(fmt, e.and_then(key), e.map_or_else(unknown, |e| e.label(labels).into()), c))
            .collect(),
        flow: flow(&disclosed.flow, fmt),
    }
}

fn flow(f: &Flow, fmt: Fmt<'_>) -> FlowView {
    FlowView {
        year: f.year,
        at_start: fmt.count(f.at_start),
        inflow: fmt.count_cell(f.inflow),
        outflow: fmt.count_cell(f.outflow),
        at_end: fmt.count(f.at_end),
        moves: f.moves.map(|m| fmt.count_cell(m)),
        departments: f
            .departments
            .iter()
            .map(|(d, x)| FlowRow {
                label: d.clone().unwrap_or_else(|| fmt.strings.labels.unknown.clone()),
                inflow: fmt.count_cell(x.inflow),
                outflow: fmt.count_cell(x.outflow),
                moved_in: fmt.count_cell(x.moved_in),
                moved_out: fmt.count_cell(x.moved_out),
            })
            .collect(),
    }
}

/// The risk groups, with the titles of the trainings aimed at each.
pub fn risk_groups(disclosed: &Disclosed<'_>, fmt: Fmt<'_>) -> Vec<RiskGroupRow> {
    let labels = &fmt.strings.labels;
    disclosed
        .risk_groups
        .iter()
        .map(|r| RiskGroupRow {
            key: r.group,
            label: r.group.label(labels).to_string(),
            heads: if r.recorded { fmt.count_cell(r.count.heads) } else { fmt.unrecorded() },
            fte: if r.recorded { fmt.cell(r.count.fte, |x| fmt.fte(x)) } else { fmt.unrecorded() },
            share: if r.recorded { fmt.cell(r.count.share, |s| fmt.percent(s)) } else { fmt.unrecorded() },
            recorded: r.recorded,
            targeted: fmt.count(r.targeted_trainings),
            trainings: disclosed
                .public
                .trainings
                .iter()
                .filter(|t| t.risk_groups.contains(&r.group))
                .map(|t| t.title.clone())
                .collect(),
        })
        .collect()
}
