//! The view: every figure and text of the plan, formatted for its
//! language, as one serialisable value. The Typst layout receives it as
//! JSON (`/data.json`); the XLSX annex reads the same struct; it is also
//! written beside the PDF.

mod annual;
mod balance;
pub(crate) mod branding;
mod comparison;
mod detail;
mod gap;
pub(crate) mod legal;
mod needs;
mod num;
mod participation;
pub(crate) mod statements;
pub mod todo;
mod trainings;
mod versions;
mod workforce;

pub(crate) use annual::AnnualView;
pub(crate) use balance::{ReadinessView, SocialBalanceView};
pub(crate) use comparison::not_compared;
pub(crate) use detail::AccountDetail;
pub use detail::Detail;
pub(crate) use detail::detail;
pub(crate) use legal::LegalView;
pub use num::Num;
pub(crate) use num::{DateText, Fmt, Status};
pub use participation::{GroupRow, ParticipationSection, ParticipationView};
pub(crate) use trainings::{GoalView, TrainingRightView, TrainingsView};
pub use versions::{RevisionView, VersionsView, revision_view, stage_name};
pub use workforce::{AgeView, CountRow, RiskGroupRow, WorkforceView};

use crate::disclose::{Disclosed, Public};
use crate::model::Language;
use crate::model::{Body, Edition};
use serde::Serialize;

/// One edition of the plan as the layout shows it: every figure formatted
/// and worded in the plan's language. The layout reads it as
/// `/data.json`.
#[derive(Debug, Clone, Serialize)]
pub struct PlanView {
    /// About the document: year, language, edition, dates and what it
    /// withholds.
    pub meta: Meta,
    /// All wording of the plan's language (the layout looks texts up here).
    pub(crate) strings: serde_json::Value,
    pub(crate) organisation: OrganisationView,
    pub(crate) legal: LegalView,
    /// How far the accounts fall short, and who is furthest below.
    pub(crate) gap: gap::GapView,
    /// Training needs from certificates and competences.
    pub(crate) needs: needs::NeedsView,
    /// The workforce on the reference date, by gender, age band, department,
    /// statute and education.
    pub workforce: WorkforceView,
    /// The risk groups, in the order of `RiskGroup::ALL`.
    pub risk_groups: Vec<RiskGroupRow>,
    pub(crate) strategy: StrategyView,
    pub(crate) trainings: TrainingsView,
    pub(crate) training_right: TrainingRightView,
    /// Who takes part in training, overall and per gender, age band and risk
    /// group.
    pub participation: ParticipationView,
    pub(crate) annual: AnnualView,
    pub(crate) social_balance: SocialBalanceView,
    /// `null` when the plan does not take the readiness check.
    pub(crate) readiness: Option<ReadinessView>,
    pub(crate) quality: QualityView,
    pub(crate) branding: branding::BrandingView,
    /// Files embedded in the PDF (PDF/A-3 associated files); filled in by
    /// the renderer, which has them.
    pub(crate) attachments: Vec<AttachmentView>,
    /// This year beside last year, when the archive holds last year's plan.
    pub(crate) comparison: Option<comparison::ComparisonView>,
    /// Why last year's archived plan is not compared with, though it is
    /// there; `null` otherwise.
    pub(crate) comparison_note: Option<String>,
}

/// A file the layout embeds in the PDF with `pdf.attach`.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct AttachmentView {
    /// Its virtual path, which is also its name in the PDF.
    pub path: String,
    pub mime: &'static str,
    /// `source`, `supplement`, `data`, ...
    pub relationship: &'static str,
    pub description: String,
}

/// How complete the data behind the figures is; the layout adds a note
/// wherever a figure rests on incomplete data.
#[derive(Debug, Clone, Serialize)]
pub struct QualityView {
    /// Active employees with neither a birth date nor an age.
    pub age_unknown: Num,
    /// Active employees without a nationality.
    pub nationality_unknown: Num,
    /// Rows of the data left out by the plan's rules or for a problem.
    pub left_out: Num,
}

