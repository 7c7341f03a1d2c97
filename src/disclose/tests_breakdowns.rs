//! The attacker against participation by department, statute and
//! education level (see `tests.rs` for the whole company's tables).

use super::tests::Reader;
use super::*;
use crate::aggregate::aggregate;

/// One grouping as the attacker sees it: its name, its workforce table,
/// each group's heads (as shown, true), participation cells and true
/// participants.
type Grouping<'a> = (&'static str, Table, Vec<(Cell<u32>, u32)>, &'a [super::GroupCells], Vec<u32>);

/// Participation by department, statute and education level, each with
/// its workforce table: a system of its own, since nothing published links
/// one grouping to another beyond the headcount and everyone's
/// participants, which are shown.
pub(super) fn attack_breakdowns(plan: &Plan) {
    let figures = aggregate(plan);
    let d = disclose(plan, &figures, Edition::Council, None);
    let (w, p) = (&figures.workforce, &figures.participation);
    let department_truth = |n: &Option<String>| w.by_department.iter().position(|(m, _)| m == n).unwrap();
    let groupings: [Grouping<'_>; 3] = [
        (
            "department",
            Table::Departments,
            d.workforce
                .departments
                .iter()
                .map(|(n, c)| (c.heads, w.by_department[department_truth(n)].1.heads))
                .collect(),
            &d.participation.by_department,
            d.workforce
                .departments
                .iter()
                .map(|(n, _)| p.by_department[department_truth(n)].participants)
                .collect(),
        ),
        (
            "statute",
            Table::Statutes,
            d.workforce
                .statutes
                .iter()
                .zip(&w.by_statute)
                .map(|((_, c), (_, t))| (c.heads, t.heads))
                .collect(),
            &d.participation.by_statute,
            p.by_statute.iter().map(|g| g.participants).collect(),
        ),
        (
            "education",
            Table::Education,
            d.workforce
                .education
                .iter()
                .zip(&w.by_education)
                .map(|((_, c), (_, t))| (c.heads, t.heads))
                .collect(),
            &d.participation.by_education,
            p.by_education.iter().map(|g| g.participants).collect(),
        ),
    ];
    for (name, table, heads, cells, truth) in groupings {
        let mut r = Reader::new();
        let headcount = r.system.known(i64::from(w.total.heads));
        let everyone = r.system.known(i64::from(p.overall.participants));
        r.table(d.withheld_tables.contains(&table), 1);
        let sizes: Vec<usize> =
            heads.iter().enumerate().map(|(i, (c, t))| r.count(*c, *t, format!("{name} {i}"))).collect();
        r.system.sum(sizes.clone(), headcount);
        // Withheld whole: every participant count reads "•".
        let whole = cells.iter().all(|c| c.participants == Cell::Hidden);
        let mut parts = Vec::new();
        for (i, ((c, t), size)) in cells.iter().zip(&truth).zip(&sizes).enumerate() {
            r.table(whole, if c.heads.is_shown() { 1 } else { 0 });
            let var = r.participants(c.participants, *t, format!("participants, {name} {i}"));
            r.system.at_most(var, *size);
            parts.push(var);
        }
        r.system.sum(parts, everyone);
        r.assert_nothing_recovered(&format!("{} employees, by {name}", plan.employees.len()));
    }
}
