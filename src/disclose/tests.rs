//! Disclosure on crafted companies, and an attacker's solver on random
//! tables and random companies: nothing the council edition withholds may
//! be worked out from what it shows.

use super::attack::{System, UNBOUNDED};
use super::tests_breakdowns::attack_breakdowns;
use super::*;
use crate::aggregate::aggregate;
use crate::model::employee_fixture as employee;
use crate::model::{
    Country, Edition, Gender, Nationality, Participation as Registration, ParticipationStatus, Plan, Statute,
};
use crate::privacy;
use jiff::civil::date;
use proptest::prelude::{Just, ProptestConfig, prop, prop_assume, prop_oneof, proptest};
use proptest::strategy::Strategy as Generate;

const K: u32 = 5;

/// What a reader knows of a withheld or shown count: "< 5" is 0 to 4 (0
/// where a group's participants are withheld with the group), "•" is at
/// least 5 (a count below 5 is always labelled "< 5"), unless the table is
/// withheld whole, where "•" says nothing.
fn bounds(cell: Cell<u32>, whole: bool, floor: i64) -> (i64, i64) {
    match cell {
        Cell::Shown(n) => (i64::from(n), i64::from(n)),
        Cell::Small => (floor, i64::from(K) - 1),
        Cell::Hidden if whole => (0, UNBOUNDED),
        Cell::Hidden => (i64::from(K), UNBOUNDED),
    }
}

/// An unknown for a disclosed count, remembered with its true value when
/// the edition marks it small.
pub(super) struct Reader {
    pub(super) system: System,
    truth: Vec<(usize, i64)>,
    small: Vec<(usize, i64, String)>,
    /// The table being read is withheld whole.
    whole: bool,
    /// The least a "< 5" in the table being read can be.
    floor: i64,
    /// The counts being read go with their group (participants).
    follower: bool,
}

impl Reader {
    pub(super) fn new() -> Self {
        Self {
            system: System::default(),
            truth: Vec::new(),
            small: Vec::new(),
            whole: false,
            floor: 1,
            follower: false,
        }
    }

    /// The next counts belong to a table withheld whole or not, whose
    /// small counts may be zero or not.
    pub(super) fn table(&mut self, whole: bool, floor: i64) {
        (self.whole, self.floor) = (whole, floor);
    }

    pub(super) fn count(&mut self, cell: Cell<u32>, truth: u32, what: impl Into<String>) -> usize {
        let var = self.system.unknown(0, UNBOUNDED);
        self.also(var, cell, truth, what);
        var
    }

    /// A participants count: like [`Reader::count`], withheld with its group.
    pub(super) fn participants(&mut self, cell: Cell<u32>, truth: u32, what: impl Into<String>) -> usize {
        self.follower = true;
        let var = self.count(cell, truth, what);
        self.follower = false;
        var
    }

    /// The same figure shown a second time, perhaps withheld differently.
    pub(super) fn also(&mut self, var: usize, cell: Cell<u32>, truth: u32, what: impl Into<String>) {
        let (lo, hi) = bounds(cell, self.whole, self.floor);
        // A participants count may be withheld with its group even at zero,
        // as "•": the reader cannot assume such a "•" is at least k.
        let lo = if self.follower && cell == Cell::Hidden { 0 } else { lo };
        let what = what.into();
        self.system.narrow(var, lo, hi);
        self.truth.push((var, i64::from(truth)));
        let small = truth > 0 && truth < K;
        if cell != Cell::Shown(truth) && small {
            self.small.push((var, i64::from(truth), what));
        }
    }

    /// Every small count must keep more than one possible value.
    pub(super) fn assert_nothing_recovered(&self, context: &str) {
        assert!(
            self.system.admits(&self.truth),
            "{context}: the reader's model rejects the true figures: {}",
            self.system.misfit(&self.truth)
        );
        for (var, value, what) in &self.small {
            assert!(self.system.can_differ(*var, *value), "{context}: {what} (= {value}) can be worked out");
        }
    }
}

