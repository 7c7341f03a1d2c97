//! Whether the plan is mandatory and which training-right target applies.
//!
//! The size is fixed per **two-year period** starting in an even year
//! (2022-23, 2024-25, 2026-27, ...), from the FTE declared to the social
//! security office at the end of each quarter of the reference period: Q4
//! of year n-2 and Q1-Q3 of year n-1, where n is the first year of the
//! two-year period, averaged over the quarters in which workers were
//! declared. With no declaration in the reference period, the workers on
//! the last day of the quarter of the first employment after it count.
//! (Law of 3 October 2022 on various labour provisions, art. 50 §2, as the
//! federal employment ministry's FAQ on the individual training right
//! quotes it: werk.belgie.be/nl/themas/opleiding/individueel-opleidingsrecht/
//! individueel-opleidingsrecht-faq.) Without quarterly figures the active
//! FTE on the reference date stands in, and the plan says so. Headcount is
//! shown too: sources differ on which counts.

use crate::model::{Plan, QuarterFte};

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SizeBasis {
    /// Average quarter-end FTE of the reference period.
    ReferencePeriod,
    /// No worker declared in the reference period: the FTE declared at the
    /// end of the first quarter after it with a declaration.
    FirstQuarterAfter,
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
    /// Per joint committee: a sector rule or `plan.toml` for at least one.
    Committees,
}

#[derive(Debug, Clone)]
pub struct LegalFrame {
    pub basis: SizeBasis,
    /// The two-year period the plan year belongs to, e.g. (2026, 2027).
    pub period: (i16, i16),
    /// The quarters of its reference period, found in the data or not.
    pub reference: [(i16, u8); 4],
    /// The FTE the thresholds are applied to.
    pub size_fte: f64,
    /// The quarters the size was taken from, in order: those of the
    /// reference period with workers declared, or the first one after it.
    pub quarters: Vec<QuarterFte>,
    pub heads: u32,
    pub band: SizeBand,
    pub band_by_heads: SizeBand,
    /// A training plan is required (20 or more workers).
    pub mandatory: bool,
    /// Training days per FTE per year: the FTE-weighted mean of the
    /// employees' targets when they differ per joint committee.
    pub target: f64,
    pub target_source: TargetSource,
    /// Who has which target, per joint committee and per employee.
    pub targets: super::targets::Targets,
}

/// The two-year period plan year `year` belongs to: the first started in
/// 2022, so each starts in an even year.
pub fn two_year_period(year: i16) -> (i16, i16) {
    let start = year - year.rem_euclid(2);
    (start, start + 1)
}

/// The quarters of the reference period for plan year `year`: Q4 of the
/// year before last and Q1-Q3 of the last year before its two-year period
/// starts (plan years 2026 and 2027: 2024-Q4 to 2025-Q3).
pub fn reference_quarters(year: i16) -> [(i16, u8); 4] {
    let (start, _) = two_year_period(year);
    [(start - 2, 4), (start - 1, 1), (start - 1, 2), (start - 1, 3)]
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

pub fn frame(plan: &Plan, active: &[bool], active_fte: f64, heads: u32) -> LegalFrame {
    let year = plan.settings.year;
    let reference = reference_quarters(year);
    let (basis, quarters) = size_quarters(&plan.quarterly_fte, reference, year);
    let size_fte = match basis {
        SizeBasis::ActiveFte => active_fte,
        _ => quarters.iter().map(|q| q.fte).sum::<f64>() / quarters.len() as f64,
    };
    let band = SizeBand::of(size_fte);
    let targets = super::targets::targets(plan, band, active);
    let target_source = match plan.settings.training_days_per_fte {
        Some(_) => TargetSource::Plan(plan.settings.training_days_source.clone()),
        None if targets.beyond_law => TargetSource::Committees,
        None => TargetSource::Law,
    };
    let target = targets.mean;
    LegalFrame {
        basis,
        period: two_year_period(year),
        reference,
        size_fte,
        quarters,
        heads,
        band,
        band_by_heads: SizeBand::of(f64::from(heads)),
        mandatory: band == SizeBand::TwentyOrMore,
        target,
        target_source,
        targets,
    }
}

/// Which declared quarters give the size, and on what basis: the reference
/// period's quarters with workers declared; else the first quarter after it
/// with workers, up to the plan year; else none (the active FTE stands in).
fn size_quarters(
    declared: &[QuarterFte],
    reference: [(i16, u8); 4],
    year: i16,
) -> (SizeBasis, Vec<QuarterFte>) {
    let with_workers = |q: &&QuarterFte| q.fte > 0.0;
    let in_reference: Vec<QuarterFte> = reference
        .iter()
        .filter_map(|&(y, q)| declared.iter().find(|f| (f.year, f.quarter) == (y, q)))
        .filter(with_workers)
        .copied()
        .collect();
    if !in_reference.is_empty() {
        return (SizeBasis::ReferencePeriod, in_reference);
    }
    let end = reference[3];
    let first_after = declared
        .iter()
        .filter(with_workers)
        .filter(|f| (f.year, f.quarter) > end && f.year <= year)
        .min_by_key(|f| (f.year, f.quarter));
    match first_after {
        Some(q) => (SizeBasis::FirstQuarterAfter, vec![*q]),
        None => (SizeBasis::ActiveFte, Vec::new()),
    }
}
