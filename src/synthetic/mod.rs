//! Fictional but realistic plan folders: the bundled example, test
//! fixtures and benchmark inputs of any size. Deterministic: the same
//! spec always writes the same workbook.

pub mod batch;
mod catalogue;
mod names;
mod needs;
mod random;
mod workbook;

pub(crate) use catalogue::{Audience, TRAININGS};
pub use random::Random;

use crate::model::Language;
use crate::model::{Country, Gender, ParticipationStatus, Statute};
use catalogue::{DEPARTMENTS, Department, Job};
use jiff::civil::Date;
use jiff::{Span, ToSpan};
use std::path::Path;

/// What to generate.
#[derive(Debug, Clone)]
pub struct Spec {
    /// The organisation's name, e.g. "Voorbeeld NV".
    pub organisation: String,
    /// A valid KBO/BCE number, e.g. "0403.019.261".
    pub enterprise_number: String,
    /// The address of the registered office, e.g. "Kerkstraat 1, 9000 Gent".
    pub registered_office: String,
    /// Rows in the employees sheet, leavers and future starters included.
    pub employees: usize,
    /// Seed of the random draws: the same seed writes the same workbook.
    pub seed: u64,
    /// The plan year; the workforce is counted on 31 December before it.
    pub year: i16,
    /// Language of the plan and of the workbook's headers.
    pub language: Language,
}

impl Default for Spec {
    fn default() -> Self {
        Self {
            organisation: "Voorbeeld NV".into(),
            enterprise_number: "0403.019.261".into(),
            registered_office: "Kerkstraat 1, 9000 Gent".into(),
            employees: 150,
            seed: 2029,
            year: 2027,
            language: Language::Nl,
        }
    }
}

/// One employee row as the workbook will hold it.
pub(crate) struct EmployeeRow {
    pub id: u32,
    pub name: String,
    pub gender: Gender,
    pub birth: Date,
    pub fte: f64,
    pub start: Date,
    pub end: Option<Date>,
    pub department: &'static str,
    /// Where the employee worked before moving departments during the year before the plan.
    pub previous_department: Option<&'static str>,
    pub job: &'static Job,
    pub disability: bool,
    pub nationality: &'static str,
}

pub(crate) struct ParticipationRow {
    pub employee: u32,
    pub training: &'static str,
    pub hours: Option<f64>,
    pub status: ParticipationStatus,
    pub date: Option<Date>,
    pub cost: Option<f64>,
}

pub(crate) struct Company {
    pub spec: Spec,
    pub employees: Vec<EmployeeRow>,
    pub participations: Vec<ParticipationRow>,
}

/// Writes `plan.toml` and `gegevens.xlsx` into `dir` (created if needed).
pub fn write_plan_folder(dir: &Path, spec: &Spec) -> Result<(), Box<dyn std::error::Error>> {
    std::fs::create_dir_all(dir)?;
    let company = generate(spec);
    std::fs::write(dir.join(workbook::WORKBOOK), workbook::write(&company)?)?;
    std::fs::write(dir.join(crate::config::PLAN_FILE), workbook::plan_toml(spec))?;
    Ok(())
}

pub(crate) fn generate(spec: &Spec) -> Company {
    let mut random = Random::new(spec.seed);
    let reference = Date::new(spec.year - 1, 12, 31).unwrap_or(Date::MIN);
    let mut employees: Vec<EmployeeRow> =
        (0..spec.employees).map(|i| employee(&mut random, 10_001 + i as u32, reference)).collect();
    ensure_every_risk_group(&mut employees);
    ensure_apprentices(&mut employees, reference);
    record_moves(&mut random, &mut employees);
    let participations = participations(&mut random, &employees, spec.year, reference);
    Company { spec: spec.clone(), employees, participations }
}

fn employee(random: &mut Random, id: u32, reference: Date) -> EmployeeRow {
    let weights: Vec<(&Department, f64)> = DEPARTMENTS.iter().map(|d| (d, d.weight)).collect();
    let department = *random.weighted(&weights);
    let jobs: Vec<(&Job, f64)> = department.jobs.iter().map(|j| (j, j.weight)).collect();
    let job = *random.weighted(&jobs);
    let gender = if random.chance(0.01) {
        Gender::X
    } else if random.chance(department.female_share) {
        Gender::Female
    } else {
        Gender::Male
    };
    let age = if job.title.starts_with("Leerling") { random.range(17, 20) } else { age(random) };
    let birth = reference - (age * 365 + random.range(0, 364)).days();
    let nationality = nationality(random);
    let name = name(random, gender, nationality);
    let part_time = if gender == Gender::Female { 0.3 } else { 0.1 };
    let fte = if random.chance(part_time) { *random.pick(&[0.5, 0.6, 0.8, 0.8, 0.9]) } else { 1.0 };
    let earliest = (age - 18).max(0);
    let years_in_service = random.range(0, earliest.min(30) + 1);
    let mut start = reference - (years_in_service * 365 + random.range(1, 360)).days();
    let mut end = None;
    if random.chance(0.06) {
        // A leaver: out during the last year, but never before coming in.
        let left = reference - random.range(10, 330).days();
        end = (left > start).then_some(left);
    } else if random.chance(0.015) {
        start = reference + random.range(10, 60).days();
    }
    EmployeeRow {
        id,
        name,
        gender,
        birth,
        fte,
        start,
        end,
        department: department.name,
        previous_department: None,
        job,
        disability: random.chance(0.03),
        nationality,
    }
}

