//! Training needs as an edition may show them. Per requirement, the people
//! it applies to are a group: under the minimum group size the council
//! edition shows none of its figures; above it, valid, expiring and
//! missing add up to the people shown, so a small one is withheld with a
//! second one (as any list of groups with a shown total). The expiries by
//! month, over all requirements, are withheld the same way.

use super::{Cell, Rule};
use crate::aggregate::Figures;
use crate::privacy;

/// One requirement's figures.
#[derive(Debug, Clone, PartialEq)]
pub struct NeedCells {
    pub people: Cell<u32>,
    pub valid: Cell<u32>,
    pub expiring: Cell<u32>,
    pub missing: Cell<u32>,
    pub covered: Cell<u32>,
    /// Some need of the group is neither met nor covered; `false` where
    /// the group is too small to say anything about (council edition).
    pub uncovered: bool,
}

/// All requirements, and the expiries per month of the plan year.
#[derive(Debug, Clone, PartialEq)]
pub struct NeedsCells {
    pub requirements: Vec<NeedCells>,
    pub by_month: Vec<Cell<u32>>,
    /// Needs neither met nor covered by a registration, all requirements
    /// together; small, like any count of people.
    pub uncovered: Cell<u32>,
}

pub(super) fn needs(figures: &Figures, rule: Rule) -> NeedsCells {
    let small = |n: u32| rule.k.is_some_and(|k| n > 0 && n < k);
    let requirements = figures
        .needs
        .requirements
        .iter()
        .map(|r| {
            if small(r.people) {
                let hidden = |n| rule.count(n, true);
                return NeedCells {
                    people: rule.count(r.people, true),
                    valid: hidden(r.valid),
                    expiring: hidden(r.expiring),
                    missing: hidden(r.missing),
                    covered: hidden(r.covered),
                    uncovered: false,
                };
            }
            let parts = [r.valid, r.expiring, r.missing];
            let s = rule.suppress(3, |k| privacy::list(&parts, k));
            let cell = |i: usize| rule.count_in(parts[i], s.hidden[i], s.whole);
            NeedCells {
                people: rule.count(r.people, false),
                valid: cell(0),
                expiring: cell(1),
                missing: cell(2),
                covered: rule.count(r.covered, small(r.covered)),
                uncovered: r.expiring + r.missing > r.covered,
            }
        })
        .collect();
    let mut months = [0u32; 12];
    for r in &figures.needs.requirements {
        for (m, n) in r.by_month.iter().enumerate() {
            months[m] += n;
        }
    }
    let s = rule.suppress(12, |k| privacy::list(&months, k));
    let by_month = (0..12).map(|m| rule.count_in(months[m], s.hidden[m], s.whole)).collect();
    let uncovered = figures.needs.uncovered();
    NeedsCells { requirements, by_month, uncovered: rule.count(uncovered, small(uncovered)) }
}
