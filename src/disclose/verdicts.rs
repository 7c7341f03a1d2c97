//! The checklist and the points of attention as an edition may state them.
//!
//! Aggregation judges every element once, on all figures. An edition that
//! withholds a group's participation cannot back up a statement about it,
//! so it says that it did not assess that group here (and why) instead:
//! coarser than the internal edition, never different.

use super::{Cell, Participation};
use crate::aggregate::Figures;
use crate::aggregate::attention::{Attention, Concern, Subject};
use crate::aggregate::compliance::{self, Item};
use crate::aggregate::deadlines::Deadline;
use crate::model::{Gender, RiskGroup};
use serde::Serialize;

/// How an edition states that the plan meets one element.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The element is there.
    Present,
    /// Present, but something needs attention.
    Attention,
    /// The element is not there.
    Missing,
    /// The element does not apply (e.g. nobody in a risk group).
    NotApplicable,
    /// This edition withholds the figures the verdict rests on, and so
    /// does not assess it.
    NotAssessed,
    /// The data does not record what the verdict rests on: not assessed
    /// in any edition.
    Unrecorded,
    /// Still to come: the advice and the later steps, in a draft.
    Pending,
    /// Met so far, with a step still to come (the upload after the plan
    /// is fixed): never "present" while a step is open.
    Open,
}

impl Verdict {
    /// The verdict's key in the wording files.
    pub fn key(self) -> &'static str {
        match self {
            Verdict::Present => "present",
            Verdict::Attention => "attention",
            Verdict::Missing => "missing",
            Verdict::NotApplicable => "not_applicable",
            Verdict::NotAssessed => "not_assessed",
            Verdict::Unrecorded => "unrecorded",
            Verdict::Pending => "pending",
            Verdict::Open => "open",
        }
    }
}

impl From<compliance::Verdict> for Verdict {
    fn from(verdict: compliance::Verdict) -> Self {
        match verdict {
            compliance::Verdict::Present => Verdict::Present,
            compliance::Verdict::Attention => Verdict::Attention,
            compliance::Verdict::Missing => Verdict::Missing,
            compliance::Verdict::NotApplicable => Verdict::NotApplicable,
            compliance::Verdict::Unrecorded => Verdict::Unrecorded,
        }
    }
}

/// A group's participation as the check weighed it; only for groups this
/// edition shows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GroupJudgement {
    /// The group.
    pub subject: Subject,
    /// Its participation rate.
    pub rate: Option<f64>,
    /// Everyone's participation rate.
    pub overall: Option<f64>,
    /// Below the plan's threshold share of everyone's rate.
    pub low: bool,
}

/// One element of the checklist as this edition states it.
#[derive(Debug, Clone, PartialEq)]
pub struct Check {
    /// Which element.
    pub item: Item,
    /// The verdict this edition can back up.
    pub verdict: Verdict,
    /// Codes of trainings concerned (e.g. those without a target group).
    pub codes: Vec<String>,
    /// Trainings of the kind, or aimed at the group.
    pub count: u32,
    /// The training right: planned days per FTE and the target.
    pub days: Option<(f64, f64)>,
    /// The groups this edition shows and judges.
    pub groups: Vec<GroupJudgement>,
    /// The groups whose participation this edition withholds, so it does
    /// not assess them.
    pub withheld: Vec<Subject>,
    /// The consultation calendar, for the deadlines item.
    pub deadlines: Vec<Deadline>,
    /// The verdict is attention because of a group whose figures this
    /// edition withholds: it says so, without the figures.
    pub low_withheld: bool,
}

/// Everything the edition says about how the plan meets the law.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdicts {
    /// The legal checklist.
    pub checklist: Vec<Check>,
    /// Points of attention about groups this edition shows, and about
    /// risk groups no training is aimed at (which rests on no figure about
    /// people).
    pub attention: Vec<Attention>,
    /// Groups with members whose participation this edition withholds.
    pub unassessed: Vec<Subject>,
    /// Groups with a point of attention this edition cannot show (their
    /// figures are withheld): it says the point exists, without figures.
    pub attention_withheld: Vec<Subject>,
}

