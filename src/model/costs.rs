//! Training amounts of the social balance that the workbook does not hold.

/// `[costs]` of `plan.toml`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Costs {
    /// Contributions and payments to collective training funds, in euro
    /// (social balance 58032/58132); `None`: not given.
    pub collective_funds: Option<f64>,
    /// Subsidies and other financial advantages received for training, in
    /// euro (58033/58133), deducted; `None`: not given.
    pub subsidies: Option<f64>,
    /// Hours of a full-time year, to turn an annual salary into the cost
    /// of an hour of training.
    pub hours_per_year: f64,
}

impl Costs {
    /// 38 hours a week for 52 weeks.
    pub const DEFAULT_HOURS_PER_YEAR: f64 = 1976.0;
}

impl Default for Costs {
    fn default() -> Self {
        Self { collective_funds: None, subsidies: None, hours_per_year: Self::DEFAULT_HOURS_PER_YEAR }
    }
}
