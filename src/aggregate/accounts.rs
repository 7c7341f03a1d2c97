//! The individual training right, employee by employee: the days each is
//! entitled to in the plan year (their target × FTE × the part of the year
//! they are employed), with the days carried over from last year, against
//! the days planned and followed.

use crate::model::{ParticipationStatus, Plan};
use jiff::civil::Date;

/// Planned days within this margin of the entitlement count as "at" it.
pub const AT_MARGIN_DAYS: f64 = 0.25;

#[derive(Debug, Clone, PartialEq)]
pub struct Account {
    pub employee: usize,
    /// Share of the plan year the employee is employed, 0-1.
    pub employed_share: f64,
    /// Days of this year's right.
    pub entitled: f64,
    /// Days not taken last year that carry over into this one.
    pub carried: f64,
    /// Days of participations that are not cancelled.
    pub planned: f64,
    /// Days of participations marked as followed.
    pub followed: f64,
    /// Days of the right (this year's and carried over) not yet followed,
    /// never below zero: next year's carry-over when the period goes on.
    pub remaining: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    Below,
    At,
    Above,
}

impl Account {
    /// The days the employee can take this year: this year's right and the
    /// days carried over.
    pub fn available(&self) -> f64 {
        self.entitled + self.carried
    }

    /// Planned days against the days available.
    pub fn standing(&self) -> Standing {
        if self.planned < self.available() - AT_MARGIN_DAYS {
            Standing::Below
        } else if self.planned > self.available() + AT_MARGIN_DAYS {
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
    pub carried: f64,
    pub planned: f64,
    pub followed: f64,
    pub remaining: f64,
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

/// The accounts of everyone employed in the plan year; `targets` holds
/// each employee's days per FTE.
pub fn accounts(plan: &Plan, targets: &[f64]) -> Accounts {
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
        let entitled = targets[i] * e.fte.get() * share;
        let carried = match (&plan.carry_over, plan.settings.carry_over) {
            (Some(balances), Some(period)) => balances.days_for(&e.id, year, period),
            _ => 0.0,
        };
        let account = Account {
            employee: i,
            employed_share: share,
            entitled,
            carried,
            planned: planned[i],
            followed: followed[i],
            remaining: (entitled + carried - followed[i]).max(0.0),
        };
        match account.standing() {
            Standing::Below => result.below += 1,
            Standing::At => result.at += 1,
            Standing::Above => result.above += 1,
        }
        result.entitled += account.entitled;
        result.carried += account.carried;
        result.remaining += account.remaining;
        result.planned += account.planned;
        result.followed += account.followed;
        result.accounts.push(account);
    }
    result
}
