//! How each training is used, as an edition may show it. Registrations and
//! completions are counts of people: the council edition shows none below
//! the minimum group size (a training for workers with a disability with
//! one registration would point at one person), withholds a second one
//! where the first could be worked out from the others, and withholds the
//! hours of a withheld training (hours over its duration give the count).

use super::{Cell, Rule};
use crate::aggregate::Figures;
use crate::model::Plan;
use crate::privacy;

/// One training's use.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct UsageCells {
    /// Registrations as planned: the sheet's, else the participations'.
    pub planned: Cell<u32>,
    /// Participations that are not cancelled.
    pub registrations: Cell<u32>,
    /// Participations followed.
    pub completed: Cell<u32>,
    /// Hours of the participations that are not cancelled.
    pub hours: Cell<f64>,
    /// Whether any of the above is withheld: sums over groups of
    /// trainings that hold this one are withheld too.
    pub withheld: bool,
}

pub(super) fn usage(plan: &Plan, figures: &Figures, rule: Rule) -> Vec<UsageCells> {
    let usage = &figures.usage;
    let counts: Vec<u32> = usage.iter().map(|u| u.registrations).collect();
    let s = rule.suppress(counts.len(), |k| privacy::list(&counts, k));
    let mask: Vec<bool> = s.hidden.iter().map(|h| *h || s.whole).collect();
    let small = |n: u32| rule.k.is_some_and(|k| n > 0 && n < k);
    plan.trainings
        .iter()
        .zip(usage)
        .zip(mask)
        .map(|((t, u), hidden)| {
            let planned = t.registrations.unwrap_or(u.registrations);
            let withheld = hidden || small(planned) || small(u.completed);
            UsageCells {
                planned: rule.count(planned, hidden || small(planned)),
                registrations: rule.count(u.registrations, hidden),
                completed: rule.count(u.completed, hidden || small(u.completed)),
                hours: rule.derived(u.hours, withheld),
                withheld: withheld && rule.k.is_some(),
            }
        })
        .collect()
}

/// One kind of training (formal, informal, initial) as an edition may
/// show it: a kind with fewer participants than the minimum group size
/// shows them as small, withholds its hours (hours over a training's
/// duration give the count), and a second kind's participations where
/// the total would give the first away.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KindCells {
    pub participations: Cell<u32>,
    pub participants: Cell<u32>,
    pub hours: Cell<f64>,
}

/// The kinds, and whether their total hours must be withheld with them.
pub(super) fn kinds(figures: &Figures, rule: Rule) -> ([KindCells; 3], bool) {
    let by_kind = &figures.training.by_kind;
    let participations: Vec<u32> = by_kind.iter().map(|k| k.participations).collect();
    let s = rule.suppress(3, |k| privacy::list(&participations, k));
    let small = |n: u32| rule.k.is_some_and(|k| n > 0 && n < k);
    let mut any = false;
    let cells = std::array::from_fn(|i| {
        let k = by_kind[i];
        // Hours give away a small kind's count (over its trainings'
        // durations), not a count withheld only so that a total does not
        // give another away: those hours stay.
        let withheld = s.whole || small(k.participants) || small(k.participations);
        any |= withheld && rule.k.is_some();
        KindCells {
            participations: rule.count(k.participations, s.whole || s.hidden[i] || small(k.participations)),
            participants: rule.count(k.participants, small(k.participants) || s.whole),
            hours: rule.derived(k.hours, withheld),
        }
    });
    (cells, any)
}
