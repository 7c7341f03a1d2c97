//! What the author still has to do before the plan is complete, and the
//! legal checklist worded for the author: said by `check` and by the web
//! application's plan page, never written into the document, which only
//! says what it does not yet describe.

use super::PlanView;
use super::legal::TargetKind;
use crate::disclose::Verdict;
use crate::i18n::Messages;
use crate::problem::fill;

/// One item of the legal checklist, as the plan's checklist page words it.
pub struct CheckLine {
    /// ✓, !, ✗, – or …
    pub mark: &'static str,
    /// The verdict's key (`present`, `attention`, ...), for styling.
    pub verdict: &'static str,
    /// What is checked.
    pub title: String,
    /// The verdict in words.
    pub verdict_word: String,
    /// Why, with the plan's figures.
    pub explanation: String,
}

/// The legal checklist of `view`, worded as on the plan's checklist page.
pub fn checklist(view: &PlanView) -> Vec<CheckLine> {
    let pdf = &view.strings["pdf"]["checklist"];
    let text = |value: &serde_json::Value| value.as_str().unwrap_or_default().to_string();
    view.legal
        .checklist
        .iter()
        .map(|check| {
            let item = &pdf["items"][check.key];
            let mark = match check.verdict {
                Verdict::Present => "✓",
                Verdict::Attention => "!",
                Verdict::Missing => "✗",
                Verdict::NotApplicable | Verdict::NotAssessed | Verdict::Unrecorded => "–",
                Verdict::Pending | Verdict::Open => "…",
            };
            let codes = check.codes.join(", ");
            let explanation = fill(
                &text(&item[check.verdict.key()]),
                &[
                    ("codes", &codes),
                    ("count", &check.count.text),
                    ("rate", &check.rate.text),
                    ("reference", &check.reference.text),
                    ("groups", &check.withheld.join(", ")),
                    ("threshold", &view.meta.participation_rule),
                ],
            );
            CheckLine {
                mark,
                verdict: check.verdict.key(),
                title: text(&item["title"]),
                verdict_word: text(&pdf["verdicts"][check.verdict.key()]),
                explanation,
            }
        })
        .collect()
}

/// What the author still has to do for `view` (the internal edition).
pub fn todos(view: &PlanView, m: &Messages) -> Vec<String> {
    let t = &m.todo;
    let mut out = Vec::new();
    let s = &view.strategy;
    if s.mission.is_none() && s.vision.is_none() && s.learning_vision.is_none() {
        out.push(t.strategy_texts.clone());
    }
    if s.goals.is_empty() {
        out.push(t.strategy_goals.clone());
    }
    let legal = &view.legal;
    if legal.target_kind == TargetKind::Plan && legal.target_source.is_none() {
        out.push(fill(&t.target_source, &[("target", &legal.target.text)]));
    }
    let a = &view.annual;
    for (empty, text) in [
        (a.goals.is_empty(), &t.annual_goals),
        (a.roles.is_empty(), &t.annual_roles),
        (a.rules.is_empty(), &t.annual_rules),
    ] {
        if empty {
            out.push(text.clone());
        }
    }
    // A group that needs attention gets an action (what, who, by when);
    // men and women are one group for it.
    let mut asked: Vec<&str> = Vec::new();
    for point in &legal.attention {
        let group = match point.kind {
            crate::view::legal::SubjectKind::Gender => "gender",
            crate::view::legal::SubjectKind::RiskGroup => point.key.as_str(),
        };
        if !view.annual.actions.iter().any(|a| a.group == group) && !asked.contains(&group) {
            asked.push(group);
            out.push(fill(&t.action, &[("group", &point.label), ("key", group)]));
        }
    }
    let titles = &view.strings["pdf"]["checklist"]["items"];
    for check in &legal.checklist {
        let values = [
            ("codes", check.codes.join(", ")),
            ("rate", check.rate.text.clone()),
            ("reference", check.reference.text.clone()),
            ("item", titles[check.key]["title"].as_str().unwrap_or_default().to_string()),
        ];
        let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let text = match (check.key, check.verdict) {
            ("formal_trainings" | "informal_trainings", Verdict::Attention) => &t.target_group,
            ("formal_trainings", Verdict::Missing) => &t.no_formal,
            ("informal_trainings", Verdict::Missing) => &t.no_informal,
            ("training_right", Verdict::Attention) => &t.training_gap,
            ("training_right", Verdict::Missing) => &t.no_participations,
            ("consultation", Verdict::Attention | Verdict::Missing | Verdict::Pending) => &t.advice,
            ("deadlines", Verdict::Missing | Verdict::Pending | Verdict::Open) => &t.deadlines,
            (
                "aged_50_plus" | "disability" | "non_eu_nationality" | "bottleneck_occupation",
                Verdict::Missing,
            ) => &t.risk_group,
            _ => continue,
        };
        out.push(fill(text, &values));
    }
    out
}
