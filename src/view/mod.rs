//! The view: every figure and text of the plan, formatted for its
//! language, as one serialisable value. The Typst layout receives it as
//! JSON (`/data.json`); the XLSX annex reads the same struct; it is also
//! written beside the PDF.

mod detail;
mod num;
mod participation;
mod trainings;
mod workforce;

pub use detail::{Detail, ParticipationDetail, detail};
pub use num::{DateText, Fmt, Num};
pub use participation::{GroupRow, ParticipationSection, ParticipationView};
pub use trainings::{GoalView, KindRow, TrainingGroup, TrainingRightView, TrainingRow, TrainingsView};
pub use workforce::{AgeRow, CountRow, RiskGroupRow, WorkforceView};

use crate::aggregate::Figures;
use crate::i18n::Language;
use crate::model::Plan;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct PlanView {
    pub meta: Meta,
    /// All wording of the plan's language (the layout looks texts up here).
    pub strings: serde_json::Value,
    pub organisation: OrganisationView,
    pub workforce: WorkforceView,
    pub risk_groups: Vec<RiskGroupRow>,
    pub strategy: StrategyView,
    pub trainings: TrainingsView,
    pub training_right: TrainingRightView,
    pub participation: ParticipationView,
    pub quality: QualityView,
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
    pub goals: Vec<GoalView>,
}

pub const GENERATOR: &str = concat!("opleidingsplan ", env!("CARGO_PKG_VERSION"));

pub fn build(plan: &Plan, figures: &Figures) -> PlanView {
    let strings = plan.settings.language.strings();
    let fmt = Fmt::new(strings);
    let settings = &plan.settings;
    let title = strings.document.title.replace("{year}", &settings.year.to_string());
    PlanView {
        meta: Meta {
            language: settings.language,
            year: settings.year,
            title,
            reference_date: fmt.date(settings.reference_date),
            document_date: settings.document_date.map(|d| fmt.date(d)),
            hours_per_day: fmt.decimal(settings.hours_per_day, 1),
            generator: GENERATOR.to_string(),
        },
        strings: strings.for_layout.clone(),
        organisation: organisation(plan),
        workforce: workforce::view(plan, figures, fmt),
        risk_groups: workforce::risk_groups(plan, figures, fmt),
        strategy: StrategyView {
            mission: plan.strategy.mission.clone(),
            vision: plan.strategy.vision.clone(),
            learning_vision: plan.strategy.learning_vision.clone(),
            goals: trainings::goals(plan, figures, fmt),
        },
        trainings: trainings::view(plan, figures, fmt),
        training_right: trainings::training_right(figures, fmt),
        participation: participation::view(plan, figures, fmt),
        quality: QualityView {
            age_unknown: fmt.count(figures.workforce.age_unknown.iter().map(|c| c.heads).sum()),
            nationality_unknown: fmt.count(figures.workforce.nationality_unknown.heads),
        },
    }
}

fn organisation(plan: &Plan) -> OrganisationView {
    let o = &plan.organisation;
    let consultation_body = if o.works_council {
        "works_council"
    } else if o.union_delegation {
        "union_delegation"
    } else {
        "employees"
    };
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
