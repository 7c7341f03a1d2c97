use super::fields::EmployeeField as F;
use super::reader::RowReader;
use super::vocabulary::{EDUCATION, GENDER, STATUTE};
use super::workbook::Table;
use super::{Ids, cell};
use crate::model::{Country, Employee, Fte, Settings};
use crate::problem::{ProblemKind, Problems};

/// Reads every employee row; rows with a problem are reported and left out.
/// `ids` receives every personnel number seen, valid row or not, so that
/// participations of a broken row are not reported a second time.
pub fn read(table: &Table<F>, settings: &Settings, problems: &mut Problems, ids: &mut Ids) -> Vec<Employee> {
    let mut employees = Vec::new();
    for row in table.rows() {
        let mut r = RowReader::new(&row, problems, settings.language);
        let id = r.required_text(F::Id);
        if let Some(id) = &id
            && let Some(first) = ids.insert(id, table.cell_ref(row.index, F::Id))
        {
            let kind =
                ProblemKind::Duplicate { column: table.header(F::Id).into(), value: id.clone(), first };
            r.fail(F::Id, kind);
        }
        let gender = r.required_code(F::Gender, &GENDER);
        let birth_date = birth_date(&mut r, settings);
        let fte = fte(&mut r);
        let (start_date, end_date) = r.period(F::StartDate, F::EndDate);
        let nationality = nationality(&mut r);
        let employee = Employee {
            id: id.unwrap_or_default(),
            name: r.text(F::Name),
            gender: gender.unwrap_or(crate::model::Gender::X),
            birth_date,
            fte: fte.unwrap_or(Fte::FULL_TIME),
            start_date,
            end_date,
            department: r.text(F::Department),
            job_title: r.text(F::JobTitle),
            statute: r.code(F::Statute, &STATUTE),
            education: r.code(F::Education, &EDUCATION),
            disability: r.yes_no(F::Disability).unwrap_or(false),
            nationality,
            bottleneck_occupation: r.yes_no(F::Bottleneck).unwrap_or(false),
        };
        if r.ok() {
            employees.push(employee);
        }
    }
    employees
}

fn birth_date(r: &mut RowReader<'_, '_, F>, settings: &Settings) -> Option<jiff::civil::Date> {
    if cell::text(r.row.get(F::BirthDate)).is_none() {
        r.missing(F::BirthDate);
        return None;
    }
    let birth = r.date(F::BirthDate)?;
    if birth > settings.reference_date {
        let dates = &settings.language.strings().date;
        let kind = ProblemKind::BirthAfterReference {
            value: dates.short(birth),
            reference: dates.short(settings.reference_date),
        };
        r.fail(F::BirthDate, kind);
        return None;
    }
    Some(birth)
}

fn fte(r: &mut RowReader<'_, '_, F>) -> Option<Fte> {
    if cell::text(r.row.get(F::Fte)).is_none() {
        r.missing(F::Fte);
        return None;
    }
    let value = r.number(F::Fte)?;
    let fte = Fte::new(value);
    if fte.is_none() {
        let kind = ProblemKind::FteOutOfRange {
            column: r.row.table.header(F::Fte).into(),
            value: cell::shown(r.row.get(F::Fte)),
        };
        r.fail(F::Fte, kind);
    }
    fte
}

fn nationality(r: &mut RowReader<'_, '_, F>) -> Option<Country> {
    let text = r.text(F::Nationality)?;
    let country = Country::parse(&text);
    if country.is_none() {
        let kind =
            ProblemKind::UnknownCountry { column: r.row.table.header(F::Nationality).into(), value: text };
        r.fail(F::Nationality, kind);
    }
    country
}
