//! Import: a plan folder (`plan.toml` plus a workbook) becomes a validated
//! [`Plan`], or the complete list of problems that stand in the way.

mod balances;
mod cell;
mod dates;
mod employees;
mod exclude;
mod needs;

mod participations;
mod proposal;
mod quarters;
mod read;
mod reader;
pub(crate) mod rows;
mod table;
mod title_language;
mod trainings;
pub(crate) mod vocabulary;
mod workbook;

use crate::config::{self, PlanConfig, SheetMapping, fields};
use crate::model::Plan;
use crate::problem::{CellRef, ProblemKind, Problems};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use workbook::Workbook;

/// A plan that passed validation, with the warnings met on the way.
pub struct Imported {
    /// The plan, with every reference between its sheets resolved.
    pub plan: Plan,
    pub(crate) warnings: Problems,
}

/// Reads and validates the plan folder at `plan_dir`. On failure the list
/// holds every problem found, in `plan.toml` and in the workbooks.
pub fn load(plan_dir: &Path) -> Result<Imported, Problems> {
    let (config, problems) = config::read(plan_dir)?;
    load_workbooks(config, problems)
}

/// Reads the workbooks a parsed `plan.toml` points at; `problems` holds
/// what was already found in `plan.toml`.
pub(crate) fn load_workbooks(config: PlanConfig, mut problems: Problems) -> Result<Imported, Problems> {
    let PlanConfig { organisation, settings, strategy, annual, consultation, readiness, input, branding } =
        config;
    let language = settings.language;
    let mut books = Workbooks::default();
    let employee_table = books.table(&fields::EMPLOYEES, &input.employees, language, &mut problems);
    let training_table = books.table(&fields::TRAININGS, &input.trainings, language, &mut problems);
    let participation_table =
        books.table(&fields::PARTICIPATIONS, &input.participations, language, &mut problems);
    let quarter_table = books.table(&fields::QUARTERS, &input.quarterly_fte, language, &mut problems);
    let balance_table = books.table(&fields::BALANCES, &input.training_balance, language, &mut problems);
    let requirement_table =
        books.table(&fields::REQUIREMENTS, &input.job_requirements, language, &mut problems);
    let certificate_table = books.table(&fields::CERTIFICATES, &input.certificates, language, &mut problems);
    let competence_table = books.table(&fields::COMPETENCES, &input.competences, language, &mut problems);

    let unrecorded = employee_table.as_ref().map(employees::unrecorded).unwrap_or_default();
    let mut employee_ids = Ids::default();
    let employees = employee_table
        .as_ref()
        .map(|t| employees::read(t, &settings, &mut problems, &mut employee_ids))
        .unwrap_or_default();
    let mut training_codes = Ids::default();
    let trainings = training_table
        .as_ref()
        .map(|t| trainings::read(t, &settings, &strategy, &mut problems, &mut training_codes))
        .unwrap_or_default();
    let (participations, participations_left_out) =
        match (&participation_table, &employee_table, &training_table) {
            (Some(table), Some(e), Some(t)) => {
                let known = participations::Known {
                    employees: &employees,
                    trainings: &trainings,
                    employee_ids: &employee_ids,
                    training_codes: &training_codes,
                    employees_sheet: &e.sheet,
                    trainings_sheet: &t.sheet,
                };
                participations::read(table, &settings, &known, &mut problems)
            }
            _ => (Vec::new(), 0),
        };
    let quarterly_fte = quarter_table
        .as_ref()
        .map(|t| quarters::read(t, &settings, employees.len(), &mut problems))
        .unwrap_or_default();
    let carry_over = balance_table
        .as_ref()
        .and_then(|t| balances::read(t, &settings, &employees, &employee_ids, &mut problems));
    let needs = match &employee_table {
        Some(e) => {
            let known = needs::Known {
                employees: &employees,
                employee_ids: &employee_ids,
                employees_sheet: &e.sheet,
            };
            let requirements = requirement_table
                .as_ref()
                .map(|t| needs::requirements(t, &settings, &known, &mut problems))
                .unwrap_or_default();
            let certificates = certificate_table
                .as_ref()
                .map(|t| needs::certificates(t, &settings, &known, &requirements, &mut problems))
                .unwrap_or_default();
            let competences = competence_table
                .as_ref()
                .map(|t| needs::competences(t, &settings, &known, &mut problems))
                .unwrap_or_default();
            crate::model::needs::TrainingNeeds { requirements, certificates, competences }
        }
        None => Default::default(),
    };
    let left_out = employee_table.as_ref().map_or(0, |t| t.left_out())
        + training_table.as_ref().map_or(0, |t| t.left_out())
        + participation_table.as_ref().map_or(0, |t| t.left_out())
        + quarter_table.as_ref().map_or(0, |t| t.left_out())
        + balance_table.as_ref().map_or(0, |t| t.left_out())
        + requirement_table.as_ref().map_or(0, |t| t.left_out())
        + certificate_table.as_ref().map_or(0, |t| t.left_out())
        + competence_table.as_ref().map_or(0, |t| t.left_out())
        + participations_left_out;
    if let Some(table) = &training_table {
        warn_costs_above_budget(&trainings, &participations, table, settings.language, &mut problems);
    }
    if problems.has_errors() {
        return Err(problems);
    }
    let plan = Plan {
        organisation,
        settings,
        strategy,
        annual,
        consultation,
        readiness,
        branding,
        employees,
        trainings,
        participations,
        quarterly_fte,
        left_out,
        unrecorded,
        carry_over,
        needs,
    };
    Ok(Imported { plan, warnings: problems })
}

