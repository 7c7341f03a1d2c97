//! Key figures: the few figures a plan is compared on from one year to the
//! next. Each version in the archive keeps them in a typed, versioned file
//! (see `crate::archive::previous`); the differences are computed here, on
//! typed values, never read back from a rendered document.

use super::Figures;
use super::attention::Subject;
use crate::model::{Gender, RiskGroup, Training, TrainingKind};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// What a key figure measures. The names are part of the archive's format:
/// add new ones, never rename one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Metric {
    /// Active employees on the reference date.
    Headcount,
    /// Their FTE.
    Fte,
    /// Share of women in the headcount.
    FemaleShare,
    /// Active employees in a risk group.
    RiskGroupHeads(RiskGroup),
    /// Planned training days per FTE.
    DaysPerFte,
    /// The training budget.
    Budget,
    /// The training budget per FTE.
    BudgetPerFte,
    /// Share of everyone with at least one registration.
    ParticipationRate,
    /// Participation rate of one group.
    GroupRate(Subject),
}

impl Metric {
    /// Every metric, in the order the comparison lists them.
    pub fn all() -> Vec<Metric> {
        let mut all = vec![Metric::Headcount, Metric::Fte, Metric::FemaleShare];
        all.extend(RiskGroup::ALL.map(Metric::RiskGroupHeads));
        all.extend([Metric::DaysPerFte, Metric::Budget, Metric::BudgetPerFte, Metric::ParticipationRate]);
        all.extend(Gender::ALL.map(|g| Metric::GroupRate(Subject::Gender(g))));
        all.extend(RiskGroup::ALL.map(|r| Metric::GroupRate(Subject::RiskGroup(r))));
        all
    }

    /// How a change of this figure is written.
    pub fn change(self) -> ChangeKind {
        match self {
            Metric::Headcount | Metric::RiskGroupHeads(_) => ChangeKind::Count,
            Metric::Fte | Metric::DaysPerFte => ChangeKind::Decimal,
            Metric::Budget | Metric::BudgetPerFte => ChangeKind::Euro,
            Metric::FemaleShare | Metric::ParticipationRate | Metric::GroupRate(_) => ChangeKind::Points,
        }
    }
}

/// How a change is written: a count, a decimal, an amount, or a rate in
/// percentage points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    /// People.
    Count,
    /// FTE or days, one decimal.
    Decimal,
    /// Euro.
    Euro,
    /// A rate, in percentage points.
    Points,
}

/// A key figure as one edition recorded it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Recorded {
    /// The figure.
    Value(f64),
    /// There was no such figure (nothing to divide by).
    Missing,
    /// A group smaller than the minimum group size.
    Small,
    /// Withheld with a small group.
    Hidden,
}

impl Recorded {
    /// The figure, when recorded.
    pub fn value(self) -> Option<f64> {
        match self {
            Recorded::Value(v) => Some(v),
            _ => None,
        }
    }
}

/// One key figure.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub(crate) struct KeyFigure {
    /// What it measures.
    pub metric: Metric,
    /// Its value, or why it has none.
    pub value: Recorded,
}

/// A training of the plan with its registrations and completions: what
/// next year's plan compares its realisation with, and the final plan its
/// draft.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrainingRecord {
    /// The training's code.
    pub code: String,
    /// Its title.
    pub title: String,
    /// Registrations as planned (the sheet's, else the participations');
    /// `None` where the edition withholds it (format 3 and later).
    pub planned: Option<u32>,
    /// Registrations marked as followed; `None` where withheld.
    pub completed: Option<u32>,
    /// What the training is (format 2 and later; `None` in files of
    /// release 0.2 and before, which did not record it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<TrainingDetails>,
}

/// A training's fields that a reader of the plan compares between two
/// versions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrainingDetails {
    /// Formal, informal or initial.
    pub kind: TrainingKind,
    /// Hours per participant.
    pub hours: f64,
    /// Its budget.
    pub budget: Option<f64>,
    /// First day.
    pub start: Option<Date>,
    /// Last day.
    pub end: Option<Date>,
    /// Who gives it.
    pub provider: Option<String>,
    /// Whom it is for, in the plan's words.
    pub target_group: Option<String>,
    /// The risk groups it aims at.
    pub risk_groups: Vec<RiskGroup>,
    /// The strategic goal it serves.
    pub goal: Option<String>,
}

