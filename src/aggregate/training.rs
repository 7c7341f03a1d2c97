use super::{Workforce, ratio};
use crate::model::{ParticipationStatus, Plan, TrainingKind};
use std::collections::HashSet;

/// Planned training effort of the active workforce, against the target of
/// the individual training right.
#[derive(Debug, Clone)]
pub struct TrainingFigures {
    pub(crate) trainings: u32,
    /// Participations of active employees that are not cancelled.
    pub participations: u32,
    /// The hours of those participations.
    pub hours: f64,
    pub(crate) days: f64,
    pub(crate) days_per_fte: Option<f64>,
    pub(crate) target_days_per_fte: f64,
    /// The target for the whole active workforce: target × FTE.
    pub(crate) target_days: f64,
    /// Indexed by `TrainingKind::index`.
    pub(crate) by_kind: [KindFigures; 3],
    /// Hours of every kind, initial training included when it does not
    /// count: the total of the table per kind.
    pub(crate) all_hours: f64,
    /// Whether initial training is shown apart (it does not count).
    pub(crate) initial_apart: bool,
    /// The trainings' budgets added up, in euro; a training without a budget
    /// adds nothing.
    pub budget: f64,
    pub(crate) budget_per_fte: Option<f64>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct KindFigures {
    pub trainings: u32,
    pub participations: u32,
    pub participants: u32,
    pub hours: f64,
    pub days: f64,
}

pub fn totals(plan: &Plan, active: &[bool], workforce: &Workforce, target: f64) -> TrainingFigures {
    let hours_per_day = plan.settings.hours_per_day;
    let mut by_kind = [KindFigures::default(); 3];
    let mut participants: [HashSet<usize>; 3] = Default::default();
    for t in &plan.trainings {
        by_kind[t.kind.index()].trainings += 1;
    }
    for p in plan.participations.iter().filter(|p| p.counts() && active[p.employee]) {
        let k = plan.trainings[p.training].kind.index();
        by_kind[k].participations += 1;
        by_kind[k].hours += p.hours;
        participants[k].insert(p.employee);
    }
    for kind in TrainingKind::ALL {
        let figures = &mut by_kind[kind.index()];
        figures.participants = participants[kind.index()].len() as u32;
        figures.days = figures.hours / hours_per_day;
    }
    // The headline counts what counts towards the training right: formal
    // and informal training; initial training is shown apart (see Settings).
    let counts = |kind: TrainingKind| kind != TrainingKind::Initial || plan.settings.count_initial_training;
    let hours: f64 = TrainingKind::ALL.iter().filter(|k| counts(**k)).map(|k| by_kind[k.index()].hours).sum();
    let days = hours / hours_per_day;
    let budget: f64 = plan.trainings.iter().filter_map(|t| t.budget).sum();
    let fte = workforce.total.fte;
    TrainingFigures {
        trainings: plan.trainings.len() as u32,
        participations: by_kind.iter().map(|k| k.participations).sum(),
        hours,
        days,
        days_per_fte: ratio(days, fte),
        target_days_per_fte: target,
        target_days: target * fte,
        all_hours: by_kind.iter().map(|k| k.hours).sum(),
        initial_apart: !plan.settings.count_initial_training,
        by_kind,
        budget,
        budget_per_fte: ratio(budget, fte),
    }
}

/// How one training is used, counting every employee (also those no longer
/// active): it describes the training, not the workforce.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct TrainingUsage {
    /// Participations that are not cancelled.
    pub registrations: u32,
    pub completed: u32,
    pub cancelled: u32,
    pub hours: f64,
    pub cost: f64,
}

pub fn usage(plan: &Plan) -> Vec<TrainingUsage> {
    let mut usage = vec![TrainingUsage::default(); plan.trainings.len()];
    for p in &plan.participations {
        let u = &mut usage[p.training];
        match p.status {
            ParticipationStatus::Cancelled => u.cancelled += 1,
            status => {
                u.registrations += 1;
                u.hours += p.hours;
                u.cost += p.cost.unwrap_or(0.0);
                if status == ParticipationStatus::Completed {
                    u.completed += 1;
                }
            }
        }
    }
    usage
}
