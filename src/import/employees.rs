use super::dates::Century;
use super::reader::RowReader;
use super::table::Table;
use super::vocabulary::{EDUCATION, GENDER, LANGUAGE, STATUTE};
use super::{Ids, cell};
use crate::config::ValueFormat;
use crate::config::fields::EmployeeField as F;
use crate::model::{Birth, Employee, Fte, Nationality, NationalityText, RiskGroup, Settings, Wage};
use crate::problem::{ProblemKind, Problems};

/// Reads every employee row; rows with a problem are reported and left out.
/// `ids` receives every personnel number seen, valid row or not, so that
/// participations of a broken row are not reported a second time.
pub fn read(table: &Table<F>, settings: &Settings, problems: &mut Problems, ids: &mut Ids) -> Vec<Employee> {
    let mut employees = Vec::new();
    ids.note_excluded(table, F::Id);
    for row in table.rows() {
        let mut r = RowReader::new(&row, problems, settings);
        let id = r.required_text(F::Id);
        if let Some(id) = &id
            && let Some(first) = ids.insert(id, table.cell_ref(row.index, F::Id))
        {
            let kind =
                ProblemKind::Duplicate { column: table.header(F::Id).into(), value: id.clone(), first };
            r.fail(F::Id, kind);
        }
        let gender = r.required_code(F::Gender, &GENDER);
        let birth = birth(&mut r, settings);
        let fte = fte(&mut r);
        let (start_date, end_date) = r.period(F::StartDate, F::EndDate);
        let nationality = nationality(&mut r);
        let language = language(&mut r);
        let wage = wage(&mut r);
        let employee = Employee {
            id: id.unwrap_or_default(),
            name: r.text(F::Name),
            gender: gender.unwrap_or(crate::model::Gender::X),
            birth,
            fte: fte.unwrap_or(Fte::FULL_TIME),
            start_date,
            end_date,
            department: r.text(F::Department),
            previous_department: r.text(F::PreviousDepartment),
            job_title: r.text(F::JobTitle),
            statute: r.code(F::Statute, &STATUTE),
            education: r.code(F::Education, &EDUCATION),
            disability: r.yes_no(F::Disability).unwrap_or(false),
            nationality,
            bottleneck_occupation: r.yes_no(F::Bottleneck).unwrap_or(false),
            language,
            joint_committee: r
                .text(F::JointCommittee)
                .map(|pc| crate::model::committee_number(&pc))
                .filter(|pc| !pc.is_empty()),
            wage,
        };
        if r.ok() {
            employees.push(employee);
        }
    }
    employees
}

/// The risk groups the sheet does not record: no column and no value for all.
pub fn unrecorded(table: &Table<F>) -> Vec<RiskGroup> {
    [
        (F::Disability, RiskGroup::Disability),
        (F::Nationality, RiskGroup::NonEuNationality),
        (F::Bottleneck, RiskGroup::BottleneckOccupation),
    ]
    .into_iter()
    .filter(|(field, _)| !table.records(*field))
    .map(|(_, group)| group)
    .collect()
}

/// The birth date, or else the age (taken as on the reference date). A row
/// with neither is kept, counted under "age unknown", and reported.
fn birth(r: &mut RowReader<'_, '_, F>, settings: &Settings) -> Option<Birth> {
    let dates = &settings.language.strings().date;
    let birth = if !r.is_empty(F::BirthDate) {
        let date = r.date_as(F::BirthDate, Century::NotAfter(settings.reference_date))?;
        if date > settings.reference_date {
            let kind = ProblemKind::BirthAfterReference {
                value: dates.short(date),
                reference: dates.short(settings.reference_date),
            };
            r.fail(F::BirthDate, kind);
            return None;
        }
        Birth::Date(date)
    } else if !r.is_empty(F::Age) {
        let age = r.whole_number(F::Age)?;
        Birth::AgeOnReference(u16::try_from(age).unwrap_or(u16::MAX))
    } else {
        let field = if r.row.table.has_column(F::BirthDate) { F::BirthDate } else { F::Age };
        r.warn(field, ProblemKind::AgeUnknown { column: r.header(field) });
        return None;
    };
    let age = match birth {
        Birth::Date(date) => crate::model::age_on(date, settings.reference_date).unwrap_or(0),
        Birth::AgeOnReference(age) => age,
    };
    let (min, max) = settings.working_ages;
    if !(min..=max).contains(&age) {
        let field = if matches!(birth, Birth::Date(_)) { F::BirthDate } else { F::Age };
        let kind = ProblemKind::AgeImplausible {
            column: r.header(field),
            value: r.shown(field),
            age: age.to_string(),
            reference: dates.short(settings.reference_date),
            min,
            max,
        };
        r.fail(field, kind);
        return None;
    }
    Some(birth)
}

