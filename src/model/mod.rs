//! The validated plan: what import produces and aggregation consumes.
//!
//! Everything here has passed validation, so the rest of the pipeline never
//! re-checks user data: an `Fte` is in (0, 1], a participation points at an
//! existing employee and training, an enterprise number has valid check digits.

mod age;
mod annual;
mod branding;
mod carry_over;
mod consultation;
mod costs;
mod country;
mod edition;
mod employee;
mod enterprise_number;
mod language;
pub mod needs;
pub mod readiness;
mod sector;
mod stage;
mod training;

pub(crate) use age::{AgeBand, AgeBands, age_on};
pub(crate) use annual::{Action, ActionGroup, AnnualPlan, Role};
pub(crate) use branding::{Asset, AssetKind, Branding, PreparedBy};
pub(crate) use carry_over::{Balance, CarryOver, CarryOverPeriod, CarrySource};
pub(crate) use consultation::{Body, Consultation};
pub(crate) use costs::Costs;
pub(crate) use country::{Country, Nationality, NationalityText};
pub use edition::Edition;
pub(crate) use edition::EditionChoice;
#[cfg(test)]
pub(crate) use employee::employee_fixture;
pub use employee::{Birth, EducationLevel, Employee, Statute, Wage};
pub(crate) use employee::{Fte, Gender};
pub use enterprise_number::EnterpriseNumber;
pub use language::Language;
pub(crate) use readiness::Readiness;
pub use sector::{RuleOrigin, SectorRule, committee_number};
pub use stage::{Stage, VersionRecord};
pub use training::RiskGroup;
pub(crate) use training::{Participation, ParticipationStatus, Pillar, Training, TrainingKind};

use jiff::civil::Date;

/// One employer's plan for one year: settings, strategy and the imported data.
#[derive(Debug, Clone)]
pub struct Plan {
    pub(crate) organisation: Organisation,
    /// The year, language, reference date and other settings of `plan.toml`.
    pub settings: Settings,
    pub(crate) strategy: Strategy,
    pub(crate) annual: AnnualPlan,
    pub(crate) consultation: Consultation,
    /// `None` when the plan does not take the readiness check.
    pub(crate) readiness: Option<Readiness>,
    pub(crate) branding: Branding,
    /// The employees sheet, in its order; participations refer to an
    /// employee by its index here.
    pub employees: Vec<Employee>,
    pub(crate) trainings: Vec<Training>,
    pub(crate) participations: Vec<Participation>,
    /// FTE declared to the social security office at the end of each
    /// quarter, when the workbook gives them.
    pub(crate) quarterly_fte: Vec<QuarterFte>,
    /// Rows of the data left out, by the sheets' exclusion rules or for a
    /// problem (`invalid_rows = "exclude"`): every one listed by `check`.
    pub(crate) left_out: u32,
    /// Risk groups whose membership the data does not record (no
    /// disability column, say): their figures are unknown, never zero.
    pub(crate) unrecorded: Vec<RiskGroup>,
    /// Days of the individual training right carried over from last year,
    /// from the workbook's balance sheet or the archived plan; `None` when
    /// neither gives them.
    pub(crate) carry_over: Option<CarryOver>,
    /// Certificates and competences required, held and wanted, when the
    /// workbook gives them.
    pub(crate) needs: needs::TrainingNeeds,
}

/// FTE declared to the RSZ/ONSS at the end of one quarter.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct QuarterFte {
    pub year: i16,
    /// 1-4.
    pub quarter: u8,
    pub fte: f64,
}

#[derive(Debug, Clone)]
pub(crate) struct Organisation {
    pub name: String,
    pub enterprise_number: EnterpriseNumber,
    pub registered_office: Option<String>,
    pub joint_committees: Vec<String>,
    pub works_council: bool,
    pub union_delegation: bool,
}

