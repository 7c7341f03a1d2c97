//! Training needs from the data: per job requirement, who needs it, whose
//! certificate is valid through the plan year, expires during it (by
//! month) or is missing, and how many of those the plan's registrations
//! in trainings that deliver it cover; per competence, who falls short of
//! the level wanted.

use crate::model::needs::{Need, Requirement};
use crate::model::{ParticipationStatus, Plan};
use jiff::civil::Date;

/// What one employee needs for one requirement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// A certificate valid through the plan year, or the competence at
    /// the level wanted.
    Valid,
    /// A certificate that expires during the plan year, in this month (1-12).
    Expiring(u8),
    /// No certificate (or one expired before the plan year), or a
    /// competence below the level wanted.
    Missing,
}

/// One employee's need for one requirement that is not met.
#[derive(Debug, Clone, PartialEq)]
pub struct Gap {
    /// The requirement, by index in the plan's requirements.
    pub requirement: usize,
    /// The employee, by index in the employees sheet.
    pub employee: usize,
    /// Expiring or missing.
    pub status: Status,
    /// The last valid day of the certificate, when there is one.
    pub valid_until: Option<Date>,
    /// Trainings the employee is registered for that deliver it, by index.
    pub covered_by: Vec<usize>,
}

/// One requirement's figures, counting the employees active on the
/// reference date.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RequirementFigures {
    /// People the requirement applies to.
    pub people: u32,
    /// Of whom the need is met through the plan year.
    pub valid: u32,
    /// Expiring during the plan year.
    pub expiring: u32,
    /// Missing.
    pub missing: u32,
    /// Of the expiring and missing, those registered for a training that
    /// delivers it.
    pub covered: u32,
    /// Expiring per month of the plan year.
    pub by_month: [u32; 12],
}

/// All requirements' figures and every unmet need.
#[derive(Debug, Clone, Default)]
pub struct Needs {
    /// In the order of the plan's requirements.
    pub requirements: Vec<RequirementFigures>,
    /// Every need not met, requirement by requirement.
    pub gaps: Vec<Gap>,
}

impl Needs {
    /// Needs not covered by any registration.
    pub fn uncovered(&self) -> u32 {
        self.requirements.iter().map(|r| r.expiring + r.missing - r.covered).sum()
    }
}

pub fn needs(plan: &Plan, active: &[bool]) -> Needs {
    let year = plan.settings.year;
    let mut result = Needs::default();
    for (index, requirement) in plan.needs.requirements.iter().enumerate() {
        let mut figures = RequirementFigures::default();
        for (employee, e) in plan.employees.iter().enumerate() {
            if !active[employee] || !requirement.scope.covers(e) {
                continue;
            }
            figures.people += 1;
            let (status, valid_until) = status(plan, requirement, employee, year);
            match status {
                Status::Valid => {
                    figures.valid += 1;
                    continue;
                }
                Status::Expiring(month) => {
                    figures.expiring += 1;
                    figures.by_month[usize::from(month) - 1] += 1;
                }
                Status::Missing => figures.missing += 1,
            }
            let covered_by = covering(plan, requirement, employee);
            if !covered_by.is_empty() {
                figures.covered += 1;
            }
            result.gaps.push(Gap { requirement: index, employee, status, valid_until, covered_by });
        }
        result.requirements.push(figures);
    }
    result
}

/// Where `employee` stands on `requirement` in plan year `year`: for a
/// certificate, the latest valid one they hold (its end, or its date
/// obtained plus the requirement's validity); for a competence, their
/// level against the level wanted.
fn status(plan: &Plan, requirement: &Requirement, employee: usize, year: i16) -> (Status, Option<Date>) {
    let fold = crate::text::fold;
    match &requirement.need {
        Need::Certificate(name) => {
            let ends = plan
                .needs
                .certificates
                .iter()
                .filter(|c| c.employee == employee && fold(&c.name) == fold(name))
                .map(|c| match (c.valid_until, c.obtained, requirement.validity_months) {
                    (Some(end), _, _) => Some(end),
                    (None, Some(from), Some(months)) => from
                        .checked_add(jiff::Span::new().months(i64::from(months)))
                        .and_then(|d| d.checked_sub(jiff::Span::new().days(1)))
                        .ok(),
                    // Held, with no end: valid for good.
                    _ => None,
                })
                .max_by_key(|end| end.unwrap_or(Date::MAX));
            let first = Date::new(year, 1, 1).unwrap_or(Date::MIN);
            let last = Date::new(year, 12, 31).unwrap_or(Date::MAX);
            match ends {
                None => (Status::Missing, None),
                Some(None) => (Status::Valid, None),
                Some(Some(end)) if end >= last => (Status::Valid, Some(end)),
                Some(Some(end)) if end >= first => (Status::Expiring(end.month() as u8), Some(end)),
                Some(Some(end)) => (Status::Missing, Some(end)),
            }
        }
        Need::Competence(name) => {
            let level = plan
                .needs
                .competences
                .iter()
                .find(|c| c.employee == employee && fold(&c.competence) == fold(name));
            match level {
                Some(l) if l.current >= l.wanted => (Status::Valid, None),
                _ => (Status::Missing, None),
            }
        }
    }
}

/// Trainings that deliver what `requirement` asks for, and for which
/// `employee` has a registration that is not cancelled.
fn covering(plan: &Plan, requirement: &Requirement, employee: usize) -> Vec<usize> {
    let fold = crate::text::fold;
    let name = match &requirement.need {
        Need::Certificate(n) | Need::Competence(n) => fold(n),
    };
    let mut trainings: Vec<usize> = plan
        .participations
        .iter()
        .filter(|p| p.employee == employee && p.status != ParticipationStatus::Cancelled)
        .filter(|p| plan.trainings[p.training].delivers.as_deref().is_some_and(|d| fold(d) == name))
        .map(|p| p.training)
        .collect();
    trainings.sort_unstable();
    trainings.dedup();
    trainings
}
