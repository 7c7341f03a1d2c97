//! Figures checked against values computed by hand for a six-person fixture.

use super::*;
use crate::model::Language;
use crate::model::employee_fixture as employee;
use crate::model::*;
use jiff::civil::date;

fn close(actual: f64, expected: f64) {
    assert!((actual - expected).abs() < 1e-9, "expected {expected}, got {actual}");
}

fn training(
    code: &str,
    kind: TrainingKind,
    hours: f64,
    budget: Option<f64>,
    groups: &[RiskGroup],
) -> Training {
    Training {
        code: code.into(),
        title: format!("Training {code}"),
        theme: None,
        goal: None,
        target_group: None,
        kind,
        start_date: None,
        end_date: None,
        language: None,
        method: None,
        registrations: None,
        duration_hours: hours,
        provider: None,
        budget,
        evaluation: None,
        risk_groups: groups.to_vec(),
        pillar: None,
        delivers: None,
    }
}

fn participation(employee: usize, training: usize, hours: f64, status: ParticipationStatus) -> Participation {
    Participation { employee, training, hours, status, date: None, cost: None }
}

/// E1..E4 are active on 31/12/2026; E5 left in June, E6 starts in 2027.
pub(crate) fn fixture() -> Plan {
    use Gender::*;
    let mut e1 = employee("E1", Male, date(1970, 6, 15), 1.0);
    e1.department = Some("Productie".into());
    e1.statute = Some(Statute::BlueCollar);
    e1.education = Some(EducationLevel::Low);
    e1.nationality = Some(Nationality::Country(Country::parse("BE").unwrap()));
    e1.bottleneck_occupation = true;
    let mut e2 = employee("E2", Female, date(1990, 1, 1), 0.8);
    e2.department = Some("Productie".into());
    e2.statute = Some(Statute::BlueCollar);
    e2.education = Some(EducationLevel::Medium);
    e2.nationality = Some(Nationality::Country(Country::parse("MA").unwrap()));
    e2.disability = true;
    let mut e3 = employee("E3", Female, date(2002, 3, 10), 0.5);
    e3.department = Some("Administratie".into());
    e3.statute = Some(Statute::WhiteCollar);
    e3.education = Some(EducationLevel::High);
    e3.nationality = Some(Nationality::Country(Country::parse("NL").unwrap()));
    let mut e4 = employee("E4", X, date(1976, 12, 31), 1.0);
    e4.department = Some("Administratie".into());
    e4.statute = Some(Statute::Manager);
    e4.education = Some(EducationLevel::High);
    let mut e5 = employee("E5", Male, date(1985, 5, 5), 1.0);
    e5.department = Some("Productie".into());
    e5.end_date = Some(date(2026, 6, 30));
    let mut e6 = employee("E6", Male, date(1999, 9, 9), 1.0);
    e6.start_date = Some(date(2027, 2, 1));

    use ParticipationStatus::*;
    Plan {
        organisation: Organisation {
            name: "Fixture BV".into(),
            enterprise_number: EnterpriseNumber::parse("0403.019.261").unwrap(),
            registered_office: None,
            joint_committees: vec!["999".into()],
            works_council: true,
            union_delegation: false,
        },
        settings: Settings {
            year: 2027,
            language: Language::Nl,
            reference_date: date(2026, 12, 31),
            document_date: None,
            source_date: None,
            // Set explicitly: by its size (3,3 FTE) the law would ask nothing.
            training_days_per_fte: Some(5.0),
            training_days_source: None,
            hours_per_day: 7.6,
            age_bands: AgeBands::default(),
            working_ages: (14, 80),
            participation_rule: 0.8,
            count_initial_training: false,
            min_group_size: 5,
            editions: crate::model::EditionChoice::Council,
            stage: None,
            employee_summary: false,
            statements: true,
            sector_rules: crate::config::rules::bundled(),
            committee_days: Vec::new(),
            carry_over: Some(crate::model::CarryOverPeriod::default()),
            costs: crate::model::Costs::default(),
        },
        strategy: Strategy::default(),
        annual: AnnualPlan::default(),
        consultation: Consultation {
            body: Body::WorksCouncil,
            draft_sent: None,
            meeting: None,
            advice_date: None,
            advice: None,
            response: None,
            approved_by: None,
            fixed_on: None,
            in_force: None,
            uploaded: None,
        },
        readiness: None,
        branding: Default::default(),
        quarterly_fte: Vec::new(),
        carry_over: None,
        needs: Default::default(),
        left_out: 0,
        unrecorded: Vec::new(),
        employees: vec![e1, e2, e3, e4, e5, e6],
        trainings: vec![
            training("T1", TrainingKind::Formal, 8.0, Some(1000.0), &[RiskGroup::Aged50Plus]),
            training("T2", TrainingKind::Informal, 4.0, Some(200.0), &[]),
            training("T3", TrainingKind::Initial, 16.0, None, &[]),
        ],
        participations: vec![
            participation(0, 0, 8.0, Planned),
            participation(1, 0, 6.0, Completed),
            participation(1, 1, 4.0, Planned),
            participation(2, 1, 4.0, Cancelled),
            participation(3, 2, 16.0, Planned),
            participation(4, 0, 8.0, Completed),
            participation(5, 1, 4.0, Planned),
        ],
    }
}

