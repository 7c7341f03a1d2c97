//! The audit behind cell suppression: what a reader who knows the rules can
//! work out from a table. Every count is a whole number; a shown one is
//! known, "< k" is between its floor and k − 1, "•" on a count is at least
//! k (a count below k is always labelled "< k"), and an unpublished one is
//! anything from zero up. The reader also knows every sum of the table.
//! [`pinned`] finds a withheld small count that has only one possible
//! value under all that.
//!
//! Exact: bounds are tightened over the sums until nothing changes, then a
//! domain is split in halves until every count is fixed or a sum fails.

use super::{Cell as Kind, Grid, Total};

/// Larger than any count of people.
const UNBOUNDED: i64 = 10_000_000;

/// Search steps for one question before the audit gives up and counts the
/// cell as given away (it never happens on tables of this size; it keeps a
/// malformed table from hanging a build).
const BUDGET: usize = 200_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Domain {
    lo: i64,
    hi: i64,
}

/// The sums of a grid as (parts, total), totals made into variables.
struct System {
    domains: Vec<Domain>,
    sums: Vec<(Vec<usize>, usize)>,
}

impl System {
    fn of(grid: &Grid, k: u32, hidden: &[bool], whole: bool) -> Self {
        let k = i64::from(k);
        let mut domains: Vec<Domain> = grid
            .values
            .iter()
            .enumerate()
            .map(|(i, &v)| {
                let v = i64::from(v);
                match grid.kinds[i] {
                    Kind::Fixed => Domain { lo: v, hi: v },
                    Kind::Unpublished => Domain { lo: 0, hi: UNBOUNDED },
                    Kind::Published { .. } if !hidden[i] => Domain { lo: v, hi: v },
                    Kind::Published { .. } if whole => Domain { lo: 0, hi: UNBOUNDED },
                    Kind::Published { floor } if v < k => Domain { lo: i64::from(floor), hi: k - 1 },
                    Kind::Published { .. } => Domain { lo: k, hi: UNBOUNDED },
                }
            })
            .collect();
        let sums = grid
            .lines
            .iter()
            .map(|line| {
                let total = match line.total {
                    Total::Cell(cell) => cell,
                    Total::Known(value) => {
                        domains.push(Domain { lo: i64::from(value), hi: i64::from(value) });
                        domains.len() - 1
                    }
                };
                (line.parts.clone(), total)
            })
            .collect();
        Self { domains, sums }
    }

    /// Whether `var` can take a value other than `value`.
    fn can_differ(&self, var: usize, value: i64) -> bool {
        let mut steps = 0;
        let mut below = self.domains.clone();
        below[var].hi = below[var].hi.min(value - 1);
        if self.feasible(below, &mut steps) {
            return true;
        }
        let mut above = self.domains.clone();
        above[var].lo = above[var].lo.max(value + 1);
        self.feasible(above, &mut steps)
    }

    fn feasible(&self, mut domains: Vec<Domain>, steps: &mut usize) -> bool {
        *steps += 1;
        if *steps > BUDGET || !self.propagate(&mut domains) {
            return false;
        }
        let open = domains.iter().enumerate().filter(|(_, d)| d.lo < d.hi).min_by_key(|(_, d)| d.hi - d.lo);
        let Some((var, d)) = open else { return true };
        let middle = d.lo + (d.hi - d.lo) / 2;
        let mut lower = domains.clone();
        lower[var].hi = middle;
        if self.feasible(lower, steps) {
            return true;
        }
        domains[var].lo = middle + 1;
        self.feasible(domains, steps)
    }

    fn propagate(&self, domains: &mut [Domain]) -> bool {
        loop {
            let mut changed = false;
            for (parts, total) in &self.sums {
                let low: i64 = parts.iter().map(|&p| domains[p].lo).sum();
                let high: i64 = parts.iter().map(|&p| domains[p].hi).sum();
                let t = domains[*total];
                let tight = Domain { lo: t.lo.max(low), hi: t.hi.min(high) };
                changed |= tight != t;
                domains[*total] = tight;
                for &p in parts {
                    let d = domains[p];
                    let tight = Domain {
                        lo: d.lo.max(tight.lo - (high - d.hi)),
                        hi: d.hi.min(tight.hi - (low - d.lo)),
                    };
                    changed |= tight != d;
                    domains[p] = tight;
                }
            }
            if domains.iter().any(|d| d.lo > d.hi) {
                return false;
            }
            if !changed {
                return true;
            }
        }
    }
}

/// The first withheld small count of `grid` a reader can work out exactly.
pub(super) fn pinned(grid: &Grid, k: u32, hidden: &[bool], whole: bool) -> Option<usize> {
    let system = System::of(grid, k, hidden, whole);
    (0..grid.values.len()).find(|&i| {
        let small = matches!(grid.kinds[i], Kind::Published { .. }) && hidden[i] && grid.values[i] < k;
        small && !system.can_differ(i, i64::from(grid.values[i]))
    })
}

/// How many withheld small counts of `grid` a reader can work out exactly.
pub(super) fn pinned_count(grid: &Grid, k: u32, hidden: &[bool]) -> usize {
    let system = System::of(grid, k, hidden, false);
    (0..grid.values.len())
        .filter(|&i| {
            let small = matches!(grid.kinds[i], Kind::Published { .. }) && hidden[i] && grid.values[i] < k;
            small && !system.can_differ(i, i64::from(grid.values[i]))
        })
        .count()
}
