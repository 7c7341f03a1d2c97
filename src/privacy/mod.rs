//! Statistical disclosure control for the council edition: no figure about
//! fewer than `k` people (the minimum group size), and no way to work out
//! such a figure from the ones shown.
//!
//! Primary suppression withholds every count of people in (0, k). A reader
//! who knows the rules still knows a lot: a count labelled "< k" lies
//! between 1 and k − 1, a count labelled "•" is at least k (every count
//! below k is labelled "< k"), and the table's rows and columns add up to
//! their totals. Secondary suppression therefore withholds more counts
//! until the [audit](audit) finds no withheld small count with only one
//! possible value. Zeros stay visible: "nobody" is not information about a
//! person.
//!
//! The grand total (the headcount) is always shown. A table no cell-by-cell
//! suppression can protect (a workforce of 6 split 1 and 5) is withheld
//! whole. A workforce smaller than `k` is itself a small group that no
//! suppression can protect; such an employer has no plan to file.

mod audit;

/// Which cells of a table to hide.
pub type Mask = Vec<bool>;

/// Counts of people below `k` (and above zero) are hidden.
pub fn primary(counts: &[u32], k: u32) -> Mask {
    counts.iter().map(|&n| n > 0 && n < k).collect()
}

/// In one additive line of figures that are not counts of people (hours,
/// amounts: a reader knows no bounds for them), a single hidden figure is
/// recoverable; hide the smallest other non-zero one as well. Returns
/// whether anything changed.
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

/// What a reader knows of one cell of a [`Grid`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    /// A published count of people, withheld or not; withheld below `k`
    /// it is labelled "< k" and lies between `floor` and k − 1 (`floor` is
    /// 0 where the cell is withheld with its group even when it is zero).
    Published {
        /// The least a withheld small count can be.
        floor: u32,
    },
    /// A figure the document always shows (a difference of two totals).
    Fixed,
    /// A count the document never shows: the reader only knows it is not
    /// negative.
    Unpublished,
}

/// The total of a [`Line`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Total {
    /// Another cell of the grid (a row total, say).
    Cell(usize),
    /// A figure shown elsewhere, always (the headcount).
    Known(u32),
}

/// Cells that add up to a total.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// The cells.
    pub parts: Vec<usize>,
    /// What they add up to.
    pub total: Total,
}

/// A table as a reader sees it: its counts and the sums among them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Grid {
    /// The true counts.
    pub values: Vec<u32>,
    /// What a reader knows of each.
    pub kinds: Vec<Cell>,
    /// The sums a reader knows.
    pub lines: Vec<Line>,
    /// `(leader, follower)`: the follower is withheld whenever the leader
    /// is, even at zero (a group's participants go with the group's size),
    /// so its "< k" may then stand for zero.
    pub follows: Vec<(usize, usize)>,
}

impl Grid {
    /// Adds a published count; returns its index.
    pub fn count(&mut self, value: u32) -> usize {
        self.push(value, Cell::Published { floor: 1 })
    }

    /// Adds a cell of any kind; returns its index.
    pub fn push(&mut self, value: u32, kind: Cell) -> usize {
        self.values.push(value);
        self.kinds.push(kind);
        self.values.len() - 1
    }

    /// The reader knows that `parts` add up to `total`.
    pub fn sum(&mut self, parts: Vec<usize>, total: Total) {
        self.lines.push(Line { parts, total });
    }

    /// Whenever `leader` is withheld, so is `follower`.
    pub fn follow(&mut self, leader: usize, follower: usize) {
        self.follows.push((leader, follower));
    }

    /// The grid as a reader sees it with `hidden` withheld: followers of a
    /// withheld leader may be zero.
    fn as_read(&self, hidden: &mut [bool]) -> Grid {
        let mut grid = self.clone();
        let mut changed = true;
        while changed {
            changed = false;
            for &(leader, follower) in &self.follows {
                if hidden[leader] && !hidden[follower] {
                    hidden[follower] = true;
                    changed = true;
                }
            }
        }
        for &(leader, follower) in &self.follows {
            if hidden[leader]
                && let Cell::Published { .. } = grid.kinds[follower]
            {
                grid.kinds[follower] = Cell::Published { floor: 0 };
            }
        }
        grid
    }

    /// Groups that add up to a shown total (departments to the headcount).
    pub fn list(counts: &[u32]) -> Self {
        let mut grid = Grid::default();
        let parts = counts.iter().map(|&n| grid.count(n)).collect();
        grid.sum(parts, Total::Known(counts.iter().sum()));
        grid
    }
}

/// Which cells of a grid to withhold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    /// Per cell.
    pub hidden: Mask,
    /// No cell-by-cell suppression protects the grid: withhold every
    /// published count, zeros included, so that a "•" says nothing.
    pub whole: bool,
}

