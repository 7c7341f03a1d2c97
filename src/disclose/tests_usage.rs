//! Each training's registrations are counts of people: the council edition
//! never shows one below the minimum group size, nor the hours or totals
//! that would give it away.

use super::*;
use crate::aggregate::aggregate;
use crate::aggregate::tests::fixture;
use crate::model::TrainingKind;

#[test]
fn a_trainings_small_registrations_are_withheld_with_their_hours() {
    // T1: 3 registrations (E1, E2, E5); T2: 2 (E2, E6; E3 cancelled);
    // T3: 1 (E4). All fewer than 5.
    let plan = fixture();
    let figures = aggregate(&plan);
    let council = disclose(&plan, &figures, Edition::Council, None);
    for cells in &council.usage {
        assert_eq!(cells.planned, Cell::Small, "{cells:?}");
        assert_eq!(cells.hours, Cell::Hidden);
        assert!(cells.withheld);
    }
    // The records next year's plan and the diff compare: withheld too.
    assert!(council.training_records().iter().all(|r| r.planned.is_none() && r.completed.is_none()));
    // Initial training (T3, one person) is small among the kinds, its
    // hours withheld, and so is the kinds' total that would give them away.
    assert_eq!(council.kinds[TrainingKind::Initial.index()].participants, Cell::Small);
    assert_eq!(council.kinds[TrainingKind::Initial.index()].hours, Cell::Hidden);
    assert!(council.kinds_total_withheld);

    let internal = disclose(&plan, &figures, Edition::Internal, None);
    assert_eq!(internal.usage[0].planned, Cell::Shown(3));
    assert_eq!(internal.usage[2].hours, Cell::Shown(16.0));
    assert_eq!(internal.training_records()[0].planned, Some(3));
    assert!(!internal.kinds_total_withheld);
}

#[test]
fn a_requirement_for_fewer_people_than_k_shows_no_figure() {
    use crate::model::needs::*;
    // VCA for Productie: E1 and E2, two people.
    let mut plan = fixture();
    plan.needs.requirements.push(Requirement {
        scope: Scope::Department("Productie".into()),
        need: Need::Certificate("VCA".into()),
        validity_months: None,
        mandatory: true,
    });
    let figures = aggregate(&plan);
    let council = disclose(&plan, &figures, Edition::Council, None);
    let r = &council.needs.requirements[0];
    assert_eq!(r.people, Cell::Small);
    assert!([r.valid, r.expiring, r.missing, r.covered].iter().all(|c| !c.is_shown()));
    assert_eq!(council.needs.uncovered, Cell::Small);
    // Nothing is said about a group this small, not even that a need is open.
    assert!(!r.uncovered);
    let internal = disclose(&plan, &figures, Edition::Internal, None);
    let r = &internal.needs.requirements[0];
    assert_eq!((r.people, r.missing), (Cell::Shown(2), Cell::Shown(2)));
    // No training delivers VCA: both needs are open.
    assert!(r.uncovered);
}
