//! The social balance sheet's training section and the readiness check.

use super::{Fmt, Num};
use crate::aggregate::readiness::AspectScore;
use crate::aggregate::social_balance::{Measure, WageBasis, code, formal_sub_codes};
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
    /// Formal training's net cost in its parts: gross cost, contributions
    /// to collective funds, subsidies received.
    pub formal_items: Vec<ItemRow>,
    /// Whether the gross cost holds the participants' wages.
    pub wages: WageBasis,
    /// Training hours whose wage is unknown (wages partly known).
    pub hours_without_wage: Num,
    /// Whether `[costs]` gives the contributions to collective funds.
    pub funds_given: bool,
    /// Whether it gives the subsidies received.
    pub subsidies_given: bool,
}

/// One part of formal training's net cost, for men and women.
#[derive(Debug, Clone, Serialize)]
pub struct ItemRow {
    /// `gross`, `funds` or `subsidies`.
    pub key: &'static str,
    pub men: Coded,
    pub women: Coded,
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
        formal_items: formal_items(disclosed, fmt),
        wages: disclosed.public.cost_basis.wages,
        hours_without_wage: fmt.hours(disclosed.public.cost_basis.hours_without_wage),
        funds_given: disclosed.public.cost_basis.funds_given,
        subsidies_given: disclosed.public.cost_basis.subsidies_given,
    }
}

fn formal_items(disclosed: &Disclosed<'_>, fmt: Fmt<'_>) -> Vec<ItemRow> {
    let formal = &disclosed.social_balance[TrainingKind::Formal.index()];
    let basis = &disclosed.public.cost_basis;
    // Funds or subsidies the plan does not give are unknown, never € 0.
    let given = [true, basis.funds_given, basis.subsidies_given];
    let item = |gender: Gender, i: usize| {
        let cells = &formal[gender.index()];
        let cell = [&cells.gross, &cells.funds, &cells.subsidies][i];
        let code = formal_sub_codes(gender).map_or("", |codes| codes[i]);
        let value = if given[i] { fmt.cell(*cell, |c| fmt.euro(Some(c))) } else { fmt.euro(None) };
        Coded { code, value }
    };
    ["gross", "funds", "subsidies"]
        .into_iter()
        .enumerate()
        .map(|(i, key)| ItemRow { key, men: item(Gender::Male, i), women: item(Gender::Female, i) })
        .collect()
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
