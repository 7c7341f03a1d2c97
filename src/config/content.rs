//! The plan's own words in `plan.toml`: strategy, the annual plan, the
//! consultation on the plan, and the readiness check.

use super::{date, invalid};
use crate::model::readiness::{self, Readiness};
use crate::model::{Action, ActionGroup, AnnualPlan, Body, Consultation, Goal, Needs, Role, Strategy};
use crate::problem::{Expected, Problems};
use serde::Deserialize;
use toml::Spanned;

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct StrategySection {
    mission: Option<String>,
    vision: Option<String>,
    learning_vision: Option<String>,
    stakeholders: Option<String>,
    #[serde(default)]
    needs: NeedsSection,
    communication: Option<String>,
    #[serde(default)]
    goals: Vec<GoalSection>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct NeedsSection {
    individual: Option<String>,
    team: Option<String>,
    organisation: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GoalSection {
    id: Spanned<String>,
    title: String,
    description: Option<String>,
    measure: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct AnnualSection {
    #[serde(default)]
    goals: Vec<String>,
    forms_of_learning: Option<String>,
    #[serde(default)]
    roles: Vec<RoleSection>,
    #[serde(default)]
    rules: Vec<String>,
    quality: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RoleSection {
    role: String,
    responsibility: String,
}

/// `[[actions]]`: an action for a risk group or for equal treatment.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ActionSection {
    group: Spanned<String>,
    action: String,
    owner: Option<String>,
    deadline: Option<Spanned<toml::value::Datetime>>,
    indicator: Option<String>,
}

/// The actions of `plan.toml`, each group checked.
pub(super) fn actions(sections: Vec<ActionSection>, source: &str, problems: &mut Problems) -> Vec<Action> {
    let mut actions = Vec::new();
    for s in sections {
        let wanted = s.group.get_ref().trim().to_ascii_lowercase();
        let Some(group) = ActionGroup::ALL.into_iter().find(|g| g.key() == wanted) else {
            let value = format!("\"{}\"", s.group.get_ref());
            problems.push(invalid(source, s.group.span(), "actions.group", value, Expected::ActionGroup));
            continue;
        };
        let deadline = s.deadline.as_ref().and_then(|d| date(d, "actions.deadline", source, problems));
        let Some(action) = text(Some(s.action)) else { continue };
        actions.push(Action { group, action, owner: text(s.owner), deadline, indicator: text(s.indicator) });
    }
    actions
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct ConsultationSection {
    body: Option<Body>,
    draft_sent: Option<Spanned<toml::value::Datetime>>,
    meeting: Option<Spanned<toml::value::Datetime>>,
    advice_date: Option<Spanned<toml::value::Datetime>>,
    advice: Option<String>,
    response: Option<String>,
    approved_by: Option<String>,
    fixed_on: Option<Spanned<toml::value::Datetime>>,
    in_force: Option<Spanned<toml::value::Datetime>>,
    uploaded: Option<Spanned<toml::value::Datetime>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ReadinessSection {
    applies: Vec<Spanned<String>>,
}

fn text(value: Option<String>) -> Option<String> {
    value.filter(|t| !t.trim().is_empty())
}

pub(super) fn strategy(s: StrategySection, source: &str, problems: &mut Problems) -> Strategy {
    let mut goals: Vec<Goal> = Vec::with_capacity(s.goals.len());
    for goal in s.goals {
        let id = goal.id.get_ref().trim().to_string();
        if id.is_empty() || goals.iter().any(|g| g.id == id) {
            let expected = Expected::GoalId;
            problems.push(invalid(
                source,
                goal.id.span(),
                "strategy.goals.id",
                format!("\"{id}\""),
                expected,
            ));
            continue;
        }
        goals.push(Goal {
            id,
            title: goal.title,
            description: text(goal.description),
            measure: text(goal.measure),
        });
    }
    Strategy {
        mission: text(s.mission),
        vision: text(s.vision),
        learning_vision: text(s.learning_vision),
        stakeholders: text(s.stakeholders),
        needs: Needs {
            individual: text(s.needs.individual),
            team: text(s.needs.team),
            organisation: text(s.needs.organisation),
        },
        goals,
        communication: text(s.communication),
    }
}

pub(super) fn annual(s: AnnualSection) -> AnnualPlan {
    let lines = |items: Vec<String>| items.into_iter().filter(|t| !t.trim().is_empty()).collect();
    AnnualPlan {
        goals: lines(s.goals),
        forms_of_learning: text(s.forms_of_learning),
        roles: s.roles.into_iter().map(|r| Role { role: r.role, responsibility: r.responsibility }).collect(),
        rules: lines(s.rules),
        quality: text(s.quality),
        actions: Vec::new(),
    }
}

pub(super) fn consultation(
    s: ConsultationSection,
    default_body: Body,
    source: &str,
    problems: &mut Problems,
) -> Consultation {
    let mut day = |value: &Option<Spanned<toml::value::Datetime>>, key: &str| {
        value.as_ref().and_then(|v| date(v, &format!("consultation.{key}"), source, problems))
    };
    Consultation {
        body: s.body.unwrap_or(default_body),
        draft_sent: day(&s.draft_sent, "draft_sent"),
        meeting: day(&s.meeting, "meeting"),
        advice_date: day(&s.advice_date, "advice_date"),
        advice: text(s.advice),
        response: text(s.response),
        approved_by: text(s.approved_by),
        fixed_on: day(&s.fixed_on, "fixed_on"),
        in_force: day(&s.in_force, "in_force"),
        uploaded: day(&s.uploaded, "uploaded"),
    }
}

pub(super) fn readiness(s: ReadinessSection, source: &str, problems: &mut Problems) -> Readiness {
    let mut applies = std::collections::BTreeSet::new();
    for id in s.applies {
        let wanted = id.get_ref().trim().to_ascii_uppercase();
        match readiness::STATEMENTS.iter().find(|s| **s == wanted) {
            Some(statement) => {
                applies.insert(*statement);
            }
            None => {
                let expected = Expected::StatementIds;
                problems.push(invalid(
                    source,
                    id.span(),
                    "readiness.applies",
                    id.get_ref().clone(),
                    expected,
                ));
            }
        }
    }
    Readiness { applies }
}
