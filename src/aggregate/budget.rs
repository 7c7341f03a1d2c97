//! The annual budget by goal, department and FTE, and the suppliers.

use super::ratio;
use crate::model::Plan;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default)]
pub struct Budget {
    pub total: f64,
    pub per_fte: Option<f64>,
    /// Per strategic goal id (`None`: trainings without a goal), in the plan's order of goals.
    pub by_goal: Vec<(Option<String>, f64)>,
    /// Each training's budget shared over the departments of its participants,
    /// in proportion to their participations; largest first.
    pub by_department: Vec<(Option<String>, f64)>,
    /// Budget of trainings nobody is registered for yet.
    pub unassigned: f64,
}

/// One provider (or "internal"/unnamed) with what the plan buys from it.
#[derive(Debug, Clone, PartialEq)]
pub struct Supplier {
    pub provider: Option<String>,
    pub trainings: u32,
    /// Hours of the participations that are not cancelled.
    pub hours: f64,
    /// The sum of its trainings' budgets; `None` when none of them has one
    /// (unknown, not zero).
    pub budget: Option<f64>,
}

pub fn budget(plan: &Plan, fte: f64) -> Budget {
    let total: f64 = plan.trainings.iter().filter_map(|t| t.budget).sum();
    let mut by_goal: Vec<(Option<String>, f64)> =
        plan.strategy.goals.iter().map(|g| (Some(g.id.clone()), 0.0)).collect();
    for t in &plan.trainings {
        let amount = t.budget.unwrap_or(0.0);
        match by_goal.iter_mut().find(|(id, _)| *id == t.goal) {
            Some((_, sum)) => *sum += amount,
            None => by_goal.push((t.goal.clone(), amount)),
        }
    }
    // A stable sort: goals in the plan's order, trainings without a goal last.
    by_goal.sort_by_key(|(id, _)| id.is_none());
    let mut registrations = vec![0u32; plan.trainings.len()];
    for p in plan.participations.iter().filter(|p| p.counts()) {
        registrations[p.training] += 1;
    }
    let mut departments: BTreeMap<Option<String>, f64> = BTreeMap::new();
    for p in plan.participations.iter().filter(|p| p.counts()) {
        let share = plan.trainings[p.training].budget.unwrap_or(0.0) / f64::from(registrations[p.training]);
        *departments.entry(plan.employees[p.employee].department.clone()).or_default() += share;
    }
    let unassigned = plan
        .trainings
        .iter()
        .zip(&registrations)
        .filter(|(_, n)| **n == 0)
        .filter_map(|(t, _)| t.budget)
        .sum();
    let mut by_department: Vec<_> = departments.into_iter().filter(|(_, amount)| *amount > 0.0).collect();
    by_department.sort_by(|(a, x), (b, y)| y.total_cmp(x).then_with(|| a.cmp(b)));
    Budget { total, per_fte: ratio(total, fte), by_goal, by_department, unassigned }
}

pub fn suppliers(plan: &Plan) -> Vec<Supplier> {
    let mut by_provider: BTreeMap<Option<String>, Supplier> = BTreeMap::new();
    for t in &plan.trainings {
        let supplier = by_provider.entry(t.provider.clone()).or_insert_with(|| Supplier {
            provider: t.provider.clone(),
            trainings: 0,
            hours: 0.0,
            budget: None,
        });
        supplier.trainings += 1;
        if let Some(amount) = t.budget {
            supplier.budget = Some(supplier.budget.unwrap_or(0.0) + amount);
        }
    }
    for p in plan.participations.iter().filter(|p| p.counts()) {
        if let Some(s) = by_provider.get_mut(&plan.trainings[p.training].provider) {
            s.hours += p.hours;
        }
    }
    let mut suppliers: Vec<Supplier> = by_provider.into_values().collect();
    // Largest budget first; unnamed providers last.
    suppliers.sort_by(|a, b| {
        (a.provider.is_none().cmp(&b.provider.is_none()))
            .then(b.budget.unwrap_or(-1.0).total_cmp(&a.budget.unwrap_or(-1.0)))
            .then_with(|| a.provider.cmp(&b.provider))
    });
    suppliers
}