/// How the plan is made: its year and language, the day the workforce is
/// counted, the training-right target and the minimum group size of the
/// council edition.
#[derive(Debug, Clone)]
pub struct Settings {
    pub(crate) year: i16,
    pub(crate) language: Language,
    /// The day on which the workforce is counted (default: 31 December
    /// before the plan year).
    pub(crate) reference_date: Date,
    /// The date the plan carries (`[plan] date`); when absent, files are
    /// dated on the reference date. Never the clock: builds are reproducible.
    pub(crate) document_date: Option<Date>,
    /// The day of `SOURCE_DATE_EPOCH` (reproducible-builds.org), when set.
    pub(crate) source_date: Option<Date>,
    /// Target of the individual training right set in `plan.toml` (a sector
    /// growth path, say), overriding the legal target; `None`: by the law.
    pub(crate) training_days_per_fte: Option<f64>,
    /// Where that target comes from, e.g. the sector agreement.
    pub(crate) training_days_source: Option<String>,
    pub(crate) hours_per_day: f64,
    pub(crate) age_bands: AgeBands,
    /// The youngest and oldest age a worker can plausibly have on the
    /// reference date; an age outside is an error at its cell, since it
    /// usually means a misread date.
    pub(crate) working_ages: (u16, u16),
    /// The plan's own rule for equal chances: a group needs attention when it
    /// takes part less than this share as often as everyone (default 0,8).
    pub(crate) participation_rule: f64,
    /// Whether initial (dual) training counts towards the training right.
    /// The law counts formal and informal training (law of 3 October 2022,
    /// art. 50 §1, as the federal employment ministry describes it); no
    /// source counts initial training, so it is shown apart by default.
    pub(crate) count_initial_training: bool,
    /// The council edition hides every figure about fewer people than this.
    pub(crate) min_group_size: u32,
    /// The editions to write when the command line does not say
    /// (`[plan] edition`, or the batch's default).
    pub(crate) editions: EditionChoice,
    /// Whether to write the one-page summary for all employees
    /// (`[plan] employee_summary`).
    pub(crate) employee_summary: bool,
    /// Whether the internal edition writes the personal statements
    /// (`[plan] statements`, default yes).
    pub(crate) statements: bool,
    /// The stage asked for (`build --stage`, else `[plan] stage`); `None`
    /// until [`Plan::stage`] settles it from the consultation.
    pub(crate) stage: Option<Stage>,
    /// Every sector rule known: the tool's own, with those of the batch's
    /// and the plan folder's `rules/` over them.
    pub(crate) sector_rules: Vec<SectorRule>,
    /// Days per FTE set in `plan.toml` per joint committee, over a rule.
    pub(crate) committee_days: Vec<(String, f64)>,
    /// Within which periods days not taken carry over; `None`: they do not.
    pub(crate) carry_over: Option<CarryOverPeriod>,
    /// Amounts of the social balance not in the workbook.
    pub(crate) costs: Costs,
}

impl Settings {
    /// The plan's stage: as asked, else final once the advice is recorded,
    /// else draft.
    pub fn stage(&self, consultation: &Consultation) -> Stage {
        self.stage.unwrap_or(if consultation.advice_recorded() { Stage::Final } else { Stage::Draft })
    }

    /// Settles the stage (`asked` overrides `plan.toml`) and, when the plan
    /// gives no date, dates it on its stage's day: the day a draft is sent,
    /// the day the final plan is fixed.
    pub(crate) fn settle(&mut self, asked: Option<Stage>, consultation: &Consultation) {
        let stage = asked.unwrap_or_else(|| self.stage(consultation));
        self.stage = Some(stage);
        let day = match stage {
            Stage::Draft => consultation.draft_sent,
            Stage::Final => consultation.fixed_on,
        };
        self.document_date = self.document_date.or(day);
    }

    /// The date written into the PDF and XLSX metadata: the plan's date,
    /// else `SOURCE_DATE_EPOCH`, else the reference date. Never the clock,
    /// so the same inputs give the same bytes.
    pub fn metadata_date(&self) -> Date {
        self.document_date.or(self.source_date).unwrap_or(self.reference_date)
    }
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Strategy {
    pub mission: Option<String>,
    pub vision: Option<String>,
    pub learning_vision: Option<String>,
    /// Who has a stake in the training policy and how they are involved.
    pub stakeholders: Option<String>,
    /// Training needs at the level of the individual, the team and the organisation.
    pub needs: Needs,
    pub goals: Vec<Goal>,
    /// How the plan is communicated to the employees.
    pub communication: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Needs {
    pub individual: Option<String>,
    pub team: Option<String>,
    pub organisation: Option<String>,
}

/// A strategic goal that trainings contribute to (e.g. "D1: safety first").
#[derive(Debug, Clone)]
pub(crate) struct Goal {
    pub id: String,
    pub title: String,
    pub description: Option<String>,
    /// How the organisation will know the goal is reached.
    pub measure: Option<String>,
}