/// A random table published with its row totals, column totals and grand
/// total: every small cell stays ambiguous.
fn attack_table(cells: &[Vec<u32>]) {
    let masks = privacy::table_with_margins(cells, K);
    let rule = Rule { k: Some(K) };
    let mut r = Reader::new();
    r.table(masks.whole, 1);
    let width = cells[0].len();
    let grand: u32 = cells.iter().flatten().sum();
    let total = r.system.known(i64::from(grand));
    let mut columns: Vec<Vec<usize>> = vec![Vec::new(); width];
    let mut row_totals = Vec::new();
    for (i, row) in cells.iter().enumerate() {
        let vars: Vec<usize> = row
            .iter()
            .enumerate()
            .map(|(j, &n)| {
                r.count(rule.count_in(n, masks.cells[i][j], masks.whole), n, format!("cell ({i}, {j})"))
            })
            .collect();
        let sum: u32 = row.iter().sum();
        let row_total =
            r.count(rule.count_in(sum, masks.row_totals[i], masks.whole), sum, format!("row total {i}"));
        for (j, var) in vars.iter().enumerate() {
            columns[j].push(*var);
        }
        r.system.sum(vars, row_total);
        row_totals.push(row_total);
    }
    let mut column_totals = Vec::new();
    for (j, column) in columns.into_iter().enumerate() {
        let sum: u32 = cells.iter().map(|row| row[j]).sum();
        let var = r.count(
            rule.count_in(sum, masks.column_totals[j], masks.whole),
            sum,
            format!("column total {j}"),
        );
        r.system.sum(column, var);
        column_totals.push(var);
    }
    r.system.sum(row_totals, total);
    r.system.sum(column_totals, total);
    r.assert_nothing_recovered(&format!("{cells:?}"));
}

/// Mostly small counts, some zeros, some large ones.
fn count() -> impl Generate<Value = u32> {
    prop_oneof![Just(0u32), 1u32..5, 1u32..60, 1u32..60]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(300), ..ProptestConfig::default() })]

    #[test]
    fn no_table_gives_a_small_count_away(
        cells in (1usize..6, 1usize..4).prop_flat_map(|(h, w)| prop::collection::vec(prop::collection::vec(count(), w), h))
    ) {
        // A whole table of fewer than k people is itself a small group no
        // suppression can protect (see `crate::privacy`).
        prop_assume!(cells.iter().flatten().sum::<u32>() >= K);
        attack_table(&cells);
    }

    #[test]
    fn no_list_of_groups_gives_a_small_count_away(counts in prop::collection::vec(count(), 1..8)) {
        prop_assume!(counts.iter().sum::<u32>() >= K);
        let suppression = privacy::list(&counts, K);
        let mask = suppression.hidden;
        let rule = Rule { k: Some(K) };
        let mut r = Reader::new();
        r.table(suppression.whole, 1);
        let total = r.system.known(i64::from(counts.iter().sum::<u32>()));
        let vars = counts.iter().zip(&mask).enumerate()
            .map(|(i, (&n, &m))| r.count(rule.count_in(n, m, suppression.whole), n, format!("group {i}")))
            .collect();
        r.system.sum(vars, total);
        r.assert_nothing_recovered(&format!("{counts:?}"));
    }
}

/// One employee of a random company: gender, age, department, status,
/// risk flags, and the trainings they are registered for.
#[derive(Debug, Clone)]
struct Person {
    gender: u8,
    age: u16,
    department: u8,
    statute: u8,
    disability: bool,
    non_eu: bool,
    bottleneck: bool,
    left: bool,
    trainings: Vec<u8>,
}

