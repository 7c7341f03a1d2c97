//! The legal figures of the six-person fixture (`tests::fixture`), computed
//! by hand: thresholds, pro-rata training accounts, deadlines, points of
//! attention, flow, budgets, the social balance sheet and the checklist.

use super::accounts::{Standing, employed_share};
use super::attention::{Concern, Subject};
use super::compliance::{Item, Verdict};
use super::deadlines::{Status, Step};
use super::legal::{SizeBand, SizeBasis, TargetSource};
use super::social_balance::{Measure, code};
use super::tests::fixture;
use super::*;
use crate::model::*;
use jiff::civil::date;

fn close(actual: f64, expected: f64) {
    assert!((actual - expected).abs() < 1e-9, "expected {expected}, got {actual}");
}

fn quarter(year: i16, quarter: u8, fte: f64) -> QuarterFte {
    QuarterFte { year, quarter, fte }
}

#[test]
fn thresholds_use_the_reference_period_or_say_they_do_not() {
    let mut plan = fixture();
    plan.settings.training_days_per_fte = None;
    // No quarterly figures: the active FTE (3,3) stands in; below ten, no target.
    let legal = aggregate(&plan).legal;
    assert_eq!(legal.basis, SizeBasis::ActiveFte);
    close(legal.size_fte, 3.3);
    assert_eq!((legal.band, legal.mandatory, legal.target), (SizeBand::BelowTen, false, 0.0));
    // Plan year 2027 belongs to the two-year period 2026-27, whose reference
    // period is 2024-Q4 to 2025-Q3 (art. 50 §2): a company that had 20 FTE
    // then but shrank in 2026 still has the plan duty and the 5-day target.
    plan.quarterly_fte = vec![
        quarter(2024, 3, 99.0),
        quarter(2024, 4, 19.0),
        quarter(2025, 1, 21.0),
        quarter(2025, 2, 20.5),
        quarter(2025, 3, 21.5),
        quarter(2025, 4, 12.0),
        quarter(2026, 1, 12.0),
        quarter(2026, 2, 12.0),
        quarter(2026, 3, 12.0),
    ];
    let legal = aggregate(&plan).legal;
    assert_eq!(legal.basis, SizeBasis::ReferencePeriod);
    assert_eq!(legal.period, (2026, 2027));
    assert_eq!(legal.reference, [(2024, 4), (2025, 1), (2025, 2), (2025, 3)]);
    close(legal.size_fte, (19.0 + 21.0 + 20.5 + 21.5) / 4.0);
    assert_eq!(legal.quarters.len(), 4);
    assert_eq!((legal.band, legal.mandatory, legal.target), (SizeBand::TwentyOrMore, true, 5.0));
    assert_eq!(legal.band_by_heads, SizeBand::BelowTen);
    // The same data for plan year 2028 (period 2028-29, reference 2026-Q4 to
    // 2027-Q3): no declaration there, and none after it up to 2028.
    plan.settings.year = 2028;
    assert_eq!(aggregate(&plan).legal.basis, SizeBasis::ActiveFte);
    // Plan year 2026 uses the same reference period as 2027.
    plan.settings.year = 2026;
    close(aggregate(&plan).legal.size_fte, (19.0 + 21.0 + 20.5 + 21.5) / 4.0);
    plan.settings.year = 2027;
    // A quarter without a declaration, or with no workers declared, is left
    // out of the average.
    plan.quarterly_fte.retain(|q| (q.year, q.quarter) != (2024, 4));
    plan.quarterly_fte.push(quarter(2024, 4, 0.0));
    close(aggregate(&plan).legal.size_fte, 21.0);
    // No worker declared in the reference period (an employer that started
    // later): the first quarter with workers after it counts.
    plan.quarterly_fte = vec![quarter(2025, 3, 0.0), quarter(2026, 2, 7.0), quarter(2025, 4, 23.0)];
    let legal = aggregate(&plan).legal;
    assert_eq!(legal.basis, SizeBasis::FirstQuarterAfter);
    close(legal.size_fte, 23.0);
    assert_eq!((legal.band, legal.target), (SizeBand::TwentyOrMore, 5.0));
    // 10-19: one day; 2023: four days.
    plan.quarterly_fte = vec![quarter(2025, 1, 12.0)];
    assert_eq!(aggregate(&plan).legal.target, 1.0);
    assert_eq!(legal::legal_target(SizeBand::TwentyOrMore, 2023), 4.0);
    // A sector growth path in plan.toml overrides, with its source.
    plan.settings.training_days_per_fte = Some(3.0);
    plan.settings.training_days_source = Some("cao PC 121".into());
    let legal = aggregate(&plan).legal;
    assert_eq!(legal.target, 3.0);
    assert_eq!(legal.target_source, TargetSource::Plan(Some("cao PC 121".into())));
}

