//! The training section of the National Bank's social balance sheet:
//! participants, hours and net cost per kind of training, for men and
//! women, computed from the participations so HR enters them once.
//!
//! Every employee counts (not only those active on the reference date);
//! cancelled participations do not. A participation's direct cost is its
//! own "Kosten" when given, else an equal share of the training's budget.
//!
//! The net cost is the National Bank's: the gross cost (direct costs plus
//! the participants' wage cost for the hours in training, when the
//! workbook gives wages), plus contributions to collective training funds,
//! minus subsidies received; the last two (`[costs]`) belong to formal
//! training and are split between men and women in proportion to their
//! headcount, as the National Bank's FAQ on the social balance does for the
//! abbreviated model (nbb.be, FAQ sociale balans).

use crate::model::{Gender, Plan, TrainingKind};
use std::collections::HashSet;

#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Cell {
    pub participants: u32,
    pub hours: f64,
    /// Direct costs: trainers, fees, materials (the workbook's costs).
    pub direct: f64,
    /// The participants' wage cost for their hours in training.
    pub wages: f64,
    /// Contributions to collective training funds (formal training).
    pub funds: f64,
    /// Subsidies received, to deduct (formal training).
    pub subsidies: f64,
    /// The net cost: direct + wages + funds - subsidies.
    pub cost: f64,
}

impl Cell {
    /// The gross cost: direct costs and wages.
    pub fn gross(&self) -> f64 {
        self.direct + self.wages
    }
}

/// Whether the gross cost holds the participants' wages.
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WageBasis {
    /// The workbook gives no wage: wages are left out.
    #[default]
    Excluded,
    /// Every participant's wage is known.
    Included,
    /// Some participants' wages are unknown: their hours are left out.
    Partly,
}

/// `cells[kind][gender]`, indexed by `TrainingKind::index` and `Gender::index`.
#[derive(Debug, Clone, Default)]
pub struct SocialBalance {
    pub cells: [[Cell; 3]; 3],
    /// What the wage part of the gross cost covers.
    pub wages: WageBasis,
    /// Training hours whose wage is unknown (with `WageBasis::Partly`).
    pub hours_without_wage: f64,
    /// Whether `[costs]` gives the funds and subsidies.
    pub funds_given: bool,
    pub subsidies_given: bool,
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
    let (mut with_wage, mut without_wage) = (0.0, 0.0);
    let hours_per_year = plan.settings.costs.hours_per_year;
    for p in plan.participations.iter().filter(|p| p.counts()) {
        let training = &plan.trainings[p.training];
        let employee = &plan.employees[p.employee];
        let (k, g) = (training.kind.index(), employee.gender.index());
        let direct =
            p.cost.unwrap_or_else(|| training.budget.unwrap_or(0.0) / f64::from(registrations[p.training]));
        let cell = &mut balance.cells[k][g];
        cell.hours += p.hours;
        cell.direct += direct;
        match employee.wage_cost(p.hours, hours_per_year) {
            Some(wage) => {
                cell.wages += wage;
                with_wage += p.hours;
            }
            None => without_wage += p.hours,
        }
        if seen[k][g].insert(p.employee) {
            cell.participants += 1;
        }
    }
    balance.wages = match (with_wage > 0.0, without_wage > 0.0) {
        (false, _) => WageBasis::Excluded,
        (true, false) => WageBasis::Included,
        (true, true) => WageBasis::Partly,
    };
    balance.hours_without_wage = if balance.wages == WageBasis::Partly { without_wage } else { 0.0 };
    split_over_formal(plan, &mut balance);
    for row in &mut balance.cells {
        for cell in row {
            cell.cost = cell.gross() + cell.funds - cell.subsidies;
        }
    }
    balance
}

/// Funds and subsidies go to formal training, split between men and
/// women by their headcount on the reference date.
fn split_over_formal(plan: &Plan, balance: &mut SocialBalance) {
    let costs = plan.settings.costs;
    balance.funds_given = costs.collective_funds.is_some();
    balance.subsidies_given = costs.subsidies.is_some();
    let on = plan.settings.reference_date;
    let heads = |gender: Gender| {
        plan.employees.iter().filter(|e| e.gender == gender && e.is_active_on(on)).count() as f64
    };
    let (men, women) = (heads(Gender::Male), heads(Gender::Female));
    if men + women == 0.0 {
        return;
    }
    let formal = &mut balance.cells[TrainingKind::Formal.index()];
    for (gender, share) in [(Gender::Male, men / (men + women)), (Gender::Female, women / (men + women))] {
        let cell = &mut formal[gender.index()];
        cell.funds = costs.collective_funds.unwrap_or(0.0) * share;
        cell.subsidies = costs.subsidies.unwrap_or(0.0) * share;
    }
}

/// The sub-items of formal training's net cost, for men or women:
/// gross cost, contributions to collective funds, subsidies received.
pub fn formal_sub_codes(gender: Gender) -> Option<[&'static str; 3]> {
    match gender {
        Gender::Male => Some(["58031", "58032", "58033"]),
        Gender::Female => Some(["58131", "58132", "58133"]),
        Gender::X => None,
    }
}
