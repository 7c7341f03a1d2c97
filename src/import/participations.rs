use super::Ids;
use super::reader::RowReader;
use super::table::Table;
use super::vocabulary::STATUS;
use crate::config::fields::ParticipationField as F;
use crate::model::{Employee, Participation, Settings, Training};
use crate::problem::{ProblemKind, Problems};
use std::collections::HashMap;

pub struct Known<'a> {
    pub employees: &'a [Employee],
    pub trainings: &'a [Training],
    /// Every id seen in the sheets, including rows that had problems.
    pub employee_ids: &'a Ids,
    pub training_codes: &'a Ids,
    pub employees_sheet: &'a str,
    pub trainings_sheet: &'a str,
}

/// The participations, and how many were left out because their employee's
/// or training's row was.
pub fn read(
    table: &Table<F>,
    settings: &Settings,
    known: &Known<'_>,
    problems: &mut Problems,
) -> (Vec<Participation>, u32) {
    let mut left_out = 0;
    let employees = super::EmployeeRefs::new(known.employees, known.employee_ids, known.employees_sheet);
    let training_index: HashMap<&str, usize> =
        known.trainings.iter().enumerate().map(|(i, t)| (t.code.as_str(), i)).collect();
    let mut participations = Vec::new();
    for row in table.rows() {
        let mut r = RowReader::new(&row, problems, settings);
        let employee = employees.resolve(&mut r, F::EmployeeId);
        let training = r.required_text(F::TrainingCode).and_then(|code| {
            let found = training_index.get(code.as_str()).copied();
            if found.is_none() && !known.training_codes.contains(&code) {
                let sheet = known.trainings_sheet.to_string();
                r.fail(F::TrainingCode, ProblemKind::UnknownTraining { value: code, sheet });
            }
            found
        });
        let hours = r.amount(F::Hours);
        let status = r.code(F::Status, &STATUS).unwrap_or_default();
        let date = r.date(F::Date);
        let cost = r.amount(F::Cost);
        // A row pointing at an employee or training whose own row was
        // broken is skipped silently: that row's problem is already listed.
        match (r.ok(), employee, training) {
            (true, Some(employee), Some(training)) => {
                let hours = hours.unwrap_or(known.trainings[training].duration_hours);
                participations.push(Participation { employee, training, hours, status, date, cost });
            }
            (true, ..) => left_out += 1,
            _ => {}
        }
    }
    (participations, left_out)
}
