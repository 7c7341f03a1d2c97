use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// Who gives advice on the draft plan: the works council if there is one,
/// else the union delegation, else the employees themselves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Body {
    WorksCouncil,
    UnionDelegation,
    Employees,
}

impl Body {
    pub fn for_organisation(works_council: bool, union_delegation: bool) -> Self {
        match (works_council, union_delegation) {
            (true, _) => Body::WorksCouncil,
            (false, true) => Body::UnionDelegation,
            (false, false) => Body::Employees,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Body::WorksCouncil => "works_council",
            Body::UnionDelegation => "union_delegation",
            Body::Employees => "employees",
        }
    }
}

/// The consultation on the plan as it happened (or is planned), from `plan.toml`.
#[derive(Debug, Clone)]
pub struct Consultation {
    pub body: Body,
    /// The day the draft went to the advisory body.
    pub draft_sent: Option<Date>,
    /// The meeting that discusses the draft.
    pub meeting: Option<Date>,
    pub advice_date: Option<Date>,
    /// The advice, in a few sentences.
    pub advice: Option<String>,
    /// The employer's response to the advice: what it takes over, and why
    /// not the rest.
    pub response: Option<String>,
    /// Who fixes the plan for the employer ("Jan Peeters, director"): the
    /// approval block's signatory.
    pub approved_by: Option<String>,
    /// The day the plan was fixed.
    pub fixed_on: Option<Date>,
    /// The day the plan enters into force, when not the day it is fixed:
    /// the upload deadline runs from it.
    pub in_force: Option<Date>,
    /// The day the anonymised copy was uploaded to the FOD WASO.
    pub uploaded: Option<Date>,
}

impl Consultation {
    /// Whether the advice is recorded: its date or its text.
    pub fn advice_recorded(&self) -> bool {
        self.advice_date.is_some() || self.advice.is_some()
    }
}