fn person() -> impl Generate<Value = Person> {
    (
        prop_oneof![8 => 0u8..2, 1 => Just(2u8)],
        prop_oneof![Just(22u16), Just(30), Just(40), Just(47), Just(52), Just(60)],
        prop_oneof![4 => 0u8..3, 1 => 3u8..6],
        0u8..4,
        prop::bool::weighted(0.1),
        prop::bool::weighted(0.1),
        prop::bool::weighted(0.3),
        prop::bool::weighted(0.1),
        prop::collection::vec(0u8..4, 0..3),
    )
        .prop_map(
            |(gender, age, department, statute, disability, non_eu, bottleneck, left, trainings)| Person {
                gender,
                age,
                department,
                statute,
                disability,
                non_eu,
                bottleneck,
                left,
                trainings,
            },
        )
}

const DEPARTMENTS: [&str; 6] = ["Productie", "Logistiek", "Verkoop", "HR", "IT", "Directie"];

fn company(people: &[Person]) -> Plan {
    let mut plan = crate::aggregate::tests::fixture();
    plan.trainings.push(plan.trainings[0].clone());
    plan.trainings[3].code = "T4".into();
    plan.employees = people
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let gender = [Gender::Male, Gender::Female, Gender::X][usize::from(p.gender)];
            let birth = date(2026 - p.age as i16, 6, 1);
            let mut e = employee(&format!("E{i}"), gender, birth, if i % 3 == 0 { 0.8 } else { 1.0 });
            e.department = Some(DEPARTMENTS[usize::from(p.department)].into());
            e.statute = [Some(Statute::BlueCollar), Some(Statute::WhiteCollar), Some(Statute::Manager), None]
                [usize::from(p.statute)];
            // Education varies with department and statute: some of each.
            e.education = [
                Some(crate::model::EducationLevel::Low),
                Some(crate::model::EducationLevel::Medium),
                Some(crate::model::EducationLevel::High),
                None,
            ][usize::from(p.department + p.statute) % 4];
            e.disability = p.disability;
            e.nationality = Country::parse(if p.non_eu { "MA" } else { "BE" }).map(Nationality::Country);
            e.bottleneck_occupation = p.bottleneck;
            if p.left {
                e.end_date = Some(date(2026, 6, 30));
            }
            e
        })
        .collect();
    plan.participations = people
        .iter()
        .enumerate()
        .flat_map(|(i, p)| {
            p.trainings.iter().map(move |&t| Registration {
                employee: i,
                training: usize::from(t),
                hours: 4.0,
                status: ParticipationStatus::Planned,
                date: None,
                cost: None,
            })
        })
        .collect();
    plan
}

