//! The legal frame as the layout shows it: size and target, the training
//! accounts, the consultation and its deadlines, points of attention and
//! the checklist.

use super::{DateText, Fmt, Num};
use crate::aggregate::attention::{Attention, Concern, Subject};
use crate::aggregate::deadlines::{Status, Step};
use crate::aggregate::legal::{SizeBand, SizeBasis, TargetSource};
use crate::disclose::{Check, Disclosed, Verdict};
use crate::i18n::Localised;
use crate::model::Body;
use serde::Serialize;

/// The legal chapter's figures and statements.
#[derive(Debug, Clone, Serialize)]
pub struct LegalView {
    /// What the thresholds were applied to.
    pub basis: SizeBasis,
    /// The FTE the thresholds were applied to.
    pub size_fte: Num,
    /// The two-year period the thresholds hold for, "2026–2027".
    pub period: String,
    /// Its reference period, "2024-Q4 – 2025-Q3".
    pub reference: String,
    /// The quarters the size was taken from.
    pub quarters: Vec<QuarterView>,
    /// Active headcount on the reference date.
    pub heads: Num,
    /// The size class by FTE.
    pub band: SizeBand,
    /// The size class by heads.
    pub band_by_heads: SizeBand,
    /// Whether a training plan is required.
    pub mandatory: bool,
    /// Training days per FTE the plan aims at.
    pub target: Num,
    /// Where the target comes from, with `target_source` naming the
    /// agreement when the plan sets it.
    pub target_kind: TargetKind,
    /// The agreement the plan's target comes from, when named.
    pub target_source: Option<String>,
    /// Per joint committee: its target and where it comes from.
    pub committees: Vec<CommitteeView>,
    /// The committees' targets differ but the data does not say who falls
    /// under which: the law's target is used.
    pub committees_unassigned: bool,
    /// The training accounts taken together.
    pub accounts: AccountsView,
    /// The consultation as recorded.
    pub consultation: ConsultationView,
    /// The consultation calendar.
    pub deadlines: Vec<DeadlineView>,
    /// Points of attention this edition can back up.
    pub attention: Vec<AttentionView>,
    /// Groups with members whose participation this edition withholds
    /// (council edition), and so does not assess.
    pub unjudged: Vec<String>,
    /// Groups with a point of attention this edition cannot show.
    pub attention_withheld: Vec<String>,
    /// The legal checklist.
    pub checklist: Vec<CheckView>,
}

/// Where the training-right target comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetKind {
    /// The law's target for the size class.
    Law,
    /// Set in the plan (a sector agreement).
    Plan,
    /// Per joint committee (a sector rule for at least one).
    Committees,
}

/// One joint committee's target.
#[derive(Debug, Clone, Serialize)]
pub struct CommitteeView {
    /// Its number, "200".
    pub committee: String,
    /// Its name, when a sector rule gives it.
    pub name: Option<String>,
    /// Days per FTE in the plan year.
    pub days: Num,
    /// `law`, `rule` or `plan`.
    pub basis: &'static str,
    /// The collective agreement the rule rests on, when named.
    pub agreement: Option<String>,
    /// The page the rule was checked against.
    pub source: Option<String>,
    /// Its host name, for the printed link: "www.sfonds200.be".
    pub source_site: Option<String>,
    /// The day the rule was checked.
    pub verified: Option<DateText>,
    /// Days before the meeting the sector wants the draft sent, when it
    /// differs from the law's 15.
    pub notice_days: Option<u8>,
    /// Whom the sector asks the plan to be sent to.
    pub send_to: Option<String>,
}

/// "2025-Q4".
fn quarter_label((year, quarter): (i16, u8)) -> String {
    format!("{year}-Q{quarter}")
}

/// FTE declared at the end of one quarter.
#[derive(Debug, Clone, Serialize)]
pub struct QuarterView {
    /// `2025-Q4`.
    pub label: String,
    /// The FTE declared.
    pub fte: Num,
}

