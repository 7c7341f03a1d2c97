//! Closing the gap: how far the planned days fall short of each account's
//! available days (this year's right and the days carried over), as a
//! distribution, and the departments and job titles furthest below.

use super::accounts::{Accounts, Standing};
use crate::model::Plan;

/// Bins of planned minus available days, from furthest below to above.
pub const BINS: [Bin; 5] =
    [Bin::ThreeOrMoreShort, Bin::OneToThreeShort, Bin::UnderOneShort, Bin::At, Bin::Above];

/// One bin of the distribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Bin {
    /// Three days or more below.
    ThreeOrMoreShort,
    /// One to three days below.
    OneToThreeShort,
    /// Less than a day below (beyond the margin).
    UnderOneShort,
    /// Within the margin.
    At,
    /// Above.
    Above,
}

impl Bin {
    fn of(planned: f64, available: f64, standing: Standing) -> Self {
        let short = available - planned;
        match standing {
            Standing::At => Bin::At,
            Standing::Above => Bin::Above,
            Standing::Below if short >= 3.0 => Bin::ThreeOrMoreShort,
            Standing::Below if short >= 1.0 => Bin::OneToThreeShort,
            Standing::Below => Bin::UnderOneShort,
        }
    }
}

/// Accounts of one department or job title.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupGap {
    /// The department or job title; `None`: not given.
    pub label: Option<String>,
    /// Accounts in the group.
    pub heads: u32,
    /// Of which below their available days.
    pub below: u32,
    /// Days short, all the group's accounts below together.
    pub short: f64,
}

/// The distribution and the groups.
#[derive(Debug, Clone, Default)]
pub struct Gap {
    /// Accounts per bin, in the order of [`BINS`].
    pub bins: [u32; 5],
    /// Days short, all accounts below together.
    pub short: f64,
    /// Per department, in name order.
    pub departments: Vec<GroupGap>,
    /// Per job title, in name order.
    pub jobs: Vec<GroupGap>,
}

pub fn gap(plan: &Plan, accounts: &Accounts) -> Gap {
    let mut gap = Gap::default();
    for a in &accounts.accounts {
        let bin = Bin::of(a.planned, a.available(), a.standing());
        gap.bins[BINS.iter().position(|b| *b == bin).unwrap_or(0)] += 1;
        if a.standing() == Standing::Below {
            gap.short += a.available() - a.planned;
        }
    }
    gap.departments = groups(plan, accounts, |e| e.department.clone());
    gap.jobs = groups(plan, accounts, |e| e.job_title.clone());
    gap
}

fn groups(
    plan: &Plan,
    accounts: &Accounts,
    key: impl Fn(&crate::model::Employee) -> Option<String>,
) -> Vec<GroupGap> {
    let mut groups: Vec<GroupGap> = Vec::new();
    for a in &accounts.accounts {
        let label = key(&plan.employees[a.employee]);
        let index = match groups.iter().position(|g| g.label == label) {
            Some(i) => i,
            None => {
                groups.push(GroupGap { label, heads: 0, below: 0, short: 0.0 });
                groups.len() - 1
            }
        };
        let g = &mut groups[index];
        g.heads += 1;
        if a.standing() == Standing::Below {
            g.below += 1;
            g.short += a.available() - a.planned;
        }
    }
    groups.sort_by(|a, b| (a.label.is_none(), &a.label).cmp(&(b.label.is_none(), &b.label)));
    groups
}
