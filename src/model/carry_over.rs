//! Days of the individual training right not taken in earlier years, as
//! last year's plan left them: they carry over into the plan year.

use std::collections::HashMap;

/// Last year's balances, by personnel number.
#[derive(Debug, Clone, PartialEq)]
pub struct CarryOver {
    /// Where the balances come from.
    pub source: CarrySource,
    /// Days not taken at the end of `year`, by personnel number: the year
    /// tells how old the days are.
    pub balances: HashMap<String, Balance>,
}

/// One employee's balance.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Balance {
    /// Days not taken.
    pub days: f64,
    /// The year at whose end the days were not taken.
    pub year: i16,
}

/// Where last year's balances come from.
#[derive(Debug, Clone, PartialEq)]
pub enum CarrySource {
    /// The workbook's sheet `Opleidingssaldo`.
    Sheet,
    /// The internal edition of last year's plan in the archive: its year
    /// and version.
    Archive { year: i16, version: u32 },
}

impl CarryOver {
    /// The days `id` brings into the plan year `year`: last year's
    /// balance, when it lies in the same carry-over period.
    pub fn days_for(&self, id: &str, year: i16, period: CarryOverPeriod) -> f64 {
        self.balances.get(id).filter(|b| period.carries(b.year, year)).map_or(0.0, |b| b.days)
    }
}

/// The periods within which days not taken carry over: from `start`, in
/// periods of `years` years, at the end of which the balance is reset.
/// The default, five-year periods from 2024, is how the sector fund of
/// joint committee 200 and several payroll providers describe the rule
/// (sfonds200.be, "aantal opleidingsdagen"); no federal page we read
/// states it, so it is a setting (`[training_right]`) and the plan says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CarryOverPeriod {
    /// The first year of the first period.
    pub start: i16,
    /// Years per period.
    pub years: u8,
}

impl Default for CarryOverPeriod {
    fn default() -> Self {
        Self { start: 2024, years: 5 }
    }
}

impl CarryOverPeriod {
    /// The period `year` falls in, first and last year; `None` before the
    /// first period.
    pub fn period_of(self, year: i16) -> Option<(i16, i16)> {
        if year < self.start || self.years == 0 {
            return None;
        }
        let years = i16::from(self.years);
        let first = self.start + (year - self.start) / years * years;
        Some((first, first + years - 1))
    }

    /// Whether days not taken at the end of `from` still carry into `year`.
    pub fn carries(self, from: i16, year: i16) -> bool {
        from < year && self.period_of(year).is_some_and(|(first, _)| from >= first)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_of_five_years_from_2024() {
        let p = CarryOverPeriod::default();
        assert_eq!(p.period_of(2023), None);
        assert_eq!(p.period_of(2024), Some((2024, 2028)));
        assert_eq!(p.period_of(2028), Some((2024, 2028)));
        assert_eq!(p.period_of(2029), Some((2029, 2033)));
        assert!(p.carries(2026, 2027));
        // The balance is reset when a new period starts.
        assert!(!p.carries(2028, 2029));
        assert!(!p.carries(2027, 2027));
    }
}
