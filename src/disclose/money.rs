//! Training accounts, the budget per department and the social balance as
//! an edition may show them.

use super::{Cell, Rule, Table};
use crate::aggregate::{Figures, ratio};
use crate::model::Gender;
use crate::privacy;

/// Training accounts whose planned days are below, at and above the
/// entitlement.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Standings {
    /// Below the entitlement.
    pub below: Cell<u32>,
    /// Within the margin around it.
    pub at: Cell<u32>,
    /// Above it.
    pub above: Cell<u32>,
}

pub(super) fn standings(figures: &Figures, rule: Rule, whole: &mut Vec<Table>) -> Standings {
    let a = &figures.accounts;
    let counts = [a.below, a.at, a.above];
    let s = rule.suppress(3, |k| privacy::list(&counts, k));
    if s.whole {
        whole.push(Table::Standings);
    }
    let cell = |i: usize| rule.count_in(counts[i], s.hidden[i], s.whole);
    Standings { below: cell(0), at: cell(1), above: cell(2) }
}

/// One department's share of the budget.
#[derive(Debug, Clone, PartialEq)]
pub struct DepartmentBudget {
    /// The department; `None` is "not filled in".
    pub department: Option<String>,
    /// Its share of the trainings' budgets, in euro.
    pub amount: Cell<f64>,
    /// As a share of the whole budget.
    pub share: Cell<Option<f64>>,
}

/// A department's share of the budget is withheld with the department
/// (`departments`: each department and whether its size is withheld); the
/// shares add up to the assigned budget, so one hidden share takes another.
pub(super) fn budget_by_department(
    figures: &Figures,
    departments: &[(&Option<String>, bool)],
    rule: Rule,
) -> Vec<DepartmentBudget> {
    let amounts = &figures.budget.by_department;
    let mask = rule.mask(amounts.len(), |_| {
        let mut hidden: Vec<bool> = amounts
            .iter()
            .map(|(name, _)| match departments.iter().find(|(d, _)| *d == name) {
                Some((_, withheld)) => *withheld,
                // Only people who have left: too few to know, withheld.
                None => true,
            })
            .collect();
        let values: Vec<u32> = amounts.iter().map(|(_, amount)| amount.round() as u32).collect();
        privacy::protect(&mut hidden, &values);
        hidden
    });
    let mut rows: Vec<DepartmentBudget> = amounts
        .iter()
        .zip(mask)
        .map(|((department, amount), withheld)| DepartmentBudget {
            department: department.clone(),
            amount: rule.derived(*amount, withheld),
            share: rule.derived(ratio(*amount, figures.budget.total), withheld),
        })
        .collect();
    if rows.iter().any(|r| !r.amount.is_shown()) {
        // Ranked by amount, the order would rank the hidden ones too.
        rows.sort_by(|a, b| {
            (a.department.is_none(), &a.department).cmp(&(b.department.is_none(), &b.department))
        });
    }
    rows
}

/// One cell of the social balance's training section.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BalanceCells {
    /// Participants.
    pub participants: Cell<u32>,
    /// Their training hours.
    pub hours: Cell<f64>,
    /// The net cost.
    pub cost: Cell<f64>,
    /// Its parts: gross cost, contributions to funds, subsidies.
    pub gross: Cell<f64>,
    pub funds: Cell<f64>,
    pub subsidies: Cell<f64>,
}

/// Per kind of training: men, women and X add up to the kind's
/// participants (shown with the training right), so X counts, though never
/// printed per kind, take part in the protection.
pub(super) fn social_balance(
    figures: &Figures,
    rule: Rule,
    whole: &mut Vec<Table>,
) -> [[BalanceCells; 3]; 3] {
    figures.social_balance.cells.map(|row| {
        let counts: Vec<u32> = row.iter().map(|c| c.participants).collect();
        let s = rule.suppress(3, |k| privacy::list(&counts, k));
        if s.whole {
            whole.push(Table::SocialBalance);
        }
        Gender::ALL.map(|g| {
            let (cell, withheld) = (row[g.index()], s.hidden[g.index()] || s.whole);
            BalanceCells {
                participants: rule.count_in(cell.participants, withheld, s.whole),
                hours: rule.derived(cell.hours, withheld),
                cost: rule.derived(cell.cost, withheld),
                gross: rule.derived(cell.gross(), withheld),
                funds: rule.derived(cell.funds, withheld),
                subsidies: rule.derived(cell.subsidies, withheld),
            }
        })
    })
}

/// Participants of gender X in the social balance, all kinds together.
pub(super) fn x_participants(figures: &Figures, rule: Rule) -> Cell<u32> {
    let x = Gender::X.index();
    let n = figures.social_balance.cells.iter().map(|row| row[x].participants).sum();
    rule.count(n, rule.mask(1, |k| privacy::primary(&[n], k))[0])
}
