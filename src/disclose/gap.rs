//! How far accounts fall short, as an edition may show it. The council
//! edition shows the distribution's "below" bins only when none is a
//! small group (else all three are withheld, so their split never gives
//! one away beside the shown number below), takes "at" and "above" as the
//! standings show them, and names a department or job title only when it
//! holds at least `k` accounts, without its size.

use super::{Cell, Rule, Standings};
use crate::aggregate::Figures;
use crate::aggregate::gap::GroupGap;

/// The distribution and the groups furthest below.
#[derive(Debug, Clone, PartialEq)]
pub struct GapCells {
    /// Accounts per bin, in the order of `aggregate::gap::BINS`.
    pub bins: [Cell<u32>; 5],
    /// Departments furthest below, as shown.
    pub departments: Vec<GroupRow>,
    /// Job titles furthest below, as shown.
    pub jobs: Vec<GroupRow>,
    /// Groups left out for their size (council edition).
    pub left_out: u32,
}

/// One group furthest below.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupRow {
    /// The department or job title; `None`: not given.
    pub label: Option<String>,
    /// Accounts in the group (internal edition only).
    pub heads: Option<u32>,
    /// Accounts below their available days.
    pub below: Cell<u32>,
    /// Days short per account of the group.
    pub short_per_head: f64,
}

/// At most this many groups are listed, furthest below first.
pub const LISTED: usize = 5;

pub(super) fn gap(figures: &Figures, rule: Rule, standings: &Standings) -> GapCells {
    let g = &figures.gap;
    let small_below = g.bins[..3].iter().any(|n| rule.k.is_some_and(|k| *n > 0 && *n < k));
    let below = |n: u32| rule.count(n, small_below);
    let bins = [below(g.bins[0]), below(g.bins[1]), below(g.bins[2]), standings.at, standings.above];
    let (departments, left_d) = furthest(&g.departments, rule);
    let (jobs, left_j) = furthest(&g.jobs, rule);
    GapCells { bins, departments, jobs, left_out: left_d + left_j }
}

/// The groups with someone below, furthest below per account first; in
/// the council edition only groups of at least `k` accounts.
fn furthest(groups: &[GroupGap], rule: Rule) -> (Vec<GroupRow>, u32) {
    let big_enough = |g: &&GroupGap| rule.k.is_none_or(|k| g.heads >= k);
    let left_out = groups.iter().filter(|g| g.below > 0 && !big_enough(g)).count() as u32;
    let mut rows: Vec<GroupRow> = groups
        .iter()
        .filter(|g| g.below > 0)
        .filter(big_enough)
        .map(|g| GroupRow {
            label: g.label.clone(),
            heads: rule.k.is_none().then_some(g.heads),
            below: rule.count(g.below, rule.k.is_some_and(|k| g.below < k)),
            short_per_head: g.short / f64::from(g.heads),
        })
        .collect();
    rows.sort_by(|a, b| b.short_per_head.total_cmp(&a.short_per_head).then_with(|| a.label.cmp(&b.label)));
    rows.truncate(LISTED);
    (rows, left_out)
}
