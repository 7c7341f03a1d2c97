//! The legal checklist: every element the law asks of a training plan,
//! present, missing, or present with a point of attention. Judged once, on
//! all figures; an edition that may not show a group's figures withholds
//! that group's part of a verdict (see `crate::disclose`), it never judges
//! again.

use super::Figures;
use super::attention::Subject;
use super::deadlines::{Deadline, Status};
use crate::model::{Gender, Plan, RiskGroup, TrainingKind};
use serde::Serialize;

/// An element of the checklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Item {
    /// Formal trainings, each with a target group.
    FormalTrainings,
    /// Informal trainings, each with a target group.
    InformalTrainings,
    /// How the plan serves the individual training right.
    TrainingRight,
    /// Special attention to one risk group.
    RiskGroup(RiskGroup),
    /// Equal treatment of men and women (and X).
    Gender,
    /// The advisory body's advice.
    Consultation,
    /// The consultation calendar.
    Deadlines,
    /// The training needs the data shows (certificates, competences),
    /// covered by the plan's trainings.
    TrainingNeeds,
}

impl Item {
    /// The item's key in the wording files (`aged_50_plus`, `gender`, ...).
    pub fn key(self) -> &'static str {
        match self {
            Item::FormalTrainings => "formal_trainings",
            Item::InformalTrainings => "informal_trainings",
            Item::TrainingRight => "training_right",
            Item::RiskGroup(RiskGroup::Aged50Plus) => "aged_50_plus",
            Item::RiskGroup(RiskGroup::Disability) => "disability",
            Item::RiskGroup(RiskGroup::NonEuNationality) => "non_eu_nationality",
            Item::RiskGroup(RiskGroup::BottleneckOccupation) => "bottleneck_occupation",
            Item::Gender => "gender",
            Item::Consultation => "consultation",
            Item::Deadlines => "deadlines",
            Item::TrainingNeeds => "training_needs",
        }
    }
}

/// How the plan meets one element, on all its figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The element is there.
    Present,
    /// Present, but something needs attention (see the detail).
    Attention,
    /// The element is not there.
    Missing,
    /// The element does not apply (e.g. no workers in a risk group).
    NotApplicable,
    /// The data does not record what the element is judged on (a risk
    /// group without its column): it cannot be assessed.
    Unrecorded,
}

/// One group's participation, as a check weighs it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GroupFinding {
    /// The group.
    pub subject: Subject,
    /// Its participation rate, when it has members.
    pub rate: Option<f64>,
    /// Everyone's participation rate.
    pub overall: Option<f64>,
    /// Below the plan's threshold share of everyone's rate.
    pub low: bool,
}

/// One element of the checklist; the detail fields fill its message.
#[derive(Debug, Clone, PartialEq)]
pub struct Check {
    /// Which element.
    pub item: Item,
    /// How the plan meets it.
    pub verdict: Verdict,
    /// Codes of trainings concerned (e.g. those without a target group).
    pub codes: Vec<String>,
    /// Trainings of the kind, or aimed at the group.
    pub count: u32,
    /// The training right: planned days per FTE and the target.
    pub days: Option<(f64, f64)>,
    /// The groups whose participation the verdict rests on (a risk group,
    /// or each gender with members).
    pub groups: Vec<GroupFinding>,
    /// The consultation calendar, for the deadlines item.
    pub deadlines: Vec<Deadline>,
}

impl Check {
    fn new(item: Item, verdict: Verdict) -> Self {
        Self {
            item,
            verdict,
            codes: Vec::new(),
            count: 0,
            days: None,
            groups: Vec::new(),
            deadlines: Vec::new(),
        }
    }
}

/// The checklist, in the order the plan prints it.
pub fn checklist(plan: &Plan, figures: &Figures) -> Vec<Check> {
    let mut checks = vec![trainings(plan, TrainingKind::Formal), trainings(plan, TrainingKind::Informal)];
    checks.push(training_right(figures));
    for (i, group) in RiskGroup::ALL.iter().enumerate() {
        checks.push(risk_group(figures, i, *group));
    }
    checks.push(gender(figures));
    checks.push(consultation(plan));
    checks.push(deadlines(&figures.deadlines));
    checks.push(training_needs(plan, figures));
    checks
}

