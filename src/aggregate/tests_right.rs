//! The training right with sector rules, carry-over and the social
//! balance's net cost, checked against values computed by hand on the
//! six-person fixture (see `tests.rs`).

use super::targets::Basis;
use super::tests::fixture;
use super::*;
use crate::model::*;
use std::collections::HashMap;

fn close(actual: f64, expected: f64) {
    assert!((actual - expected).abs() < 1e-9, "expected {expected}, got {actual}");
}

/// The fixture as an employer of 25 FTE in the reference period, under
/// committees 111 (E1, E2) and 200 (E3, E4); E5 and E6 have none.
fn under_committees() -> Plan {
    let mut plan = fixture();
    plan.settings.training_days_per_fte = None;
    plan.quarterly_fte = [(2024, 4), (2025, 1), (2025, 2), (2025, 3)]
        .map(|(year, quarter)| QuarterFte { year, quarter, fte: 25.0 })
        .to_vec();
    plan.organisation.joint_committees = vec!["111".into(), "PC 200".into()];
    for (i, committee) in ["111", "111", "200", "200"].into_iter().enumerate() {
        plan.employees[i].joint_committee = Some(committee.into());
    }
    plan
}

#[test]
fn a_sector_rule_applies_to_its_committee_and_the_plan_overrides_it() {
    let plan = under_committees();
    let legal = aggregate(&plan).legal;
    let t = &legal.targets;
    // 111 has no bundled rule: the law's 5; 200's growth path gives 4 in 2027.
    let days: Vec<(String, f64)> = t.committees.iter().map(|c| (c.committee.clone(), c.days)).collect();
    assert_eq!(days, [("111".to_string(), 5.0), ("200".to_string(), 4.0)]);
    assert!(matches!(t.committees[1].basis, Basis::Rule(_)));
    assert_eq!(&t.per_employee[..4], [5.0, 5.0, 4.0, 4.0]);
    // E5 and E6 have no committee and the plan's two differ: the law's.
    assert_eq!(&t.per_employee[4..], [5.0, 5.0]);
    assert!(t.unassigned);
    // Weighted by the active FTE (1, 0.8, 0.5, 1): (5 + 4 + 2 + 4) / 3.3.
    close(legal.target, 15.0 / 3.3);
    assert_eq!(legal.target_source, legal::TargetSource::Committees);
    let accounts = aggregate(&plan).accounts;
    close(accounts.accounts[2].entitled, 4.0 * 0.5);

    // plan.toml sets 200 to 3 days: E3 is entitled to 1.5.
    let mut own = plan.clone();
    own.settings.committee_days = vec![("200".into(), 3.0)];
    let f = aggregate(&own);
    assert_eq!(f.legal.targets.committees[1].basis, Basis::Plan);
    close(f.accounts.accounts[2].entitled, 1.5);
    // One target for all in plan.toml wins over every rule.
    own.settings.training_days_per_fte = Some(2.0);
    let f = aggregate(&own);
    close(f.legal.target, 2.0);
    assert!(f.legal.targets.per_employee.iter().all(|d| *d == 2.0));

    // Growth paths concern employers of 20 or more: at 15 FTE the law's 1 day.
    let mut small = plan.clone();
    small.quarterly_fte.iter_mut().for_each(|q| q.fte = 15.0);
    let f = aggregate(&small);
    assert!(f.legal.targets.committees.iter().all(|c| c.days == 1.0 && c.basis == Basis::Law));
    assert_eq!(f.legal.target_source, legal::TargetSource::Law);
}

#[test]
fn one_committee_with_a_rule_applies_to_everyone_without_a_column() {
    let mut plan = under_committees();
    plan.organisation.joint_committees = vec!["200".into()];
    plan.employees.iter_mut().for_each(|e| e.joint_committee = None);
    let legal = aggregate(&plan).legal;
    assert!(!legal.targets.unassigned);
    close(legal.target, 4.0);
    assert!(legal.targets.per_employee.iter().all(|d| *d == 4.0));
}

#[test]
fn last_years_balance_carries_over_within_its_period() {
    let mut plan = fixture();
    let balance = |days| Balance { days, year: 2026 };
    let balances = HashMap::from([("E1".to_string(), balance(2.0)), ("E2".to_string(), balance(1.5))]);
    plan.carry_over = Some(CarryOver { source: CarrySource::Sheet, balances });
    let a = aggregate(&plan).accounts;
    let target = aggregate(&plan).legal.target;
    close(a.accounts[0].carried, 2.0);
    close(a.accounts[0].remaining, target + 2.0);
    // E2 followed 6 hours (T1, completed) of a day of 7.6 hours.
    close(a.accounts[1].carried, 1.5);
    close(a.accounts[1].remaining, (target * 0.8 + 1.5 - 6.0 / 7.6).max(0.0));
    close(a.carried, 3.5);
    // Days carried count as available: planned against entitled + carried.
    close(a.accounts[0].available(), a.accounts[0].entitled + 2.0);

    // A new period (2029-2033) starts with nothing carried.
    let mut next = plan.clone();
    next.settings.year = 2029;
    for b in next.carry_over.as_mut().unwrap().balances.values_mut() {
        b.year = 2028;
    }
    assert_eq!(aggregate(&next).accounts.carried, 0.0);
    // A plan that does not carry over.
    plan.settings.carry_over = None;
    assert_eq!(aggregate(&plan).accounts.carried, 0.0);
}

