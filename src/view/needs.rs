//! The training-needs chapter: per requirement, who needs it and where
//! they stand, the expiries per month and what the plan covers.

use super::{Fmt, Num};
use crate::disclose::Disclosed;
use crate::model::needs::{Need, Scope};
use serde::Serialize;

/// The chapter's figures; `requirements` is empty when the workbook has
/// no job requirements (the chapter is then left out).
#[derive(Debug, Clone, Serialize)]
pub struct NeedsView {
    pub requirements: Vec<NeedRow>,
    /// Certificates expiring per month of the plan year.
    pub months: Vec<MonthRow>,
    /// Needs neither met nor covered by a registration.
    pub uncovered: Num,
}

/// One requirement.
#[derive(Debug, Clone, Serialize)]
pub struct NeedRow {
    /// The certificate or competence.
    pub name: String,
    /// `certificate` or `competence`.
    pub kind: &'static str,
    /// The job or department it applies to.
    pub scope: String,
    /// Whether it is mandatory.
    pub mandatory: bool,
    pub people: Num,
    pub valid: Num,
    pub expiring: Num,
    pub missing: Num,
    pub covered: Num,
    /// Some need is neither met nor covered (a point of attention).
    pub uncovered: bool,
}

/// Expiries in one month.
#[derive(Debug, Clone, Serialize)]
pub struct MonthRow {
    /// The month's name.
    pub label: String,
    pub value: Num,
}

pub fn view(disclosed: &Disclosed<'_>, fmt: Fmt<'_>) -> NeedsView {
    let requirements = &disclosed.public.needs.requirements;
    let rows = requirements
        .iter()
        .zip(&disclosed.needs.requirements)
        .map(|(r, cells)| {
            let (name, kind) = match &r.need {
                Need::Certificate(n) => (n.clone(), "certificate"),
                Need::Competence(n) => (n.clone(), "competence"),
            };
            let scope = match &r.scope {
                Scope::Job(j) | Scope::Department(j) => j.clone(),
            };
            NeedRow {
                name,
                kind,
                scope,
                mandatory: r.mandatory,
                people: fmt.count_cell(cells.people),
                valid: fmt.count_cell(cells.valid),
                expiring: fmt.count_cell(cells.expiring),
                missing: fmt.count_cell(cells.missing),
                covered: fmt.count_cell(cells.covered),
                uncovered: cells.uncovered,
            }
        })
        .collect();
    let months = disclosed
        .needs
        .by_month
        .iter()
        .zip(&fmt.strings.date.months)
        .map(|(cell, label)| MonthRow { label: label.clone(), value: fmt.count_cell(*cell) })
        .collect();
    NeedsView { requirements: rows, months, uncovered: fmt.count_cell(disclosed.needs.uncovered) }
}
