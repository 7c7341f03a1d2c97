//! The annual plan: year goals, forms of learning, calendar, budget,
//! suppliers, roles, rules, quality and evaluation; trainings by pillar.

use super::{Fmt, Num};
use crate::aggregate::ratio;
use crate::disclose::{Cell, Disclosed, Public};
use crate::i18n::Localised;
use crate::model::Pillar;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Serialize)]
pub struct AnnualView {
    pub goals: Vec<String>,
    pub forms_of_learning: Option<String>,
    /// Trainings and hours per learning method, most hours first.
    pub methods: Vec<ShareRow>,
    pub calendar: Vec<CalendarRow>,
    pub budget: BudgetView,
    pub suppliers: Vec<SupplierRow>,
    pub roles: Vec<RoleView>,
    pub rules: Vec<String>,
    pub quality: Option<String>,
    /// Trainings per evaluation method.
    pub evaluation: Vec<EvaluationRow>,
    pub pillars: Vec<PillarRow>,
    /// The actions for the risk groups and for equal treatment.
    pub actions: Vec<ActionView>,
}

/// One action for a group, as the plan states it.
#[derive(Debug, Clone, Serialize)]
pub struct ActionView {
    /// The group's key: a risk group's code, or `gender`.
    pub group: &'static str,
    /// What is done.
    pub action: String,
    /// Who is responsible.
    pub owner: Option<String>,
    /// By when.
    pub deadline: Option<super::DateText>,
    /// How success is measured.
    pub indicator: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ShareRow {
    pub label: String,
    pub trainings: Num,
    pub hours: Num,
    pub share: Num,
}

/// One training in the year: the months (1-12) it runs in.
#[derive(Debug, Clone, Serialize)]
pub struct CalendarRow {
    pub code: String,
    pub title: String,
    pub kind: String,
    pub first_month: Option<u8>,
    pub last_month: Option<u8>,
}

#[derive(Debug, Clone, Serialize)]
pub struct BudgetView {
    pub total: Num,
    pub per_fte: Num,
    pub by_goal: Vec<AmountRow>,
    pub by_department: Vec<AmountRow>,
    pub unassigned: Num,
}

#[derive(Debug, Clone, Serialize)]
pub struct AmountRow {
    pub label: String,
    pub amount: Num,
    pub share: Num,
}

#[derive(Debug, Clone, Serialize)]
pub struct SupplierRow {
    pub label: String,
    pub trainings: Num,
    pub hours: Num,
    pub budget: Num,
}

#[derive(Debug, Clone, Serialize)]
pub struct RoleView {
    pub role: String,
    pub responsibility: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct EvaluationRow {
    pub method: String,
    pub codes: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PillarRow {
    pub key: Option<String>,
    pub label: String,
    pub trainings: Num,
    pub hours: Num,
    pub budget: Num,
    pub titles: Vec<String>,
}

/// The annual plan chapter.
pub fn view(disclosed: &Disclosed<'_>, fmt: Fmt<'_>) -> AnnualView {
    let public = &disclosed.public;
    let a = public.annual;
    let unknown = &fmt.strings.labels.unknown;
    AnnualView {
        goals: a.goals.clone(),
        forms_of_learning: a.forms_of_learning.clone(),
        methods: methods(disclosed, fmt),
        calendar: calendar(public),
        budget: budget(disclosed, fmt),
        suppliers: public
            .suppliers
            .iter()
            .map(|s| {
                // A supplier's hours sum its trainings': withheld with one.
                let withheld = withheld_where(disclosed, |t| t.provider == s.provider);
                SupplierRow {
                    label: s.provider.clone().unwrap_or_else(|| unknown.clone()),
                    trainings: fmt.count(s.trainings),
                    hours: if withheld {
                        fmt.cell(Cell::<f64>::Hidden, |h| fmt.hours(h))
                    } else {
                        fmt.hours(s.hours)
                    },
                    budget: fmt.euro(s.budget),
                }
            })
            .collect(),
        actions: a
            .actions
            .iter()
            .map(|x| ActionView {
                group: x.group.key(),
                action: x.action.clone(),
                owner: x.owner.clone(),
                deadline: x.deadline.map(|d| fmt.date(d)),
                indicator: x.indicator.clone(),
            })
            .collect(),
        roles: a
            .roles
            .iter()
            .map(|r| RoleView { role: r.role.clone(), responsibility: r.responsibility.clone() })
            .collect(),
        rules: a.rules.clone(),
        quality: a.quality.clone(),
        evaluation: fold_evaluation(
            evaluation(public, unknown),
            fmt.strings.layout("/pdf/annual/evaluation_other"),
        ),
        pillars: pillars(disclosed, fmt),
    }
}

/// Rows of one training each that are folded into one when there are at
/// least this many.
const FOLDED: usize = 3;

/// Whether a training that `belongs` has its use withheld in this edition:
/// a sum of hours over it would give it away.
fn withheld_where(disclosed: &Disclosed<'_>, belongs: impl Fn(&crate::model::Training) -> bool) -> bool {
    disclosed.public.trainings.iter().zip(&disclosed.usage).any(|(t, u)| belongs(t) && u.withheld)
}

fn methods(disclosed: &Disclosed<'_>, fmt: Fmt<'_>) -> Vec<ShareRow> {
    let public = &disclosed.public;
    let unknown = &fmt.strings.labels.unknown;
    // Per method: trainings, hours, and whether a training's use is withheld.
    let mut by_method: BTreeMap<String, (u32, f64, bool)> = BTreeMap::new();
    for ((t, usage), cells) in public.trainings.iter().zip(public.usage).zip(&disclosed.usage) {
        let entry = by_method.entry(t.method.clone().unwrap_or_else(|| unknown.clone())).or_default();
        entry.0 += 1;
        entry.1 += usage.hours;
        entry.2 |= cells.withheld;
    }
    let total: f64 = by_method.values().map(|(_, h, _)| h).sum();
    // Most trainings first: never ordered by hours a row may withhold.
    let mut rows: Vec<_> = by_method.into_iter().collect();
    rows.sort_by(|(a, (x, _, _)), (b, (y, _, _))| y.cmp(x).then_with(|| a.cmp(b)));
    // Methods of one training each read as a list of near-copies: when
    // there are several, they are one row, the count in its label.
    let (single, mut rows): (Vec<_>, Vec<_>) = rows.into_iter().partition(|(_, (n, _, _))| *n == 1);
    if single.len() >= FOLDED {
        let hours = single.iter().map(|(_, (_, h, _))| h).sum();
        let withheld = single.iter().any(|(_, (_, _, w))| *w);
        let count = single.len().to_string();
        let label = fmt.strings.layout("/pdf/annual/methods_other").replace("{count}", &count);
        rows.push((label, (single.len() as u32, hours, withheld)));
    } else {
        rows.extend(single);
    }
    // One withheld row's share would follow from the others': all go.
    let any_withheld = rows.iter().any(|(_, (_, _, w))| *w);
    let cell = |withheld: bool, x: f64| if withheld { Cell::Hidden } else { Cell::Shown(x) };
    rows.into_iter()
        .map(|(label, (trainings, hours, withheld))| ShareRow {
            label,
            trainings: fmt.count(trainings),
            hours: fmt.cell(cell(withheld, hours), |h| fmt.hours(h)),
            share: fmt.cell(cell(any_withheld, hours), |h| fmt.percent(ratio(h, total))),
        })
        .collect()
}

fn calendar(public: &Public<'_>) -> Vec<CalendarRow> {
    let year = public.settings.year;
    // Clamped to the plan year: a training that started earlier shows from January.
    let month = |d: jiff::civil::Date| -> u8 {
        match d.year().cmp(&year) {
            std::cmp::Ordering::Less => 1,
            std::cmp::Ordering::Greater => 12,
            std::cmp::Ordering::Equal => d.month() as u8,
        }
    };
    let mut rows: Vec<CalendarRow> = public
        .trainings
        .iter()
        .map(|t| {
            let (start, end) = (t.start_date.or(t.end_date), t.end_date.or(t.start_date));
            CalendarRow {
                code: t.code.clone(),
                title: t.title.clone(),
                kind: super::code(t.kind),
                first_month: start.map(month),
                last_month: end.map(month),
            }
        })
        .collect();
    // In order of start; trainings without a period at the end.
    rows.sort_by_key(|r| (r.first_month.is_none(), r.first_month, r.last_month));
    rows
}

fn budget(disclosed: &Disclosed<'_>, fmt: Fmt<'_>) -> BudgetView {
    let public = &disclosed.public;
    let b = &public.budget;
    let labels = &fmt.strings.labels;
    let share = |amount: f64| fmt.percent(ratio(amount, b.total));
    let goal_title = |id: &Option<String>| match id {
        Some(id) => match public.strategy.goals.iter().find(|g| &g.id == id) {
            Some(goal) => format!("{} · {}", goal.id, goal.title),
            None => id.clone(),
        },
        // Trainings the plan ties to no goal, named as the trainings
        // chapter names them.
        None => fmt.strings.layout("/pdf/trainings/no_goal").to_string(),
    };
    BudgetView {
        total: fmt.euro(Some(b.total)),
        per_fte: fmt.euro(b.per_fte),
        by_goal: b
            .by_goal
            .iter()
            .map(|(id, amount)| AmountRow {
                label: goal_title(id),
                amount: fmt.euro(Some(*amount)),
                share: share(*amount),
            })
            .collect(),
        by_department: disclosed
            .budget_by_department
            .iter()
            .map(|d| AmountRow {
                label: d.department.clone().unwrap_or_else(|| labels.unknown.clone()),
                amount: fmt.cell(d.amount, |a| fmt.euro(Some(a))),
                share: fmt.cell(d.share, |s| fmt.percent(s)),
            })
            .collect(),
        unassigned: fmt.euro(Some(b.unassigned)),
    }
}

fn evaluation(public: &Public<'_>, unknown: &str) -> Vec<EvaluationRow> {
    let mut rows: Vec<EvaluationRow> = Vec::new();
    for t in public.trainings {
        let method = t.evaluation.clone().unwrap_or_else(|| unknown.to_string());
        match rows.iter_mut().find(|r| r.method == method) {
            Some(row) => row.codes.push(t.code.clone()),
            None => rows.push(EvaluationRow { method, codes: vec![t.code.clone()] }),
        }
    }
    // Most used first; "not filled in" last.
    rows.sort_by_key(|r| (r.method == unknown, std::cmp::Reverse(r.codes.len())));
    rows
}

/// The evaluation rows as the plan shows them: methods used for several
/// trainings one row each; methods of one training each in one row that
/// lists them, so that two dozen rows of one code each become a paragraph.
fn fold_evaluation(rows: Vec<EvaluationRow>, other: &str) -> Vec<EvaluationRow> {
    let (single, mut shared): (Vec<_>, Vec<_>) = rows.into_iter().partition(|r| r.codes.len() == 1);
    if single.len() < FOLDED {
        shared.extend(single);
        return shared;
    }
    let codes = single.into_iter().map(|r| format!("{}: {}", r.codes[0], r.method)).collect();
    shared.push(EvaluationRow { method: other.to_string(), codes });
    shared
}

fn pillars(disclosed: &Disclosed<'_>, fmt: Fmt<'_>) -> Vec<PillarRow> {
    let public = &disclosed.public;
    let labels = &fmt.strings.labels;
    let slots = Pillar::ALL.iter().map(|p| Some(*p)).chain(std::iter::once(None));
    slots
        .filter_map(|pillar| {
            let served: Vec<_> =
                public.trainings.iter().zip(public.usage).filter(|(t, _)| t.pillar == pillar).collect();
            if served.is_empty() && pillar.is_none() {
                return None;
            }
            Some(PillarRow {
                key: pillar.map(super::code),
                label: pillar.map_or_else(|| labels.unknown.clone(), |p| p.label(labels).to_string()),
                trainings: fmt.count(served.len() as u32),
                hours: if withheld_where(disclosed, |t| t.pillar == pillar) {
                    fmt.cell(Cell::<f64>::Hidden, |h| fmt.hours(h))
                } else {
                    fmt.hours(served.iter().map(|(_, u)| u.hours).sum())
                },
                budget: fmt.euro(Some(served.iter().filter_map(|(t, _)| t.budget).sum())),
                titles: served.iter().map(|(t, _)| t.title.clone()).collect(),
            })
        })
        .collect()
}