/// The FTE, read as the mapping's format says: a fraction of a full-time
/// job by default, or a percentage, a work regime `30,4/38`, or weekly hours.
fn fte(r: &mut RowReader<'_, '_, F>) -> Option<Fte> {
    if r.is_empty(F::Fte) {
        r.missing(F::Fte);
        return None;
    }
    let format = r.row.table.format(F::Fte).cloned();
    let text = r.text(F::Fte)?;
    let value = match format {
        Some(ValueFormat::FteFraction) if text.contains('/') => {
            let (a, b) = text.split_once('/').unwrap_or_default();
            match (cell::parse_number(a), cell::parse_number(b)) {
                (Some(a), Some(b)) if b > 0.0 => a / b,
                _ => {
                    let kind = ProblemKind::NotANumber { column: r.header(F::Fte), value: r.shown(F::Fte) };
                    r.fail(F::Fte, kind);
                    return None;
                }
            }
        }
        Some(ValueFormat::FtePercent) if !text.ends_with('%') => r.number(F::Fte)? / 100.0,
        Some(ValueFormat::FteHours(full_time)) => r.number(F::Fte)? / full_time,
        _ => r.number(F::Fte)?,
    };
    let fte = Fte::new(value);
    if fte.is_none() {
        let kind = ProblemKind::FteOutOfRange { column: r.header(F::Fte), value: r.shown(F::Fte) };
        r.fail(F::Fte, kind);
    }
    fte
}

/// A country, a category (EU, non-EU) or "unknown", as written or as the
/// mapping's `values.nationality` says; anything else is an error at its
/// cell, never a guess.
fn nationality(r: &mut RowReader<'_, '_, F>) -> Option<Nationality> {
    let text = r.text(F::Nationality)?;
    match Nationality::parse(&text) {
        Some(NationalityText::Known(nationality)) => Some(nationality),
        Some(NationalityText::Unknown) => None,
        None => {
            let (column, value) = (r.row.table.header(F::Nationality).into(), r.shown(F::Nationality));
            r.fail(F::Nationality, ProblemKind::UnknownCountry { column, value });
            None
        }
    }
}

/// The language to write to the employee in: a code or a name in any of
/// our languages. Another language (German, say) is said, and the plan's
/// language is used.
fn language(r: &mut RowReader<'_, '_, F>) -> Option<crate::model::Language> {
    let text = r.text(F::Language)?;
    let found = crate::model::Language::from_code(&text).or_else(|| LANGUAGE.parse(&text));
    if found.is_none() {
        r.warn(F::Language, ProblemKind::LanguageNotWritten { value: text });
    }
    found
}

/// The pay: an hourly wage, else an annual salary; neither when the
/// workbook gives none.
fn wage(r: &mut RowReader<'_, '_, F>) -> Option<Wage> {
    if !r.is_empty(F::HourlyWage) {
        return r.amount(F::HourlyWage).map(Wage::Hourly);
    }
    if !r.is_empty(F::AnnualSalary) {
        return r.amount(F::AnnualSalary).map(Wage::Annual);
    }
    None
}
