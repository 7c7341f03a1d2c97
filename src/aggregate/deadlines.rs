//! The consultation calendar the law sets for plan year n: the draft reaches
//! the advisory body at least 15 days before the meeting that discusses it,
//! advice by 15 March, the plan fixed by 31 March, and the anonymised copy
//! uploaded to the FOD WASO within one month after the plan enters into force.

use crate::model::Plan;
use jiff::ToSpan;
use jiff::civil::Date;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    DraftSent,
    Advice,
    Fixed,
    Upload,
}

impl Step {
    pub fn key(self) -> &'static str {
        match self {
            Step::DraftSent => "draft_sent",
            Step::Advice => "advice",
            Step::Fixed => "fixed",
            Step::Upload => "upload",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Met,
    Missed,
    /// Not done yet, or not recorded in `plan.toml`.
    Open,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deadline {
    pub step: Step,
    pub due: Date,
    pub done: Option<Date>,
    pub status: Status,
}

/// The last day of the upload: one month after the plan enters into force
/// (`in_force`, else the day it is fixed), else after the last day it may
/// be fixed, 31 March.
pub fn upload_due(year: i16, in_force: Option<Date>) -> Date {
    let in_force = in_force.unwrap_or_else(|| Date::new(year, 3, 31).unwrap_or(Date::MIN));
    in_force.checked_add(1.month()).unwrap_or(in_force)
}

pub fn deadlines(plan: &Plan) -> Vec<Deadline> {
    let year = plan.settings.year;
    let c = &plan.consultation;
    let advice_by = Date::new(year, 3, 15).unwrap_or(Date::MIN);
    let fixed_by = Date::new(year, 3, 31).unwrap_or(Date::MIN);
    // Without a meeting date, the latest meeting that can still advise in
    // time is on 15 March, so the draft must be out 15 days before that.
    let meeting = c.meeting.unwrap_or(advice_by);
    let draft_by = meeting.checked_sub(15.days()).unwrap_or(meeting);
    let upload_by = upload_due(year, c.in_force.or(c.fixed_on));
    let advice_done = c.advice_date.or(c.meeting.filter(|_| c.advice.is_some()));
    [
        (Step::DraftSent, draft_by, c.draft_sent),
        (Step::Advice, advice_by, advice_done),
        (Step::Fixed, fixed_by, c.fixed_on),
        (Step::Upload, upload_by, c.uploaded),
    ]
    .into_iter()
    .map(|(step, due, done)| {
        let status = match done {
            Some(day) if day <= due => Status::Met,
            Some(_) => Status::Missed,
            None => Status::Open,
        };
        Deadline { step, due, done, status }
    })
    .collect()
}