/// Ages 19-64, with the bulge of a long-established workforce in its fifties.
/// Blue-collar workers under joint committee 111 (metal), the others under
/// 200, as in a metalworking company. Derived, not drawn, so that adding
/// the column left every other value of the example as it was.
pub(crate) fn joint_committee(e: &EmployeeRow) -> &'static str {
    if e.job.statute == Statute::BlueCollar { "111" } else { "200" }
}

/// One in eleven employees prefers the other national language.
pub(crate) fn language_of(e: &EmployeeRow, plan: Language) -> Language {
    match (e.id.is_multiple_of(11), plan) {
        (true, Language::Nl) => Language::Fr,
        (true, _) => Language::Nl,
        (false, language) => language,
    }
}

/// The hourly wage cost in euro: by education, with some spread.
pub(crate) fn hourly_wage(e: &EmployeeRow) -> f64 {
    use crate::model::EducationLevel::*;
    let base = match e.job.education {
        Low => 31.0,
        Medium => 36.0,
        High => 47.0,
    };
    base + f64::from(e.id % 9) * 1.25
}

/// Days of the training right not taken at the end of `year`, for about
/// a third of those employed all that year.
pub(crate) fn balance(e: &EmployeeRow, year: i16) -> Option<f64> {
    let employed = e.start.year() < year && e.end.is_none_or(|end| end.year() > year);
    let days = f64::from(e.id % 7) * 0.5;
    (employed && e.id.is_multiple_of(3) && days > 0.0).then_some(days)
}

fn age(random: &mut Random) -> i64 {
    let bands: [((i64, i64), f64); 5] =
        [((19, 25), 0.08), ((25, 35), 0.22), ((35, 45), 0.24), ((45, 55), 0.28), ((55, 65), 0.18)];
    let (low, high) = *random.weighted(&bands);
    random.range(low, high)
}

fn nationality(random: &mut Random) -> &'static str {
    const OPTIONS: [(&str, f64); 11] = [
        ("BE", 0.86),
        ("NL", 0.02),
        ("FR", 0.01),
        ("PL", 0.015),
        ("RO", 0.01),
        ("MA", 0.03),
        ("TR", 0.02),
        ("CD", 0.01),
        ("SY", 0.008),
        ("UA", 0.01),
        ("IN", 0.007),
    ];
    random.weighted::<&str>(&OPTIONS)
}

fn name(random: &mut Random, gender: Gender, nationality: &str) -> String {
    let abroad = names::ABROAD.iter().find(|(code, ..)| *code == nationality);
    let (male, female, surnames) = match abroad {
        Some((_, male, female, surnames)) => (*male, *female, *surnames),
        None => (names::MALE_FIRST, names::FEMALE_FIRST, names::SURNAMES),
    };
    let first = match gender {
        Gender::Male => random.pick(male),
        Gender::Female => random.pick(female),
        Gender::X => {
            if random.chance(0.5) {
                random.pick(male)
            } else {
                random.pick(female)
            }
        }
    };
    format!("{first} {}", random.pick(surnames))
}

/// The example must show every risk group, however small the company.
fn ensure_every_risk_group(employees: &mut [EmployeeRow]) {
    let n = employees.len();
    if n < 10 {
        return;
    }
    let wanted_disabled = (n / 40).max(2);
    let disabled = employees.iter().filter(|e| e.disability).count();
    for e in employees.iter_mut().step_by(7).take(wanted_disabled.saturating_sub(disabled)) {
        e.disability = true;
    }
    let non_eu =
        employees.iter().filter(|e| Country::parse(e.nationality).is_some_and(|c| !c.is_eu())).count();
    if non_eu < 2 {
        for e in employees.iter_mut().skip(3).step_by(11).take(2) {
            e.nationality = "MA";
        }
    }
}

/// A few employees changed departments during the year before the plan.
fn record_moves(random: &mut Random, employees: &mut [EmployeeRow]) {
    for e in employees.iter_mut().filter(|e| e.end.is_none() && !e.job.leads) {
        if random.chance(0.04) {
            let others: Vec<&'static str> =
                DEPARTMENTS.iter().map(|d| d.name).filter(|d| *d != e.department).collect();
            e.previous_department = Some(*random.pick::<&str>(&others));
        }
    }
}

