//! The validated plan: what import produces and aggregation consumes.
//!
//! Everything here has passed validation, so the rest of the pipeline never
//! re-checks user data: an `Fte` is in (0, 1], a participation points at an
//! existing employee and training, an enterprise number has valid check digits.

mod age;
mod country;
mod employee;
mod enterprise_number;
mod training;

pub use age::{AgeBand, AgeBands, age_on};
pub use country::Country;
#[cfg(test)]
pub(crate) use employee::employee_fixture;
pub use employee::{Birth, EducationLevel, Employee, Fte, Gender, Statute};
pub use enterprise_number::EnterpriseNumber;
pub use training::{Participation, ParticipationStatus, Pillar, RiskGroup, Training, TrainingKind};

use crate::i18n::Language;
use jiff::civil::Date;

/// One employer's plan for one year: settings, strategy and the imported data.
#[derive(Debug, Clone)]
pub struct Plan {
    pub organisation: Organisation,
    pub settings: Settings,
    pub strategy: Strategy,
    pub employees: Vec<Employee>,
    pub trainings: Vec<Training>,
    pub participations: Vec<Participation>,
}

#[derive(Debug, Clone)]
pub struct Organisation {
    pub name: String,
    pub enterprise_number: EnterpriseNumber,
    pub registered_office: Option<String>,
    pub joint_committees: Vec<String>,
    pub works_council: bool,
    pub union_delegation: bool,
}

#[derive(Debug, Clone)]
pub struct Settings {
    pub year: i16,
    pub language: Language,
    /// The day on which the workforce is counted (default: 31 December
    /// before the plan year).
    pub reference_date: Date,
    /// The date the plan carries (`[plan] date`); when absent, files are
    /// dated on the reference date. Never the clock: builds are reproducible.
    pub document_date: Option<Date>,
    /// Target of the individual training right, in days per FTE per year.
    pub training_days_per_fte: f64,
    pub hours_per_day: f64,
    pub age_bands: AgeBands,
}

impl Settings {
    /// The date written into the PDF and XLSX metadata.
    pub fn metadata_date(&self) -> Date {
        self.document_date.unwrap_or(self.reference_date)
    }
}

#[derive(Debug, Clone, Default)]
pub struct Strategy {
    pub mission: Option<String>,
    pub vision: Option<String>,
    pub learning_vision: Option<String>,
    pub goals: Vec<Goal>,
}

/// A strategic goal that trainings contribute to (e.g. "D1: safety first").
#[derive(Debug, Clone)]
pub struct Goal {
    pub id: String,
    pub title: String,
    pub description: Option<String>,
    /// How the organisation will know the goal is reached.
    pub measure: Option<String>,
}