/// Everything the council edition of a company publishes about the size
/// and participation of groups, as equations a reader can solve.
fn attack_company(plan: &Plan) {
    let figures = aggregate(plan);
    let d = disclose(plan, &figures, Edition::Council, None);
    let w = &figures.workforce;
    let mut r = Reader::new();
    let whole = |table: Table| d.withheld_tables.contains(&table);
    let headcount = r.system.known(i64::from(w.total.heads));
    r.table(whole(Table::AgeAndGender), 1);
    // The age × gender table, its margins, and the gender table (the same
    // column totals again).
    let mut bands: Vec<(&[crate::aggregate::Count; 3], &AgeRow)> =
        w.by_age_band.iter().zip(d.workforce.age_bands.iter().map(|(_, row)| row)).collect();
    if let Some(unknown) = &d.workforce.age_unknown {
        bands.push((&w.age_unknown, unknown));
    }
    let mut columns: Vec<Vec<usize>> = vec![Vec::new(); 3];
    let mut band_totals = Vec::new();
    for (i, (counts, row)) in bands.iter().enumerate() {
        let cells: Vec<usize> = Gender::ALL
            .iter()
            .map(|g| {
                r.count(row.by_gender[g.index()], counts[g.index()].heads, format!("age band {i}, {g:?}"))
            })
            .collect();
        let sum: u32 = counts.iter().map(|c| c.heads).sum();
        let total = r.count(row.total, sum, format!("age band {i}"));
        for (g, var) in cells.iter().enumerate() {
            columns[g].push(*var);
        }
        r.system.sum(cells, total);
        band_totals.push(total);
    }
    r.system.sum(band_totals.clone(), headcount);
    let mut genders = Vec::new();
    for (g, column) in columns.into_iter().enumerate() {
        let heads = w.by_gender[g].heads;
        let var = r.count(d.workforce.genders[g].heads, heads, format!("gender {g}"));
        r.system.sum(column, var);
        genders.push(var);
    }
    r.system.sum(genders.clone(), headcount);
    // Departments, statutes, education: each adds up to the headcount.
    for (name, table, rows) in [
        (
            "department",
            Table::Departments,
            d.workforce.departments.iter().map(|(_, c)| c.heads).collect::<Vec<_>>(),
        ),
        ("statute", Table::Statutes, d.workforce.statutes.iter().map(|(_, c)| c.heads).collect()),
        ("education", Table::Education, d.workforce.education.iter().map(|(_, c)| c.heads).collect()),
    ] {
        r.table(whole(table), 1);
        let truth: Vec<u32> = match name {
            "department" => d
                .workforce
                .departments
                .iter()
                .map(|(n, _)| w.by_department.iter().find(|(m, _)| m == n).map_or(0, |(_, c)| c.heads))
                .collect(),
            "statute" => w.by_statute.iter().map(|(_, c)| c.heads).collect(),
            _ => w.by_education.iter().map(|(_, c)| c.heads).collect(),
        };
        let vars: Vec<usize> = rows
            .iter()
            .zip(&truth)
            .enumerate()
            .map(|(i, (c, t))| r.count(*c, *t, format!("{name} {i}")))
            .collect();
        r.system.sum(vars, headcount);
    }
    // Participation: participants per group at most the group, adding up
    // to everyone's participants (shown).
    let p = &figures.participation;
    let everyone = r.system.known(i64::from(p.overall.participants));
    let mut by_gender = Vec::new();
    for (g, heads) in genders.iter().enumerate() {
        let cells = &d.participation.by_gender[g];
        r.table(whole(Table::AgeAndGender), 1);
        r.also(*heads, cells.heads, p.by_gender[g].heads, format!("participation heads, gender {g}"));
        r.table(whole(Table::ParticipationByGender), if cells.heads.is_shown() { 1 } else { 0 });
        let participants = r.participants(
            cells.participants,
            p.by_gender[g].participants,
            format!("participants, gender {g}"),
        );
        r.system.at_most(participants, *heads);
        by_gender.push(participants);
    }
    r.system.sum(by_gender, everyone);
    let mut by_band = Vec::new();
    for (i, cells) in d.participation.by_age_band.iter().enumerate() {
        r.table(whole(Table::AgeAndGender), 1);
        r.also(band_totals[i], cells.heads, p.by_age_band[i].heads, format!("participation heads, band {i}"));
        r.table(whole(Table::ParticipationByAge), if cells.heads.is_shown() { 1 } else { 0 });
        let participants = r.participants(
            cells.participants,
            p.by_age_band[i].participants,
            format!("participants, band {i}"),
        );
        r.system.at_most(participants, band_totals[i]);
        by_band.push(participants);
    }
    if d.workforce.age_unknown.is_some() {
        // Participants whose age is unknown: in no band, at most that row.
        let rest = r.system.unknown(0, UNBOUNDED);
        r.system.at_most(rest, *band_totals.last().unwrap_or(&headcount));
        by_band.push(rest);
    }
    r.system.sum(by_band, everyone);
    // Risk groups overlap: no sums, but participants at most the group.
    for (i, cells) in d.participation.by_risk_group.iter().enumerate() {
        r.table(false, 1);
        let heads = r.count(
            d.risk_groups[i].count.heads,
            figures.risk_groups[i].count.heads,
            format!("risk group {i}"),
        );
        r.also(heads, cells.heads, p.by_risk_group[i].heads, format!("participation heads, risk group {i}"));
        r.table(false, if cells.heads.is_shown() { 1 } else { 0 });
        let participants = r.participants(
            cells.participants,
            p.by_risk_group[i].participants,
            format!("participants, risk group {i}"),
        );
        r.system.at_most(participants, heads);
    }
    // Training accounts below, at and above their entitlement.
    let a = &figures.accounts;
    r.table(whole(Table::Standings), 1);
    let accounts = r.system.known(a.accounts.len() as i64);
    let standings = [(d.standings.below, a.below), (d.standings.at, a.at), (d.standings.above, a.above)]
        .iter()
        .enumerate()
        .map(|(i, (c, t))| r.count(*c, *t, format!("accounts {i}")))
        .collect();
    r.system.sum(standings, accounts);
    // The flow: start + in = end + out.
    let f = &figures.flow;
    let (start, end) =
        (r.system.known(i64::from(f.at_start.heads)), r.system.known(i64::from(f.at_end.heads)));
    r.table(whole(Table::Flow), 1);
    let inflow = r.count(d.flow.inflow, f.inflow.heads, "inflow");
    let outflow = r.count(d.flow.outflow, f.outflow.heads, "outflow");
    let both = r.system.unknown(0, UNBOUNDED);
    r.system.sum(vec![start, inflow], both);
    r.system.sum(vec![end, outflow], both);
    r.assert_nothing_recovered(&format!("{} employees", plan.employees.len()));
}