/// Quarter-end FTE as declared to the RSZ, from the reference period of the
/// plan year's two-year period (Q4 of the year before last before it
/// starts) to the last quarter before the plan year: close to today's
/// workforce, growing a little.
pub(crate) fn quarterly_fte(company: &Company) -> Vec<(i16, u8, f64)> {
    let year = company.spec.year;
    let now: f64 = company.employees.iter().map(|e| e.fte).sum();
    let (first, _) = crate::aggregate::legal::reference_quarters(year)[0];
    let quarters =
        std::iter::once((first, 4)).chain((first + 1..year).flat_map(|y| (1..=4).map(move |q| (y, q))));
    let count = quarters.clone().count();
    quarters
        .enumerate()
        .map(|(i, (y, q))| {
            let drift = 0.01 * (i as f64 - (count - 1) as f64) / 2.0;
            (y, q, ((now * (1.0 + drift)) * 10.0).round() / 10.0)
        })
        .collect()
}

/// Two apprentices, so the example shows initial training too.
fn ensure_apprentices(employees: &mut [EmployeeRow], reference: Date) {
    let Some(technical) = DEPARTMENTS.iter().find(|d| d.name == "Technische dienst") else { return };
    let Some(apprentice) = technical.jobs.iter().find(|j| j.title.starts_with("Leerling")) else { return };
    let have = employees.iter().filter(|e| std::ptr::eq(e.job, apprentice)).count();
    let candidates = employees.iter_mut().filter(|e| e.department == technical.name && e.end.is_none());
    for e in candidates.take(2usize.saturating_sub(have)) {
        e.job = apprentice;
        e.birth = reference - Span::new().days(19 * 365 + 40);
        e.start = reference - Span::new().days(120);
        e.fte = 1.0;
    }
}

fn participations(
    random: &mut Random,
    employees: &[EmployeeRow],
    year: i16,
    reference: Date,
) -> Vec<ParticipationRow> {
    let mut rows = Vec::new();
    let active: Vec<&EmployeeRow> = employees
        .iter()
        .filter(|e| e.start <= reference && e.end.is_none_or(|end| end >= reference))
        .collect();
    // Some people learn a lot, some little, and a few are not reached at all;
    // part-timers and workers near the end of their career train less often,
    // as surveys find. That unevenness is what the participation chapter shows.
    let propensity: Vec<f64> = active
        .iter()
        .map(|e| {
            let age = crate::model::age_on(e.birth, reference).unwrap_or(40);
            let damping = if e.fte < 1.0 { 0.45 } else { 1.0 } * if age >= 55 { 0.6 } else { 1.0 };
            if random.chance(0.16) { 0.0 } else { (0.45 + 1.4 * random.unit()) * damping }
        })
        .collect();
    for training in TRAININGS {
        let first = rows.len();
        let audience =
            active.iter().zip(&propensity).filter(|(e, _)| in_audience(e, training.audience, reference));
        for (e, propensity) in audience {
            // Trainings everyone in the audience follows (uptake 1) ignore propensity.
            let chance =
                if training.uptake >= 1.0 { 1.0 } else { training.uptake * UPTAKE_SCALE * propensity };
            if !random.chance(chance.min(1.0)) {
                continue;
            }
            let month = random.range(i64::from(training.months.0), i64::from(training.months.1) + 1) as i8;
            let date = Date::new(year, month, random.range(1, 28) as i8).ok();
            let status = if month <= 2 && random.chance(0.6) {
                ParticipationStatus::Completed
            } else if random.chance(0.04) {
                ParticipationStatus::Cancelled
            } else {
                ParticipationStatus::Planned
            };
            // Part-timers sometimes follow a shorter programme.
            let hours = (e.fte < 1.0 && training.hours >= 8.0 && random.chance(0.3))
                .then(|| (training.hours * e.fte).round());
            let cost = training.budget.filter(|_| training.hours >= 7.0).map(|b| (b / 10.0).round());
            rows.push(ParticipationRow {
                employee: e.id,
                training: training.code,
                hours,
                status,
                date,
                cost,
            });
        }
        // The participations share the training's budget, so that the
        // example's money reconciles (check warns where it would not).
        let registered = rows[first..].iter().filter(|r| r.cost.is_some()).count();
        if let (Some(budget), true) = (training.budget, registered > 0) {
            let share = (budget / registered as f64).floor();
            for row in rows[first..].iter_mut().filter(|r| r.cost.is_some()) {
                row.cost = Some(share);
            }
        }
    }
    rows
}

/// Calibrates the catalogue's uptakes to about 3.3 participations per employee.
const UPTAKE_SCALE: f64 = 1.75;

fn in_audience(e: &EmployeeRow, audience: Audience, reference: Date) -> bool {
    let age = crate::model::age_on(e.birth, reference).unwrap_or(0);
    match audience {
        Audience::Everyone => true,
        Audience::BlueCollar => e.job.statute == Statute::BlueCollar,
        Audience::WhiteCollar => e.job.statute != Statute::BlueCollar,
        Audience::Departments(names) => names.contains(&e.department),
        Audience::Jobs(titles) => titles.contains(&e.job.title),
        Audience::Leaders => e.job.leads,
        Audience::Aged50Plus => age >= 50,
        Audience::Disability => e.disability,
        Audience::NonEu => Country::parse(e.nationality).is_some_and(|c| !c.is_eu()),
        Audience::Newcomers => e.start > reference - Span::new().days(730),
    }
}
