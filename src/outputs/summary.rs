//! The one-page summary for all employees (`[plan] employee_summary`):
//! the council edition's view, typeset from the layout's `employees.typ`
//! in plain words, to hand out or hang up. It shows nothing the council
//! edition does not.

use super::pdf::{self, EMPLOYEES, PdfIdentity};
use super::{Context, FileNames, Made, Output, OutputError, OutputKind};
use crate::model::Edition;

/// The employees' summary output.
pub struct EmployeeSummary;

impl Output for EmployeeSummary {
    fn kind(&self) -> OutputKind {
        OutputKind::EmployeeSummary
    }

    fn file_name(&self, names: &FileNames) -> String {
        names.file(Some(&names.words.summary_file), "pdf")
    }

    fn editions(&self) -> &'static [Edition] {
        // For everyone: only what the council edition may show.
        &[Edition::Council]
    }

    fn render(&self, context: &Context<'_>, _: &[super::OutputFile]) -> Result<Made, OutputError> {
        let public = &context.disclosed.public;
        if !public.settings.employee_summary {
            return Ok(Made::default());
        }
        let images = pdf::branding_images(public.branding);
        let typeset =
            pdf::typeset_document(EMPLOYEES, context.view_json, &images, public.branding, context.resources)?;
        let ident = format!("{}/{}/employees", public.organisation.enterprise_number, public.settings.year);
        let bytes = pdf::export_pdf(&typeset.document, &PdfIdentity { ident, date: context.date })?;
        Ok(Made { files: vec![self.file(context, bytes)], pages: None, warnings: typeset.warnings })
    }
}
