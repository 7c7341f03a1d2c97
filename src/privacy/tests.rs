use super::*;

#[test]
fn small_counts_are_hidden_but_zeros_stay() {
    assert_eq!(primary(&[0, 1, 4, 5, 120], 5), [false, true, true, false, false]);
    assert_eq!(primary(&[2, 3], 1), [false, false]);
}

#[test]
fn one_hidden_row_would_leak_through_the_total() {
    // Men 134, women 3, X 0, total 137 shown: hiding only the 3 gives it
    // away (137 − 134 − 0). The 134 must go too; the zero may stay.
    assert_eq!(list(&[134, 3, 0], 5).hidden, [true, true, false]);
}

#[test]
fn two_small_counts_can_give_each_other_away() {
    // 1 and 1 beside 30, of 32: "< 5" and "< 5" add up to 2, so both are 1.
    // A third figure must go.
    let s = list(&[1, 30, 1], 5);
    assert_eq!(s.hidden, [true, true, true]);
    assert!(!s.whole);
    // 4 and 4 beside 30, of 38: both at their upper bound, likewise.
    assert_eq!(list(&[4, 30, 4], 5).hidden, [true, true, true]);
    // 2 and 3 beside 30: 5 between two counts of 1 to 4 leaves 1+4, 2+3,
    // 3+2 or 4+1; nothing more to hide.
    assert_eq!(list(&[2, 30, 3], 5).hidden, [true, false, true]);
}

#[test]
fn a_count_withheld_beside_a_small_one_is_known_to_be_large() {
    // 1 and 5 of 6: "< 5" and "•" (at least 5) leave only 1 + 5. No cell
    // by cell suppression protects it: the table is withheld whole.
    let s = list(&[1, 5], 5);
    assert!(s.whole);
    assert_eq!(s.hidden, [true, true]);
    // 2 and 5 of 7: "< 5" is 1 or 2.
    assert!(!list(&[2, 5], 5).whole);
}

#[test]
fn rows_protect_with_the_smallest_other_row() {
    assert_eq!(list(&[40, 3, 2], 5).hidden, [false, true, true]);
    assert_eq!(list(&[40, 8], 5).hidden, [false, false]);
    assert_eq!(list(&[40, 12, 3, 25], 5).hidden, [false, true, true, false]);
}

#[test]
fn two_dimensional_tables_are_protected_along_rows_columns_and_margins() {
    let cells = vec![vec![10, 2, 0], vec![30, 8, 0], vec![25, 12, 1], vec![20, 9, 0]];
    let masks = table_with_margins(&cells, 5);
    assert!(!masks.whole);
    // The small cells themselves are hidden, and the lone X total with them.
    assert!(masks.cells[0][1] && masks.cells[2][2] && masks.column_totals[2]);
    // The table is not simply blanked: every band's total and the men's
    // total stay.
    assert!(!masks.row_totals.iter().any(|h| *h) && !masks.column_totals[0], "{masks:?}");
}

#[test]
fn an_age_band_of_one_man_and_five_women_hides_its_total() {
    // Row 1 + 5 = 6 shown would give "< 5" = 1 and "•" = 5 away: the 5
    // may not be the only cell withheld with the 1 in its row.
    let cells = vec![vec![1, 5, 0], vec![30, 28, 0], vec![20, 22, 0]];
    let masks = table_with_margins(&cells, 5);
    assert!(masks.cells[0][0] && !masks.whole, "{masks:?}");
    assert!(masks.row_totals[0] || !masks.cells[0][1], "{masks:?}");
}

#[test]
fn figures_that_are_no_counts_protect_by_pairs() {
    let mut hidden = vec![false, true, false];
    assert!(protect(&mut hidden, &[300, 20, 80]));
    assert_eq!(hidden, [false, true, true]);
    assert!(!protect(&mut hidden, &[300, 20, 80]));
}