#[test]
fn training_accounts_are_pro_rata_to_fte_and_time_employed() {
    let a = aggregate(&fixture()).accounts;
    // E5 left in 2026: no account in 2027. E6 starts 1 February 2027.
    let ids: Vec<usize> = a.accounts.iter().map(|x| x.employee).collect();
    assert_eq!(ids, [0, 1, 2, 3, 5]);
    let e2 = &a.accounts[1];
    close(e2.entitled, 5.0 * 0.8);
    close(e2.planned, (6.0 + 4.0) / 7.6);
    close(e2.followed, 6.0 / 7.6);
    close(e2.remaining, 4.0 - 6.0 / 7.6);
    let e6 = &a.accounts[4];
    close(e6.employed_share, 334.0 / 365.0);
    close(e6.entitled, 5.0 * 334.0 / 365.0);
    assert_eq!((a.below, a.at, a.above), (5, 0, 0));
    close(a.entitled, 5.0 + 4.0 + 2.5 + 5.0 + 5.0 * 334.0 / 365.0);
    close(employed_share(2027, Some(date(2026, 1, 1)), Some(date(2027, 6, 30))), 181.0 / 365.0);
    close(employed_share(2028, None, None), 1.0);
    assert_eq!(employed_share(2027, Some(date(2028, 1, 1)), None), 0.0);
    let at = accounts::Account {
        employee: 0,
        employed_share: 1.0,
        entitled: 5.0,
        carried: 0.0,
        planned: 5.2,
        followed: 0.0,
        remaining: 5.0,
    };
    assert_eq!(at.standing(), Standing::At);
    assert_eq!(accounts::Account { planned: 5.3, ..at.clone() }.standing(), Standing::Above);
}

#[test]
fn deadlines_follow_the_meeting_and_the_plan_year() {
    let mut plan = fixture();
    plan.consultation.meeting = Some(date(2027, 3, 10));
    plan.consultation.draft_sent = Some(date(2027, 2, 26)); // due 23 February
    plan.consultation.advice_date = Some(date(2027, 3, 10));
    plan.consultation.fixed_on = Some(date(2027, 3, 31));
    plan.consultation.uploaded = Some(date(2027, 5, 5)); // due 30 April
    let d = aggregate(&plan).deadlines;
    let found: Vec<_> = d.iter().map(|d| (d.step, d.due, d.status)).collect();
    assert_eq!(
        found,
        [
            (Step::DraftSent, date(2027, 2, 23), Status::Missed),
            (Step::Advice, date(2027, 3, 15), Status::Met),
            (Step::Fixed, date(2027, 3, 31), Status::Met),
            (Step::Upload, date(2027, 4, 30), Status::Missed),
        ]
    );
    // A plan that enters into force on 1 May: the upload is due a month
    // after that, and 5 May is in time.
    plan.consultation.in_force = Some(date(2027, 5, 1));
    let d = aggregate(&plan).deadlines;
    assert_eq!((d[3].due, d[3].status), (date(2027, 6, 1), Status::Met));
    // Nothing recorded: the latest draft date assumes a meeting on 15 March.
    let d = aggregate(&fixture()).deadlines;
    assert_eq!((d[0].due, d[0].status), (date(2027, 2, 28), Status::Open));
    assert_eq!(d[3].due, date(2027, 4, 30));
}