/// Whether every need the data shows (a certificate expiring or missing,
/// a competence below the level wanted) has a registration in a training
/// that delivers it. Without job requirements there is nothing to judge.
fn training_needs(plan: &Plan, figures: &Figures) -> Check {
    let verdict = if plan.needs.requirements.is_empty() {
        Verdict::NotApplicable
    } else if figures.needs.uncovered() == 0 {
        Verdict::Present
    } else {
        Verdict::Attention
    };
    // No count: a count of people not covered could be a small group; the
    // chapter shows it as the edition may.
    Check::new(Item::TrainingNeeds, verdict)
}

fn trainings(plan: &Plan, kind: TrainingKind) -> Check {
    let item = if kind == TrainingKind::Formal { Item::FormalTrainings } else { Item::InformalTrainings };
    let of_kind: Vec<_> = plan.trainings.iter().filter(|t| t.kind == kind).collect();
    let without_target: Vec<String> =
        of_kind.iter().filter(|t| t.target_group.is_none()).map(|t| t.code.clone()).collect();
    let verdict = match (of_kind.is_empty(), without_target.is_empty()) {
        (true, _) => Verdict::Missing,
        (false, true) => Verdict::Present,
        (false, false) => Verdict::Attention,
    };
    Check { count: of_kind.len() as u32, codes: without_target, ..Check::new(item, verdict) }
}

fn training_right(figures: &Figures) -> Check {
    let t = &figures.training;
    let verdict = match t.days_per_fte {
        None => Verdict::Missing,
        Some(_) if t.participations == 0 => Verdict::Missing,
        Some(days) if days + 1e-9 < t.target_days_per_fte => Verdict::Attention,
        Some(_) => Verdict::Present,
    };
    Check {
        days: t.days_per_fte.map(|d| (d, t.target_days_per_fte)),
        ..Check::new(Item::TrainingRight, verdict)
    }
}

/// A group's participation against everyone's.
fn finding(subject: Subject, group: &super::GroupParticipation, figures: &Figures) -> GroupFinding {
    let overall = figures.participation.overall.rate();
    let rate = group.rate();
    let low = matches!((rate, overall), (Some(r), Some(o)) if r < figures.participation_rule * o);
    GroupFinding { subject, rate, overall, low }
}

fn risk_group(figures: &Figures, index: usize, group: RiskGroup) -> Check {
    let item = Item::RiskGroup(group);
    let f = &figures.risk_groups[index];
    let p = &figures.participation.by_risk_group[index];
    let found = finding(Subject::RiskGroup(group), p, figures);
    let verdict = if !f.recorded {
        Verdict::Unrecorded
    } else if f.count.heads == 0 {
        Verdict::NotApplicable
    } else if f.targeted_trainings == 0 {
        Verdict::Missing
    } else if found.low {
        Verdict::Attention
    } else {
        Verdict::Present
    };
    let groups = if f.count.heads > 0 { vec![found] } else { Vec::new() };
    Check { count: f.targeted_trainings, groups, ..Check::new(item, verdict) }
}

fn gender(figures: &Figures) -> Check {
    let p = &figures.participation;
    let groups: Vec<GroupFinding> = Gender::ALL
        .iter()
        .filter(|g| p.by_gender[g.index()].heads > 0)
        .map(|&g| finding(Subject::Gender(g), &p.by_gender[g.index()], figures))
        .collect();
    let verdict = if groups.iter().any(|g| g.low) { Verdict::Attention } else { Verdict::Present };
    Check { groups, ..Check::new(Item::Gender, verdict) }
}

fn consultation(plan: &Plan) -> Check {
    let c = &plan.consultation;
    let verdict = match (c.advice.is_some(), c.advice_date.is_some() || c.meeting.is_some()) {
        (true, true) => Verdict::Present,
        (true, false) | (false, true) => Verdict::Attention,
        (false, false) => Verdict::Missing,
    };
    Check::new(Item::Consultation, verdict)
}

fn deadlines(deadlines: &[Deadline]) -> Check {
    let verdict = if deadlines.iter().any(|d| d.status == Status::Missed) {
        Verdict::Attention
    } else if deadlines.iter().all(|d| d.status == Status::Open) {
        Verdict::Missing
    } else {
        Verdict::Present
    };
    Check { deadlines: deadlines.to_vec(), ..Check::new(Item::Deadlines, verdict) }
}
