use super::{Fmt, Num};
use crate::disclose::{Disclosed, GroupCells};
use crate::i18n::Localised;
use crate::model::{Gender, RiskGroup};
use serde::Serialize;

/// The participation chapter: how many employees take part in training.
#[derive(Debug, Clone, Serialize)]
pub struct ParticipationView {
    pub(crate) overall: GroupRow,
    /// By gender, by age band and by risk group, in that order.
    pub sections: Vec<ParticipationSection>,
}

/// Participation per group of one grouping: gender, age band, risk
/// group, statute, education level or department.
#[derive(Debug, Clone, Serialize)]
pub struct ParticipationSection {
    /// Which grouping; the layout names the section.
    pub key: SectionKey,
    /// Whether the layout draws the rates as a chart (the groupings the
    /// law names); the others are tables.
    pub chart: bool,
    /// One row per group, in the grouping's order.
    pub rows: Vec<GroupRow>,
}

/// How a participation section groups the workforce.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionKey {
    /// By gender.
    Gender,
    /// By age band.
    Age,
    /// By risk group.
    RiskGroup,
    /// By statute (blue- or white-collar, ...).
    Statute,
    /// By education level.
    Education,
    /// By department.
    Department,
}

impl SectionKey {
    /// The grouping's name in the wording files.
    pub fn key(self) -> &'static str {
        match self {
            SectionKey::Gender => "gender",
            SectionKey::Age => "age",
            SectionKey::RiskGroup => "risk_group",
            SectionKey::Statute => "statute",
            SectionKey::Education => "education",
            SectionKey::Department => "department",
        }
    }
}

/// Participation of one group of active employees.
#[derive(Debug, Clone, Serialize)]
pub struct GroupRow {
    /// The group's name in the plan's language.
    pub label: String,
    pub(crate) heads: Num,
    /// Members with at least one participation that is not cancelled.
    pub participants: Num,
    /// Participants as a share of the group.
    pub rate: Num,
    /// The members' training hours added up.
    pub hours: Num,
    /// Those hours per FTE of the group.
    pub hours_per_fte: Num,
}

/// Participation per group, with everyone's as the reference row.
pub fn view(disclosed: &Disclosed<'_>, fmt: Fmt<'_>) -> ParticipationView {
    let p = &disclosed.participation;
    let labels = &fmt.strings.labels;
    let row = |label: String, g: &GroupCells| GroupRow {
        label,
        heads: fmt.count_cell(g.heads),
        participants: fmt.count_cell(g.participants),
        rate: fmt.cell(g.rate, |r| fmt.percent(r)),
        hours: fmt.cell(g.hours, |h| fmt.hours(h)),
        hours_per_fte: fmt.cell(g.hours_per_fte, |h| fmt.maybe_decimal(h, 1)),
    };
    let genders = Gender::ALL.iter().map(|&g| row(g.label(labels).into(), &p.by_gender[g.index()])).collect();
    let ages = disclosed
        .workforce
        .age_bands
        .iter()
        .zip(&p.by_age_band)
        .map(|((band, _), g)| row(band.label(), g))
        .collect();
    let risks = RiskGroup::ALL
        .iter()
        .zip(&p.by_risk_group)
        .zip(&disclosed.risk_groups)
        .map(|((group, g), cells)| {
            let shown = row(group.label(labels).into(), g);
            if cells.recorded {
                return shown;
            }
            let unknown = fmt.unrecorded();
            GroupRow {
                heads: unknown.clone(),
                participants: unknown.clone(),
                rate: unknown.clone(),
                hours: unknown.clone(),
                hours_per_fte: unknown,
                ..shown
            }
        })
        .collect();
    let w = &disclosed.workforce;
    let unknown = || labels.unknown.clone();
    let statutes = w
        .statutes
        .iter()
        .zip(&p.by_statute)
        .map(|((s, _), g)| row(s.map_or_else(unknown, |s| s.label(labels).into()), g))
        .collect();
    let education = w
        .education
        .iter()
        .zip(&p.by_education)
        .map(|((e, _), g)| row(e.map_or_else(unknown, |e| e.label(labels).into()), g))
        .collect();
    let departments = w
        .departments
        .iter()
        .zip(&p.by_department)
        .map(|((d, _), g)| row(d.clone().unwrap_or_else(unknown), g))
        .collect();
    let section = |key, chart, rows| ParticipationSection { key, chart, rows };
    ParticipationView {
        overall: row(labels.everyone.clone(), &p.overall),
        sections: vec![
            section(SectionKey::Gender, true, genders),
            section(SectionKey::Age, true, ages),
            section(SectionKey::RiskGroup, true, risks),
            section(SectionKey::Statute, false, statutes),
            section(SectionKey::Education, false, education),
            section(SectionKey::Department, false, departments),
        ],
    }
}
