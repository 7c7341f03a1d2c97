//! Closing the gap: the distribution of planned days against the accounts'
//! available days, and the departments and job titles furthest below.

use super::{Fmt, Num};
use crate::aggregate::gap::{BINS, Bin};
use crate::disclose::Disclosed;
use crate::disclose::gap::GroupRow;
use serde::Serialize;

/// The section's figures.
#[derive(Debug, Clone, Serialize)]
pub struct GapView {
    /// Accounts per bin, furthest below first.
    pub bins: Vec<BinView>,
    /// Departments furthest below.
    pub departments: Vec<GroupView>,
    /// Job titles furthest below.
    pub jobs: Vec<GroupView>,
    /// Groups left out for their size (council edition).
    pub left_out: Num,
    /// Planned days per FTE fall short of the target.
    pub target_missed: bool,
}

/// One bin.
#[derive(Debug, Clone, Serialize)]
pub struct BinView {
    /// Its key, for the label in the wording.
    pub key: Bin,
    /// Accounts in it.
    pub value: Num,
}

/// One group furthest below.
#[derive(Debug, Clone, Serialize)]
pub struct GroupView {
    /// The department or job title.
    pub label: String,
    /// Accounts in the group; `none` in the council edition.
    pub heads: Option<Num>,
    /// Accounts below.
    pub below: Num,
    /// Days short per account.
    pub short_per_head: Num,
}

pub fn view(disclosed: &Disclosed<'_>, fmt: Fmt<'_>) -> GapView {
    let g = &disclosed.gap;
    let row = |r: &GroupRow| GroupView {
        label: r.label.clone().unwrap_or_else(|| fmt.strings.labels.unknown.clone()),
        heads: r.heads.map(|h| fmt.count(h)),
        below: fmt.count_cell(r.below),
        short_per_head: fmt.decimal(r.short_per_head, 1),
    };
    let t = disclosed.public.training;
    GapView {
        bins: BINS
            .iter()
            .zip(g.bins)
            .map(|(key, cell)| BinView { key: *key, value: fmt.count_cell(cell) })
            .collect(),
        departments: g.departments.iter().map(row).collect(),
        jobs: g.jobs.iter().map(row).collect(),
        left_out: fmt.count(g.left_out),
        target_missed: t.days_per_fte.is_some_and(|d| d + 1e-9 < t.target_days_per_fte),
    }
}