/// Participation costs beyond a training's budget: one of the two is wrong,
/// and the plan's money would not reconcile.
fn warn_costs_above_budget(
    trainings: &[crate::model::Training],
    participations: &[crate::model::Participation],
    table: &table::Table<fields::TrainingField>,
    language: crate::model::Language,
    problems: &mut Problems,
) {
    let number = &language.strings().number;
    for (index, training) in trainings.iter().enumerate() {
        let Some(budget) = training.budget else { continue };
        let costs: f64 =
            participations.iter().filter(|p| p.training == index && p.counts()).filter_map(|p| p.cost).sum();
        if costs > budget + 0.005 {
            let kind = ProblemKind::CostsAboveBudget {
                code: training.code.clone(),
                costs: number.euro(costs),
                budget: number.euro(budget),
            };
            problems.warning(crate::problem::Location::sheet(&table.file, &table.sheet), kind);
        }
    }
}

/// Workbooks opened once each, however many sheets come from them.
#[derive(Default)]
struct Workbooks {
    open: HashMap<PathBuf, Option<Workbook>>,
}

impl Workbooks {
    fn table<F: fields::Field>(
        &mut self,
        spec: &fields::SheetSpec<F>,
        mapping: &SheetMapping,
        language: crate::model::Language,
        problems: &mut Problems,
    ) -> Option<table::Table<F>> {
        let book = self
            .open
            .entry(mapping.workbook.clone())
            .or_insert_with(|| {
                let options = read::TextOptions { delimiter: mapping.delimiter, encoding: mapping.encoding };
                Workbook::open(&mapping.workbook, options, problems)
            })
            .as_ref()?;
        book.table(spec, mapping, language, problems)
    }
}

/// Employees as other sheets refer to them, by personnel number.
pub(crate) struct EmployeeRefs<'a> {
    index: HashMap<&'a str, usize>,
    /// Every id seen in the employees sheet, including rows with problems.
    ids: &'a Ids,
    /// The employees sheet's name, for messages.
    sheet: &'a str,
}

impl<'a> EmployeeRefs<'a> {
    pub fn new(employees: &'a [crate::model::Employee], ids: &'a Ids, sheet: &'a str) -> Self {
        let index = employees.iter().enumerate().map(|(i, e)| (e.id.as_str(), i)).collect();
        Self { index, ids, sheet }
    }

    /// The employee the cell `field` of a row names. An unknown number is
    /// an error at the cell; one whose own row had a problem is skipped
    /// silently, since that problem is listed already.
    pub fn resolve<F: fields::Field>(&self, r: &mut reader::RowReader<'_, '_, F>, field: F) -> Option<usize> {
        let id = r.required_text(field)?;
        let found = self.index.get(id.as_str()).copied();
        if found.is_none() && !self.ids.contains(&id) {
            r.fail(field, ProblemKind::UnknownEmployee { value: id, sheet: self.sheet.to_string() });
        }
        found
    }
}

/// Ids seen in a sheet, with the cell of their first occurrence.
#[derive(Default)]
pub(crate) struct Ids {
    first_seen: HashMap<String, CellRef>,
    /// Ids of rows an exclusion rule left out: rows that refer to them are
    /// left out too, and a valid row may share the id (a rehire).
    excluded: std::collections::HashSet<String>,
}

impl Ids {
    /// Records `id`; when it was seen before, returns that earlier cell.
    pub fn insert(&mut self, id: &str, at: CellRef) -> Option<String> {
        match self.first_seen.get(id) {
            Some(first) => Some(first.to_string()),
            None => {
                self.first_seen.insert(id.to_string(), at);
                None
            }
        }
    }

    pub fn contains(&self, id: &str) -> bool {
        self.first_seen.contains_key(id) || self.excluded.contains(id)
    }

    /// Notes the id of every row of `table` an exclusion rule left out.
    pub fn note_excluded<F: fields::Field>(&mut self, table: &table::Table<F>, id: F) {
        for row in table.excluded() {
            if let Some(text) = cell::text(row.get(id)) {
                self.excluded.insert(text);
            }
        }
    }
}

/// Whether `bytes` are a workbook (or, for a `.csv`/`.tsv` `name`, a text
/// export) this tool can read, within its limits; else why not.
pub(crate) fn readable(bytes: &[u8], name: &str) -> Result<(), String> {
    let read = std::panic::catch_unwind(|| read::read_named(bytes, name, read::TextOptions::default()));
    match read {
        Ok(Ok(_)) => Ok(()),
        Ok(Err(error)) => Err(error.to_string()),
        Err(_) => Err("the file is damaged".to_string()),
    }
}
