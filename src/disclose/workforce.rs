//! The workforce as an edition may show it: composition, flow, risk groups.

use super::{Cell, Rule, Table};
use crate::aggregate::{Count, Figures, ratio};
use crate::model::{AgeBand, EducationLevel, Gender, Plan, RiskGroup, Statute};
use crate::privacy;

/// One group's size: heads, FTE and share of the headcount.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CountCells {
    /// People in the group.
    pub heads: Cell<u32>,
    /// Their FTE.
    pub fte: Cell<f64>,
    /// Their share of the active headcount.
    pub share: Cell<Option<f64>>,
}

/// One row of the age × gender table.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AgeRow {
    /// Men, women and X (indexed by `Gender::index`).
    pub by_gender: [Cell<u32>; 3],
    /// Everyone in the row.
    pub total: Cell<u32>,
    /// Their FTE.
    pub fte: Cell<f64>,
}

/// Composition of the active workforce on the reference date.
#[derive(Debug, Clone, PartialEq)]
pub struct Workforce {
    /// The whole active workforce: always shown (a workforce smaller than
    /// the minimum group size cannot be protected; such an employer has no
    /// plan to file).
    pub total: Count,
    /// Average age of those whose age is known.
    pub average_age: Option<f64>,
    /// Share of women in the headcount.
    pub female_share: Cell<Option<f64>>,
    /// Men, women and X.
    pub genders: [CountCells; 3],
    /// Per age band, youngest first.
    pub age_bands: Vec<(AgeBand, AgeRow)>,
    /// Employees without a birth date or age, when there are any.
    pub age_unknown: Option<AgeRow>,
    /// Per department. Largest first, unless a department's size is
    /// withheld: then by name, so that the order gives nothing away.
    pub departments: Vec<(Option<String>, CountCells)>,
    /// Per worker status; `None` is "not filled in".
    pub statutes: Vec<(Option<Statute>, CountCells)>,
    /// Per education level; `None` is "not filled in".
    pub education: Vec<(Option<EducationLevel>, CountCells)>,
    /// Active employees whose nationality the data does not give.
    pub nationality_unknown: Cell<u32>,
}

impl Workforce {
    /// The number of active employees whose age is unknown, as shown.
    pub fn age_unknown_heads(&self) -> Cell<u32> {
        self.age_unknown.map_or(Cell::Shown(0), |row| row.total)
    }
}

pub(super) fn workforce(
    plan: &Plan,
    figures: &Figures,
    rule: Rule,
    linked: &super::linked::Linked,
    whole: &mut Vec<Table>,
) -> Workforce {
    let w = &figures.workforce;
    let total = w.total.heads;
    let cells = |c: Count, withheld: bool, all: bool| CountCells {
        heads: rule.count_in(c.heads, withheld, all),
        fte: rule.derived(c.fte, withheld),
        share: rule.derived(ratio(f64::from(c.heads), f64::from(total)), withheld),
    };
    // The age × gender table, its margins and the gender table are
    // protected with participation (see `linked`).
    let age = linked;
    let age_row = |counts: &[Count; 3], r: usize| AgeRow {
        by_gender: Gender::ALL
            .map(|g| rule.count_in(counts[g.index()].heads, age.cells[r][g.index()], age.whole)),
        total: rule.count_in(counts.iter().map(|c| c.heads).sum(), age.row_totals[r], age.whole),
        fte: rule.derived(counts.iter().map(|c| c.fte).sum(), age.row_totals[r]),
    };
    let genders = Gender::ALL.map(|g| cells(w.gender(g), age.column_totals[g.index()], age.whole));
    let female = w.gender(Gender::Female);
    let unknown_row = w.by_age_band.len();
    Workforce {
        total: w.total,
        average_age: w.average_age,
        female_share: rule.derived(
            ratio(f64::from(female.heads), f64::from(total)),
            age.column_totals[Gender::Female.index()],
        ),
        genders,
        age_bands: plan
            .settings
            .age_bands
            .bands()
            .zip(&w.by_age_band)
            .enumerate()
            .map(|(r, (band, counts))| (band, age_row(counts, r)))
            .collect(),
        age_unknown: w.age_unknown.iter().any(|c| c.heads > 0).then(|| age_row(&w.age_unknown, unknown_row)),
        departments: departments(&w.by_department, rule, &cells, whole),
        statutes: rows(&w.by_statute, rule, &cells, (whole, Table::Statutes)),
        education: rows(&w.by_education, rule, &cells, (whole, Table::Education)),
        nationality_unknown: {
            let n = w.nationality_unknown.heads;
            let mask = rule.mask(1, |k| privacy::primary(&[n], k));
            rule.count(n, mask[0])
        },
    }
}

/// Groups that add up to the headcount, each hidden on a small count and
/// protected against the total.
fn rows<T: Clone>(
    groups: &[(T, Count)],
    rule: Rule,
    cells: &dyn Fn(Count, bool, bool) -> CountCells,
    (whole, table): (&mut Vec<Table>, Table),
) -> Vec<(T, CountCells)> {
    let heads: Vec<u32> = groups.iter().map(|(_, c)| c.heads).collect();
    let s = rule.suppress(groups.len(), |k| privacy::list(&heads, k));
    if s.whole {
        whole.push(table);
    }
    groups
        .iter()
        .zip(s.hidden)
        .map(|((key, count), withheld)| (key.clone(), cells(*count, withheld, s.whole)))
        .collect()
}

