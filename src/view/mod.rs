//! The view: every figure and text of the plan, formatted for its
//! language, as one serialisable value. The Typst layout receives it as
//! JSON (`/data.json`); the XLSX annex reads the same struct; it is also
//! written beside the PDF.

mod annual;
mod balance;
pub mod branding;
mod comparison;
mod detail;
mod legal;
mod num;
mod participation;
mod trainings;
mod workforce;

pub use annual::{AmountRow, AnnualView, BudgetView, CalendarRow, PillarRow, ShareRow, SupplierRow};
pub use balance::{BalanceRow, ReadinessView, SocialBalanceView};
pub use comparison::not_compared;
pub use detail::{AccountDetail, Detail, ParticipationDetail, detail};
pub use legal::{CheckView, LegalView};
pub use num::{DateText, Fmt, Num, Status};
pub use participation::{GroupRow, ParticipationSection, ParticipationView};
pub use trainings::{GoalView, KindRow, TrainingGroup, TrainingRightView, TrainingRow, TrainingsView};
pub use workforce::{AgeView, CountRow, FlowView, RiskGroupRow, WorkforceView};

use crate::disclose::{Disclosed, Public};
use crate::model::Language;
use crate::model::{Body, Edition};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct PlanView {
    pub meta: Meta,
    /// All wording of the plan's language (the layout looks texts up here).
    pub strings: serde_json::Value,
    pub organisation: OrganisationView,
    pub legal: LegalView,
    pub workforce: WorkforceView,
    pub risk_groups: Vec<RiskGroupRow>,
    pub strategy: StrategyView,
    pub trainings: TrainingsView,
    pub training_right: TrainingRightView,
    pub participation: ParticipationView,
    pub annual: AnnualView,
    pub social_balance: SocialBalanceView,
    /// `null` when the plan does not take the readiness check.
    pub readiness: Option<ReadinessView>,
    pub quality: QualityView,
    pub branding: branding::BrandingView,
    /// Files embedded in the PDF (PDF/A-3 associated files); filled in by
    /// the renderer, which has them.
    pub attachments: Vec<AttachmentView>,
    /// This year beside last year, when the archive holds last year's plan.
    pub comparison: Option<comparison::ComparisonView>,
    /// Why last year's archived plan is not compared with, though it is
    /// there; `null` otherwise.
    pub comparison_note: Option<String>,
}

/// A file the layout embeds in the PDF with `pdf.attach`.
#[derive(Debug, Clone, Serialize)]
pub struct AttachmentView {
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
}

#[derive(Debug, Clone, Serialize)]
pub struct Meta {
    pub language: Language,
    pub year: i16,
    pub title: String,
    pub reference_date: DateText,
    pub document_date: Option<DateText>,
    pub hours_per_day: Num,
    pub generator: String,
    pub edition: Edition,
    /// Groups smaller than this are hidden; `null` in the internal edition.
    pub min_group_size: Option<u32>,
    /// Tables withheld whole (`age_and_gender`, `departments`, ...): too
    /// small to show without giving a small group away.
    pub withheld_tables: Vec<crate::disclose::Table>,
}

#[derive(Debug, Clone, Serialize)]
pub struct OrganisationView {
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
pub struct StrategyView {
    pub mission: Option<String>,
    pub vision: Option<String>,
    pub learning_vision: Option<String>,
    pub stakeholders: Option<String>,
    pub needs: NeedsView,
    pub goals: Vec<GoalView>,
    pub communication: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct NeedsView {
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

pub const GENERATOR: &str = concat!("opleidingsplan ", env!("CARGO_PKG_VERSION"));

/// The view of one edition: its figures formatted and its wording.
pub fn build(disclosed: &Disclosed<'_>) -> PlanView {
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
            document_date: settings.document_date.map(|d| fmt.date(d)),
            hours_per_day: fmt.decimal(settings.hours_per_day, 1),
            generator: GENERATOR.to_string(),
            edition: disclosed.edition,
            min_group_size: disclosed.min_group_size,
            withheld_tables: disclosed.withheld_tables.clone(),
        },
        strings: strings.for_layout.clone(),
        organisation: organisation(public),
        workforce: workforce::view(disclosed, fmt),
        risk_groups: workforce::risk_groups(disclosed, fmt),
        strategy: strategy(public, fmt),
        trainings: trainings::view(public, fmt),
        training_right: trainings::training_right(public, fmt),
        participation: participation::view(disclosed, fmt),
        annual: annual::view(disclosed, fmt),
        social_balance: balance::social_balance(disclosed, fmt),
        readiness: public.readiness.map(|scores| balance::readiness(scores, fmt)),
        legal: legal::view(disclosed, fmt),
        branding: branding::view(public.branding),
        attachments: Vec::new(),
        quality: QualityView {
            age_unknown: fmt.count_cell(disclosed.workforce.age_unknown_heads()),
            nationality_unknown: fmt.count_cell(disclosed.workforce.nationality_unknown),
        },
        comparison: disclosed.comparison.as_ref().map(|c| comparison::view(c, fmt)),
        comparison_note: disclosed
            .not_compared
            .as_ref()
            .map(|n| comparison::not_compared(n, settings.year, fmt)),
    }
}

fn strategy(public: &Public<'_>, fmt: Fmt<'_>) -> StrategyView {
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
        goals: trainings::goals(public, fmt),
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
