//! The age × gender table and participation by gender and by age band,
//! protected together: they are one web of sums. The table's cells add up
//! to their band and gender totals (the gender totals appear again in the
//! gender table), each group's participants are at most its size, and the
//! participants of the genders, and of the bands, add up to everyone's,
//! which is shown. Protected apart, each part is safe and together they
//! can still give a small group away.

use super::Rule;
use crate::aggregate::Figures;
use crate::privacy::{self, Cell, Grid, Total};

/// Which of the linked counts to withhold.
pub(super) struct Linked {
    /// The age × gender table: per row (bands, then the row of unknown
    /// age), per gender.
    pub cells: Vec<Vec<bool>>,
    /// Per row of the table.
    pub row_totals: Vec<bool>,
    /// Per gender.
    pub column_totals: Vec<bool>,
    /// Participants per gender.
    pub gender_participants: Vec<bool>,
    /// Participants per age band.
    pub band_participants: Vec<bool>,
    /// Nothing short of withholding all of it protects it.
    pub whole: bool,
}

pub(super) fn linked(figures: &Figures, rule: Rule) -> Linked {
    let w = &figures.workforce;
    let p = &figures.participation;
    let mut rows: Vec<[u32; 3]> = w.by_age_band.iter().map(|band| band.map(|c| c.heads)).collect();
    let unknown = w.age_unknown.iter().any(|c| c.heads > 0);
    if unknown {
        rows.push(w.age_unknown.map(|c| c.heads));
    }
    let Some(k) = rule.k else {
        return Linked {
            cells: vec![vec![false; 3]; rows.len()],
            row_totals: vec![false; rows.len()],
            column_totals: vec![false; 3],
            gender_participants: vec![false; 3],
            band_participants: vec![false; p.by_age_band.len()],
            whole: false,
        };
    };
    let mut grid = Grid::default();
    let cells: Vec<Vec<usize>> =
        rows.iter().map(|row| row.iter().map(|&n| grid.count(n)).collect()).collect();
    let row_totals: Vec<usize> = rows.iter().map(|row| grid.count(row.iter().sum())).collect();
    let column_totals: Vec<usize> = (0..3).map(|g| grid.count(rows.iter().map(|row| row[g]).sum())).collect();
    for (row, total) in cells.iter().zip(&row_totals) {
        grid.sum(row.clone(), Total::Cell(*total));
    }
    for (g, total) in column_totals.iter().enumerate() {
        grid.sum(cells.iter().map(|row| row[g]).collect(), Total::Cell(*total));
    }
    let headcount = w.total.heads;
    grid.sum(row_totals.clone(), Total::Known(headcount));
    grid.sum(column_totals.clone(), Total::Known(headcount));
    // Participants: at most their group, withheld with it, adding up to
    // everyone's.
    let everyone = p.overall.participants;
    let participants = |grid: &mut Grid, n: u32, heads: u32, size: usize| {
        let cell = grid.count(n);
        let rest = grid.push(heads - n, Cell::Unpublished);
        grid.sum(vec![cell, rest], Total::Cell(size));
        grid.follow(size, cell);
        cell
    };
    let genders: Vec<usize> = (0..3)
        .map(|g| participants(&mut grid, p.by_gender[g].participants, p.by_gender[g].heads, column_totals[g]))
        .collect();
    grid.sum(genders.clone(), Total::Known(everyone));
    let mut bands: Vec<usize> = p
        .by_age_band
        .iter()
        .enumerate()
        .map(|(b, group)| participants(&mut grid, group.participants, group.heads, row_totals[b]))
        .collect();
    let band_count = bands.len();
    if unknown {
        // Those whose age is unknown take part too, in no band; how many is
        // never shown.
        let in_bands: u32 = p.by_age_band.iter().map(|g| g.participants).sum();
        bands.push(grid.push(everyone - in_bands, Cell::Unpublished));
    }
    grid.sum(bands.clone(), Total::Known(everyone));
    let s = privacy::suppress(&grid, k, &[]);
    Linked {
        cells: cells.iter().map(|row| row.iter().map(|&i| s.hidden[i]).collect()).collect(),
        row_totals: row_totals.iter().map(|&i| s.hidden[i]).collect(),
        column_totals: column_totals.iter().map(|&i| s.hidden[i]).collect(),
        gender_participants: genders.iter().map(|&i| s.hidden[i]).collect(),
        band_participants: bands[..band_count].iter().map(|&i| s.hidden[i]).collect(),
        whole: s.whole,
    }
}
