use super::{EmployeeLearning, Workforce, ratio};
use crate::model::{Employee, Plan, RiskGroup};

/// Participation of one group of active employees.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct GroupParticipation {
    pub(crate) heads: u32,
    pub(crate) fte: f64,
    /// Members with at least one participation that is not cancelled.
    pub participants: u32,
    pub(crate) hours: f64,
}

impl GroupParticipation {
    fn add(&mut self, employee: &Employee, hours: f64, participates: bool) {
        self.heads += 1;
        self.fte += employee.fte.get();
        self.hours += hours;
        self.participants += u32::from(participates);
    }

    /// Share of the group with at least one participation.
    pub(crate) fn rate(&self) -> Option<f64> {
        ratio(f64::from(self.participants), f64::from(self.heads))
    }

    pub(crate) fn hours_per_fte(&self) -> Option<f64> {
        ratio(self.hours, self.fte)
    }
}

/// Participation in training of the active employees, overall and per group.
#[derive(Debug, Clone)]
pub struct ParticipationFigures {
    /// All active employees together.
    pub overall: GroupParticipation,
    /// Indexed by `Gender::index`.
    pub by_gender: [GroupParticipation; 3],
    /// Per age band; employees without a birth date are in no band.
    pub by_age_band: Vec<GroupParticipation>,
    /// In the order of `RiskGroup::ALL`.
    pub by_risk_group: [GroupParticipation; 4],
    /// Per statute, in the order of `Workforce::by_statute`.
    pub by_statute: Vec<GroupParticipation>,
    /// Per education level, in the order of `Workforce::by_education`.
    pub by_education: Vec<GroupParticipation>,
    /// Per department, in the order of `Workforce::by_department`.
    pub by_department: Vec<GroupParticipation>,
}

pub(super) fn by_group(
    plan: &Plan,
    active: &[bool],
    learning: &EmployeeLearning,
    workforce: &Workforce,
) -> ParticipationFigures {
    let on = plan.settings.reference_date;
    let bands = &plan.settings.age_bands;
    let mut figures = ParticipationFigures {
        overall: GroupParticipation::default(),
        by_gender: [GroupParticipation::default(); 3],
        by_age_band: vec![GroupParticipation::default(); bands.len()],
        by_risk_group: [GroupParticipation::default(); 4],
        by_statute: vec![GroupParticipation::default(); workforce.by_statute.len()],
        by_education: vec![GroupParticipation::default(); workforce.by_education.len()],
        by_department: vec![GroupParticipation::default(); workforce.by_department.len()],
    };
    // The rows of the workforce tables, so that both list the same groups.
    let statute = |e: &Employee| workforce.by_statute.iter().position(|(s, _)| *s == e.statute);
    let education = |e: &Employee| workforce.by_education.iter().position(|(l, _)| *l == e.education);
    let department = |e: &Employee| {
        workforce.by_department.iter().position(|(d, _)| d.as_deref() == e.department.as_deref())
    };
    for (i, e) in plan.employees.iter().enumerate().filter(|(i, _)| active[*i]) {
        let (hours, participates) = (learning.hours[i], learning.participates[i]);
        figures.overall.add(e, hours, participates);
        figures.by_gender[e.gender.index()].add(e, hours, participates);
        if let Some(age) = e.age_on(on) {
            figures.by_age_band[bands.index_of(age)].add(e, hours, participates);
        }
        let rows = [
            (statute(e), &mut figures.by_statute),
            (education(e), &mut figures.by_education),
            (department(e), &mut figures.by_department),
        ];
        for (row, groups) in rows {
            if let Some(row) = row {
                groups[row].add(e, hours, participates);
            }
        }
        for (g, group) in RiskGroup::ALL.iter().enumerate() {
            if e.is_in(*group, on) {
                figures.by_risk_group[g].add(e, hours, participates);
            }
        }
    }
    figures
}
