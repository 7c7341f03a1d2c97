//! Sector rules (`pc-*.toml`): the tool's own, then those of a batch
//! root's and a plan folder's `rules/` folder, a later rule for the same
//! joint committee replacing an earlier one. A consultancy adds or
//! corrects a sector this way without a new release.
//!
//! ```toml
//! joint_committee = "200"
//! name = { nl = "…", fr = "…", en = "…" }
//! agreement = "cao 6-07-2023"            # optional
//! source = "https://…"                   # the page the rule was checked against
//! verified = 2026-11-28                  # when
//! notice_days = 14                       # optional: draft to the council this many days before the meeting
//! send_to = "Alimento"                   # optional: the sector asks for the plan
//! [days_per_fte]                         # employers of 20 or more workers, from each year on
//! 2024 = 3
//! 2026 = 4
//! ```

use super::at_span_in;
use crate::model::{RuleOrigin, SectorRule};
use crate::problem::{Location, ProblemKind, Problems};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// The folder of sector rules in a batch root or a plan folder.
pub const RULES_FOLDER: &str = "rules";

mod bundled {
    include!(concat!(env!("OUT_DIR"), "/bundled_rules.rs"));
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    joint_committee: String,
    name: Names,
    agreement: Option<String>,
    source: String,
    verified: toml::value::Datetime,
    notice_days: Option<u8>,
    send_to: Option<String>,
    days_per_fte: BTreeMap<String, f64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Names {
    nl: String,
    fr: String,
    en: String,
}

/// The tool's own rules. They are tested to parse, so a failure here is a
/// defect of the release, and the rule is left out.
pub fn bundled() -> Vec<SectorRule> {
    let mut ignored = Problems::default();
    bundled::BUNDLED_RULES
        .iter()
        .filter_map(|(name, text)| parse(name, text, RuleOrigin::Bundled, &mut ignored))
        .collect()
}

/// The rules of `folder` (its `*.toml` files, in name order), each problem
/// reported at its file and line.
pub fn read_folder(folder: &Path, shown_as: &str, problems: &mut Problems) -> Vec<SectorRule> {
    let Ok(entries) = std::fs::read_dir(folder) else { return Vec::new() };
    let mut paths: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    let mut rules = Vec::new();
    for path in paths {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let shown = format!("{shown_as}/{name}");
        let text = crate::files::read_regular(&path, crate::files::SETTINGS_FILE_LIMIT)
            .ok()
            .and_then(|bytes| String::from_utf8(bytes).ok());
        let Some(text) = text else {
            let detail = "not a readable UTF-8 text file".to_string();
            problems.error(Location::file(shown), ProblemKind::RuleFile { detail });
            continue;
        };
        rules.extend(parse(&shown, &text, RuleOrigin::Own(shown.clone()), problems));
    }
    rules
}

/// `rules` with `later` laid over them: a later rule for the same joint
/// committee replaces the earlier one.
pub fn overlay(mut rules: Vec<SectorRule>, later: Vec<SectorRule>) -> Vec<SectorRule> {
    for rule in later {
        rules.retain(|r| r.committee != rule.committee);
        rules.push(rule);
    }
    rules.sort_by(|a, b| a.committee.cmp(&b.committee));
    rules
}

fn parse(file: &str, text: &str, origin: RuleOrigin, problems: &mut Problems) -> Option<SectorRule> {
    let rule: RuleFile = match toml::from_str(text) {
        Ok(rule) => rule,
        Err(e) => {
            let detail = e.message().trim_end_matches('\n').to_string();
            problems.error(at_span_in(file, text, e.span()), ProblemKind::RuleFile { detail });
            return None;
        }
    };
    let fail = |problems: &mut Problems, detail: String| {
        problems.error(Location::file(file), ProblemKind::RuleFile { detail });
    };
    let verified = rule
        .verified
        .date
        .and_then(|d| jiff::civil::Date::new(d.year as i16, d.month as i8, d.day as i8).ok());
    let Some(verified) = verified else {
        fail(problems, format!("verified = {}: a date such as 2026-11-28", rule.verified));
        return None;
    };
    let mut days_per_fte = Vec::new();
    for (year, days) in &rule.days_per_fte {
        match year.parse::<i16>() {
            Ok(y) if (2022..=2100).contains(&y) && (0.0..=30.0).contains(days) => {
                days_per_fte.push((y, *days))
            }
            _ => fail(problems, format!("days_per_fte: {year} = {days}: a year from 2022 and 0 to 30 days")),
        }
    }
    days_per_fte.sort_by_key(|(y, _)| *y);
    let committee = crate::model::committee_number(&rule.joint_committee);
    if committee.is_empty() || !rule.source.starts_with("http") || days_per_fte.is_empty() {
        fail(problems, "joint_committee, source (a web address) and [days_per_fte] are required".into());
        return None;
    }
    Some(SectorRule {
        committee,
        name: [rule.name.nl, rule.name.fr, rule.name.en],
        days_per_fte,
        agreement: rule.agreement.filter(|a| !a.trim().is_empty()),
        source: rule.source,
        verified,
        notice_days: rule.notice_days,
        send_to: rule.send_to.filter(|s| !s.trim().is_empty()),
        origin,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_rule_parses_with_a_source() {
        let mut problems = Problems::default();
        let rules: Vec<_> = bundled::BUNDLED_RULES
            .iter()
            .filter_map(|(name, text)| parse(name, text, RuleOrigin::Bundled, &mut problems))
            .collect();
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(rules.len(), bundled::BUNDLED_RULES.len());
        let pc200 = rules.iter().find(|r| r.committee == "200").expect("PC 200 is bundled");
        assert_eq!(pc200.days_in(2027), Some(4.0));
        assert!(rules.iter().all(|r| r.source.starts_with("https://")));
    }

    #[test]
    fn a_broken_rule_is_said_at_its_line() {
        let mut problems = Problems::default();
        let text = "joint_committee = \"999\"\nname = { nl = \"a\", fr = \"b\", en = \"c\" }\nsource = 5\n";
        assert!(parse("rules/pc-999.toml", text, RuleOrigin::Own("x".into()), &mut problems).is_none());
        let problem = problems.iter().next().expect("one problem");
        assert_eq!(problem.location, Location::line("rules/pc-999.toml", 3, 10));
    }

    #[test]
    fn a_later_rule_replaces_the_earlier_for_its_committee() {
        let bundled = bundled();
        let mut own = bundled.iter().find(|r| r.committee == "200").cloned().unwrap();
        own.days_per_fte = vec![(2024, 2.0)];
        own.origin = RuleOrigin::Own("rules/pc-200.toml".into());
        let rules = overlay(bundled.clone(), vec![own]);
        assert_eq!(rules.len(), bundled.len());
        assert_eq!(rules.iter().find(|r| r.committee == "200").unwrap().days_in(2027), Some(2.0));
    }
}
