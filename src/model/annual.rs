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
}

#[derive(Debug, Clone)]
pub struct Role {
    pub role: String,
    pub responsibility: String,
}