#[test]
fn the_net_cost_holds_wages_funds_and_subsidies_as_given() {
    // T1 (formal, budget 1000) has three registrations: E1 and E5 (men),
    // E2 (woman); each a third of the budget.
    let plan = fixture();
    let f = aggregate(&plan).social_balance;
    let formal = TrainingKind::Formal.index();
    let (men, women) = (Gender::Male.index(), Gender::Female.index());
    assert_eq!(f.wages, social_balance::WageBasis::Excluded);
    close(f.cells[formal][men].cost, 2000.0 / 3.0);
    close(f.cells[formal][women].gross(), 1000.0 / 3.0);

    let mut plan = fixture();
    plan.employees[0].wage = Some(Wage::Hourly(40.0));
    // 39 520 a year at 0.8 of 1 976 hours: 25 an hour.
    plan.employees[1].wage = Some(Wage::Annual(39_520.0));
    plan.settings.costs = Costs { collective_funds: Some(300.0), subsidies: Some(150.0), ..Costs::default() };
    let f = aggregate(&plan).social_balance;
    // E5's 8 hours, E4's 16 and E6's 4 have no wage.
    assert_eq!(f.wages, social_balance::WageBasis::Partly);
    close(f.hours_without_wage, 8.0 + 16.0 + 4.0);
    close(f.cells[formal][men].wages, 8.0 * 40.0);
    close(f.cells[formal][women].wages, 6.0 * 25.0);
    // Funds and subsidies by headcount on the reference date: one man (E1),
    // two women (E2, E3); X (E4) has no column.
    close(f.cells[formal][men].funds, 100.0);
    close(f.cells[formal][women].subsidies, 100.0);
    close(f.cells[formal][men].cost, 2000.0 / 3.0 + 320.0 + 100.0 - 50.0);
    close(f.cells[formal][women].cost, 1000.0 / 3.0 + 150.0 + 200.0 - 100.0);
    // Informal training has no funds or subsidies: E2's 4 hours at 25.
    let informal = TrainingKind::Informal.index();
    close(f.cells[informal][women].cost, 200.0 / 2.0 + 4.0 * 25.0);
}

#[test]
fn the_gap_bins_and_groups_by_hand() {
    // Target 5 (set in the fixture). E1: 5 available, 8 h planned (1,05
    // days): 3,95 short. E2: 4, 10 h (1,32): 2,68. E3: 2,5, nothing (its
    // one registration is cancelled): 2,5. E4: 5, only initial training
    // (not counted): 5. E6 (from 1 February): 5 × 334/365 = 4,58, 4 h
    // (0,53): 4,05. E5 left in 2026: no account.
    let f = aggregate(&fixture());
    assert_eq!(f.gap.bins, [3, 2, 0, 0, 0]);
    let short = (5.0 - 8.0 / 7.6) + (4.0 - 10.0 / 7.6) + 2.5 + 5.0 + (5.0 * 334.0 / 365.0 - 4.0 / 7.6);
    assert!((f.gap.short - short).abs() < 0.01, "{}", f.gap.short);
    let departments: Vec<(Option<String>, u32, u32)> =
        f.gap.departments.iter().map(|g| (g.label.clone(), g.heads, g.below)).collect();
    assert_eq!(
        departments,
        [(Some("Administratie".into()), 2, 2), (Some("Productie".into()), 2, 2), (None, 1, 1)]
    );
    close(f.gap.departments[0].short, 2.5 + 5.0);
}

#[test]
fn certificate_needs_by_hand() {
    use crate::model::needs::*;
    use jiff::civil::date;
    // VCA for Productie (E1, E2 active; E5 left). E1's expires in May
    // 2027; E2 has none. T1 delivers VCA; E1 (planned) and E2 (followed)
    // are registered for it.
    let mut plan = fixture();
    plan.trainings[0].delivers = Some("vca".into());
    plan.needs.requirements.push(Requirement {
        scope: Scope::Department("productie".into()),
        need: Need::Certificate("VCA".into()),
        validity_months: Some(120),
        mandatory: true,
    });
    let held =
        |employee, valid_until| HeldCertificate { employee, name: "VCA".into(), obtained: None, valid_until };
    plan.needs.certificates = vec![held(0, Some(date(2027, 5, 14))), held(4, None)];
    let f = aggregate(&plan).needs;
    let r = &f.requirements[0];
    assert_eq!((r.people, r.valid, r.expiring, r.missing, r.covered), (2, 0, 1, 1, 2));
    assert_eq!(r.by_month[4], 1);
    assert_eq!(f.uncovered(), 0);
    assert_eq!((f.gaps[0].covered_by.as_slice(), f.gaps[1].covered_by.as_slice()), (&[0][..], &[0][..]));
    assert_eq!(f.gaps[1].status, crate::aggregate::needs::Status::Missing);
    // Obtained in 2019 with ten years' validity: valid through 2027.
    plan.needs.certificates[0] = HeldCertificate {
        employee: 0,
        name: "vca".into(),
        obtained: Some(date(2019, 3, 1)),
        valid_until: None,
    };
    let r = &aggregate(&plan).needs.requirements[0];
    assert_eq!((r.valid, r.expiring), (1, 0));
}