/// About the document rather than the organisation: its year, language,
/// edition and dates, and what the edition withholds.
#[derive(Debug, Clone, Serialize)]
pub struct Meta {
    pub(crate) language: Language,
    pub(crate) year: i16,
    pub(crate) title: String,
    pub(crate) reference_date: DateText,
    /// The plan's date: `[plan] date`, else SOURCE_DATE_EPOCH, else the
    /// reference date; the same date as the PDF's and the manifest's.
    pub(crate) document_date: Option<DateText>,
    pub(crate) hours_per_day: Num,
    pub(crate) generator: String,
    pub(crate) edition: Edition,
    /// Groups smaller than this are hidden; `null` in the internal edition.
    pub min_group_size: Option<u32>,
    /// Tables withheld whole (`age_and_gender`, `departments`, ...): too
    /// small to show without giving a small group away.
    pub(crate) withheld_tables: Vec<crate::disclose::Table>,
    /// The plan's participation rule as printed, "80%".
    pub(crate) participation_rule: String,
    /// Draft or final, the version number and the version history.
    pub(crate) versions: VersionsView,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct OrganisationView {
    pub name: String,
    pub enterprise_number: String,
    pub registered_office: Option<String>,
    pub joint_committees: Vec<String>,
    pub works_council: bool,
    pub union_delegation: bool,
    /// Who advises on the plan: `works_council`, `union_delegation` or `employees`.
    pub consultation_body: Body,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct StrategyView {
    pub mission: Option<String>,
    pub vision: Option<String>,
    pub learning_vision: Option<String>,
    pub stakeholders: Option<String>,
    pub needs: NeedsView,
    pub goals: Vec<GoalView>,
    pub communication: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct NeedsView {
    pub individual: Option<String>,
    pub team: Option<String>,
    pub organisation: Option<String>,
}

/// A code's name as the layout and the JSON know it (`aged_50_plus`).
pub fn code<T: Serialize>(value: T) -> String {
    serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

/// "Opleidingsplan 2027" in the plan's language.
pub fn title(settings: &crate::model::Settings) -> String {
    settings.language.strings().document.title.replace("{year}", &settings.year.to_string())
}

pub(crate) const GENERATOR: &str = concat!("opleidingsplan ", env!("CARGO_PKG_VERSION"));

/// The view of one edition: its figures formatted and its wording.
pub(crate) fn build(disclosed: &Disclosed<'_>) -> PlanView {
    let public = &disclosed.public;
    let settings = public.settings;
    let strings = settings.language.strings();
    let fmt = Fmt::new(strings, disclosed.min_group_size);
    let title = title(settings);
    PlanView {
        meta: Meta {
            language: settings.language,
            year: settings.year,
            title,
            reference_date: fmt.date(settings.reference_date),
            document_date: Some(fmt.date(settings.metadata_date())),
            hours_per_day: fmt.decimal(settings.hours_per_day, 1),
            generator: GENERATOR.to_string(),
            edition: disclosed.edition,
            min_group_size: disclosed.min_group_size,
            withheld_tables: disclosed.withheld_tables.clone(),
            participation_rule: strings.number.percent(settings.participation_rule, 0),
            versions: versions::view(&disclosed.versions, settings.metadata_date(), fmt),
        },
        strings: strings.for_layout.clone(),
        organisation: organisation(public),
        workforce: workforce::view(disclosed, fmt),
        risk_groups: workforce::risk_groups(disclosed, fmt),
        strategy: strategy(disclosed, fmt),
        trainings: trainings::view(disclosed, fmt),
        training_right: trainings::training_right(disclosed, fmt),
        participation: participation::view(disclosed, fmt),
        annual: annual::view(disclosed, fmt),
        social_balance: balance::social_balance(disclosed, fmt),
        readiness: public.readiness.map(|scores| balance::readiness(scores, fmt)),
        legal: legal::view(disclosed, fmt),
        gap: gap::view(disclosed, fmt),
        needs: needs::view(disclosed, fmt),
        branding: branding::view(public.branding),
        attachments: Vec::new(),
        quality: QualityView {
            age_unknown: fmt.count_cell(disclosed.workforce.age_unknown_heads()),
            nationality_unknown: fmt.count_cell(disclosed.workforce.nationality_unknown),
            left_out: fmt.count(public.left_out),
        },
        comparison: disclosed.comparison.as_ref().map(|c| comparison::view(c, fmt)),
        comparison_note: disclosed
            .not_compared
            .as_ref()
            .map(|n| comparison::not_compared(n, settings.year, fmt)),
    }
}

fn strategy(disclosed: &Disclosed<'_>, fmt: Fmt<'_>) -> StrategyView {
    let public = &disclosed.public;
    let s = public.strategy;
    StrategyView {
        mission: s.mission.clone(),
        vision: s.vision.clone(),
        learning_vision: s.learning_vision.clone(),
        stakeholders: s.stakeholders.clone(),
        needs: NeedsView {
            individual: s.needs.individual.clone(),
            team: s.needs.team.clone(),
            organisation: s.needs.organisation.clone(),
        },
        goals: trainings::goals(disclosed, fmt),
        communication: s.communication.clone(),
    }
}

fn organisation(public: &Public<'_>) -> OrganisationView {
    let o = public.organisation;
    let consultation_body = public.consultation.body;
    OrganisationView {
        name: o.name.clone(),
        enterprise_number: o.enterprise_number.to_string(),
        registered_office: o.registered_office.clone(),
        joint_committees: o.joint_committees.clone(),
        works_council: o.works_council,
        union_delegation: o.union_delegation,
        consultation_body,
    }
}
