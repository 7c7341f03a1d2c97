//! The social balance sheet's training section and the readiness check.

use super::{Fmt, Num};
use crate::aggregate::readiness::AspectScore;
use crate::aggregate::social_balance::{Measure, code};
use crate::disclose::Disclosed;
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
    pub men: BalanceCellsView,
    pub women: BalanceCellsView,
}

#[derive(Debug, Clone, Serialize)]
pub struct BalanceCellsView {
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

/// The social balance's training section, men and women per kind.
pub fn social_balance(disclosed: &Disclosed<'_>, fmt: Fmt<'_>) -> SocialBalanceView {
    let cells = &disclosed.social_balance;
    let coded = |kind: TrainingKind, gender: Gender| {
        let cell = &cells[kind.index()][gender.index()];
        let coded = |measure, value| Coded { code: code(kind, gender, measure).unwrap_or(""), value };
        BalanceCellsView {
            participants: coded(Measure::Participants, fmt.count_cell(cell.participants)),
            hours: coded(Measure::Hours, fmt.cell(cell.hours, |h| fmt.hours(h))),
            cost: coded(Measure::NetCost, fmt.cell(cell.cost, |c| fmt.euro(Some(c)))),
        }
    };
    SocialBalanceView {
        rows: TrainingKind::ALL
            .iter()
            .map(|&kind| BalanceRow {
                kind,
                label: kind.label(&fmt.strings.labels).to_string(),
                men: coded(kind, Gender::Male),
                women: coded(kind, Gender::Female),
            })
            .collect(),
        x_participants: fmt.count_cell(disclosed.x_participants),
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
    pub key: crate::model::readiness::Aspect,
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
                key: s.aspect,
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
