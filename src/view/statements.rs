//! Personal statements: each employee's training account for the plan
//! year, one page each, worded for the employee. Only the internal edition
//! has them (see `crate::outputs::statements`).

use super::{DateText, Fmt, Num};
use crate::disclose::Disclosed;
use crate::i18n::Localised;
use crate::model::Language;
use serde::Serialize;

/// Trainings listed on one statement; more would not fit its page, and
/// the rest are counted in one line.
pub const TRAININGS_PER_STATEMENT: usize = 18;

/// Every statement of a plan, with what the layout needs around them.
#[derive(Debug, Clone, Serialize)]
pub struct StatementsView {
    /// The plan's language, where the layout's theme looks for it.
    pub meta: StatementsMeta,
    /// The plan year.
    pub year: i16,
    /// The organisation's name.
    pub organisation: String,
    /// Its joint committees.
    pub joint_committees: Vec<String>,
    /// Days per FTE of the individual right (the plan's, a weighted mean
    /// when joint committees differ: each statement gives its own days).
    pub target: Num,
    /// Hours in a training day.
    pub hours_per_day: Num,
    /// The carry-over period of the plan year, "2024–2028"; `None` when
    /// days do not carry over.
    pub carry_period: Option<String>,
    /// The date the statements carry (the plan's).
    pub date: DateText,
    /// All wording of the plan's language.
    pub strings: serde_json::Value,
    /// The plan's colours, font and logos (the layout's theme reads them).
    pub branding: super::branding::BrandingView,
    /// One per employee employed in the plan year, in the workbook's order.
    pub statements: Vec<StatementView>,
}

/// About the statements as a document.
#[derive(Debug, Clone, Serialize)]
pub struct StatementsMeta {
    /// The plan's language.
    pub language: crate::model::Language,
}

/// One employee's statement.
#[derive(Debug, Clone, Serialize)]
pub struct StatementView {
    /// Personnel number.
    pub id: String,
    /// Name, when the workbook gives one.
    pub name: Option<String>,
    /// Work regime as a share of full time, "80%".
    pub regime: Num,
    /// Part of the year employed, "100%".
    pub employed: Num,
    /// Days the employee is entitled to this year.
    pub entitled: Num,
    /// Days carried over from last year.
    pub carried: Num,
    /// The employee's joint committee, when the workbook gives it.
    pub committee: Option<String>,
    /// The employee's days per FTE (their committee's).
    pub target: Num,
    /// Days planned.
    pub planned: Num,
    /// Days followed.
    pub followed: Num,
    /// Days still open.
    pub remaining: Num,
    /// The employee's trainings (at most [`TRAININGS_PER_STATEMENT`]).
    pub trainings: Vec<StatementTraining>,
    /// Trainings beyond those listed.
    pub more: usize,
}

/// One training on a statement.
#[derive(Debug, Clone, Serialize)]
pub struct StatementTraining {
    /// Its title.
    pub title: String,
    /// Formal, informal or initial, in words.
    pub kind: String,
    /// Hours.
    pub hours: Num,
    /// Planned, followed or cancelled, in words.
    pub status: String,
    /// Whether it counts towards the training right.
    pub counts: bool,
}

/// The languages the statements are written in: the plan's first, then
/// those the workbook gives for some employees.
pub fn languages(disclosed: &Disclosed<'_>) -> Vec<Language> {
    let plan = disclosed.public.settings.language;
    let mut found = vec![plan];
    if let Some(personal) = &disclosed.personal {
        for a in personal.accounts {
            let language = personal.employees[a.employee].language.unwrap_or(plan);
            if !found.contains(&language) {
                found.push(language);
            }
        }
    }
    found
}

/// The statements of the internal edition written in `language` (`fmt`
/// speaks it): those of the employees whose language it is, or who have
/// none and it is the plan's; `None` in the council edition.
pub fn view(disclosed: &Disclosed<'_>, language: Language, fmt: Fmt<'_>) -> Option<StatementsView> {
    let personal = disclosed.personal.as_ref()?;
    let public = &disclosed.public;
    let settings = public.settings;
    let labels = &fmt.strings.labels;
    let statements = personal
        .accounts
        .iter()
        .filter(|a| personal.employees[a.employee].language.unwrap_or(settings.language) == language)
        .map(|a| {
            let e = &personal.employees[a.employee];
            let mine: Vec<_> = personal.registrations.iter().filter(|p| p.employee == a.employee).collect();
            let trainings = mine
                .iter()
                .take(TRAININGS_PER_STATEMENT)
                .map(|p| {
                    let t = &public.trainings[p.training];
                    let counts = p.counts()
                        && (t.kind != crate::model::TrainingKind::Initial || settings.count_initial_training);
                    StatementTraining {
                        title: t.title.clone(),
                        kind: t.kind.label(labels).to_string(),
                        hours: fmt.hours(p.hours),
                        status: p.status.label(labels).to_string(),
                        counts,
                    }
                })
                .collect();
            StatementView {
                id: e.id.clone(),
                name: e.name.clone(),
                regime: fmt.percent(Some(e.fte.get())),
                employed: fmt.percent(Some(a.employed_share)),
                entitled: fmt.decimal(a.entitled, 1),
                carried: fmt.decimal(a.carried, 1),
                committee: e.joint_committee.clone(),
                target: super::legal::days(fmt, public.legal.targets.per_employee[a.employee]),
                planned: fmt.decimal(a.planned, 1),
                followed: fmt.decimal(a.followed, 1),
                remaining: fmt.decimal(a.remaining, 1),
                trainings,
                more: mine.len().saturating_sub(TRAININGS_PER_STATEMENT),
            }
        })
        .collect();
    Some(StatementsView {
        meta: StatementsMeta { language },
        year: settings.year,
        organisation: public.organisation.name.clone(),
        joint_committees: public.organisation.joint_committees.clone(),
        target: super::legal::days(fmt, public.legal.target),
        hours_per_day: fmt.decimal(settings.hours_per_day, 1),
        carry_period: settings
            .carry_over
            .and_then(|p| p.period_of(settings.year))
            .map(|(first, last)| format!("{first}–{last}")),
        date: fmt.date(settings.metadata_date()),
        strings: fmt.strings.for_layout.clone(),
        branding: super::branding::view(public.branding),
        statements,
    })
}
