//! Participation by statute, education level and department as an
//! edition may show it. Each grouping splits the active workforce, so its
//! groups' sizes add up to the headcount and their participants to
//! everyone's participants, which are shown: a small group's participants
//! could be worked out from the others'. They are protected together, with
//! the groups' sizes withheld exactly as the workforce tables withhold them.

use super::groups::{GroupCells, cells};
use super::{Cell, Rule};
use crate::aggregate::GroupParticipation;
use crate::privacy::{self, Grid, Total};

/// The cells of one grouping: `groups` in the order of the workforce
/// table whose heads, as shown there, are `heads`; `everyone` are all
/// active employees.
pub(super) fn breakdown(
    groups: &[GroupParticipation],
    heads: &[Cell<u32>],
    everyone: &GroupParticipation,
    rule: Rule,
) -> Vec<GroupCells> {
    // One group of everyone (a column nobody filled in; the other groups
    // empty): its figures are everyone's, which every edition shows.
    if groups.iter().any(|g| g.heads == everyone.heads) {
        let shown: Vec<Cell<u32>> = groups.iter().map(|g| Cell::Shown(g.heads)).collect();
        return cells(groups, &shown, &vec![false; groups.len()], Rule { k: None }, (false, true));
    }
    let participants = rule.suppress(groups.len(), |k| {
        let mut grid = Grid::default();
        let mut initial = Vec::new();
        let (mut counts, mut sizes) = (Vec::new(), Vec::new());
        for (g, shown) in groups.iter().zip(heads) {
            let size = match shown {
                Cell::Shown(_) => grid.push(g.heads, privacy::Cell::Fixed),
                Cell::Small | Cell::Hidden => grid.count(g.heads),
            };
            let cell = grid.count(g.participants);
            let rest = grid.push(g.heads - g.participants, privacy::Cell::Unpublished);
            grid.sum(vec![cell, rest], Total::Cell(size));
            grid.follow(size, cell);
            initial.extend([!shown.is_shown(), false, true]);
            counts.push(cell);
            sizes.push(size);
        }
        // Only a true split adds up to everyone: its sizes to the headcount
        // (as in the workforce table), its participants to everyone's.
        if groups.iter().map(|g| g.heads).sum::<u32>() == everyone.heads {
            grid.sum(sizes, Total::Known(everyone.heads));
            grid.sum(counts, Total::Known(everyone.participants));
        }
        let s = privacy::suppress(&grid, k, &initial);
        privacy::Suppression {
            hidden: (0..groups.len()).map(|i| s.hidden[3 * i + 1]).collect(),
            whole: s.whole,
        }
    });
    cells(groups, heads, &participants.hidden, rule, (participants.whole, true))
}