/// The training accounts taken together.
#[derive(Debug, Clone, Serialize)]
pub struct AccountsView {
    /// Employees with an account.
    pub count: Num,
    /// Accounts with fewer planned days than the entitlement.
    pub below: Num,
    /// Accounts at the entitlement.
    pub at: Num,
    /// Accounts with more planned days than the entitlement.
    pub above: Num,
    /// Days the employees are entitled to.
    pub entitled: Num,
    /// Days planned.
    pub planned: Num,
    /// Days followed.
    pub followed: Num,
    /// The margin around the entitlement that counts as "at" it.
    pub margin: Num,
    /// Days carried over from last year.
    pub carried: Num,
    /// Days of the right not yet followed.
    pub remaining: Num,
    /// Where the carried days come from: `sheet`, `archive`, or `none`
    /// (no balances given), `off` (the plan does not carry over).
    pub carry_source: &'static str,
    /// The archived version they come from, "2026 v3".
    pub carry_version: Option<String>,
    /// The carry-over period the plan year lies in, "2024–2028".
    pub carry_period: Option<String>,
}

/// The consultation as recorded in the plan.
#[derive(Debug, Clone, Serialize)]
pub struct ConsultationView {
    /// Who gives advice.
    pub body: Body,
    /// The day the draft went out.
    pub draft_sent: Option<DateText>,
    /// The meeting that discussed it.
    pub meeting: Option<DateText>,
    /// The day of the advice.
    pub advice_date: Option<DateText>,
    /// The advice, in a few sentences.
    pub advice: Option<String>,
    /// The employer's response to it.
    pub response: Option<String>,
    /// Who fixes the plan for the employer.
    pub approved_by: Option<String>,
    /// The day the plan was fixed.
    pub fixed_on: Option<DateText>,
    /// The day the anonymised copy was uploaded.
    pub uploaded: Option<DateText>,
}

/// One step of the consultation calendar.
#[derive(Debug, Clone, Serialize)]
pub struct DeadlineView {
    /// Which step.
    pub key: Step,
    /// When it is due.
    pub due: DateText,
    /// When it was done, if recorded.
    pub done: Option<DateText>,
    /// Met, missed or open.
    pub status: Status,
}

/// One point of attention.
#[derive(Debug, Clone, Serialize)]
pub struct AttentionView {
    /// `gender` or `risk_group`.
    pub kind: SubjectKind,
    /// The group's code (`female`, `aged_50_plus`).
    pub key: String,
    /// The group's name.
    pub label: String,
    /// What needs attention.
    pub concern: ConcernKind,
    /// The group's participation rate ("–" for a concern without one).
    pub rate: Num,
    /// Everyone's participation rate.
    pub overall: Num,
}

/// What kind of group a point of attention is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SubjectKind {
    /// A gender.
    Gender,
    /// A risk group.
    RiskGroup,
}

/// What a point of attention is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ConcernKind {
    /// The group takes part much less often than everyone.
    LowParticipation,
    /// No training is aimed at the risk group.
    NoTargetedTraining,
}

/// One element of the checklist as this edition states it.
#[derive(Debug, Clone, Serialize)]
pub struct CheckView {
    /// The element's key in the wording (`aged_50_plus`, `gender`).
    pub key: &'static str,
    /// The verdict this edition can back up.
    pub verdict: Verdict,
    /// Codes of trainings concerned.
    pub codes: Vec<String>,
    /// Trainings of the kind, or aimed at the group.
    pub count: Num,
    /// The group's rate, or the lowest low group's; planned days per FTE
    /// for the training right.
    pub rate: Num,
    /// Everyone's rate; the target for the training right.
    pub reference: Num,
    /// Names of the groups this edition does not assess.
    pub withheld: Vec<String>,
    /// Attention for a group whose figures this edition withholds: the
    /// layout says so without figures.
    pub low_withheld: bool,
}