impl Verdicts {
    /// The deadlines of a final plan: met so far, but a step not yet
    /// recorded (the upload) is still to come, not "present".
    pub(super) fn for_final(&mut self) {
        use crate::aggregate::deadlines::Status;
        for check in &mut self.checklist {
            if check.item == Item::Deadlines
                && check.verdict == Verdict::Present
                && check.deadlines.iter().any(|d| d.status == Status::Open)
            {
                check.verdict = Verdict::Open;
            }
        }
    }

    /// The checklist of a draft: the advice and the steps after it are
    /// still to come (a late draft stays late), whatever plan.toml already
    /// records after the draft.
    pub(super) fn for_draft(&mut self) {
        use crate::aggregate::deadlines::{Status, Step};
        for check in &mut self.checklist {
            check.verdict = match check.item {
                Item::Consultation => Verdict::Pending,
                Item::Deadlines => {
                    let late = check
                        .deadlines
                        .iter()
                        .any(|d| d.step == Step::DraftSent && d.status == Status::Missed);
                    if late { Verdict::Attention } else { Verdict::Pending }
                }
                _ => continue,
            };
        }
    }
}

/// The participation cells of `subject`.
fn cells(participation: &Participation, subject: Subject) -> &super::GroupCells {
    match subject {
        Subject::Gender(g) => &participation.by_gender[g.index()],
        Subject::RiskGroup(r) => {
            let i = RiskGroup::ALL.iter().position(|x| *x == r).unwrap_or(0);
            &participation.by_risk_group[i]
        }
    }
}

/// Whether this edition shows the participation of `subject`.
fn shows(participation: &Participation, subject: Subject) -> bool {
    cells(participation, subject).rate.is_shown()
}

pub(super) fn verdicts(figures: &Figures, participation: &Participation) -> Verdicts {
    let shown = |subject| shows(participation, subject);
    let checklist = figures.compliance.iter().map(|c| check(c, &shown)).collect();
    let (attention, withheld): (Vec<Attention>, Vec<Attention>) = figures
        .attention
        .iter()
        .partition(|a| matches!(a.concern, Concern::NoTargetedTraining) || shown(a.subject));
    let attention_withheld = withheld.iter().map(|a| a.subject).collect();
    let subjects = Gender::ALL.map(Subject::Gender).into_iter().chain(RiskGroup::ALL.map(Subject::RiskGroup));
    let unassessed =
        subjects.filter(|&s| !shown(s) && !matches!(cells(participation, s).heads, Cell::Shown(0))).collect();
    Verdicts { checklist, attention, unassessed, attention_withheld }
}

fn check(c: &compliance::Check, shown: &dyn Fn(Subject) -> bool) -> Check {
    let (visible, withheld): (Vec<&compliance::GroupFinding>, Vec<&compliance::GroupFinding>) =
        c.groups.iter().partition(|g| shown(g.subject));
    let low_withheld = withheld.iter().any(|g| g.low);
    let low_visible = visible.iter().any(|g| g.low);
    let verdict = match c.verdict {
        // Attention because of a withheld group: still attention, said
        // without its figures (coarser, never different).
        compliance::Verdict::Attention if low_withheld => Verdict::Attention,
        // A verdict about participation that rests on withheld groups only.
        compliance::Verdict::Attention | compliance::Verdict::Present
            if !withheld.is_empty() && !visible.iter().any(|g| g.low) =>
        {
            Verdict::NotAssessed
        }
        verdict => verdict.into(),
    };
    Check {
        item: c.item,
        verdict,
        codes: c.codes.clone(),
        count: c.count,
        days: c.days,
        groups: visible
            .into_iter()
            .map(|g| GroupJudgement { subject: g.subject, rate: g.rate, overall: g.overall, low: g.low })
            .collect(),
        withheld: withheld.into_iter().map(|g| g.subject).collect(),
        deadlines: c.deadlines.clone(),
        low_withheld: low_withheld && !low_visible,
    }
}
