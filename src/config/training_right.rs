//! `[training_right]` and `[costs]`: how the individual training right is
//! counted beyond the law's defaults, and the amounts of the social
//! balance that are not in the workbook.
//!
//! ```toml
//! [training_right]
//! carry_over = true                  # days not taken move to the next year
//! period_start = 2024                # … within periods of period_years years
//! period_years = 5                   # from this year, then reset to zero
//! days_per_fte = { "200" = 4 }       # per joint committee, over a sector rule
//!
//! [costs]
//! collective_funds = 2400            # contributions to collective training funds (58032/58132)
//! subsidies = 1800                   # subsidies and refunds received (58033/58133)
//! hours_per_year = 1976              # hours of a full-time year, to spread an annual salary
//! ```

use super::{Number, invalid};
use crate::model::{CarryOverPeriod, Costs};
use crate::problem::{Expected, Problems};
use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct TrainingRightSection {
    carry_over: Option<bool>,
    period_start: Option<Spanned<i64>>,
    period_years: Option<Spanned<i64>>,
    #[serde(default)]
    days_per_fte: BTreeMap<String, Spanned<Number>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct CostsSection {
    collective_funds: Option<Spanned<Number>>,
    subsidies: Option<Spanned<Number>>,
    hours_per_year: Option<Spanned<Number>>,
}

/// The carry-over period: by default, as the sources read the law, days
/// not taken carry over within periods of five years from 2024, then the
/// balance is reset (see `CarryOverPeriod`). `None`: no carry-over.
pub(super) fn carry_over(
    s: &TrainingRightSection,
    text: &str,
    problems: &mut Problems,
) -> Option<CarryOverPeriod> {
    if s.carry_over == Some(false) {
        return None;
    }
    let default = CarryOverPeriod::default();
    let start = whole(s.period_start.as_ref(), (2022, 2100), "training_right.period_start", text, problems);
    let years = whole(s.period_years.as_ref(), (1, 10), "training_right.period_years", text, problems);
    Some(CarryOverPeriod {
        start: start.map_or(default.start, |y| y as i16),
        years: years.map_or(default.years, |y| y as u8),
    })
}

/// Days per FTE set per joint committee, over a sector rule.
pub(super) fn committee_days(
    s: &TrainingRightSection,
    text: &str,
    problems: &mut Problems,
) -> Vec<(String, f64)> {
    let mut days = Vec::new();
    for (committee, value) in &s.days_per_fte {
        let key = format!("training_right.days_per_fte.\"{committee}\"");
        let x = value.get_ref().get();
        if (0.0..=30.0).contains(&x) {
            days.push((crate::model::committee_number(committee), x));
        } else {
            let expected = Expected::Number { min: 0.0, max: 30.0 };
            problems.push(invalid(text, value.span(), &key, x.to_string(), expected));
        }
    }
    days
}

pub(super) fn costs(s: &CostsSection, text: &str, problems: &mut Problems) -> Costs {
    let mut amount = |value: Option<&Spanned<Number>>, key: &str, max: f64| {
        let value = value?;
        let x = value.get_ref().get();
        if (0.0..=max).contains(&x) {
            return Some(x);
        }
        let expected = Expected::Number { min: 0.0, max };
        problems.push(invalid(text, value.span(), key, x.to_string(), expected));
        None
    };
    Costs {
        collective_funds: amount(s.collective_funds.as_ref(), "costs.collective_funds", 1e9),
        subsidies: amount(s.subsidies.as_ref(), "costs.subsidies", 1e9),
        hours_per_year: amount(s.hours_per_year.as_ref(), "costs.hours_per_year", 3000.0)
            .filter(|h| *h > 0.0)
            .unwrap_or(Costs::DEFAULT_HOURS_PER_YEAR),
    }
}

fn whole(
    value: Option<&Spanned<i64>>,
    (min, max): (i64, i64),
    key: &str,
    text: &str,
    problems: &mut Problems,
) -> Option<i64> {
    let value = value?;
    let x = *value.get_ref();
    if (min..=max).contains(&x) {
        return Some(x);
    }
    let expected = Expected::Number { min: min as f64 - 1.0, max: max as f64 };
    problems.push(invalid(text, value.span(), key, x.to_string(), expected));
    None
}
