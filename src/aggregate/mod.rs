//! Aggregation: the plan's figures, as pure functions of the validated plan.
//!
//! Definitions (they are also printed in the document):
//! - an employee is *active* when their start date is empty or on/before the
//!   reference date and their end date is empty or on/after it; composition,
//!   risk-group and participation figures count active employees only;
//! - age is in whole years on the reference date;
//! - planned hours are the hours of participations that are not cancelled,
//!   of active employees; days are hours divided by `hours_per_day`;
//! - a participant is an active employee with at least one participation
//!   that is not cancelled.

pub(crate) mod accounts;
pub(crate) mod attention;
pub(crate) mod budget;
pub(crate) mod compliance;
pub(crate) mod deadlines;
pub(crate) mod flow;
pub(crate) mod gap;
pub mod key_figures;
pub(crate) mod legal;
pub(crate) mod needs;
mod participation;
pub(crate) mod readiness;
pub(crate) mod revision;
pub(crate) mod social_balance;
pub(crate) mod targets;
mod training;
mod workforce;

#[cfg(test)]
pub(crate) mod tests;
#[cfg(test)]
mod tests_legal;
#[cfg(test)]
mod tests_right;

pub use participation::{GroupParticipation, ParticipationFigures};
pub use training::TrainingFigures;
pub(crate) use training::TrainingUsage;
pub use workforce::{Count, RiskGroupFigures, Workforce};

use crate::model::Plan;

/// Every figure the plan reports.
#[derive(Debug, Clone)]
pub struct Figures {
    pub(crate) legal: legal::LegalFrame,
    /// Who is employed on the reference date: heads and FTE by gender, age
    /// band, department, statute and education.
    pub workforce: Workforce,
    pub(crate) flow: flow::Flow,
    /// The active employees in each risk group, in the order of
    /// `RiskGroup::ALL`.
    pub risk_groups: Vec<RiskGroupFigures>,
    /// The planned trainings, participations, hours and budget, against the
    /// target of the training right.
    pub training: TrainingFigures,
    /// How many active employees take part in training, overall and per
    /// gender, age band and risk group.
    pub participation: ParticipationFigures,
    pub(crate) attention: Vec<attention::Attention>,
    /// The plan's participation rule the points of attention and the
    /// checklist were judged by (0,8: less than 80% as often as everyone).
    pub(crate) participation_rule: f64,
    pub(crate) accounts: accounts::Accounts,
    /// How far planned days fall short of the accounts.
    pub(crate) gap: gap::Gap,
    /// Training needs from certificates and competences.
    pub(crate) needs: needs::Needs,
    pub(crate) budget: budget::Budget,
    pub(crate) suppliers: Vec<budget::Supplier>,
    pub(crate) social_balance: social_balance::SocialBalance,
    pub(crate) deadlines: Vec<deadlines::Deadline>,
    /// `None` when the plan does not take the readiness check.
    pub(crate) readiness: Option<Vec<readiness::AspectScore>>,
    /// Per training, in the order of the plan's trainings.
    pub(crate) usage: Vec<TrainingUsage>,
    pub(crate) compliance: Vec<compliance::Check>,
    /// The figures next year's plan compares itself with.
    pub(crate) key_figures: key_figures::KeyFigures,
}

/// Computes every figure of `plan`, counting the employees active on its
/// reference date.
pub fn aggregate(plan: &Plan) -> Figures {
    let on = plan.settings.reference_date;
    let active: Vec<bool> = plan.employees.iter().map(|e| e.is_active_on(on)).collect();
    let learning = EmployeeLearning::collect(plan, &active);
    let workforce = workforce::composition(plan, &active);
    let legal = legal::frame(plan, &active, workforce.total.fte, workforce.total.heads);
    let risk_groups = workforce::risk_groups(plan, &active, &workforce);
    let participation = participation::by_group(plan, &active, &learning, &workforce);
    let mut figures = Figures {
        training: training::totals(plan, &active, &workforce, legal.target),
        accounts: accounts::accounts(plan, &legal.targets.per_employee),
        attention: attention::points(&participation, &risk_groups, plan.settings.participation_rule),
        participation_rule: plan.settings.participation_rule,
        budget: budget::budget(plan, workforce.total.fte),
        suppliers: budget::suppliers(plan),
        social_balance: social_balance::social_balance(plan),
        deadlines: deadlines::deadlines(plan),
        readiness: plan.readiness.as_ref().map(readiness::scores),
        flow: flow::flow(plan),
        usage: training::usage(plan),
        gap: gap::Gap::default(),
        needs: needs::needs(plan, &active),
        compliance: Vec::new(),
        key_figures: key_figures::KeyFigures { values: Vec::new(), trainings: Vec::new() },
        legal,
        workforce,
        risk_groups,
        participation,
    };
    figures.gap = gap::gap(plan, &figures.accounts);
    figures.compliance = compliance::checklist(plan, &figures);
    figures.key_figures = key_figures::key_figures(plan, &figures);
    figures
}

/// Per employee: counted hours and whether they take part at all.
struct EmployeeLearning {
    hours: Vec<f64>,
    participates: Vec<bool>,
}

impl EmployeeLearning {
    fn collect(plan: &Plan, active: &[bool]) -> Self {
        let mut hours = vec![0.0; plan.employees.len()];
        let mut participates = vec![false; plan.employees.len()];
        for p in plan.participations.iter().filter(|p| p.counts() && active[p.employee]) {
            hours[p.employee] += p.hours;
            participates[p.employee] = true;
        }
        Self { hours, participates }
    }
}

/// `numerator / denominator`, or `None` when there is nothing to divide by.
pub fn ratio(numerator: f64, denominator: f64) -> Option<f64> {
    (denominator > 0.0).then(|| numerator / denominator)
}
