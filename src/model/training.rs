use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// Kinds of training as the social balance sheet and the law define them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TrainingKind {
    /// Organised by a trainer or training body, away from the workplace.
    Formal,
    /// Learning tied to the work itself, largely organised by the learner.
    Informal,
    /// Training that leads to a qualification for new workers (e.g. dual learning).
    Initial,
}

impl TrainingKind {
    pub const ALL: [TrainingKind; 3] = [TrainingKind::Formal, TrainingKind::Informal, TrainingKind::Initial];

    pub fn index(self) -> usize {
        self as usize
    }
}

/// The groups the law asks the plan to pay special attention to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RiskGroup {
    /// Employees aged 50 or more on the reference date.
    #[serde(rename = "aged_50_plus")]
    Aged50Plus,
    /// Employees with a disability.
    Disability,
    /// Employees with a nationality outside the European Union.
    NonEuNationality,
    /// Employees in a bottleneck occupation, one employers find hard to fill.
    BottleneckOccupation,
}

impl RiskGroup {
    pub(crate) const ALL: [RiskGroup; 4] = [
        RiskGroup::Aged50Plus,
        RiskGroup::Disability,
        RiskGroup::NonEuNationality,
        RiskGroup::BottleneckOccupation,
    ];
}

/// What a training serves: the organisation's strategy, the learner's
/// career, or keeping up in the professional field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Pillar {
    Strategy,
    Career,
    ProfessionalField,
}

impl Pillar {
    pub const ALL: [Pillar; 3] = [Pillar::Strategy, Pillar::Career, Pillar::ProfessionalField];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ParticipationStatus {
    #[default]
    Planned,
    Completed,
    Cancelled,
}

#[derive(Debug, Clone)]
pub struct Training {
    pub code: String,
    pub title: String,
    pub theme: Option<String>,
    /// Id of the strategic goal the training serves (checked against the plan).
    pub goal: Option<String>,
    pub target_group: Option<String>,
    pub kind: TrainingKind,
    pub start_date: Option<Date>,
    pub end_date: Option<Date>,
    pub language: Option<String>,
    pub method: Option<String>,
    /// Registrations as planned in the trainings sheet, when given.
    pub registrations: Option<u32>,
    pub duration_hours: f64,
    pub provider: Option<String>,
    pub budget: Option<f64>,
    pub evaluation: Option<String>,
    pub risk_groups: Vec<RiskGroup>,
    /// The certificate or competence the training delivers (`Levert`).
    pub delivers: Option<String>,
    pub pillar: Option<Pillar>,
}

/// One employee registered for one training, resolved to indices into the
/// plan's employees and trainings.
#[derive(Debug, Clone)]
pub struct Participation {
    pub employee: usize,
    pub training: usize,
    /// Hours for this employee; the training's duration when the sheet
    /// leaves it empty.
    pub hours: f64,
    pub status: ParticipationStatus,
    pub date: Option<Date>,
    pub cost: Option<f64>,
}

impl Participation {
    pub fn counts(&self) -> bool {
        self.status != ParticipationStatus::Cancelled
    }
}
