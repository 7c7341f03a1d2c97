//! The view: every figure and text of the plan, formatted for its
//! language, as one serialisable value. The Typst layout receives it as
//! JSON (`/data.json`); the XLSX annex reads the same struct; it is also
//! written beside the PDF.

mod annual;
mod balance;
pub mod branding;
mod comparison;
mod detail;
mod disclosure;
mod legal;
mod num;
mod participation;
mod trainings;
mod workforce;

pub use annual::{AmountRow, AnnualView, BudgetView, CalendarRow, PillarRow, ShareRow, SupplierRow};
pub use balance::{BalanceRow, ReadinessView, SocialBalanceView};
pub use detail::{AccountDetail, Detail, ParticipationDetail, detail};
pub use disclosure::{Disclosure, GroupMasks};
pub use legal::{CheckView, LegalView};
pub use num::{DateText, Fmt, Num};
pub use participation::{GroupRow, ParticipationSection, ParticipationView};
pub use trainings::{GoalView, KindRow, TrainingGroup, TrainingRightView, TrainingRow, TrainingsView};
pub use workforce::{AgeRow, CountRow, FlowView, RiskGroupRow, WorkforceView};

use crate::aggregate::Figures;
use crate::archive::previous::PreviousYear;
use crate::model::Language;
use crate::model::{Edition, Plan};
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
    pub consultation_body: &'static str,
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

/// The view of one edition; `previous` is last year's archived data of the
/// same edition, for the comparison chapter.
pub fn build(plan: &Plan, figures: &Figures, edition: Edition, previous: Option<&PreviousYear>) -> PlanView {
    let strings = plan.settings.language.strings();
    let fmt = Fmt::new(strings);
    let settings = &plan.settings;
    let shown = &Disclosure::new(edition, settings.min_group_size, figures);
    let title = title(settings);
    let mut view = PlanView {
        meta: Meta {
            language: settings.language,
            year: settings.year,
            title,
            reference_date: fmt.date(settings.reference_date),
            document_date: settings.document_date.map(|d| fmt.date(d)),
            hours_per_day: fmt.decimal(settings.hours_per_day, 1),
            generator: GENERATOR.to_string(),
            edition,
            min_group_size: shown.min_group_size,
        },
        strings: strings.for_layout.clone(),
        organisation: organisation(plan),
        workforce: workforce::view(plan, figures, fmt, shown),
        risk_groups: workforce::risk_groups(plan, figures, fmt, shown),
        strategy: StrategyView {
            mission: plan.strategy.mission.clone(),
            vision: plan.strategy.vision.clone(),
            learning_vision: plan.strategy.learning_vision.clone(),
            stakeholders: plan.strategy.stakeholders.clone(),
            needs: NeedsView {
                individual: plan.strategy.needs.individual.clone(),
                team: plan.strategy.needs.team.clone(),
                organisation: plan.strategy.needs.organisation.clone(),
            },
            goals: trainings::goals(plan, figures, fmt),
            communication: plan.strategy.communication.clone(),
        },
        trainings: trainings::view(plan, figures, fmt),
        training_right: trainings::training_right(figures, fmt),
        participation: participation::view(plan, figures, fmt, shown),
        annual: annual::view(plan, figures, fmt, shown),
        social_balance: balance::social_balance(figures, fmt, shown),
        readiness: figures.readiness.as_deref().map(|scores| balance::readiness(scores, fmt)),
        legal: legal::view(plan, figures, fmt, shown),
        branding: branding::view(&plan.branding),
        attachments: Vec::new(),
        quality: QualityView {
            age_unknown: shown.count(
                fmt,
                figures.workforce.age_unknown.iter().map(|c| c.heads).sum(),
                shown.age.row_totals.last().copied().unwrap_or(false),
            ),
            nationality_unknown: shown.count(
                fmt,
                figures.workforce.nationality_unknown.heads,
                shown.nationality_unknown,
            ),
        },
        comparison: None,
    };
    view.comparison = previous.map(|p| comparison::view(&view, p, fmt));
    view
}

fn organisation(plan: &Plan) -> OrganisationView {
    let o = &plan.organisation;
    let consultation_body = plan.consultation.body.key();
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
