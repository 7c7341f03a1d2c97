//! Key figures and the comparison with last year as an edition may show
//! them.

use super::{Cell, Disclosed};
use crate::aggregate::attention::Subject;
use crate::aggregate::key_figures::{KeyFigure, Metric, Recorded, TrainingRecord, YearOverYear};
use crate::model::RiskGroup;

/// One key figure, last year and this year, as this edition may show it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ChangeCells {
    /// What it measures.
    pub metric: Metric,
    /// Last year's, as that year's edition recorded it.
    pub previous: Recorded,
    /// This year's.
    pub current: Cell<Option<f64>>,
    /// This year minus last year: shown only when both are.
    pub delta: Cell<Option<f64>>,
}

/// This plan beside last year's, as this edition may show it.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// Last year's plan year.
    pub previous_year: i16,
    /// The archived version compared with.
    pub version: u32,
    /// The key figures.
    pub changes: Vec<ChangeCells>,
    /// Last year's trainings: planned registrations against followed ones
    /// (figures about the offer: shown).
    pub realisation: Vec<TrainingRecord>,
}

/// How this edition shows the current value of `metric`.
pub(super) fn current(disclosed: &Disclosed<'_>, metric: Metric, value: Option<f64>) -> Cell<Option<f64>> {
    let withheld = |cell: bool| if cell { Cell::Shown(value) } else { Cell::Hidden };
    match metric {
        Metric::FemaleShare => disclosed.workforce.female_share,
        Metric::RiskGroupHeads(group) => {
            let heads = disclosed.risk_groups.iter().find(|r| r.group == group).map(|r| r.count.heads);
            match heads {
                Some(Cell::Shown(n)) => Cell::Shown(Some(f64::from(n))),
                Some(Cell::Small) => Cell::Small,
                Some(Cell::Hidden) | None => Cell::Hidden,
            }
        }
        Metric::GroupRate(subject) => {
            let p = &disclosed.participation;
            match subject {
                Subject::Gender(g) => p.by_gender[g.index()].rate,
                Subject::RiskGroup(r) => {
                    let i = RiskGroup::ALL.iter().position(|x| *x == r).unwrap_or(0);
                    p.by_risk_group[i].rate
                }
            }
        }
        // Figures about the whole workforce and the offer.
        Metric::Headcount
        | Metric::Fte
        | Metric::DaysPerFte
        | Metric::Budget
        | Metric::BudgetPerFte
        | Metric::ParticipationRate => withheld(true),
    }
}

/// A figure as the archive records it.
pub(super) fn recorded(cell: Cell<Option<f64>>) -> Recorded {
    match cell {
        Cell::Shown(Some(v)) => Recorded::Value(v),
        Cell::Shown(None) => Recorded::Missing,
        Cell::Small => Recorded::Small,
        Cell::Hidden => Recorded::Hidden,
    }
}

/// The key figures this edition records for next year's comparison:
/// exactly what it shows, so that next year's council edition never shows
/// a figure this year's withheld.
pub(super) fn key_figures(
    disclosed: &Disclosed<'_>,
    figures: &crate::aggregate::key_figures::KeyFigures,
) -> Vec<KeyFigure> {
    figures
        .values
        .iter()
        .map(|&(metric, value)| KeyFigure { metric, value: recorded(current(disclosed, metric, value)) })
        .collect()
}

pub(super) fn comparison(disclosed: &Disclosed<'_>, yoy: &YearOverYear) -> Comparison {
    let changes = yoy
        .changes
        .iter()
        .map(|c| {
            let current = current(disclosed, c.metric, c.current);
            let delta = match (current, c.previous) {
                (Cell::Small | Cell::Hidden, _) | (_, Recorded::Small | Recorded::Hidden) => Cell::Hidden,
                (Cell::Shown(_), _) => Cell::Shown(c.delta),
            };
            ChangeCells { metric: c.metric, previous: c.previous, current, delta }
        })
        .collect();
    Comparison {
        previous_year: yoy.previous_year,
        version: yoy.version,
        changes,
        realisation: yoy.realisation.clone(),
    }
}
