//! Participation per group as an edition may show it.

use super::breakdowns::breakdown;
use super::{Cell, Rule, Workforce};
use crate::aggregate::{Figures, GroupParticipation};
use crate::privacy;

/// One group's participation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GroupCells {
    /// Active employees in the group.
    pub heads: Cell<u32>,
    /// Of them, with at least one registration.
    pub participants: Cell<u32>,
    /// Participants as a share of the group.
    pub rate: Cell<Option<f64>>,
    /// Planned hours of the group.
    pub hours: Cell<f64>,
    /// Planned hours per FTE of the group.
    pub hours_per_fte: Cell<Option<f64>>,
}

/// Participation of the active workforce, per group.
#[derive(Debug, Clone, PartialEq)]
pub struct Participation {
    /// Everyone (always shown).
    pub overall: GroupCells,
    /// Indexed by `Gender::index`.
    pub by_gender: [GroupCells; 3],
    /// Per age band; employees without an age are in none.
    pub by_age_band: Vec<GroupCells>,
    /// In the order of `RiskGroup::ALL`.
    pub by_risk_group: [GroupCells; 4],
    /// Per statute, in the order of the workforce's statutes.
    pub by_statute: Vec<GroupCells>,
    /// Per education level, in the order of the workforce's levels.
    pub by_education: Vec<GroupCells>,
    /// Per department, in the order of the workforce's departments.
    pub by_department: Vec<GroupCells>,
}

pub(super) fn participation(
    figures: &Figures,
    workforce: &Workforce,
    rule: Rule,
    linked: &super::linked::Linked,
) -> Participation {
    let p = &figures.participation;
    // The groups' heads are withheld exactly as in the workforce tables,
    // where the same counts appear.
    let genders: Vec<Cell<u32>> = workforce.genders.iter().map(|g| g.heads).collect();
    let bands: Vec<Cell<u32>> = workforce.age_bands.iter().map(|(_, row)| row.total).collect();
    let risks: Vec<u32> = p.by_risk_group.iter().map(|g| g.heads).collect();
    let risk_mask = rule.mask(risks.len(), |k| privacy::primary(&risks, k));
    let risk_heads: Vec<Cell<u32>> =
        risks.iter().zip(&risk_mask).map(|(&n, &withheld)| rule.count(n, withheld)).collect();
    // Risk groups overlap and add up to nothing shown: each group's
    // participants are protected against its own size only.
    let risk_participants = rule.suppress(risks.len(), |k| {
        let mut grid = privacy::Grid::default();
        for (g, heads) in p.by_risk_group.iter().zip(&risk_heads) {
            let size = match heads {
                Cell::Shown(_) => grid.push(g.heads, privacy::Cell::Fixed),
                Cell::Small | Cell::Hidden => grid.count(g.heads),
            };
            let cell = grid.count(g.participants);
            let rest = grid.push(g.heads - g.participants, privacy::Cell::Unpublished);
            grid.sum(vec![cell, rest], privacy::Total::Cell(size));
            grid.follow(size, cell);
        }
        let initial: Vec<bool> = risk_mask.iter().flat_map(|&h| [h, false, true]).collect();
        let s = privacy::suppress(&grid, k, &initial);
        let participants = (0..risks.len()).map(|i| s.hidden[3 * i + 1]).collect();
        privacy::Suppression { hidden: participants, whole: s.whole }
    });
    let everyone = Rule { k: None };
    Participation {
        overall: cells(
            std::slice::from_ref(&p.overall),
            &[Cell::Shown(p.overall.heads)],
            &[false],
            everyone,
            (false, false),
        )[0],
        by_gender: to_array(cells(
            &p.by_gender,
            &genders,
            &linked.gender_participants,
            rule,
            (linked.whole, true),
        )),
        by_age_band: cells(&p.by_age_band, &bands, &linked.band_participants, rule, (linked.whole, true)),
        by_risk_group: to_array(cells(
            &p.by_risk_group,
            &risk_heads,
            &risk_participants.hidden,
            rule,
            (risk_participants.whole, false),
        )),
        by_statute: in_order(&figures.workforce.by_statute, &p.by_statute, &workforce.statutes, p, rule),
        by_education: in_order(
            &figures.workforce.by_education,
            &p.by_education,
            &workforce.education,
            p,
            rule,
        ),
        by_department: in_order(
            &figures.workforce.by_department,
            &p.by_department,
            &workforce.departments,
            p,
            rule,
        ),
    }
}

/// One grouping's cells in the order of its workforce table as this
/// edition shows it (which may differ from aggregation's: departments are
/// listed by name when any is withheld), with the heads that table shows.
fn in_order<K: PartialEq>(
    aggregated: &[(K, crate::aggregate::Count)],
    groups: &[GroupParticipation],
    table: &[(K, super::CountCells)],
    p: &crate::aggregate::ParticipationFigures,
    rule: Rule,
) -> Vec<GroupCells> {
    let (groups, heads): (Vec<GroupParticipation>, Vec<Cell<u32>>) = table
        .iter()
        .filter_map(|(key, cells)| {
            let i = aggregated.iter().position(|(k, _)| k == key)?;
            Some((groups[i], cells.heads))
        })
        .unzip();
    breakdown(&groups, &heads, &p.overall, rule)
}

fn to_array<const N: usize>(cells: Vec<GroupCells>) -> [GroupCells; N] {
    cells.try_into().unwrap_or_else(|v: Vec<GroupCells>| panic!("expected {N} groups, got {}", v.len()))
}

/// The cells of some groups, given their heads as shown and which of their
/// participants counts to withhold. Figures derived from a withheld count
/// (rate, hours) are withheld with it; where the groups add up to everyone
/// (`additive`), so do their hours, which are then protected in pairs.
pub(super) fn cells(
    groups: &[GroupParticipation],
    heads: &[Cell<u32>],
    participants: &[bool],
    rule: Rule,
    (whole, additive): (bool, bool),
) -> Vec<GroupCells> {
    let derived = rule.mask(groups.len(), |_| {
        let mut mask: Vec<bool> = participants.iter().zip(heads).map(|(p, h)| *p || !h.is_shown()).collect();
        if additive {
            let hours: Vec<u32> = groups.iter().map(|g| g.hours.round() as u32).collect();
            privacy::protect(&mut mask, &hours);
        }
        mask
    });
    groups
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let withheld = derived[i] || whole;
            GroupCells {
                heads: heads[i],
                participants: rule.count_in(g.participants, participants[i] || !heads[i].is_shown(), whole),
                rate: rule.derived(g.rate(), withheld),
                hours: rule.derived(g.hours, withheld),
                hours_per_fte: rule.derived(g.hours_per_fte(), withheld),
            }
        })
        .collect()
}