#[test]
fn points_of_attention() {
    let points = aggregate(&fixture()).attention;
    // Women 1 of 2 (50%) against 75% overall: below 80% of it (60%).
    assert_eq!(points[0].subject, Subject::Gender(Gender::Female));
    assert_eq!(points[0].concern, Concern::LowParticipation { rate: 0.5, overall: 0.75 });
    // Only T1 is aimed at a risk group (50+).
    let untargeted: Vec<_> =
        points.iter().filter(|p| p.concern == Concern::NoTargetedTraining).map(|p| p.subject).collect();
    assert_eq!(
        untargeted,
        [
            Subject::RiskGroup(RiskGroup::Disability),
            Subject::RiskGroup(RiskGroup::NonEuNationality),
            Subject::RiskGroup(RiskGroup::BottleneckOccupation)
        ]
    );
    assert_eq!(points.len(), 4);
}

#[test]
fn flow_of_the_previous_year() {
    let mut plan = fixture();
    let f = aggregate(&plan).flow;
    // 2026: E1-E5 on 1 January, E5 leaves on 30 June, E6 only joins in 2027.
    assert_eq!(
        (f.year, f.at_start.heads, f.inflow.heads, f.outflow.heads, f.at_end.heads),
        (2026, 5, 0, 1, 4)
    );
    assert_eq!(f.moves, None);
    plan.employees[2].previous_department = Some("Productie".into());
    plan.employees[0].start_date = Some(date(2026, 3, 1));
    let f = aggregate(&plan).flow;
    assert_eq!((f.inflow.heads, f.moves), (1, Some(1)));
    let moved: Vec<_> = f.by_department.iter().map(|(d, x)| (d.clone(), x.moved_in, x.moved_out)).collect();
    assert_eq!(moved, [(Some("Administratie".into()), 1, 0), (Some("Productie".into()), 0, 1)]);
}

#[test]
fn budget_by_goal_department_and_supplier() {
    let mut plan = fixture();
    plan.strategy.goals.push(Goal {
        id: "D1".into(),
        title: "Veilig".into(),
        description: None,
        measure: None,
    });
    plan.trainings[0].goal = Some("D1".into());
    plan.trainings[0].provider = Some("Syntra".into());
    plan.trainings[1].provider = Some("Intern".into());
    let figures = aggregate(&plan);
    let b = &figures.budget;
    close(b.total, 1200.0);
    assert_eq!(b.by_goal, [(Some("D1".to_string()), 1000.0), (None, 200.0)]);
    // T1 (1000) over E1, E2, E5, all Productie; T2 (200) over E2 (Productie) and E6 (no department).
    assert_eq!(b.by_department, [(Some("Productie".to_string()), 1100.0), (None, 100.0)]);
    close(b.unassigned, 0.0);
    let suppliers: Vec<_> =
        figures.suppliers.iter().map(|s| (s.provider.clone(), s.trainings, s.hours, s.budget)).collect();
    assert_eq!(
        suppliers,
        [
            (Some("Syntra".into()), 1, 22.0, Some(1000.0)),
            (Some("Intern".into()), 1, 8.0, Some(200.0)),
            // T3 has no budget: unknown, not zero.
            (None, 1, 16.0, None)
        ]
    );
}

#[test]
fn social_balance_sheet_by_kind_and_gender() {
    let cells = aggregate(&fixture()).social_balance.cells;
    let formal = cells[TrainingKind::Formal.index()];
    // T1: E1 (M, 8 h), E2 (F, 6 h), E5 (M, 8 h, no longer active but counted); 1000 shared by three.
    assert_eq!(formal[Gender::Male.index()].participants, 2);
    close(formal[Gender::Male.index()].hours, 16.0);
    close(formal[Gender::Male.index()].cost, 2000.0 / 3.0);
    assert_eq!(formal[Gender::Female.index()].participants, 1);
    let informal = cells[TrainingKind::Informal.index()];
    // T2: E2 (F) and E6 (M); E3's registration is cancelled.
    assert_eq!((informal[0].participants, informal[1].participants), (1, 1));
    close(informal[1].cost, 100.0);
    assert_eq!(cells[TrainingKind::Initial.index()][Gender::X.index()].participants, 1);
    assert_eq!(code(TrainingKind::Formal, Gender::Male, Measure::Participants), Some("5801"));
    assert_eq!(code(TrainingKind::Formal, Gender::Female, Measure::NetCost), Some("5813"));
    assert_eq!(code(TrainingKind::Informal, Gender::Female, Measure::Hours), Some("5832"));
    assert_eq!(code(TrainingKind::Initial, Gender::Male, Measure::NetCost), Some("5843"));
    assert_eq!(code(TrainingKind::Initial, Gender::X, Measure::Hours), None);
}

