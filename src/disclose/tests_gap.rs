//! The attacker's view of the gap section: the council edition names no
//! group below the minimum size, and never splits a small "below" count.

use super::*;
use crate::aggregate::aggregate;
use crate::aggregate::tests::fixture;

#[test]
fn the_council_edition_shows_no_small_group_of_the_gap() {
    let plan = fixture();
    let figures = aggregate(&plan);
    let council = disclose(&plan, &figures, Edition::Council, None);
    // Two "below" bins of 3 and 2 accounts: all three withheld, so their
    // split never shows a group under 5.
    assert!(council.gap.bins[..3].iter().all(|c| !c.is_shown()), "{:?}", council.gap.bins);
    // Every department has fewer than 5 accounts: none is named.
    assert!(council.gap.departments.is_empty());
    assert_eq!(council.gap.left_out, 3);
    // The internal edition shows them all, with their size.
    let internal = disclose(&plan, &figures, Edition::Internal, None);
    assert_eq!(internal.gap.bins[0], Cell::Shown(3));
    // Furthest below per account first: no department (4,05), Administratie
    // (7,5 / 2), Productie (6,63 / 2).
    let order: Vec<_> = internal.gap.departments.iter().map(|g| (g.label.clone(), g.heads)).collect();
    assert_eq!(
        order,
        [(None, Some(1)), (Some("Administratie".into()), Some(2)), (Some("Productie".into()), Some(2))]
    );
}
