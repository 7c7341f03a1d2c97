//! The optional sheets of training needs: job requirements, certificates
//! held and competence levels. A reference to someone the employees sheet
//! does not hold, a certificate that expires before it was obtained or a
//! level outside 1-4 is an error at its cell; a requirement for a job or
//! department nobody has, or a certificate no requirement asks for, is a
//! warning.

use super::Ids;
use super::reader::RowReader;
use super::table::Table;
use crate::config::fields::{CertificateField as C, CompetenceField as K, RequirementField as R};
use crate::model::needs::{CompetenceLevel, HeldCertificate, Need, Requirement, Scope};
use crate::model::{Employee, Settings};
use crate::problem::{ProblemKind, Problems};

/// What the needs sheets refer to.
pub struct Known<'a> {
    pub employees: &'a [Employee],
    /// Every id seen in the employees sheet, including rows with problems.
    pub employee_ids: &'a Ids,
    pub employees_sheet: &'a str,
}

pub fn requirements(
    table: &Table<R>,
    settings: &Settings,
    known: &Known<'_>,
    problems: &mut Problems,
) -> Vec<Requirement> {
    let mut out = Vec::new();
    for row in table.rows() {
        let mut r = RowReader::new(&row, problems, settings);
        let scope = match (r.text(R::Job), r.text(R::Department)) {
            (Some(job), _) => Some(Scope::Job(job)),
            (None, Some(department)) => Some(Scope::Department(department)),
            (None, None) => {
                r.fail(R::Job, ProblemKind::RequirementScope);
                None
            }
        };
        let need = match (r.text(R::Certificate), r.text(R::Competence)) {
            (Some(certificate), _) => Some(Need::Certificate(certificate)),
            (None, Some(competence)) => Some(Need::Competence(competence)),
            (None, None) => {
                r.fail(R::Certificate, ProblemKind::RequirementNeed);
                None
            }
        };
        let validity_months = if r.is_empty(R::Validity) { None } else { r.whole_number(R::Validity) };
        let mandatory = r.yes_no(R::Mandatory).unwrap_or(true);
        if let Some(scope) = &scope
            && !known.employees.iter().any(|e| scope.covers(e))
        {
            let (field, value) = match scope {
                Scope::Job(v) => (R::Job, v.clone()),
                Scope::Department(v) => (R::Department, v.clone()),
            };
            r.warn(field, ProblemKind::RequirementNobody { value });
        }
        if let (true, Some(scope), Some(need)) = (r.ok(), scope, need) {
            out.push(Requirement { scope, need, validity_months, mandatory });
        }
    }
    out
}

pub fn certificates(
    table: &Table<C>,
    settings: &Settings,
    known: &Known<'_>,
    required: &[Requirement],
    problems: &mut Problems,
) -> Vec<HeldCertificate> {
    let refs = super::EmployeeRefs::new(known.employees, known.employee_ids, known.employees_sheet);
    let asked = |name: &str| {
        required.iter().any(
            |q| matches!(&q.need, Need::Certificate(c) if crate::text::fold(c) == crate::text::fold(name)),
        )
    };
    let mut out = Vec::new();
    for row in table.rows() {
        let mut r = RowReader::new(&row, problems, settings);
        let employee = refs.resolve(&mut r, C::EmployeeId);
        let name = r.required_text(C::Certificate);
        let obtained = r.date(C::Obtained);
        let valid_until = r.date(C::ValidUntil);
        if let (Some(from), Some(to)) = (obtained, valid_until)
            && to < from
        {
            let dates = &settings.language.strings().date;
            let kind = ProblemKind::ExpiresBeforeObtained {
                obtained: dates.short(from),
                valid_until: dates.short(to),
            };
            r.fail(C::ValidUntil, kind);
        }
        if let Some(name) = &name
            && !required.is_empty()
            && !asked(name)
        {
            r.warn(C::Certificate, ProblemKind::CertificateNotRequired { value: name.clone() });
        }
        if let (true, Some(employee), Some(name)) = (r.ok(), employee, name) {
            out.push(HeldCertificate { employee, name, obtained, valid_until });
        }
    }
    out
}

pub fn competences(
    table: &Table<K>,
    settings: &Settings,
    known: &Known<'_>,
    problems: &mut Problems,
) -> Vec<CompetenceLevel> {
    let refs = super::EmployeeRefs::new(known.employees, known.employee_ids, known.employees_sheet);
    let mut out = Vec::new();
    for row in table.rows() {
        let mut r = RowReader::new(&row, problems, settings);
        let employee = refs.resolve(&mut r, K::EmployeeId);
        let competence = r.required_text(K::Competence);
        let level = |r: &mut RowReader<'_, '_, K>, field: K| {
            if r.is_empty(field) {
                r.missing(field);
                return None;
            }
            let n = r.whole_number(field)?;
            if !(1..=4).contains(&n) {
                let (column, value) = (r.header(field), r.shown(field));
                r.fail(field, ProblemKind::LevelOutOfRange { column, value });
                return None;
            }
            Some(n as u8)
        };
        let current = level(&mut r, K::Current);
        let wanted = level(&mut r, K::Wanted);
        if let (true, Some(employee), Some(competence), Some(current), Some(wanted)) =
            (r.ok(), employee, competence, current, wanted)
        {
            out.push(CompetenceLevel { employee, competence, current, wanted });
        }
    }
    out
}
