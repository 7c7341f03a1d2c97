//! The example's training needs: the certificates its jobs and
//! departments require, who holds them until when (derived from the
//! personnel number, so the rest of the example stays as it was), and
//! which trainings deliver them.

use super::{Company, EmployeeRow};
use crate::config::fields::{CertificateField as C, CompetenceField as K, Field, RequirementField as R};
use jiff::ToSpan;
use jiff::civil::Date;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};

/// Whom a requirement applies to: a department or a job title.
enum For {
    Department(&'static str),
    Job(&'static str),
}

/// (for whom, certificate, validity in months)
const REQUIREMENTS: [(For, &str, u32); 6] = [
    (For::Department("Productie"), "VCA", 120),
    (For::Department("Assemblage"), "VCA", 120),
    (For::Department("Logistiek"), "VCA", 120),
    (For::Job("Heftruckchauffeur"), "Heftruckattest", 60),
    (For::Department("Technische dienst"), "BA4", 60),
    (For::Job("Ploegleider"), "EHBO", 36),
];

/// The certificate a training of the catalogue delivers.
pub(crate) fn delivers(code: &str) -> Option<&'static str> {
    match code {
        "VEI-01" => Some("VCA"),
        "VEI-03" => Some("Heftruckattest"),
        "VAK-03" => Some("BA4"),
        "VEI-04" => Some("EHBO"),
        "DIG-01" => Some("MES"),
        _ => None,
    }
}

fn applies(e: &EmployeeRow, to: &For) -> bool {
    match to {
        For::Department(d) => e.department == *d,
        For::Job(j) => e.job.title == *j,
    }
}

/// When `e`'s certificate for requirement `index` ends: about one in
/// eleven has none, one in six loses it during the plan year.
fn valid_until(e: &EmployeeRow, index: usize, year: i16) -> Option<Date> {
    let h = (e.id as usize * 31 + index * 7) % 66;
    if h.is_multiple_of(11) {
        return None;
    }
    let (end_year, month) =
        if h % 6 == 1 { (year, (h % 12) as i8 + 1) } else { (year + 1 + (h % 4) as i16, 6) };
    Date::new(end_year, month, 28).ok()
}

fn excel(d: Date) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
}

pub(super) fn write(
    book: &mut Workbook,
    company: &Company,
    bold: &Format,
    date: &Format,
) -> Result<(), XlsxError> {
    let language = company.spec.language;
    let sheet = book.add_worksheet();
    sheet.set_name(crate::config::fields::REQUIREMENTS.name(language))?;
    let heads = [R::Job, R::Department, R::Certificate, R::Validity];
    for (c, f) in heads.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, f.names()[language.index()], bold)?;
    }
    for (i, (to, certificate, months)) in REQUIREMENTS.iter().enumerate() {
        let r = 1 + i as u32;
        match to {
            For::Job(j) => sheet.write_string(r, 0, *j)?,
            For::Department(d) => sheet.write_string(r, 1, *d)?,
        };
        sheet.write_string(r, 2, *certificate)?;
        sheet.write_number(r, 3, f64::from(*months))?;
    }
    // One competence: working with the MES in Productie (goal D2).
    let r = 1 + REQUIREMENTS.len() as u32;
    sheet.write_string_with_format(0, 4, R::Competence.names()[language.index()], bold)?;
    sheet.write_string(r, 1, COMPETENCE_FOR)?;
    sheet.write_string(r, 4, COMPETENCE)?;
    let sheet = book.add_worksheet();
    sheet.set_name(crate::config::fields::CERTIFICATES.name(language))?;
    for (c, f) in [C::EmployeeId, C::Certificate, C::Obtained, C::ValidUntil].iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, f.names()[language.index()], bold)?;
    }
    let mut r = 1;
    for e in &company.employees {
        for (i, (to, certificate, months)) in REQUIREMENTS.iter().enumerate() {
            let Some(end) = valid_until(e, i, company.spec.year).filter(|_| applies(e, to)) else { continue };
            let obtained = end
                .checked_sub((i64::from(*months)).months())
                .unwrap_or(end)
                .checked_add(1.day())
                .unwrap_or(end);
            sheet.write_number(r, 0, f64::from(e.id))?;
            sheet.write_string(r, 1, *certificate)?;
            sheet.write_date_with_format(r, 2, &excel(obtained)?, date)?;
            sheet.write_date_with_format(r, 3, &excel(end)?, date)?;
            r += 1;
        }
    }
    competences(book, company, bold)
}

/// The competence the example asks of a department, and its levels.
const COMPETENCE: &str = "MES";
const COMPETENCE_FOR: &str = "Productie";

/// Everyone in the department: wanted level 3, present level 1-4 by
/// personnel number.
fn competences(book: &mut Workbook, company: &Company, bold: &Format) -> Result<(), XlsxError> {
    let language = company.spec.language;
    let sheet = book.add_worksheet();
    sheet.set_name(crate::config::fields::COMPETENCES.name(language))?;
    for (c, f) in [K::EmployeeId, K::Competence, K::Current, K::Wanted].iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, f.names()[language.index()], bold)?;
    }
    for (r, e) in (1..).zip(company.employees.iter().filter(|e| e.department == COMPETENCE_FOR)) {
        sheet.write_number(r, 0, f64::from(e.id))?;
        sheet.write_string(r, 1, COMPETENCE)?;
        sheet.write_number(r, 2, f64::from(1 + e.id % 4))?;
        sheet.write_number(r, 3, 3.0)?;
    }
    Ok(())
}
