//! The training section of the National Bank's social balance sheet:
//! participants, hours and net cost per kind of training, for men and
//! women, computed from the participations so HR enters them once.
//!
//! Every employee counts (not only those active on the reference date);
//! cancelled participations do not. A participation's cost is its own
//! "Kosten" when given, else an equal share of the training's budget.

use crate::model::{Gender, Plan, TrainingKind};
use std::collections::HashSet;

#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Cell {
    pub participants: u32,
    pub hours: f64,
    pub cost: f64,
}

/// `cells[kind][gender]`, indexed by `TrainingKind::index` and `Gender::index`.
#[derive(Debug, Clone, Default)]
pub struct SocialBalance {
    pub cells: [[Cell; 3]; 3],
}

/// The sheet's item code for men or women (X has none).
pub fn code(kind: TrainingKind, gender: Gender, measure: Measure) -> Option<&'static str> {
    let base = match (kind, gender) {
        (TrainingKind::Formal, Gender::Male) => 580,
        (TrainingKind::Formal, Gender::Female) => 581,
        (TrainingKind::Informal, Gender::Male) => 582,
        (TrainingKind::Informal, Gender::Female) => 583,
        (TrainingKind::Initial, Gender::Male) => 584,
        (TrainingKind::Initial, Gender::Female) => 585,
        (_, Gender::X) => return None,
    };
    let codes: [[&str; 3]; 6] = [
        ["5801", "5802", "5803"],
        ["5811", "5812", "5813"],
        ["5821", "5822", "5823"],
        ["5831", "5832", "5833"],
        ["5841", "5842", "5843"],
        ["5851", "5852", "5853"],
    ];
    Some(codes[(base - 580) as usize][measure as usize])
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    Participants,
    Hours,
    NetCost,
}

pub fn social_balance(plan: &Plan) -> SocialBalance {
    let mut registrations = vec![0u32; plan.trainings.len()];
    for p in plan.participations.iter().filter(|p| p.counts()) {
        registrations[p.training] += 1;
    }
    let mut balance = SocialBalance::default();
    let mut seen: [[HashSet<usize>; 3]; 3] = Default::default();
    for p in plan.participations.iter().filter(|p| p.counts()) {
        let training = &plan.trainings[p.training];
        let (k, g) = (training.kind.index(), plan.employees[p.employee].gender.index());
        let cost =
            p.cost.unwrap_or_else(|| training.budget.unwrap_or(0.0) / f64::from(registrations[p.training]));
        let cell = &mut balance.cells[k][g];
        cell.hours += p.hours;
        cell.cost += cost;
        if seen[k][g].insert(p.employee) {
            cell.participants += 1;
        }
    }
    balance
}
