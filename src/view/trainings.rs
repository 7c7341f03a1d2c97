use super::{DateText, Fmt, Num};
use crate::aggregate::ratio;
use crate::disclose::usage::UsageCells;
use crate::disclose::{Cell, Disclosed};
use crate::i18n::Localised;
use crate::model::{Training, TrainingKind};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct TrainingsView {
    pub count: Num,
    pub by_kind: Vec<KindRow>,
    /// Trainings grouped by strategic goal, in the plan's order of goals;
    /// trainings without a goal come last in a group without id.
    pub groups: Vec<TrainingGroup>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TrainingGroup {
    pub id: Option<String>,
    pub title: Option<String>,
    pub trainings: Vec<TrainingRow>,
}

/// Every field of the plan template for one training.
#[derive(Debug, Clone, Serialize)]
pub struct TrainingRow {
    pub code: String,
    pub title: String,
    pub theme: Option<String>,
    pub goal: Option<String>,
    pub target_group: Option<String>,
    pub kind: TrainingKind,
    pub kind_label: String,
    pub start: Option<DateText>,
    pub end: Option<DateText>,
    /// "01/02 – 31/03/2027", or the one date that is known.
    pub period: Option<String>,
    pub language: Option<String>,
    /// The language the training's texts are in, as a code the layout
    /// hyphenates them by; `none` when the workbook does not say one we
    /// know (the layout then does not hyphenate them).
    pub lang: Option<crate::model::Language>,
    pub method: Option<String>,
    /// As planned in the sheet, or else counted from the participations.
    pub registrations: Num,
    pub duration: Num,
    pub provider: Option<String>,
    pub budget: Num,
    pub evaluation: Option<String>,
    pub risk_groups: Vec<String>,
    pub pillar: Option<String>,
    /// Counted from the participations sheet.
    pub participations: Num,
    pub completed: Num,
    pub hours: Num,
}

#[derive(Debug, Clone, Serialize)]
pub struct GoalView {
    pub id: String,
    pub title: String,
    pub description: Option<String>,
    pub measure: Option<String>,
    pub trainings: Num,
    pub hours: Num,
    pub budget: Num,
}

#[derive(Debug, Clone, Serialize)]
pub struct KindRow {
    pub key: TrainingKind,
    pub label: String,
    pub trainings: Num,
    pub participations: Num,
    pub participants: Num,
    pub hours: Num,
    pub days: Num,
    pub share_of_hours: Num,
}

#[derive(Debug, Clone, Serialize)]
pub struct TrainingRightView {
    pub hours: Num,
    pub days: Num,
    pub days_per_fte: Num,
    pub target_days_per_fte: Num,
    pub target_days: Num,
    /// Planned days per FTE as a share of the target.
    pub attainment: Num,
    pub participations: Num,
    pub budget: Num,
    pub budget_per_fte: Num,
    pub by_kind: Vec<KindRow>,
    /// The table per kind's total: hours and days of every kind.
    pub all_hours: Num,
    /// The same in days.
    pub all_days: Num,
    /// Whether initial training is shown apart from the training right.
    pub initial_apart: bool,
    /// The share of all hours (100%), for the total row of `by_kind`.
    pub total_share: Num,
}

/// The training offer, grouped by strategic goal.
pub fn view(disclosed: &Disclosed<'_>, fmt: Fmt<'_>) -> TrainingsView {
    let public = &disclosed.public;
    TrainingsView {
        count: fmt.count(public.training.trainings),
        by_kind: kind_rows(disclosed, fmt),
        groups: groups(disclosed, fmt),
    }
}

fn groups(disclosed: &Disclosed<'_>, fmt: Fmt<'_>) -> Vec<TrainingGroup> {
    let public = &disclosed.public;
    let mut groups: Vec<TrainingGroup> = public
        .strategy
        .goals
        .iter()
        .map(|g| TrainingGroup {
            id: Some(g.id.clone()),
            title: Some(g.title.clone()),
            trainings: Vec::new(),
        })
        .collect();
    let mut ungrouped = Vec::new();
    for (training, usage) in public.trainings.iter().zip(&disclosed.usage) {
        let row = row(training, usage, fmt);
        match &training.goal {
            None => ungrouped.push(row),
            Some(goal) => match groups.iter_mut().find(|g| g.id.as_deref() == Some(goal)) {
                Some(group) => group.trainings.push(row),
                // Free-text goals (the plan defines none) form their own groups.
                None => {
                    groups.push(TrainingGroup { id: None, title: Some(goal.clone()), trainings: vec![row] })
                }
            },
        }
    }
    groups.retain(|g| !g.trainings.is_empty());
    if !ungrouped.is_empty() {
        groups.push(TrainingGroup { id: None, title: None, trainings: ungrouped });
    }
    groups
}

fn row(t: &Training, usage: &UsageCells, fmt: Fmt<'_>) -> TrainingRow {
    let labels = &fmt.strings.labels;
    TrainingRow {
        code: t.code.clone(),
        title: t.title.clone(),
        theme: t.theme.clone(),
        goal: t.goal.clone(),
        target_group: t.target_group.clone(),
        kind: t.kind,
        kind_label: t.kind.label(labels).to_string(),
        start: t.start_date.map(|d| fmt.date(d)),
        end: t.end_date.map(|d| fmt.date(d)),
        period: period(t.start_date, t.end_date, fmt),
        language: t.language.clone(),
        lang: t.language.as_deref().and_then(|l| {
            crate::model::Language::from_code(l).or_else(|| crate::import::vocabulary::LANGUAGE.parse(l))
        }),
        method: t.method.clone(),
        registrations: fmt.count_cell(usage.planned),
        duration: fmt.decimal(t.duration_hours, if t.duration_hours.fract() == 0.0 { 0 } else { 1 }),
        provider: t.provider.clone(),
        budget: fmt.euro(t.budget),
        evaluation: t.evaluation.clone(),
        risk_groups: t.risk_groups.iter().map(|g| g.label(labels).to_string()).collect(),
        pillar: t.pillar.map(|p| p.label(labels).to_string()),
        participations: fmt.count_cell(usage.registrations),
        completed: fmt.count_cell(usage.completed),
        hours: fmt.cell(usage.hours, |h| fmt.hours(h)),
    }
}

fn period(start: Option<jiff::civil::Date>, end: Option<jiff::civil::Date>, fmt: Fmt<'_>) -> Option<String> {
    let short = |d| fmt.strings.date.short(d);
    match (start, end) {
        (Some(s), Some(e)) if s == e => Some(short(s)),
        (Some(s), Some(e)) if s.year() == e.year() => {
            Some(format!("{:02}/{:02} – {}", s.day(), s.month(), short(e)))
        }
        (Some(s), Some(e)) => Some(format!("{} – {}", short(s), short(e))),
        (Some(d), None) | (None, Some(d)) => Some(short(d)),
        (None, None) => None,
    }
}

/// The strategic goals with what the trainings serving each add up to.
pub fn goals(disclosed: &Disclosed<'_>, fmt: Fmt<'_>) -> Vec<super::GoalView> {
    let public = &disclosed.public;
    public
        .strategy
        .goals
        .iter()
        .map(|goal| {
            let served = public
                .trainings
                .iter()
                .zip(public.usage)
                .zip(&disclosed.usage)
                .filter(|((t, _), _)| t.goal.as_ref() == Some(&goal.id));
            let (mut count, mut hours, mut budget, mut withheld) = (0, 0.0, 0.0, false);
            for ((t, usage), cells) in served {
                count += 1;
                hours += usage.hours;
                budget += t.budget.unwrap_or(0.0);
                withheld |= cells.withheld;
            }
            // A sum over a withheld training's hours would give them away.
            let hours = if withheld { Cell::Hidden } else { Cell::Shown(hours) };
            GoalView {
                id: goal.id.clone(),
                title: goal.title.clone(),
                description: goal.description.clone(),
                measure: goal.measure.clone(),
                trainings: fmt.count(count),
                hours: fmt.cell(hours, |h| fmt.hours(h)),
                budget: fmt.euro(Some(budget)),
            }
        })
        .collect()
}

fn kind_rows(disclosed: &Disclosed<'_>, fmt: Fmt<'_>) -> Vec<KindRow> {
    let t = disclosed.public.training;
    let hours_per_day = disclosed.public.settings.hours_per_day;
    TrainingKind::ALL
        .iter()
        .map(|&kind| {
            let k = t.by_kind[kind.index()];
            let cells = disclosed.kinds[kind.index()];
            KindRow {
                key: kind,
                label: kind.label(&fmt.strings.labels).to_string(),
                trainings: fmt.count(k.trainings),
                participations: fmt.count_cell(cells.participations),
                participants: fmt.count_cell(cells.participants),
                hours: fmt.cell(cells.hours, |h| fmt.hours(h)),
                days: fmt.cell(cells.hours, |h| fmt.decimal(h / hours_per_day, 1)),
                share_of_hours: fmt.cell(cells.hours, |h| fmt.percent(ratio(h, t.all_hours))),
            }
        })
        .collect()
}

/// The training right: planned effort against the target.
pub fn training_right(disclosed: &Disclosed<'_>, fmt: Fmt<'_>) -> TrainingRightView {
    let public = &disclosed.public;
    let t = public.training;
    // The table's totals would give a withheld kind away: withheld with it.
    let total = |x: f64| if disclosed.kinds_total_withheld { Cell::Hidden } else { Cell::Shown(x) };
    TrainingRightView {
        hours: fmt.hours(t.hours),
        days: fmt.decimal(t.days, 1),
        days_per_fte: fmt.maybe_decimal(t.days_per_fte, 1),
        target_days_per_fte: super::legal::days(fmt, t.target_days_per_fte),
        target_days: fmt.decimal(t.target_days, 1),
        attainment: fmt.percent(t.days_per_fte.and_then(|d| ratio(d, t.target_days_per_fte))),
        // The total stays: the kinds withhold a second count so that it
        // gives none away.
        participations: fmt.count(t.participations),
        budget: fmt.euro(Some(t.budget)),
        budget_per_fte: fmt.euro(t.budget_per_fte),
        by_kind: kind_rows(disclosed, fmt),
        all_hours: fmt.cell(total(t.all_hours), |h| fmt.hours(h)),
        all_days: fmt.cell(total(t.all_hours), |h| fmt.decimal(h / public.settings.hours_per_day, 1)),
        initial_apart: t.initial_apart && t.by_kind[TrainingKind::Initial.index()].hours > 0.0,
        total_share: fmt.cell(total(t.all_hours), |h| fmt.percent(ratio(h, t.all_hours))),
    }
}
