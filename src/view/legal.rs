//! The legal frame as the layout shows it: size and target, the training
//! accounts, the consultation and its deadlines, points of attention and
//! the checklist.

use super::{DateText, Fmt, Num};
use crate::aggregate::Figures;
use crate::aggregate::attention::{Concern, Subject};
use crate::aggregate::compliance::Check;
use crate::aggregate::deadlines::Status;
use crate::aggregate::legal::{SizeBasis, TargetSource};
use crate::i18n::Localised;
use crate::model::Plan;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct LegalView {
    /// `reference_period` or `active_fte`.
    pub basis: &'static str,
    pub size_fte: Num,
    pub quarters: Vec<QuarterView>,
    pub heads: Num,
    /// `twenty_or_more`, `ten_to_nineteen` or `below_ten`, by FTE and by heads.
    pub band: &'static str,
    pub band_by_heads: &'static str,
    pub mandatory: bool,
    pub target: Num,
    /// `law` or `plan`; with `target_source` naming the agreement when given.
    pub target_kind: &'static str,
    pub target_source: Option<String>,
    pub accounts: AccountsView,
    pub consultation: ConsultationView,
    pub deadlines: Vec<DeadlineView>,
    pub attention: Vec<AttentionView>,
    pub checklist: Vec<CheckView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct QuarterView {
    pub label: String,
    pub fte: Num,
}

#[derive(Debug, Clone, Serialize)]
pub struct AccountsView {
    pub count: Num,
    pub below: Num,
    pub at: Num,
    pub above: Num,
    pub entitled: Num,
    pub planned: Num,
    pub followed: Num,
    pub margin: Num,
}

#[derive(Debug, Clone, Serialize)]
pub struct ConsultationView {
    pub body: &'static str,
    pub draft_sent: Option<DateText>,
    pub meeting: Option<DateText>,
    pub advice_date: Option<DateText>,
    pub advice: Option<String>,
    pub fixed_on: Option<DateText>,
    pub uploaded: Option<DateText>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DeadlineView {
    /// `draft_sent`, `advice`, `fixed` or `upload`.
    pub key: &'static str,
    pub due: DateText,
    pub done: Option<DateText>,
    /// `met`, `missed` or `open`.
    pub status: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct AttentionView {
    /// `gender` or `risk_group`, and the group's code.
    pub kind: &'static str,
    pub key: String,
    pub label: String,
    /// `low_participation` or `no_targeted_training`.
    pub concern: &'static str,
    pub rate: Num,
    pub overall: Num,
}

#[derive(Debug, Clone, Serialize)]
pub struct CheckView {
    pub key: &'static str,
    /// `present`, `attention`, `missing` or `not_applicable`.
    pub verdict: &'static str,
    pub codes: Vec<String>,
    pub count: Num,
    pub rate: Num,
    pub reference: Num,
}

pub fn view(plan: &Plan, figures: &Figures, fmt: Fmt<'_>) -> LegalView {
    let legal = &figures.legal;
    let a = &figures.accounts;
    let c = &plan.consultation;
    let date = |d: Option<jiff::civil::Date>| d.map(|d| fmt.date(d));
    LegalView {
        basis: match legal.basis {
            SizeBasis::ReferencePeriod => "reference_period",
            SizeBasis::ActiveFte => "active_fte",
        },
        size_fte: fmt.fte(legal.size_fte),
        quarters: legal
            .quarters
            .iter()
            .map(|q| QuarterView { label: format!("{}-Q{}", q.year, q.quarter), fte: fmt.fte(q.fte) })
            .collect(),
        heads: fmt.count(legal.heads),
        band: legal.band.key(),
        band_by_heads: legal.band_by_heads.key(),
        mandatory: legal.mandatory,
        target: days(fmt, legal.target),
        target_kind: match legal.target_source {
            TargetSource::Law => "law",
            TargetSource::Plan(_) => "plan",
        },
        target_source: match &legal.target_source {
            TargetSource::Plan(source) => source.clone(),
            TargetSource::Law => None,
        },
        accounts: AccountsView {
            count: fmt.count(a.accounts.len() as u32),
            below: fmt.count(a.below),
            at: fmt.count(a.at),
            above: fmt.count(a.above),
            entitled: fmt.decimal(a.entitled, 1),
            planned: fmt.decimal(a.planned, 1),
            followed: fmt.decimal(a.followed, 1),
            margin: fmt.decimal(crate::aggregate::accounts::AT_MARGIN_DAYS, 2),
        },
        consultation: ConsultationView {
            body: c.body.key(),
            draft_sent: date(c.draft_sent),
            meeting: date(c.meeting),
            advice_date: date(c.advice_date),
            advice: c.advice.clone(),
            fixed_on: date(c.fixed_on),
            uploaded: date(c.uploaded),
        },
        deadlines: figures
            .deadlines
            .iter()
            .map(|d| DeadlineView {
                key: d.step.key(),
                due: fmt.date(d.due),
                done: date(d.done),
                status: match d.status {
                    Status::Met => "met",
                    Status::Missed => "missed",
                    Status::Open => "open",
                },
            })
            .collect(),
        attention: figures.attention.iter().map(|p| attention(p, fmt)).collect(),
        checklist: figures.compliance.iter().map(|c| check(c, fmt)).collect(),
    }
}

/// Days with one decimal, or none when whole: "5", "1,5".
pub fn days(fmt: Fmt<'_>, x: f64) -> Num {
    fmt.decimal(x, if x.fract() == 0.0 { 0 } else { 1 })
}

fn attention(p: &crate::aggregate::attention::Attention, fmt: Fmt<'_>) -> AttentionView {
    let labels = &fmt.strings.labels;
    let (kind, key, label) = match p.subject {
        Subject::Gender(g) => ("gender", super::code(g), g.label(labels).to_string()),
        Subject::RiskGroup(r) => ("risk_group", super::code(r), r.label(labels).to_string()),
    };
    let (concern, rate, overall) = match p.concern {
        Concern::LowParticipation { rate, overall } => ("low_participation", Some(rate), Some(overall)),
        Concern::NoTargetedTraining => ("no_targeted_training", None, None),
    };
    AttentionView { kind, key, label, concern, rate: fmt.percent(rate), overall: fmt.percent(overall) }
}

fn check(c: &Check, fmt: Fmt<'_>) -> CheckView {
    let (rate, reference) = match (c.item, c.rates) {
        // The training right compares days per FTE, the others participation rates.
        (crate::aggregate::compliance::Item::TrainingRight, Some((d, t))) => (days(fmt, d), days(fmt, t)),
        (_, Some((r, o))) => (fmt.percent(Some(r)), fmt.percent(Some(o))),
        (_, None) => (fmt.percent(None), fmt.percent(None)),
    };
    CheckView {
        key: c.item.key(),
        verdict: c.verdict.key(),
        codes: c.codes.clone(),
        count: fmt.count(c.count),
        rate,
        reference,
    }
}
