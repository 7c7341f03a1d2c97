//! A sector's rules for the individual training right, as a joint
//! committee's collective agreement sets them: its growth path of days
//! per FTE, and where its rules for the plan differ from the law. Rules
//! are data (`rules/pc-*.toml`), each with the source it was checked
//! against and when.

use super::Language;
use jiff::civil::Date;

/// A joint committee as payroll exports and people write it ("PC 200",
/// "CP 111.01", "200"): its number.
pub fn committee_number(text: &str) -> String {
    let trimmed = text.trim();
    let start = trimmed.find(|c: char| c.is_ascii_digit()).unwrap_or(trimmed.len());
    trimmed[start..].trim().to_string()
}

/// One joint committee's rule.
#[derive(Debug, Clone, PartialEq)]
pub struct SectorRule {
    /// The joint committee's number as `plan.toml` writes it ("200").
    pub committee: String,
    /// Its name, per language.
    pub name: [String; 3],
    /// Days per FTE per year for employers of 20 or more workers, from
    /// each listed year on (sorted by year).
    pub days_per_fte: Vec<(i16, f64)>,
    /// The collective agreement, as the sector names it.
    pub agreement: Option<String>,
    /// The page the rule was checked against.
    pub source: String,
    /// The day it was checked.
    pub verified: Date,
    /// Days before the meeting the draft must reach the advisory body,
    /// where the sector sets other than the law's 15.
    pub notice_days: Option<u8>,
    /// Whom the sector asks the plan to be sent to (its training fund).
    pub send_to: Option<String>,
    /// Where the rule was read from: the tool's own rules, a batch's or a
    /// plan folder's `rules/` folder.
    pub origin: RuleOrigin,
}

/// Where a rule comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuleOrigin {
    /// Shipped with the tool.
    Bundled,
    /// A `rules/` folder of the user (a file name in it).
    Own(String),
}

impl SectorRule {
    /// The days per FTE in `year`: those of the latest listed year not
    /// after it; `None` before the first (the law applies).
    pub fn days_in(&self, year: i16) -> Option<f64> {
        self.days_per_fte.iter().rev().find(|(from, _)| *from <= year).map(|(_, days)| *days)
    }

    /// Whether the rule covers committee `committee`: the same number, or
    /// one of its sub-committees ("200" covers "200.01").
    pub fn covers(&self, committee: &str) -> bool {
        committee == self.committee
            || committee.strip_prefix(self.committee.as_str()).is_some_and(|rest| rest.starts_with('.'))
    }

    /// The name in `language`.
    pub fn name(&self, language: Language) -> &str {
        &self.name[language.index()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule() -> SectorRule {
        SectorRule {
            committee: "200".into(),
            name: Default::default(),
            days_per_fte: vec![(2024, 3.0), (2026, 4.0), (2028, 5.0)],
            agreement: None,
            source: String::new(),
            verified: Date::constant(2026, 11, 28),
            notice_days: None,
            send_to: None,
            origin: RuleOrigin::Bundled,
        }
    }

    #[test]
    fn a_growth_path_holds_from_each_year_on() {
        let r = rule();
        assert_eq!(r.days_in(2023), None);
        assert_eq!(r.days_in(2025), Some(3.0));
        assert_eq!(r.days_in(2027), Some(4.0));
        assert_eq!(r.days_in(2035), Some(5.0));
    }

    #[test]
    fn committees_are_read_as_their_number() {
        assert_eq!(committee_number("PC 200"), "200");
        assert_eq!(committee_number(" CP 111.01 "), "111.01");
        assert_eq!(committee_number("124"), "124");
        assert_eq!(committee_number("geen"), "");
    }

    #[test]
    fn a_rule_covers_its_sub_committees_only() {
        let r = rule();
        assert!(r.covers("200") && r.covers("200.01"));
        assert!(!r.covers("2000") && !r.covers("20"));
    }
}