/// The cells of `grid` to withhold: `initial` (withheld for a reason of
/// their own, such as belonging to a withheld group), every published count
/// below `k`, and as many more as it takes for no small one to be worked
/// out.
pub fn suppress(grid: &Grid, k: u32, initial: &[bool]) -> Suppression {
    let n = grid.values.len();
    let required: Mask = (0..n)
        .map(|i| match grid.kinds[i] {
            Cell::Fixed => false,
            Cell::Unpublished => true,
            Cell::Published { .. } => {
                initial.get(i).copied().unwrap_or(false) || (grid.values[i] > 0 && grid.values[i] < k)
            }
        })
        .collect();
    let mut hidden = required.clone();
    loop {
        let read = grid.as_read(&mut hidden);
        let Some(cell) = audit::pinned(&read, k, &hidden, false) else {
            return Suppression { hidden: prune(grid, k, &required, hidden), whole: false };
        };
        match candidate(&read, k, &hidden, cell) {
            Some(next) => hidden[next] = true,
            None => {
                let all = (0..n).map(|i| matches!(grid.kinds[i], Cell::Published { .. } | Cell::Unpublished));
                return Suppression { hidden: all.collect(), whole: true };
            }
        }
    }
}

/// Shows again, largest first, every count withheld on the way that the
/// others turned out to protect without it: one step of look-ahead
/// sometimes withholds a cell that later ones made unneeded.
fn prune(grid: &Grid, k: u32, required: &[bool], mut hidden: Mask) -> Mask {
    let mut extra: Vec<usize> = (0..hidden.len()).filter(|&i| hidden[i] && !required[i]).collect();
    extra.sort_by_key(|&i| std::cmp::Reverse((grid.values[i], i)));
    for i in extra {
        let mut trial = hidden.clone();
        trial[i] = false;
        let mut read_hidden = trial.clone();
        let read = grid.as_read(&mut read_hidden);
        // Followers are withheld with their leaders, whatever happens.
        if read_hidden == trial && audit::pinned(&read, k, &trial, false).is_none() {
            hidden = trial;
        }
    }
    hidden
}

/// The next cell to withhold so that `pinned` gets company: the shown
/// non-zero count whose withholding leaves the fewest small counts given
/// away, preferring one on a line through `pinned`, then one above k, then
/// the smallest.
/// (Finding the fewest cells to withhold is a hard problem; one step of
/// look-ahead finds the rectangles of four cells that protect a cell in a
/// table with margins, where choosing by size alone withholds far more.)
fn candidate(grid: &Grid, k: u32, hidden: &[bool], pinned: usize) -> Option<usize> {
    let near: Vec<usize> = grid
        .lines
        .iter()
        .filter(|l| l.parts.contains(&pinned) || l.total == Total::Cell(pinned))
        .flat_map(|l| {
            let total = match l.total {
                Total::Cell(c) => Some(c),
                Total::Known(_) => None,
            };
            l.parts.iter().copied().chain(total)
        })
        .collect();
    let open = (0..grid.values.len())
        .filter(|&i| !hidden[i] && grid.values[i] > 0 && matches!(grid.kinds[i], Cell::Published { .. }));
    open.min_by_key(|&i| {
        let mut trial = hidden.to_vec();
        trial[i] = true;
        let read = grid.as_read(&mut trial);
        // A count of exactly k withheld is known to be exactly k ("•" is at
        // least k): it hides nothing below it.
        (audit::pinned_count(&read, k, &trial), !near.contains(&i), grid.values[i] == k, grid.values[i], i)
    })
}

/// Groups that add up to a shown total (departments, statutes, training
/// accounts by standing), each withheld on a small count.
pub fn list(counts: &[u32], k: u32) -> Suppression {
    suppress(&Grid::list(counts), k, &[])
}

/// Hidden cells of a table with row totals and column totals (age band ×
/// gender), and of those totals.
#[cfg(test)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MarginMasks {
    /// Per row, per column.
    pub cells: Vec<Mask>,
    /// Per row.
    pub row_totals: Mask,
    /// Per column.
    pub column_totals: Mask,
    /// The table is withheld whole.
    pub whole: bool,
}

/// Suppression for a table `cells[r][c]` published with its row totals,
/// column totals and grand total. Withheld margins must be withheld wherever
/// the same figure appears (e.g. the gender totals in the gender table).
#[cfg(test)]
pub fn table_with_margins(cells: &[Vec<u32>], k: u32) -> MarginMasks {
    let width = cells.first().map_or(0, Vec::len);
    let mut grid = Grid::default();
    let ids: Vec<Vec<usize>> = cells.iter().map(|row| row.iter().map(|&n| grid.count(n)).collect()).collect();
    let row_totals: Vec<usize> = cells.iter().map(|row| grid.count(row.iter().sum())).collect();
    let column_totals: Vec<usize> =
        (0..width).map(|c| grid.count(cells.iter().map(|row| row[c]).sum())).collect();
    let grand: u32 = cells.iter().flatten().sum();
    for (row, total) in ids.iter().zip(&row_totals) {
        grid.sum(row.clone(), Total::Cell(*total));
    }
    for (c, total) in column_totals.iter().enumerate() {
        grid.sum(ids.iter().map(|row| row[c]).collect(), Total::Cell(*total));
    }
    grid.sum(row_totals.clone(), Total::Known(grand));
    grid.sum(column_totals.clone(), Total::Known(grand));
    let s = suppress(&grid, k, &[]);
    MarginMasks {
        cells: ids.iter().map(|row| row.iter().map(|&i| s.hidden[i]).collect()).collect(),
        row_totals: row_totals.iter().map(|&i| s.hidden[i]).collect(),
        column_totals: column_totals.iter().map(|&i| s.hidden[i]).collect(),
        whole: s.whole,
    }
}

#[cfg(test)]
mod tests;
