//! The legal checklist: every element the law asks of a training plan,
//! present, missing, or present with a point of attention.

use super::Figures;
use super::attention::{self, Subject};
use super::deadlines::{Deadline, Status};
use crate::model::{Gender, Plan, RiskGroup, TrainingKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    FormalTrainings,
    InformalTrainings,
    TrainingRight,
    RiskGroup(RiskGroup),
    Gender,
    Consultation,
    Deadlines,
}

impl Item {
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
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verdict {
    Present,
    /// Present, but something needs attention (see the detail).
    Attention,
    Missing,
    /// The element does not apply (e.g. no workers in a risk group).
    NotApplicable,
}

impl Verdict {
    pub fn key(self) -> &'static str {
        match self {
            Verdict::Present => "present",
            Verdict::Attention => "attention",
            Verdict::Missing => "missing",
            Verdict::NotApplicable => "not_applicable",
        }
    }
}

/// One element of the checklist; the detail fields fill its message.
#[derive(Debug, Clone, PartialEq)]
pub struct Check {
    pub item: Item,
    pub verdict: Verdict,
    /// Codes of trainings concerned (e.g. those without a target group).
    pub codes: Vec<String>,
    pub count: u32,
    /// A participation rate and the overall rate, where relevant.
    pub rates: Option<(f64, f64)>,
    pub deadlines: Vec<Deadline>,
}

impl Check {
    fn new(item: Item, verdict: Verdict) -> Self {
        Self { item, verdict, codes: Vec::new(), count: 0, rates: None, deadlines: Vec::new() }
    }
}

/// The checklist; `shown` tells which groups' participation may be judged
/// (the council edition does not judge, and so reveal, a hidden group's).
pub fn checklist(plan: &Plan, figures: &Figures, shown: &dyn Fn(Subject) -> bool) -> Vec<Check> {
    let mut checks = vec![trainings(plan, TrainingKind::Formal), trainings(plan, TrainingKind::Informal)];
    checks.push(training_right(figures));
    for (i, group) in RiskGroup::ALL.iter().enumerate() {
        checks.push(risk_group(figures, i, *group, shown(Subject::RiskGroup(*group))));
    }
    checks.push(gender(figures, shown));
    checks.push(consultation(plan));
    checks.push(deadlines(&figures.deadlines));
    checks
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
        rates: t.days_per_fte.map(|d| (d, t.target_days_per_fte)),
        ..Check::new(Item::TrainingRight, verdict)
    }
}

fn risk_group(figures: &Figures, index: usize, group: RiskGroup, shown: bool) -> Check {
    let item = Item::RiskGroup(group);
    let f = &figures.risk_groups[index];
    let p = &figures.participation.by_risk_group[index];
    let overall = figures.participation.overall.rate();
    let rates = p.rate().zip(overall).filter(|_| shown);
    let low = rates.and_then(|(rate, overall)| attention_rate(Some(rate), Some(overall)));
    let verdict = if f.count.heads == 0 {
        Verdict::NotApplicable
    } else if f.targeted_trainings == 0 {
        Verdict::Missing
    } else if low.is_some() {
        Verdict::Attention
    } else {
        Verdict::Present
    };
    Check { count: f.targeted_trainings, rates, ..Check::new(item, verdict) }
}

fn attention_rate(rate: Option<f64>, overall: Option<f64>) -> Option<f64> {
    let (rate, overall) = (rate?, overall?);
    (rate < attention::LOW_PARTICIPATION * overall).then_some(rate)
}

fn gender(figures: &Figures, shown: &dyn Fn(Subject) -> bool) -> Check {
    let p = &figures.participation;
    let overall = p.overall.rate();
    let lowest = Gender::ALL
        .iter()
        .filter(|g| shown(Subject::Gender(**g)))
        .map(|g| &p.by_gender[g.index()])
        .filter(|g| g.heads > 0)
        .filter_map(|g| attention_rate(g.rate(), overall))
        .reduce(f64::min);
    let verdict = if lowest.is_some() { Verdict::Attention } else { Verdict::Present };
    Check { rates: lowest.zip(overall), ..Check::new(Item::Gender, verdict) }
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