#[test]
fn readiness_scores_per_aspect() {
    let mut plan = fixture();
    let applies = ["V1", "V2", "N1", "P1", "P2", "P3", "P4", "P5", "P6", "L5"];
    plan.readiness = Some(Readiness { applies: applies.into_iter().collect() });
    let scores = aggregate(&plan).readiness.unwrap();
    let summary: Vec<(u32, u32)> = scores.iter().map(|s| (s.applies, s.total)).collect();
    assert_eq!(summary, [(2, 4), (1, 5), (6, 6), (0, 5), (0, 5), (1, 5)]);
    assert_eq!(scores[0].priorities, ["V3", "V4"]);
    close(scores[2].share(), 1.0);
    assert!(aggregate(&fixture()).readiness.is_none());
}

#[test]
fn compliance_checklist() {
    let mut plan = fixture();
    plan.trainings[0].target_group = Some("Operatoren".into());
    let verdicts = |plan: &Plan| -> Vec<(Item, Verdict)> {
        aggregate(plan).compliance.iter().map(|c| (c.item, c.verdict)).collect()
    };
    assert_eq!(
        verdicts(&plan),
        [
            (Item::FormalTrainings, Verdict::Present),
            (Item::InformalTrainings, Verdict::Attention), // T2 has no target group
            (Item::TrainingRight, Verdict::Attention),     // 1,4 days per FTE against 5
            (Item::RiskGroup(RiskGroup::Aged50Plus), Verdict::Present),
            (Item::RiskGroup(RiskGroup::Disability), Verdict::Missing),
            (Item::RiskGroup(RiskGroup::NonEuNationality), Verdict::Missing),
            (Item::RiskGroup(RiskGroup::BottleneckOccupation), Verdict::Missing),
            (Item::Gender, Verdict::Attention), // women 50% against 75%
            (Item::Consultation, Verdict::Missing),
            (Item::Deadlines, Verdict::Missing),
            (Item::TrainingNeeds, Verdict::NotApplicable), // no job requirements
        ]
    );
    let figures = aggregate(&plan);
    assert_eq!(figures.compliance[1].codes, ["T2"]);
    let women = figures.compliance[7].groups.iter().find(|g| g.subject == Subject::Gender(Gender::Female));
    assert_eq!(women.map(|g| (g.rate, g.overall, g.low)), Some((Some(0.5), Some(0.75), true)));
    // Nobody in a risk group: not applicable.
    plan.employees[1].disability = false;
    assert_eq!(verdicts(&plan)[4], (Item::RiskGroup(RiskGroup::Disability), Verdict::NotApplicable));
    // The advice recorded with its date.
    plan.consultation.advice = Some("Positief".into());
    plan.consultation.advice_date = Some(date(2027, 3, 10));
    assert_eq!(verdicts(&plan)[8], (Item::Consultation, Verdict::Present));
    assert_eq!(verdicts(&plan)[9], (Item::Deadlines, Verdict::Present));
    // A requirement: VCA for Productie (E1, E2), whom T1 delivers it to
    // (both registered): covered. Without T1's registrations: attention.
    use crate::model::needs::*;
    plan.trainings[0].delivers = Some("VCA".into());
    plan.needs.requirements.push(Requirement {
        scope: Scope::Department("Productie".into()),
        need: Need::Certificate("VCA".into()),
        validity_months: None,
        mandatory: true,
    });
    assert_eq!(verdicts(&plan)[10], (Item::TrainingNeeds, Verdict::Present));
    plan.participations.retain(|p| p.training != 0);
    assert_eq!(verdicts(&plan)[10], (Item::TrainingNeeds, Verdict::Attention));
}
