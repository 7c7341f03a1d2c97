//! Whether the plan is mandatory and which training-right target applies.
//!
//! The law counts the FTE declared to the social security office at the end
//! of each quarter of the reference period (Q4 of year n-2 and Q1-Q3 of
//! year n-1 for plan year n), averaged over the quarters with a declaration.
//! Without those figures the active FTE on the reference date stands in, and
//! the plan says so. Headcount is shown too: sources differ on which counts.

use crate::model::{Plan, QuarterFte};

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SizeBasis {
    /// Average quarter-end FTE of the reference period.
    ReferencePeriod,
    /// Active FTE on the reference date (no quarterly figures given).
    ActiveFte,
}

/// The law's size classes for the training plan and the training right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SizeBand {
    TwentyOrMore,
    TenToNineteen,
    BelowTen,
}

impl SizeBand {
    pub fn of(workers: f64) -> Self {
        if workers >= 20.0 {
            SizeBand::TwentyOrMore
        } else if workers >= 10.0 {
            SizeBand::TenToNineteen
        } else {
            SizeBand::BelowTen
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum TargetSource {
    /// The law's target for the size band.
    Law,
    /// Set in `plan.toml` (a sector growth path), with its source if named.
    Plan(Option<String>),
}

#[derive(Debug, Clone)]
pub struct LegalFrame {
    pub basis: SizeBasis,
    /// The FTE the thresholds are applied to.
    pub size_fte: f64,
    /// The reference period's quarters found in the data, in order.
    pub quarters: Vec<QuarterFte>,
    pub heads: u32,
    pub band: SizeBand,
    pub band_by_heads: SizeBand,
    /// A training plan is required (20 or more workers).
    pub mandatory: bool,
    /// Training days per FTE per year.
    pub target: f64,
    pub target_source: TargetSource,
}

/// The quarters of the reference period for plan year `year`.
pub fn reference_quarters(year: i16) -> [(i16, u8); 4] {
    [(year - 2, 4), (year - 1, 1), (year - 1, 2), (year - 1, 3)]
}

/// The law's target in days per FTE for an employer of `band` in `year`.
pub fn legal_target(band: SizeBand, year: i16) -> f64 {
    match band {
        SizeBand::TwentyOrMore if year <= 2023 => 4.0,
        SizeBand::TwentyOrMore => 5.0,
        SizeBand::TenToNineteen => 1.0,
        SizeBand::BelowTen => 0.0,
    }
}

pub fn frame(plan: &Plan, active_fte: f64, heads: u32) -> LegalFrame {
    let year = plan.settings.year;
    let wanted = reference_quarters(year);
    let quarters: Vec<QuarterFte> = wanted
        .iter()
        .filter_map(|&(y, q)| plan.quarterly_fte.iter().find(|f| f.year == y && f.quarter == q).copied())
        .collect();
    let (basis, size_fte) = if quarters.is_empty() {
        (SizeBasis::ActiveFte, active_fte)
    } else {
        let average = quarters.iter().map(|q| q.fte).sum::<f64>() / quarters.len() as f64;
        (SizeBasis::ReferencePeriod, average)
    };
    let band = SizeBand::of(size_fte);
    let (target, target_source) = match plan.settings.training_days_per_fte {
        Some(days) => (days, TargetSource::Plan(plan.settings.training_days_source.clone())),
        None => (legal_target(band, year), TargetSource::Law),
    };
    LegalFrame {
        basis,
        size_fte,
        quarters,
        heads,
        band,
        band_by_heads: SizeBand::of(f64::from(heads)),
        mandatory: band == SizeBand::TwentyOrMore,
        target,
        target_source,
    }
}
