//! Personal statements (internal edition only): every employee employed in
//! the plan year is told their training account, one page each. All pages
//! are typeset in one compilation of the layout's `statements.typ`; the
//! version's `statements/` folder holds one PDF per employee, cut from that
//! document, and the whole document for printing.

use super::pdf::{self, PdfIdentity, STATEMENTS};
use super::{Context, FileNames, Made, Output, OutputError, OutputFile, OutputKind};
use crate::model::Edition;
use crate::view::Fmt;
use crate::view::statements;

/// The folder of a version that holds the statements.
pub const STATEMENTS_FOLDER: &str = "statements";

/// The statements output.
pub struct Statements;

impl Output for Statements {
    fn kind(&self) -> OutputKind {
        OutputKind::Statements
    }

    /// The combined PDF, for printing.
    fn file_name(&self, names: &FileNames) -> String {
        format!("{STATEMENTS_FOLDER}/{}", names.file(Some(&names.words.statements_file), "pdf"))
    }

    fn editions(&self) -> &'static [Edition] {
        // Names and personal balances: never in the council edition.
        &[Edition::Internal]
    }

    fn render(&self, context: &Context<'_>, _: &[OutputFile]) -> Result<Made, OutputError> {
        let public = &context.disclosed.public;
        let fmt = Fmt::new(public.settings.language.strings(), None);
        let Some(view) = statements::view(context.disclosed, fmt) else { return Ok(Made::default()) };
        if view.statements.is_empty() {
            return Ok(Made::default());
        }
        // Plain data always serialises.
        let json = serde_json::to_vec(&view).unwrap_or_default();
        let images = pdf::branding_images(public.branding);
        let typeset = pdf::typeset_document(STATEMENTS, &json, &images, public.branding, context.resources)?;
        let pages = typeset.document.pages().len();
        if pages != view.statements.len() {
            let detail =
                format!("statements.typ laid out {pages} pages for {} statements", view.statements.len());
            return Err(pdf::RenderError::Layout(detail).into());
        }
        let base = format!("{}/{}", public.organisation.enterprise_number, public.settings.year);
        let identity = |suffix: &str| PdfIdentity { ident: format!("{base}/{suffix}"), date: context.date };
        let mut files =
            vec![self.file(context, pdf::export_pdf(&typeset.document, &identity("statements"))?)];
        let word = &context.names.words.statement_file;
        for (page, statement) in view.statements.iter().enumerate() {
            let bytes = pdf::export_page(&typeset.document, &identity(&statement.id), page + 1)?;
            let id = crate::text::slug(&statement.id);
            let name = format!("{STATEMENTS_FOLDER}/{word}-{}-{id}.pdf", public.settings.year);
            files.push(OutputFile { name, bytes, kind: self.kind(), edition: context.disclosed.edition });
        }
        Ok(Made { files, pages: None, warnings: typeset.warnings })
    }
}
