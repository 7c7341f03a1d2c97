//! The individual training right, employee by employee: the days each is
//! entitled to in the plan year (target × FTE × the part of the year they
//! are employed), against the days planned and followed.

use crate::model::{ParticipationStatus, Plan};
use jiff::civil::Date;

/// Planned days within this margin of the entitlement count as "at" it.
pub const AT_MARGIN_DAYS: f64 = 0.25;

#[derive(Debug, Clone, PartialEq)]
pub struct Account {
    pub employee: usize,
    /// Share of the plan year the employee is employed, 0-1.
    pub employed_share: f64,
    pub entitled: f64,
    /// Days of participations that are not cancelled.
    pub planned: f64,
    /// Days of participations marked as followed.
    pub followed: f64,
    /// Entitled days not yet followed (never below zero).
    pub remaining: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    Below,
    At,
    Above,
}

impl Account {
    pub fn standing(&self) -> Standing {
        if self.planned < self.entitled - AT_MARGIN_DAYS {
            Standing::Below
        } else if self.planned > self.entitled + AT_MARGIN_DAYS {
            Standing::Above
        } else {
            Standing::At
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Accounts {
    /// Everyone employed during the plan year, in the workbook's order.
    pub accounts: Vec<Account>,
    pub below: u32,
    pub at: u32,
    pub above: u32,
    pub entitled: f64,
    pub planned: f64,
    pub followed: f64,
}

/// The part of `year` between `start` and `end` (both inclusive, open when `None`).
pub fn employed_share(year: i16, start: Option<Date>, end: Option<Date>) -> f64 {
    let (Ok(first), Ok(last)) = (Date::new(year, 1, 1), Date::new(year, 12, 31)) else { return 0.0 };
    let from = start.map_or(first, |s| s.max(first));
    let to = end.map_or(last, |e| e.min(last));
    if to < from {
        return 0.0;
    }
    // Both ends count: 1 January to 31 December is the whole year.
    let days = from.until(to).map_or(0, |span| span.get_days()) + 1;
    f64::from(days) / f64::from(first.days_in_year())
}

pub fn accounts(plan: &Plan, target: f64) -> Accounts {
    let year = plan.settings.year;
    let hours_per_day = plan.settings.hours_per_day;
    let mut planned = vec![0.0; plan.employees.len()];
    let mut followed = vec![0.0; plan.employees.len()];
    // Only training that counts towards the right fills its account.
    let counts = |p: &&crate::model::Participation| {
        let kind = plan.trainings[p.training].kind;
        kind != crate::model::TrainingKind::Initial || plan.settings.count_initial_training
    };
    for p in plan.participations.iter().filter(|p| p.counts()).filter(counts) {
        planned[p.employee] += p.hours / hours_per_day;
        if p.status == ParticipationStatus::Completed {
            followed[p.employee] += p.hours / hours_per_day;
        }
    }
    let mut result = Accounts::default();
    for (i, e) in plan.employees.iter().enumerate() {
        let share = employed_share(year, e.start_date, e.end_date);
        if share <= 0.0 {
            continue;
        }
        let entitled = target * e.fte.get() * share;
        let account = Account {
            employee: i,
            employed_share: share,
            entitled,
            planned: planned[i],
            followed: followed[i],
            remaining: (entitled - followed[i]).max(0.0),
        };
        match account.standing() {
            Standing::Below => result.below += 1,
            Standing::At => result.at += 1,
            Standing::Above => result.above += 1,
        }
        result.entitled += account.entitled;
        result.planned += account.planned;
        result.followed += account.followed;
        result.accounts.push(account);
    }
    result
}