/// The legal chapter of one edition.
pub fn view(disclosed: &Disclosed<'_>, fmt: Fmt<'_>) -> LegalView {
    let public = &disclosed.public;
    let legal = public.legal;
    let a = &public.accounts;
    let s = &disclosed.standings;
    let c = public.consultation;
    let date = |d: Option<jiff::civil::Date>| d.map(|d| fmt.date(d));
    // A draft goes to the advisory body before its advice: whatever
    // plan.toml already records after sending it is not part of the draft.
    let draft = disclosed.versions.stage == crate::model::Stage::Draft;
    let legal_year = public.settings.year;
    let after_draft = |d: Option<jiff::civil::Date>| if draft { None } else { date(d) };
    LegalView {
        basis: legal.basis,
        period: format!("{}–{}", legal.period.0, legal.period.1),
        reference: format!(
            "{}\u{a0}– {}",
            quarter_label(legal.reference[0]),
            quarter_label(legal.reference[3])
        ),
        size_fte: fmt.fte(legal.size_fte),
        quarters: legal
            .quarters
            .iter()
            .map(|q| QuarterView { label: quarter_label((q.year, q.quarter)), fte: fmt.fte(q.fte) })
            .collect(),
        heads: fmt.count(legal.heads),
        band: legal.band,
        band_by_heads: legal.band_by_heads,
        mandatory: legal.mandatory,
        target: days(fmt, legal.target),
        target_kind: match legal.target_source {
            TargetSource::Law => TargetKind::Law,
            TargetSource::Plan(_) => TargetKind::Plan,
            TargetSource::Committees => TargetKind::Committees,
        },
        target_source: match &legal.target_source {
            TargetSource::Plan(source) => source.clone(),
            TargetSource::Law | TargetSource::Committees => None,
        },
        committees: committees(public.settings, &legal.targets, fmt),
        committees_unassigned: legal.targets.unassigned,
        accounts: AccountsView {
            count: fmt.count(a.count),
            below: fmt.count_cell(s.below),
            at: fmt.count_cell(s.at),
            above: fmt.count_cell(s.above),
            entitled: fmt.decimal(a.entitled, 1),
            planned: fmt.decimal(a.planned, 1),
            followed: fmt.decimal(a.followed, 1),
            margin: fmt.decimal(crate::aggregate::accounts::AT_MARGIN_DAYS, 2),
            carried: fmt.decimal(a.carried, 1),
            remaining: fmt.decimal(a.remaining, 1),
            carry_source: match (public.settings.carry_over, public.carry_source) {
                (None, _) => "off",
                (Some(_), None) => "none",
                (Some(_), Some(crate::model::CarrySource::Sheet)) => "sheet",
                (Some(_), Some(crate::model::CarrySource::Archive { .. })) => "archive",
            },
            carry_version: match public.carry_source {
                Some(crate::model::CarrySource::Archive { year, version }) => {
                    Some(format!("{year} v{version}"))
                }
                _ => None,
            },
            carry_period: public
                .settings
                .carry_over
                .and_then(|p| p.period_of(legal_year))
                .map(|(first, last)| format!("{first}–{last}")),
        },
        consultation: ConsultationView {
            body: c.body,
            draft_sent: date(c.draft_sent),
            meeting: date(c.meeting),
            advice_date: after_draft(c.advice_date),
            advice: c.advice.clone().filter(|_| !draft),
            response: c.response.clone().filter(|_| !draft),
            // A person's name: only where personal data may be (the
            // council edition is also the anonymised copy for the FOD WASO).
            approved_by: c.approved_by.clone().filter(|_| disclosed.personal.is_some()),
            fixed_on: after_draft(c.fixed_on),
            uploaded: after_draft(c.uploaded),
        },
        deadlines: public
            .deadlines
            .iter()
            .map(|d| {
                let pending = draft && d.step != Step::DraftSent;
                let (done, status) = if pending { (None, Status::Open) } else { (date(d.done), d.status) };
                // A draft does not know the day the plan will be fixed.
                let due = match d.step {
                    Step::Upload if draft => crate::aggregate::deadlines::upload_due(legal_year, c.in_force),
                    _ => d.due,
                };
                DeadlineView { key: d.step, due: fmt.date(due), done, status }
            })
            .collect(),
        attention: disclosed.verdicts.attention.iter().map(|p| attention(p, fmt)).collect(),
        unjudged: disclosed.verdicts.unassessed.iter().map(|s| label(*s, fmt)).collect(),
        attention_withheld: disclosed.verdicts.attention_withheld.iter().map(|s| label(*s, fmt)).collect(),
        checklist: disclosed.verdicts.checklist.iter().map(|c| check(c, fmt)).collect(),
    }
}

