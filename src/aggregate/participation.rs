use super::{EmployeeLearning, ratio};
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
}

pub(super) fn by_group(plan: &Plan, active: &[bool], learning: &EmployeeLearning) -> ParticipationFigures {
    let on = plan.settings.reference_date;
    let bands = &plan.settings.age_bands;
    let mut figures = ParticipationFigures {
        overall: GroupParticipation::default(),
        by_gender: [GroupParticipation::default(); 3],
        by_age_band: vec![GroupParticipation::default(); bands.len()],
        by_risk_group: [GroupParticipation::default(); 4],
    };
    for (i, e) in plan.employees.iter().enumerate().filter(|(i, _)| active[*i]) {
        let (hours, participates) = (learning.hours[i], learning.participates[i]);
        figures.overall.add(e, hours, participates);
        figures.by_gender[e.gender.index()].add(e, hours, participates);
        if let Some(age) = e.age_on(on) {
            figures.by_age_band[bands.index_of(age)].add(e, hours, participates);
        }
        for (g, group) in RiskGroup::ALL.iter().enumerate() {
            if e.is_in(*group, on) {
                figures.by_risk_group[g].add(e, hours, participates);
            }
        }
    }
    figures
}
