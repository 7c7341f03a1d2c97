//! The social balance sheet's training section and the readiness check.

use super::{Disclosure, Fmt, Num};
use crate::aggregate::Figures;
use crate::aggregate::readiness::AspectScore;
use crate::aggregate::social_balance::{Cell, Measure, code};
use crate::i18n::Localised;
use crate::model::{Gender, TrainingKind};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct SocialBalanceView {
    /// One row per kind of training, each with men and women.
    pub rows: Vec<BalanceRow>,
    /// Participants of gender X, whom the sheet has no column for.
    pub x_participants: Num,
}

#[derive(Debug, Clone, Serialize)]
pub struct BalanceRow {
    pub kind: TrainingKind,
    pub label: String,
    pub men: BalanceCells,
    pub women: BalanceCells,
}

#[derive(Debug, Clone, Serialize)]
pub struct BalanceCells {
    pub participants: Coded,
    pub hours: Coded,
    pub cost: Coded,
}

/// A figure with its item code in the social balance sheet.
#[derive(Debug, Clone, Serialize)]
pub struct Coded {
    pub code: &'static str,
    pub value: Num,
}

pub fn social_balance(figures: &Figures, fmt: Fmt<'_>, shown: &Disclosure) -> SocialBalanceView {
    let cells = &figures.social_balance.cells;
    let coded = |kind: TrainingKind, gender: Gender, cell: &Cell| {
        let hidden = shown.social_balance[kind.index()][gender.index()];
        let coded = |measure, value| Coded { code: code(kind, gender, measure).unwrap_or(""), value };
        BalanceCells {
            participants: coded(Measure::Participants, shown.count(fmt, cell.participants, hidden)),
            hours: coded(Measure::Hours, shown.derived(fmt, hidden, fmt.hours(cell.hours))),
            cost: coded(Measure::NetCost, shown.derived(fmt, hidden, fmt.euro(Some(cell.cost)))),
        }
    };
    SocialBalanceView {
        rows: TrainingKind::ALL
            .iter()
            .map(|&kind| {
                let row = &cells[kind.index()];
                BalanceRow {
                    kind,
                    label: kind.label(&fmt.strings.labels).to_string(),
                    men: coded(kind, Gender::Male, &row[Gender::Male.index()]),
                    women: coded(kind, Gender::Female, &row[Gender::Female.index()]),
                }
            })
            .collect(),
        x_participants: shown.count(fmt, super::disclosure::x_participants(figures), shown.x_participants),
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ReadinessView {
    pub aspects: Vec<AspectView>,
    pub applies: Num,
    pub total: Num,
}

#[derive(Debug, Clone, Serialize)]
pub struct AspectView {
    pub key: &'static str,
    pub applies: Num,
    pub total: Num,
    pub share: Num,
    /// Ids of the statements that do not apply yet; the layout prints their wording.
    pub priorities: Vec<&'static str>,
}

pub fn readiness(scores: &[AspectScore], fmt: Fmt<'_>) -> ReadinessView {
    ReadinessView {
        aspects: scores
            .iter()
            .map(|s| AspectView {
                key: s.aspect.key(),
                applies: fmt.count(s.applies),
                total: fmt.count(s.total),
                share: fmt.percent(Some(s.share())),
                priorities: s.priorities.clone(),
            })
            .collect(),
        applies: fmt.count(scores.iter().map(|s| s.applies).sum()),
        total: fmt.count(scores.iter().map(|s| s.total).sum()),
    }
}