/// Every joint committee's target, and the rule behind it.
fn committees(
    settings: &crate::model::Settings,
    targets: &crate::aggregate::targets::Targets,
    fmt: Fmt<'_>,
) -> Vec<CommitteeView> {
    use crate::aggregate::targets::Basis;
    targets
        .committees
        .iter()
        .map(|t| {
            let rule = match t.basis {
                Basis::Rule(i) => settings.sector_rules.get(i),
                Basis::Law | Basis::Plan => None,
            };
            CommitteeView {
                committee: t.committee.clone(),
                name: rule.map(|r| r.name(settings.language).to_string()),
                days: days(fmt, t.days),
                basis: match t.basis {
                    Basis::Law => "law",
                    Basis::Rule(_) => "rule",
                    Basis::Plan => "plan",
                },
                agreement: rule.and_then(|r| r.agreement.clone()),
                source: rule.map(|r| r.source.clone()),
                source_site: rule.map(|r| site(&r.source)),
                verified: rule.map(|r| fmt.date(r.verified)),
                notice_days: rule.and_then(|r| r.notice_days),
                send_to: rule.and_then(|r| r.send_to.clone()),
            }
        })
        .collect()
}

/// The host of a web address: "https://www.sfonds200.be/nl/…" gives
/// "www.sfonds200.be".
fn site(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    rest.split('/').next().unwrap_or(rest).to_string()
}

/// Days with one decimal, or none when whole: "5", "1,5".
/// A weighted target ("4,58") keeps two decimals, so that it is not read
/// as the planned "4,6" beside it.
pub fn days(fmt: Fmt<'_>, x: f64) -> Num {
    let tenths = (x * 10.0 - (x * 10.0).round()).abs() < 1e-9;
    fmt.decimal(
        x,
        if x.fract() == 0.0 {
            0
        } else if tenths {
            1
        } else {
            2
        },
    )
}

/// A group's name in the plan's language.
fn label(subject: Subject, fmt: Fmt<'_>) -> String {
    let labels = &fmt.strings.labels;
    match subject {
        Subject::Gender(g) => g.label(labels).to_string(),
        Subject::RiskGroup(r) => r.label(labels).to_string(),
    }
}

fn attention(p: &Attention, fmt: Fmt<'_>) -> AttentionView {
    let (kind, key) = match p.subject {
        Subject::Gender(g) => (SubjectKind::Gender, super::code(g)),
        Subject::RiskGroup(r) => (SubjectKind::RiskGroup, super::code(r)),
    };
    let (concern, rate, overall) = match p.concern {
        Concern::LowParticipation { rate, overall } => {
            (ConcernKind::LowParticipation, Some(rate), Some(overall))
        }
        Concern::NoTargetedTraining => (ConcernKind::NoTargetedTraining, None, None),
    };
    AttentionView {
        kind,
        key,
        label: label(p.subject, fmt),
        concern,
        rate: fmt.percent(rate),
        overall: fmt.percent(overall),
    }
}

fn check(c: &Check, fmt: Fmt<'_>) -> CheckView {
    // The training right compares days per FTE, the others participation
    // rates: the lowest group below the threshold, else the first group.
    let (rate, reference) = match c.days {
        Some((planned, target)) => (fmt.decimal(planned, 1), days(fmt, target)),
        None => {
            let group = c
                .groups
                .iter()
                .filter(|g| g.low)
                .min_by(|a, b| a.rate.unwrap_or(0.0).total_cmp(&b.rate.unwrap_or(0.0)))
                .or(c.groups.first());
            match group {
                Some(g) => (fmt.percent(g.rate), fmt.percent(g.overall)),
                None => (fmt.percent(None), fmt.percent(None)),
            }
        }
    };
    CheckView {
        key: c.item.key(),
        verdict: c.verdict,
        codes: c.codes.clone(),
        count: fmt.count(c.count),
        rate,
        reference,
        withheld: c.withheld.iter().map(|s| label(*s, fmt)).collect(),
        low_withheld: c.low_withheld,
    }
}
