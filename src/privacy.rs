//! Statistical disclosure control for the council edition: no figure about
//! fewer than `k` people (the minimum group size), and no way to recover a
//! hidden figure by subtracting the visible ones from a total.
//!
//! Primary suppression hides every count of people in (0, k). Secondary
//! suppression then makes sure no line of a table with a visible total has
//! exactly one hidden cell (which could be computed as total − the others):
//! in such a line the smallest other non-zero cell is hidden as well, and
//! this repeats until every line is safe. Zeros stay visible: "nobody" is
//! not information about a person.
//!
//! The grand total (the headcount) is always shown. A workforce smaller
//! than `k` is itself a small group that no suppression can protect; such
//! an employer has no plan to file.

/// Which cells of a table to hide.
pub type Mask = Vec<bool>;

/// Counts of people below `k` (and above zero) are hidden.
pub fn primary(counts: &[u32], k: u32) -> Mask {
    counts.iter().map(|&n| n > 0 && n < k).collect()
}

/// Rows of a table that sums to a visible total: a row is hidden when any of
/// its people counts is below `k`; then, while exactly one row is hidden, the
/// smallest other non-empty row is hidden too.
///
/// `rows[i]` holds the people counts of row `i` (e.g. heads and participants);
/// the first count orders rows for secondary suppression.
pub fn rows(rows: &[Vec<u32>], k: u32) -> Mask {
    let mut hidden: Mask = rows.iter().map(|counts| counts.iter().any(|&n| n > 0 && n < k)).collect();
    protect(&mut hidden, &rows.iter().map(|r| r.first().copied().unwrap_or(0)).collect::<Vec<_>>());
    hidden
}

/// In one additive line, a single hidden cell is recoverable; hide the
/// smallest other non-zero cell as well. Returns whether anything changed.
pub fn protect(hidden: &mut [bool], values: &[u32]) -> bool {
    if hidden.iter().filter(|h| **h).count() != 1 {
        return false;
    }
    let candidate = values
        .iter()
        .enumerate()
        .filter(|(i, v)| !hidden[*i] && **v > 0)
        .min_by_key(|(i, v)| (**v, *i))
        .map(|(i, _)| i);
    match candidate {
        Some(i) => {
            hidden[i] = true;
            true
        }
        None => false,
    }
}

/// Hidden cells of a table with row totals and column totals (age band ×
/// gender), and of those totals: the lines are each row with its total,
/// each column with its total, the row totals and the column totals (both
/// against the visible grand total).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MarginMasks {
    pub cells: Vec<Mask>,
    pub row_totals: Mask,
    pub column_totals: Mask,
}

