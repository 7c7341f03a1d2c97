//! Which target of the individual training right applies to whom: the
//! law's for the employer's size, a sector's growth path for the
//! employees of its joint committee (employers of 20 or more workers), or
//! what `plan.toml` sets. The plan's target is the FTE-weighted mean of
//! its employees' targets, so that one figure stands for all of them.

use super::legal::{SizeBand, legal_target};
use crate::model::{Plan, SectorRule};

/// Where one joint committee's target comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum Basis {
    /// The law's target for the employer's size.
    Law,
    /// A sector rule (an index into `Settings::sector_rules`).
    Rule(usize),
    /// `[training_right] days_per_fte` in `plan.toml`.
    Plan,
}

/// The target of one joint committee of the plan.
#[derive(Debug, Clone, PartialEq)]
pub struct CommitteeTarget {
    /// Its number ("200").
    pub committee: String,
    /// Days per FTE in the plan year.
    pub days: f64,
    /// Where they come from.
    pub basis: Basis,
    /// Active employees of the committee, by the workbook (0 when the
    /// workbook does not say).
    pub heads: u32,
}

/// The targets of a plan.
#[derive(Debug, Clone, Default)]
pub struct Targets {
    /// Per joint committee named in `plan.toml` or the workbook.
    pub committees: Vec<CommitteeTarget>,
    /// Per employee, in the workbook's order.
    pub per_employee: Vec<f64>,
    /// The FTE-weighted mean over the active employees.
    pub mean: f64,
    /// The committees differ in target but the workbook does not say who
    /// falls under which: the law's target is used for those employees.
    pub unassigned: bool,
    /// Some active employee's target is not the law's: it comes from a
    /// sector rule or from `plan.toml`.
    pub beyond_law: bool,
}

/// The targets of `plan` for an employer of `band`; `active` marks the
/// employees active on the reference date.
pub fn targets(plan: &Plan, band: SizeBand, active: &[bool]) -> Targets {
    let year = plan.settings.year;
    let law = legal_target(band, year);
    if let Some(days) = plan.settings.training_days_per_fte {
        let per_employee = vec![days; plan.employees.len()];
        return Targets { per_employee, mean: days, beyond_law: true, ..Targets::default() };
    }
    let mut names: Vec<String> =
        plan.organisation.joint_committees.iter().map(|c| crate::model::committee_number(c)).collect();
    for e in &plan.employees {
        if let Some(c) = &e.joint_committee
            && !names.contains(c)
        {
            names.push(c.clone());
        }
    }
    let mut committees: Vec<CommitteeTarget> =
        names.into_iter().filter(|c| !c.is_empty()).map(|c| committee_target(plan, c, band, law)).collect();
    for (e, on) in plan.employees.iter().zip(active) {
        if let (Some(c), true) = (&e.joint_committee, on)
            && let Some(t) = committees.iter_mut().find(|t| &t.committee == c)
        {
            t.heads += 1;
        }
    }
    // Without a committee of their own, employees take the plan's only
    // target; when its committees differ, the law's.
    let first = committees.first();
    let shared = first.filter(|f| committees.iter().all(|t| t.days == f.days));
    let fallback = shared.map_or((law, false), |t| (t.days, t.basis != Basis::Law));
    let (mut unassigned, mut beyond_law) = (false, false);
    let (mut weighted, mut fte) = (0.0, 0.0);
    let mut per_employee = Vec::with_capacity(plan.employees.len());
    for (e, on) in plan.employees.iter().zip(active) {
        let own = e.joint_committee.as_ref().and_then(|c| committees.iter().find(|t| &t.committee == c));
        let (days, not_law) = match own {
            Some(t) => (t.days, t.basis != Basis::Law),
            None => {
                unassigned |= shared.is_none();
                fallback
            }
        };
        if *on {
            weighted += days * e.fte.get();
            fte += e.fte.get();
            beyond_law |= not_law;
        }
        per_employee.push(days);
    }
    let mean = if fte > 0.0 { weighted / fte } else { fallback.0 };
    Targets { committees, per_employee, mean, unassigned, beyond_law }
}

fn committee_target(plan: &Plan, committee: String, band: SizeBand, law: f64) -> CommitteeTarget {
    let settings = &plan.settings;
    if let Some((_, days)) = settings.committee_days.iter().find(|(c, _)| *c == committee) {
        return CommitteeTarget { committee, days: *days, basis: Basis::Plan, heads: 0 };
    }
    // Sector growth paths concern employers of 20 or more workers.
    let rule = (band == SizeBand::TwentyOrMore)
        .then(|| rule_for(&settings.sector_rules, &committee))
        .flatten()
        .and_then(|(i, r)| r.days_in(settings.year).map(|days| (i, days)));
    match rule {
        Some((index, days)) => CommitteeTarget { committee, days, basis: Basis::Rule(index), heads: 0 },
        None => CommitteeTarget { committee, days: law, basis: Basis::Law, heads: 0 },
    }
}

/// The rule for `committee`: its own, else its parent committee's.
fn rule_for<'a>(rules: &'a [SectorRule], committee: &str) -> Option<(usize, &'a SectorRule)> {
    let exact = rules.iter().position(|r| r.committee == committee);
    let index = exact.or_else(|| rules.iter().position(|r| r.covers(committee)))?;
    Some((index, &rules[index]))
}
