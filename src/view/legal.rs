//! The legal frame as the layout shows it: size and target, the training
//! accounts, the consultation and its deadlines, points of attention and
//! the checklist.

use super::{DateText, Disclosure, Fmt, Num};
use crate::aggregate::Figures;
use crate::aggregate::attention::{Concern, Subject};
use crate::aggregate::compliance::{Check, Item};
use crate::aggregate::deadlines::Status;
use crate::aggregate::legal::{SizeBasis, TargetSource};
use crate::i18n::Localised;
use crate::model::{Gender, Plan, RiskGroup};
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
    /// Groups whose participation this edition does not judge, because
    /// they are smaller than the minimum group size (council edition).
    pub unjudged: Vec<String>,
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

pub fn view(plan: &Plan, figures: &Figures, fmt: Fmt<'_>, shown: &Disclosure) -> LegalView {
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
            below: shown.count(fmt, a.below, shown.accounts[0]),
            at: shown.count(fmt, a.at, shown.accounts[1]),
            above: shown.count(fmt, a.above, shown.accounts[2]),
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
        attention: figures
            .attention
            .iter()
            .filter(|p| matches!(p.concern, Concern::NoTargetedTraining) || shown.shows(p.subject))
            .map(|p| attention(p, fmt))
            .collect(),
        unjudged: unjudged(figures, fmt, shown),
        checklist: checklist(plan, figures, shown).iter().map(|c| check(c, figures, fmt, shown)).collect(),
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

fn unjudged(figures: &Figures, fmt: Fmt<'_>, shown: &Disclosure) -> Vec<String> {
    let labels = &fmt.strings.labels;
    let genders = Gender::ALL.iter().map(|&g| (Subject::Gender(g), g.label(labels)));
    let risks = RiskGroup::ALL.iter().map(|&r| (Subject::RiskGroup(r), r.label(labels)));
    let participation = &figures.participation;
    genders
        .chain(risks)
        .zip(participation.by_gender.iter().chain(&participation.by_risk_group))
        .filter(|((subject, _), group)| group.heads > 0 && !shown.shows(*subject))
        .map(|((_, label), _)| label.to_string())
        .collect()
}

/// The checklist as this edition may show it: the full one, or one that does
/// not judge the participation of hidden groups.
fn checklist(plan: &Plan, figures: &Figures, shown: &Disclosure) -> Vec<Check> {
    if shown.min_group_size.is_none() {
        return figures.compliance.clone();
    }
    crate::aggregate::compliance::checklist(plan, figures, &|subject| shown.shows(subject))
}

fn check(c: &Check, figures: &Figures, fmt: Fmt<'_>, shown: &Disclosure) -> CheckView {
    let hidden = matches!(c.item, Item::RiskGroup(r) if !shown.shows(Subject::RiskGroup(r)));
    let (rate, reference) = match (c.item, c.rates) {
        // The training right compares days per FTE, the others participation rates.
        (Item::TrainingRight, Some((d, t))) => (days(fmt, d), days(fmt, t)),
        (_, Some((r, o))) => (fmt.percent(Some(r)), fmt.percent(Some(o))),
        (_, None) if hidden => (fmt.hidden(), fmt.percent(figures.participation.overall.rate())),
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
