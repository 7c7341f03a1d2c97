//! Workforce flow in the year before the plan: who came in, who left, who
//! moved between departments (when the data says where they came from).

use super::Count;
use crate::model::Plan;
use jiff::civil::Date;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default)]
pub struct Flow {
    pub year: i16,
    /// Employed on 1 January of the year.
    pub at_start: Count,
    pub inflow: Count,
    pub outflow: Count,
    /// Employed on 31 December of the year.
    pub at_end: Count,
    /// Moves between departments; `None` when the data has no previous department.
    pub moves: Option<u32>,
    /// Per department: in, out, moved in, moved out.
    pub by_department: Vec<(Option<String>, DepartmentFlow)>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DepartmentFlow {
    pub inflow: u32,
    pub outflow: u32,
    pub moved_in: u32,
    pub moved_out: u32,
}

pub fn flow(plan: &Plan) -> Flow {
    let year = plan.settings.year - 1;
    let (Ok(first), Ok(last)) = (Date::new(year, 1, 1), Date::new(year, 12, 31)) else {
        return Flow::default();
    };
    let in_year = |d: Option<Date>| d.is_some_and(|d| d >= first && d <= last);
    let mut flow = Flow { year, ..Flow::default() };
    let mut departments: BTreeMap<Option<String>, DepartmentFlow> = BTreeMap::new();
    let knows_moves = plan.employees.iter().any(|e| e.previous_department.is_some());
    let mut moves = 0;
    for e in &plan.employees {
        if e.is_active_on(first) {
            flow.at_start.add(e);
        }
        if e.is_active_on(last) {
            flow.at_end.add(e);
        }
        if in_year(e.start_date) {
            flow.inflow.add(e);
            departments.entry(e.department.clone()).or_default().inflow += 1;
        }
        if in_year(e.end_date) {
            flow.outflow.add(e);
            departments.entry(e.department.clone()).or_default().outflow += 1;
        }
        if let Some(previous) = &e.previous_department
            && Some(previous) != e.department.as_ref()
            && e.is_active_on(last)
        {
            moves += 1;
            departments.entry(e.department.clone()).or_default().moved_in += 1;
            departments.entry(Some(previous.clone())).or_default().moved_out += 1;
        }
    }
    flow.moves = knows_moves.then_some(moves);
    // Named departments first, alphabetically; "not filled in" last.
    let mut rows: Vec<_> = departments.into_iter().collect();
    rows.sort_by(|(a, _), (b, _)| (a.is_none(), a).cmp(&(b.is_none(), b)));
    flow.by_department = rows;
    flow
}
