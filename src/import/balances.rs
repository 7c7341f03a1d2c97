//! The optional sheet of last year's balances of the individual training
//! right (`Opleidingssaldo`): days not taken, per employee, at the end of
//! a year before the plan year.

use super::Ids;
use super::reader::RowReader;
use super::table::Table;
use crate::config::fields::BalanceField as F;
use crate::model::{Balance, CarryOver, CarrySource, Employee, Settings};
use crate::problem::{ProblemKind, Problems};
use std::collections::HashMap;

/// The balances of employees in the employees sheet. A personnel number
/// the employees sheet does not hold is a leaver, said as a warning: the
/// balance has no one to carry over to.
pub fn read(
    table: &Table<F>,
    settings: &Settings,
    employees: &[Employee],
    employee_ids: &Ids,
    problems: &mut Problems,
) -> Option<CarryOver> {
    let mut balances = HashMap::new();
    let mut seen = Ids::default();
    for row in table.rows() {
        let mut r = RowReader::new(&row, problems, settings);
        let id = r.required_text(F::EmployeeId);
        if let Some(id) = &id
            && let Some(first) = seen.insert(id, table.cell_ref(row.index, F::EmployeeId))
        {
            let kind = ProblemKind::Duplicate {
                column: table.header(F::EmployeeId).into(),
                value: id.clone(),
                first,
            };
            r.fail(F::EmployeeId, kind);
        }
        let days = r.amount(F::Days);
        if r.is_empty(F::Days) {
            r.missing(F::Days);
        }
        let year = if r.is_empty(F::Year) {
            r.missing(F::Year);
            None
        } else {
            r.whole_number(F::Year).and_then(|y| i16::try_from(y).ok())
        };
        let last_year = settings.year - 1;
        if let Some(y) = year.filter(|y| *y != last_year) {
            let kind = ProblemKind::BalanceYear { year: y.to_string(), last_year: last_year.to_string() };
            r.fail(F::Year, kind);
        }
        if let Some(id) = &id
            && !employees.iter().any(|e| &e.id == id)
            && !employee_ids.contains(id)
        {
            r.warn(F::EmployeeId, ProblemKind::BalanceNotEmployed { value: id.clone() });
        }
        if let (true, Some(id), Some(days), Some(year)) = (r.ok(), id, days, year) {
            balances.insert(id, Balance { days, year });
        }
    }
    (!balances.is_empty()).then_some(CarryOver { source: CarrySource::Sheet, balances })
}
