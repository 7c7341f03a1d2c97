use super::Ids;
use super::reader::RowReader;
use super::table::Table;
use super::vocabulary::{PILLAR, RISK_GROUP, TRAINING_KIND};
use crate::config::fields::TrainingField as F;
use crate::model::{Settings, Strategy, Training, TrainingKind};
use crate::problem::{ProblemKind, Problems};
use crate::text::fold;

/// Reads every training row; rows with a problem are reported and left out.
pub fn read(
    table: &Table<F>,
    settings: &Settings,
    strategy: &Strategy,
    problems: &mut Problems,
    codes: &mut Ids,
) -> Vec<Training> {
    codes.note_excluded(table, F::Code);
    let mut trainings = Vec::new();
    for row in table.rows() {
        let mut r = RowReader::new(&row, problems, settings);
        let code = r.required_text(F::Code);
        if let Some(code) = &code
            && let Some(first) = codes.insert(code, table.cell_ref(row.index, F::Code))
        {
            let kind =
                ProblemKind::Duplicate { column: table.header(F::Code).into(), value: code.clone(), first };
            r.fail(F::Code, kind);
        }
        let title = r.required_text(F::Title);
        let kind = r.required_code(F::Kind, &TRAINING_KIND);
        let duration_hours = duration(&mut r);
        let (start_date, end_date) = r.period(F::StartDate, F::EndDate);
        let goal = goal(&mut r, strategy);
        let training = Training {
            code: code.unwrap_or_default(),
            title: title.unwrap_or_default(),
            theme: r.text(F::Theme),
            goal,
            target_group: r.text(F::TargetGroup),
            kind: kind.unwrap_or(TrainingKind::Formal),
            start_date,
            end_date,
            language: r.text(F::Language),
            method: r.text(F::Method),
            registrations: r.whole_number(F::Registrations),
            duration_hours: duration_hours.unwrap_or(0.0),
            provider: r.text(F::Provider),
            budget: r.amount(F::Budget),
            evaluation: r.text(F::Evaluation),
            risk_groups: r.codes(F::RiskGroups, &RISK_GROUP),
            pillar: r.code(F::Pillar, &PILLAR),
            delivers: r.text(F::Delivers),
        };
        if r.ok() {
            warn_title_language(&training, table, row.index, settings, problems);
            trainings.push(training);
        }
    }
    trainings
}

fn duration(r: &mut RowReader<'_, '_, F>) -> Option<f64> {
    if r.is_empty(F::Duration) {
        r.missing(F::Duration);
        return None;
    }
    r.amount(F::Duration)
}

/// The goal id as `plan.toml` spells it. When the plan defines no goals the
/// column is taken as free text.
fn goal(r: &mut RowReader<'_, '_, F>, strategy: &Strategy) -> Option<String> {
    let text = r.text(F::Goal)?;
    if strategy.goals.is_empty() {
        return Some(text);
    }
    let key = fold(&text);
    let found = strategy.goals.iter().find(|g| fold(&g.id) == key || fold(&g.title) == key);
    if found.is_none() {
        let known = strategy.goals.iter().map(|g| g.id.clone()).collect();
        r.fail(F::Goal, ProblemKind::UnknownGoal { value: text, known });
    }
    found.map(|g| g.id.clone())
}

/// A title in one language with another in the Language column: said at
/// the Language cell.
fn warn_title_language(
    training: &Training,
    table: &Table<F>,
    row: u32,
    settings: &Settings,
    problems: &mut Problems,
) {
    let Some(said) = &training.language else { return };
    let Some((written, named)) = super::title_language::contradiction(&training.title, said) else { return };
    let names = &settings.language.strings().messages.language_names;
    let name = |l: crate::model::Language| names.get(l.code()).cloned().unwrap_or_default();
    let kind =
        ProblemKind::TitleLanguage { code: training.code.clone(), written: name(written), said: name(named) };
    let at = crate::problem::Location::cell(&table.file, &table.sheet, table.cell_ref(row, F::Language));
    problems.warning(at, kind);
}