#[test]
fn composition_counts_active_employees_only() {
    let f = aggregate(&fixture());
    let w = &f.workforce;
    assert_eq!(w.total.heads, 4);
    close(w.total.fte, 3.3);
    assert_eq!(w.gender(Gender::Male).heads, 1);
    assert_eq!(w.gender(Gender::Female).heads, 2);
    close(w.gender(Gender::Female).fte, 1.3);
    assert_eq!(w.gender(Gender::X).heads, 1);
    // Ages 56, 36, 24, 50 → bands 55+, 35-44, <25, 50-54.
    let heads: Vec<u32> = w.by_age_band.iter().map(|b| b.iter().map(|c| c.heads).sum()).collect();
    assert_eq!(heads, [1, 0, 1, 0, 1, 1]);
    assert_eq!(w.by_age_band[5][Gender::Male.index()].heads, 1);
    close(w.average_age.unwrap(), (56.0 + 36.0 + 24.0 + 50.0) / 4.0);
    let departments: Vec<_> = w.by_department.iter().map(|(d, c)| (d.clone().unwrap(), c.heads)).collect();
    assert_eq!(departments, [("Administratie".to_string(), 2), ("Productie".to_string(), 2)]);
    close(w.by_department[1].1.fte, 1.8);
    assert_eq!(w.by_statute.iter().map(|(_, c)| c.heads).collect::<Vec<_>>(), [2, 1, 1]);
    assert_eq!(w.by_education.iter().map(|(_, c)| c.heads).collect::<Vec<_>>(), [1, 1, 2]);
    // E4 has no nationality in the data.
    assert_eq!(w.nationality_unknown.heads, 1);
    assert_eq!(w.age_unknown.iter().map(|c| c.heads).sum::<u32>(), 0);
}

#[test]
fn risk_groups_on_the_reference_date() {
    let f = aggregate(&fixture());
    let heads: Vec<u32> = f.risk_groups.iter().map(|r| r.count.heads).collect();
    // 50+: E1 (56) and E4 (50 on the day); disability: E2; non-EU: E2 (MA); bottleneck: E1.
    assert_eq!(heads, [2, 1, 1, 1]);
    close(f.risk_groups[0].count.fte, 2.0);
    close(f.risk_groups[0].share.unwrap(), 0.5);
    close(f.risk_groups[1].share.unwrap(), 0.25);
    assert_eq!(f.risk_groups[0].targeted_trainings, 1);
    assert_eq!(f.risk_groups[1].targeted_trainings, 0);
}

#[test]
fn training_effort_excludes_cancelled_and_inactive() {
    let t = aggregate(&fixture()).training;
    // E1 8 h, E2 6 + 4 h; E3 cancelled, E5 and E6 inactive. E4's 16 h of
    // initial (dual) training are shown apart: only formal and informal
    // training counts towards the training right.
    close(t.hours, 18.0);
    close(t.days, 18.0 / 7.6);
    close(t.days_per_fte.unwrap(), 18.0 / 7.6 / 3.3);
    close(t.target_days, 16.5);
    assert_eq!(t.participations, 4);
    let formal = t.by_kind[TrainingKind::Formal.index()];
    assert_eq!((formal.trainings, formal.participations, formal.participants), (1, 2, 2));
    close(formal.hours, 14.0);
    let informal = t.by_kind[TrainingKind::Informal.index()];
    assert_eq!((informal.participations, informal.participants), (1, 1));
    close(informal.hours, 4.0);
    close(t.by_kind[TrainingKind::Initial.index()].hours, 16.0);
    close(t.budget, 1200.0);
    close(t.budget_per_fte.unwrap(), 1200.0 / 3.3);
    // A plan that counts initial training too ([plan] count_initial_training).
    let mut plan = fixture();
    plan.settings.count_initial_training = true;
    close(aggregate(&plan).training.hours, 34.0);
}

#[test]
fn participation_rates_per_group() {
    let p = aggregate(&fixture()).participation;
    assert_eq!((p.overall.participants, p.overall.heads), (3, 4));
    close(p.overall.rate().unwrap(), 0.75);
    let female = p.by_gender[Gender::Female.index()];
    assert_eq!((female.participants, female.heads), (1, 2));
    close(female.hours, 10.0);
    close(female.hours_per_fte().unwrap(), 10.0 / 1.3);
    let rates: Vec<_> = p.by_age_band.iter().map(|g| (g.participants, g.heads)).collect();
    assert_eq!(rates, [(0, 1), (0, 0), (1, 1), (0, 0), (1, 1), (1, 1)]);
    assert_eq!(p.by_age_band[1].rate(), None);
    let risk: Vec<_> = p.by_risk_group.iter().map(|g| (g.participants, g.heads)).collect();
    assert_eq!(risk, [(2, 2), (1, 1), (1, 1), (1, 1)]);
}

#[test]
fn usage_describes_each_training() {
    let usage = aggregate(&fixture()).usage;
    assert_eq!(usage[0].registrations, 3);
    assert_eq!(usage[0].completed, 2);
    close(usage[0].hours, 22.0);
    assert_eq!((usage[1].registrations, usage[1].cancelled), (2, 1));
    assert_eq!(usage[2].registrations, 1);
}