/// Cases per property: a few hundred in the suite; `ATTACK_CASES=20000`
/// for a deeper search.
fn cases(default: u32) -> u32 {
    std::env::var("ATTACK_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(default)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(150), ..ProptestConfig::default() })]

    #[test]
    fn no_company_gives_a_small_group_away(people in prop::collection::vec(person(), 5..45)) {
        let plan = company(&people);
        // A workforce smaller than k is itself a small group (see
        // `crate::privacy`): its headcount gives it away.
        prop_assume!(plan.employees.iter().filter(|e| e.is_active_on(plan.settings.reference_date)).count() >= K as usize);
        attack_company(&plan);
        attack_breakdowns(&plan);
    }
}

#[test]
fn the_internal_edition_withholds_nothing() {
    let plan = crate::aggregate::tests::fixture();
    let figures = aggregate(&plan);
    let d = disclose(&plan, &figures, Edition::Internal, None);
    assert_eq!(d.min_group_size, None);
    assert!(d.personal.is_some());
    assert!(d.workforce.genders.iter().all(|g| g.heads.is_shown() && g.fte.is_shown()));
    assert!(d.participation.by_risk_group.iter().all(|g| g.rate.is_shown()));
    assert!(d.verdicts.unassessed.is_empty());
    let council = disclose(&plan, &figures, Edition::Council, None);
    assert!(council.personal.is_none());
}

#[test]
fn a_verdict_resting_on_a_withheld_group_is_not_assessed_never_present() {
    // The fixture: 4 active employees, every group below 5. Women take part
    // at 50% against 75% for everyone: the internal edition says attention.
    let plan = crate::aggregate::tests::fixture();
    let figures = aggregate(&plan);
    let internal = disclose(&plan, &figures, Edition::Internal, None);
    let council = disclose(&plan, &figures, Edition::Council, None);
    let gender = |d: &Disclosed| {
        d.verdicts
            .checklist
            .iter()
            .find(|c| c.item == crate::aggregate::compliance::Item::Gender)
            .cloned()
            .unwrap()
    };
    assert_eq!(gender(&internal).verdict, Verdict::Attention);
    let council_gender = gender(&council);
    // Still attention, said without the withheld figures.
    assert_eq!(council_gender.verdict, Verdict::Attention);
    assert!(council_gender.low_withheld);
    assert!(council_gender.groups.is_empty());
    assert_eq!(council_gender.withheld.len(), 3);
    // No point of attention about a withheld group's participation.
    assert!(
        council
            .verdicts
            .attention
            .iter()
            .all(|a| matches!(a.concern, crate::aggregate::attention::Concern::NoTargetedTraining))
    );
    assert!(!council.verdicts.unassessed.is_empty());
    // Risk groups with a targeted training but withheld participation.
    let aged = |d: &Disclosed| d.verdicts.checklist[3].verdict;
    assert_eq!(aged(&internal), Verdict::Present);
    assert_eq!(aged(&council), Verdict::NotAssessed);
    // Missing stays missing: it rests on the offer, not on people.
    assert_eq!(council.verdicts.checklist[4].verdict, Verdict::Missing);
}

#[test]
fn departments_are_not_ranked_by_a_withheld_size() {
    let people: Vec<Person> = (0..30)
        .map(|i| Person {
            gender: (i % 2) as u8,
            age: 40,
            department: if i < 20 {
                0
            } else if i < 27 {
                1
            } else {
                3
            },
            statute: 0,
            disability: false,
            non_eu: false,
            bottleneck: false,
            left: false,
            trainings: vec![],
        })
        .collect();
    let plan = company(&people);
    let figures = aggregate(&plan);
    let names =
        |d: &Disclosed| d.workforce.departments.iter().map(|(n, _)| n.clone().unwrap()).collect::<Vec<_>>();
    let internal = disclose(&plan, &figures, Edition::Internal, None);
    assert_eq!(names(&internal), ["Productie", "Logistiek", "HR"]);
    let council = disclose(&plan, &figures, Edition::Council, None);
    assert_eq!(names(&council), ["HR", "Logistiek", "Productie"]);
    assert_eq!(council.workforce.departments[0].1.heads, Cell::Small);
}

#[test]
#[ignore]
fn debug_company() {
    let ages = [
        (1, 52, false),
        (1, 22, true),
        (1, 40, true),
        (1, 47, true),
        (0, 22, true),
        (0, 22, true),
        (1, 30, true),
        (0, 22, true),
        (0, 22, true),
        (0, 60, true),
        (0, 60, true),
    ];
    let people: Vec<Person> = ages
        .iter()
        .map(|&(g, a, t)| Person {
            gender: g,
            age: a,
            department: 0,
            statute: 0,
            disability: false,
            non_eu: false,
            bottleneck: false,
            left: false,
            trainings: if t { vec![0] } else { vec![] },
        })
        .collect();
    let plan = company(&people);
    let figures = aggregate(&plan);
    let d = disclose(&plan, &figures, Edition::Council, None);
    for (band, row) in &d.workforce.age_bands {
        eprintln!("{:?} {:?} {:?}", band.label(), row.by_gender, row.total);
    }
    eprintln!("genders {:?}", d.workforce.genders.iter().map(|g| g.heads).collect::<Vec<_>>());
    eprintln!(
        "part gender {:?}",
        d.participation.by_gender.iter().map(|g| (g.heads, g.participants)).collect::<Vec<_>>()
    );
    eprintln!(
        "part age {:?}",
        d.participation.by_age_band.iter().map(|g| (g.heads, g.participants)).collect::<Vec<_>>()
    );
    eprintln!("whole {:?}", d.withheld_tables);
    attack_company(&plan);
}

/// A table ranked by amount would rank its hidden rows too: with any
/// amount withheld, the budget per department is in the order of names.
#[test]
fn hidden_budgets_are_not_ranked() {
    let plan = crate::aggregate::tests::fixture();
    let figures = aggregate(&plan);
    let council = disclose(&plan, &figures, Edition::Council, None);
    let rows = &council.budget_by_department;
    assert!(rows.iter().any(|r| !r.amount.is_shown()), "the fixture's departments are small");
    let names: Vec<(bool, Option<String>)> =
        rows.iter().map(|r| (r.department.is_none(), r.department.clone())).collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);
}