/// Suppression for a table `cells[r][c]` published with its row totals,
/// column totals and grand total. Hidden margins must be hidden wherever
/// the same figure appears (e.g. the gender totals in the gender table).
pub fn table_with_margins(cells: &[Vec<u32>], k: u32) -> MarginMasks {
    let width = cells.first().map_or(0, Vec::len);
    let height = cells.len();
    // Extended grid: data cells, a column of row totals, a row of column totals.
    let mut grid: Vec<Vec<u32>> = cells
        .iter()
        .map(|row| row.iter().copied().chain(std::iter::once(row.iter().sum())).collect())
        .collect();
    let column_totals: Vec<u32> = (0..width).map(|c| cells.iter().map(|row| row[c]).sum()).collect();
    grid.push(column_totals);
    let mut hidden: Vec<Mask> = grid.iter().map(|row| primary(row, k)).collect();
    // Each line: the coordinates of its cells. The grand total is always shown.
    let mut lines: Vec<Vec<(usize, usize)>> = Vec::new();
    for r in 0..height {
        lines.push((0..=width).map(|c| (r, c)).collect());
    }
    for c in 0..width {
        lines.push((0..=height).map(|r| (r, c)).collect());
    }
    lines.push((0..height).map(|r| (r, width)).collect());
    lines.push((0..width).map(|c| (height, c)).collect());
    loop {
        let mut changed = false;
        for line in &lines {
            let mut mask: Mask = line.iter().map(|&(r, c)| hidden[r][c]).collect();
            let values: Vec<u32> = line.iter().map(|&(r, c)| grid[r][c]).collect();
            if protect(&mut mask, &values) {
                changed = true;
                for (&(r, c), h) in line.iter().zip(mask) {
                    hidden[r][c] = h;
                }
            }
        }
        if !changed {
            break;
        }
    }
    let column_totals = hidden.pop().unwrap_or_default();
    let row_totals = hidden.iter().map(|row| row[width]).collect();
    let cells = hidden
        .into_iter()
        .map(|mut row| {
            row.truncate(width);
            row
        })
        .collect();
    MarginMasks { cells, row_totals, column_totals }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether any hidden value can be worked out from a line's visible
    /// cells and its total.
    fn line_leaks(values: &[u32], hidden: &[bool]) -> bool {
        hidden.iter().filter(|h| **h).count() == 1 && values.iter().zip(hidden).any(|(v, h)| *h && *v > 0)
    }

    #[test]
    fn small_counts_are_hidden_but_zeros_stay() {
        assert_eq!(primary(&[0, 1, 4, 5, 120], 5), [false, true, true, false, false]);
        assert_eq!(primary(&[2, 3], 1), [false, false]);
    }

    #[test]
    fn one_hidden_row_would_leak_through_the_total() {
        // Men 134, women 3, X 0, total 137 shown: hiding only the 3 gives it
        // away (137 − 134 − 0). The 134 must go too; the zero may stay.
        let table = [vec![134], vec![3], vec![0]];
        let naive: Mask = table.iter().map(|r| r[0] > 0 && r[0] < 5).collect();
        assert!(line_leaks(&[134, 3, 0], &naive));
        let hidden = rows(&table, 5);
        assert_eq!(hidden, [true, true, false]);
        assert!(!line_leaks(&[134, 3, 0], &hidden));
    }

    #[test]
    fn rows_hide_on_any_small_count_and_protect_with_the_smallest() {
        // Departments (heads, participants): Logistics has 12 heads but only
        // 2 participants; the next smallest department (HR, 6) goes with it.
        let table = [vec![40, 30], vec![12, 2], vec![6, 5], vec![25, 20]];
        assert_eq!(rows(&table, 5), [false, true, true, false]);
        // Two small rows protect each other already.
        assert_eq!(rows(&[vec![40], vec![3], vec![2]], 5), [false, true, true]);
        // Nothing small: nothing hidden.
        assert_eq!(rows(&[vec![40], vec![8]], 5), [false, false]);
    }

    #[test]
    fn two_dimensional_tables_leak_through_rows_and_columns() {
        // Age band × (men, women, X), with band totals and gender totals shown.
        let cells = vec![
            vec![10, 2, 0], // < 25: women 2 → hidden; then men 10 (row) and another woman cell (column)
            vec![30, 8, 0],
            vec![25, 12, 1], // X 1 → hidden; the X column has no other non-zero: its row partner goes
            vec![20, 9, 0],
        ];
        let masks = table_with_margins(&cells, 5);
        let (hidden, totals, columns) = (&masks.cells, &masks.row_totals, &masks.column_totals);
        // No line (a row with its total, a column with its total, the row
        // totals, the column totals) has exactly one hidden cell.
        for (r, row) in cells.iter().enumerate() {
            let mut values = row.clone();
            values.push(row.iter().sum());
            let mut h = hidden[r].clone();
            h.push(totals[r]);
            assert!(!line_leaks(&values, &h), "row {r} leaks: {h:?}");
        }
        let column_sums: Vec<u32> = (0..3).map(|c| cells.iter().map(|r| r[c]).sum()).collect();
        for c in 0..3 {
            let mut values: Vec<u32> = cells.iter().map(|r| r[c]).collect();
            values.push(column_sums[c]);
            let mut h: Vec<bool> = hidden.iter().map(|r| r[c]).collect();
            h.push(columns[c]);
            assert!(!line_leaks(&values, &h), "column {c} leaks: {h:?}");
        }
        let totals_column: Vec<u32> = cells.iter().map(|r| r.iter().sum()).collect();
        assert!(!line_leaks(&totals_column, totals));
        assert!(!line_leaks(&column_sums, columns));
        // The small cells themselves are hidden, and the lone X total with them.
        assert!(hidden[0][1] && hidden[2][2] && columns[2]);
        // And the table is not simply blanked: the 25-34 row and every row
        // total stay, as do half of the cells.
        assert!(!hidden[1].iter().any(|h| *h) && !totals.iter().any(|h| *h));
        assert!(hidden.iter().flatten().filter(|h| !**h).count() >= 6);
    }

    #[test]
    fn naive_suppression_of_the_2d_table_leaks() {
        let cells = [vec![10u32, 2, 0], vec![30, 8, 0]];
        // Hiding only the 2: row total 12 − 10 − 0 = 2.
        assert!(line_leaks(&[10, 2, 0, 12], &[false, true, false, false]));
        let masks = table_with_margins(&cells, 5);
        assert!(masks.cells[0][1] && masks.cells[0].iter().filter(|h| **h).count() > 1);
    }

    /// A small deterministic generator: the same tables on every run.
    struct Random(u64);

    impl Random {
        fn below(&mut self, n: u64) -> u32 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n) as u32
        }

        /// Mostly small counts, some zeros, some large ones.
        fn count(&mut self) -> u32 {
            match self.below(4) {
                0 => 0,
                1 => self.below(5),
                _ => self.below(60),
            }
        }
    }

    #[test]
    fn no_random_table_leaks_and_every_small_count_hides() {
        let mut random = Random(0x5eed_2027);
        for _ in 0..2000 {
            let height = 1 + random.below(6) as usize;
            let width = 1 + random.below(4) as usize;
            let cells: Vec<Vec<u32>> =
                (0..height).map(|_| (0..width).map(|_| random.count()).collect()).collect();
            let total: u32 = cells.iter().flatten().sum();
            if total < 5 {
                // The whole table is a small group (see the module's note).
                continue;
            }
            let masks = table_with_margins(&cells, 5);
            for (r, row) in cells.iter().enumerate() {
                let mut values = row.clone();
                values.push(row.iter().sum());
                let mut h = masks.cells[r].clone();
                h.push(masks.row_totals[r]);
                assert!(!line_leaks(&values, &h), "{cells:?}: row {r} leaks");
                for (c, &n) in row.iter().enumerate() {
                    assert!(!(n > 0 && n < 5) || masks.cells[r][c], "{cells:?}: ({r}, {c}) shows {n}");
                }
            }
            let column_sums: Vec<u32> = (0..width).map(|c| cells.iter().map(|r| r[c]).sum()).collect();
            for c in 0..width {
                let mut values: Vec<u32> = cells.iter().map(|r| r[c]).collect();
                values.push(column_sums[c]);
                let mut h: Vec<bool> = masks.cells.iter().map(|r| r[c]).collect();
                h.push(masks.column_totals[c]);
                assert!(!line_leaks(&values, &h), "{cells:?}: column {c} leaks");
            }
            let row_sums: Vec<u32> = cells.iter().map(|r| r.iter().sum()).collect();
            assert!(!line_leaks(&row_sums, &masks.row_totals), "{cells:?}: row totals leak");
            assert!(!line_leaks(&column_sums, &masks.column_totals), "{cells:?}: column totals leak");
            // One-dimensional tables: the rows of the first column.
            let column: Vec<Vec<u32>> = cells.iter().map(|r| vec![r[0]]).collect();
            let hidden = rows(&column, 5);
            let values: Vec<u32> = column.iter().map(|r| r[0]).collect();
            if values.iter().sum::<u32>() < 5 {
                continue;
            }
            assert!(!line_leaks(&values, &hidden), "{values:?} leaks with {hidden:?}");
        }
    }
}
