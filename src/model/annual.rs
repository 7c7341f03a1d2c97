/// The parts of the annual plan that are the organisation's own words
/// (`[annual]` in `plan.toml`); budgets, calendar and suppliers are computed.
#[derive(Debug, Clone, Default)]
pub struct AnnualPlan {
    /// What the year's training effort concentrates on.
    pub goals: Vec<String>,
    pub forms_of_learning: Option<String>,
    pub roles: Vec<Role>,
    /// The house rules: working time, costs, repayment clauses, ...
    pub rules: Vec<String>,
    /// How the quality of trainings is assured and evaluated.
    pub quality: Option<String>,
    /// The actions for the groups the law asks special attention for
    /// (`[[actions]]`).
    pub actions: Vec<Action>,
}

/// Whom an action is for: a risk group, or men and women (equal treatment).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionGroup {
    /// One of the risk groups.
    RiskGroup(crate::model::RiskGroup),
    /// Equal treatment of men and women.
    Gender,
    /// Everyone below their individual training right.
    TrainingRight,
}

impl ActionGroup {
    /// The group's key in `plan.toml` and in the layout: a risk group's
    /// code (`aged_50_plus`), or `gender`.
    pub fn key(self) -> &'static str {
        use crate::model::RiskGroup;
        match self {
            ActionGroup::RiskGroup(RiskGroup::Aged50Plus) => "aged_50_plus",
            ActionGroup::RiskGroup(RiskGroup::Disability) => "disability",
            ActionGroup::RiskGroup(RiskGroup::NonEuNationality) => "non_eu_nationality",
            ActionGroup::RiskGroup(RiskGroup::BottleneckOccupation) => "bottleneck_occupation",
            ActionGroup::Gender => "gender",
            ActionGroup::TrainingRight => "training_right",
        }
    }

    /// Every group an action can be for.
    pub const ALL: [ActionGroup; 6] = [
        ActionGroup::RiskGroup(crate::model::RiskGroup::Aged50Plus),
        ActionGroup::RiskGroup(crate::model::RiskGroup::Disability),
        ActionGroup::RiskGroup(crate::model::RiskGroup::NonEuNationality),
        ActionGroup::RiskGroup(crate::model::RiskGroup::BottleneckOccupation),
        ActionGroup::Gender,
        ActionGroup::TrainingRight,
    ];
}

/// One action of the plan for a group: what, who, by when, and how the
/// organisation will know it worked.
#[derive(Debug, Clone)]
pub struct Action {
    /// For whom.
    pub group: ActionGroup,
    /// What is done.
    pub action: String,
    /// Who is responsible.
    pub owner: Option<String>,
    /// By when.
    pub deadline: Option<jiff::civil::Date>,
    /// How success is measured.
    pub indicator: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Role {
    pub role: String,
    pub responsibility: String,
}