fn departments(
    groups: &[(Option<String>, Count)],
    rule: Rule,
    cells: &dyn Fn(Count, bool, bool) -> CountCells,
    whole: &mut Vec<Table>,
) -> Vec<(Option<String>, CountCells)> {
    let mut rows = rows(groups, rule, cells, (whole, Table::Departments));
    if rows.iter().any(|(_, c)| !c.heads.is_shown()) {
        // Sorted by size, the order of the rows would rank the hidden ones.
        rows.sort_by(|(a, _), (b, _)| (a.is_none(), a).cmp(&(b.is_none(), b)));
    }
    rows
}

/// In-, out- and through-flow in the year before the plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Flow {
    /// The year before the plan.
    pub year: i16,
    /// Employed on 1 January (shown: the whole workforce).
    pub at_start: u32,
    /// Employed on 31 December.
    pub at_end: u32,
    /// Came in during the year.
    pub inflow: Cell<u32>,
    /// Left during the year.
    pub outflow: Cell<u32>,
    /// Moves between departments; `None` when the data has no previous department.
    pub moves: Option<Cell<u32>>,
    /// Per department, named ones first by name.
    pub departments: Vec<(Option<String>, FlowCells)>,
}

/// One department's flow.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FlowCells {
    /// Came in.
    pub inflow: Cell<u32>,
    /// Left.
    pub outflow: Cell<u32>,
    /// Moved in from another department.
    pub moved_in: Cell<u32>,
    /// Moved to another department.
    pub moved_out: Cell<u32>,
}

pub(super) fn flow(figures: &Figures, rule: Rule, whole: &mut Vec<Table>) -> Flow {
    let f = &figures.flow;
    // The year's start and end headcounts are shown, so in − out is known;
    // per department, each column adds up to its total.
    let mut grid = privacy::Grid::default();
    let inflow = grid.count(f.inflow.heads);
    let outflow = grid.count(f.outflow.heads);
    let (start, end) = (f.at_start.heads, f.at_end.heads);
    if end >= start {
        let difference = grid.push(end - start, privacy::Cell::Fixed);
        grid.sum(vec![outflow, difference], privacy::Total::Cell(inflow));
    } else {
        let difference = grid.push(start - end, privacy::Cell::Fixed);
        grid.sum(vec![inflow, difference], privacy::Total::Cell(outflow));
    }
    let moves = f.moves.map(|m| grid.count(m));
    let pick: [fn(&crate::aggregate::flow::DepartmentFlow) -> u32; 4] =
        [|d| d.inflow, |d| d.outflow, |d| d.moved_in, |d| d.moved_out];
    let columns: Vec<Vec<usize>> =
        pick.iter().map(|pick| f.by_department.iter().map(|(_, d)| grid.count(pick(d))).collect()).collect();
    grid.sum(columns[0].clone(), privacy::Total::Cell(inflow));
    grid.sum(columns[1].clone(), privacy::Total::Cell(outflow));
    if let Some(moves) = moves {
        grid.sum(columns[2].clone(), privacy::Total::Cell(moves));
        grid.sum(columns[3].clone(), privacy::Total::Cell(moves));
    }
    let s = rule.suppress(grid.values.len(), |k| privacy::suppress(&grid, k, &[]));
    if s.whole {
        whole.push(Table::Flow);
    }
    let cell = |i: usize| rule.count_in(grid.values[i], s.hidden[i], s.whole);
    Flow {
        year: f.year,
        at_start: start,
        at_end: end,
        inflow: cell(inflow),
        outflow: cell(outflow),
        moves: moves.map(cell),
        departments: f
            .by_department
            .iter()
            .enumerate()
            .map(|(i, (name, _))| {
                let cells = FlowCells {
                    inflow: cell(columns[0][i]),
                    outflow: cell(columns[1][i]),
                    moved_in: cell(columns[2][i]),
                    moved_out: cell(columns[3][i]),
                };
                (name.clone(), cells)
            })
            .collect(),
    }
}

/// One risk group: its size and the trainings aimed at it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RiskGroupCells {
    /// Which group.
    pub group: RiskGroup,
    /// Its size.
    pub count: CountCells,
    /// Trainings that name it as a target (part of the offer: shown).
    pub targeted_trainings: u32,
    /// Whether the data records who belongs to it.
    pub recorded: bool,
}

pub(super) fn risk_groups(figures: &Figures, rule: Rule) -> Vec<RiskGroupCells> {
    let groups = &figures.risk_groups;
    let heads: Vec<u32> = groups.iter().map(|r| r.count.heads).collect();
    // Risk groups overlap and do not add up to anything shown: each is
    // hidden on its own size only.
    let mask = rule.mask(groups.len(), |k| privacy::primary(&heads, k));
    groups
        .iter()
        .zip(mask)
        .map(|(r, withheld)| RiskGroupCells {
            group: r.group,
            count: CountCells {
                heads: rule.count(r.count.heads, withheld),
                fte: rule.derived(r.count.fte, withheld),
                share: rule.derived(r.share, withheld),
            },
            targeted_trainings: r.targeted_trainings,
            recorded: r.recorded,
        })
        .collect()
}
