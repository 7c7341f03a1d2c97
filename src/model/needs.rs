//! Training needs from the data: the certificates and competences jobs
//! require, the certificates employees hold with their dates, and their
//! competence levels (present and wanted).

use jiff::civil::Date;

/// Whom a requirement applies to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Everyone with this job title.
    Job(String),
    /// Everyone in this department.
    Department(String),
}

impl Scope {
    /// Whether `employee` falls under the scope (names compared without
    /// case or accents).
    pub fn covers(&self, employee: &super::Employee) -> bool {
        let same = |a: &Option<String>, b: &str| {
            a.as_deref().is_some_and(|a| crate::text::fold(a) == crate::text::fold(b))
        };
        match self {
            Scope::Job(job) => same(&employee.job_title, job),
            Scope::Department(department) => same(&employee.department, department),
        }
    }
}

/// What a requirement asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Need {
    /// A certificate by name (forklift, VCA, BA4 …).
    Certificate(String),
    /// A competence by name.
    Competence(String),
}

/// One row of the job requirements sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct Requirement {
    /// Whom it applies to.
    pub scope: Scope,
    /// What it asks for.
    pub need: Need,
    /// How long a certificate stays valid, in months; `None`: for good.
    pub validity_months: Option<u32>,
    /// Whether the law or the employer requires it (default), or it is
    /// only wished for.
    pub mandatory: bool,
}

/// A certificate an employee holds.
#[derive(Debug, Clone, PartialEq)]
pub struct HeldCertificate {
    /// The employee, by index in the employees sheet.
    pub employee: usize,
    /// The certificate's name.
    pub name: String,
    /// When it was obtained, when known.
    pub obtained: Option<Date>,
    /// Its last valid day, when it expires.
    pub valid_until: Option<Date>,
}

/// An employee's level of a competence, from 1 to 4.
#[derive(Debug, Clone, PartialEq)]
pub struct CompetenceLevel {
    /// The employee, by index in the employees sheet.
    pub employee: usize,
    /// The competence's name.
    pub competence: String,
    /// The level today.
    pub current: u8,
    /// The level the job asks.
    pub wanted: u8,
}

/// All of the above, as the workbook gives them (empty when it does not).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TrainingNeeds {
    /// The job requirements sheet.
    pub requirements: Vec<Requirement>,
    /// The certificates sheet.
    pub certificates: Vec<HeldCertificate>,
    /// The competences sheet.
    pub competences: Vec<CompetenceLevel>,
}