impl TrainingRecord {
    /// The record of `training`, with its `usage`.
    pub(crate) fn of(training: &Training, usage: &super::TrainingUsage) -> Self {
        let t = training;
        TrainingRecord {
            code: t.code.clone(),
            title: t.title.clone(),
            planned: Some(t.registrations.unwrap_or(usage.registrations)),
            completed: Some(usage.completed),
            details: Some(TrainingDetails {
                kind: t.kind,
                hours: t.duration_hours,
                budget: t.budget,
                start: t.start_date,
                end: t.end_date,
                provider: t.provider.clone(),
                target_group: t.target_group.clone(),
                risk_groups: t.risk_groups.clone(),
                goal: t.goal.clone(),
            }),
        }
    }
}

/// This year's key figures, on all figures (no edition has withheld any).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct KeyFigures {
    /// Every metric with its value (`None`: nothing to divide by).
    pub values: Vec<(Metric, Option<f64>)>,
    /// The trainings of the plan.
    pub trainings: Vec<TrainingRecord>,
}

/// The key figures of `figures` for `plan`.
pub(crate) fn key_figures(plan: &crate::model::Plan, figures: &Figures) -> KeyFigures {
    let values = Metric::all().into_iter().map(|m| (m, value(figures, m))).collect();
    let trainings =
        plan.trainings.iter().zip(&figures.usage).map(|(t, u)| TrainingRecord::of(t, u)).collect();
    KeyFigures { values, trainings }
}

fn value(f: &Figures, metric: Metric) -> Option<f64> {
    let w = &f.workforce;
    let p = &f.participation;
    match metric {
        Metric::Headcount => Some(f64::from(w.total.heads)),
        Metric::Fte => Some(w.total.fte),
        Metric::FemaleShare => {
            super::ratio(f64::from(w.gender(Gender::Female).heads), f64::from(w.total.heads))
        }
        Metric::RiskGroupHeads(g) => {
            f.risk_groups.iter().find(|r| r.group == g).map(|r| f64::from(r.count.heads))
        }
        Metric::DaysPerFte => f.training.days_per_fte,
        Metric::Budget => Some(f.training.budget),
        Metric::BudgetPerFte => f.training.budget_per_fte,
        Metric::ParticipationRate => p.overall.rate(),
        Metric::GroupRate(Subject::Gender(g)) => p.by_gender[g.index()].rate(),
        Metric::GroupRate(Subject::RiskGroup(r)) => {
            RiskGroup::ALL.iter().position(|x| *x == r).and_then(|i| p.by_risk_group[i].rate())
        }
    }
}

/// Last year's key figures, as the archive kept them for one edition.
#[derive(Debug, Clone, PartialEq)]
pub struct PreviousYear {
    /// Its plan year.
    pub year: i16,
    /// The archived version they come from.
    pub version: u32,
    /// Its key figures as that edition recorded them.
    pub(crate) values: Vec<KeyFigure>,
    /// Its trainings.
    pub trainings: Vec<TrainingRecord>,
}

/// One key figure, last year and this year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Change {
    /// What it measures.
    pub metric: Metric,
    /// Last year's, as recorded.
    pub previous: Recorded,
    /// This year's, on all figures.
    pub current: Option<f64>,
    /// This year minus last year, when both are known.
    pub delta: Option<f64>,
}

/// This plan beside last year's.
#[derive(Debug, Clone, PartialEq)]
pub struct YearOverYear {
    /// Last year's plan year.
    pub previous_year: i16,
    /// The archived version compared with.
    pub version: u32,
    /// Every metric last year's plan recorded, in this release's order.
    pub(crate) changes: Vec<Change>,
    /// Last year's trainings: planned registrations against followed ones.
    pub realisation: Vec<TrainingRecord>,
}

/// This year's key figures against last year's.
pub(crate) fn year_over_year(current: &KeyFigures, previous: &PreviousYear) -> YearOverYear {
    let changes = current
        .values
        .iter()
        .filter_map(|&(metric, now)| {
            let before = previous.values.iter().find(|k| k.metric == metric)?.value;
            let delta = before.value().zip(now).map(|(b, n)| n - b);
            Some(Change { metric, previous: before, current: now, delta })
        })
        .collect();
    YearOverYear {
        previous_year: previous.year,
        version: previous.version,
        changes,
        realisation: previous.trainings.clone(),
    }
}

/// Why last year's archived plan is not compared with, though it is there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotCompared {
    /// A file of it changed or went missing after it was archived.
    Damaged {
        /// The file.
        file: String,
    },
    /// A newer release wrote it, in a format this one does not know.
    UnknownFormat {
        /// The format it was written in.
        format: u32,
    },
}
