//! Personal statements (internal edition only): every employee employed in
//! the plan year is told their training account, one page each. The pages
//! are typeset in compilations of the layout's `statements.typ` of up to
//! 500 statements each; the
//! version's `statements/` folder holds one PDF per employee, cut from that
//! document, and the whole document for printing (in numbered parts of 500
//! pages for a larger workforce).

use super::pdf::{self, PdfIdentity, STATEMENTS};
use super::{Context, FileNames, Made, Output, OutputError, OutputFile, OutputKind};
use crate::model::Edition;
use crate::view::Fmt;
use crate::view::statements;

/// Statements typeset and printed together: a part of the workforce at a
/// time keeps memory flat (about 100 MB a part), and a part is a pile one
/// can print.
const PART: usize = 500;

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
        if !public.settings.statements {
            return Ok(Made::default());
        }
        let mut made = Made::default();
        for language in statements::languages(context.disclosed) {
            let fmt = Fmt::new(language.strings(), None);
            let Some(view) = statements::view(context.disclosed, language, fmt) else { continue };
            if view.statements.is_empty() {
                continue;
            }
            let part = self.render_language(context, view, language)?;
            made.files.extend(part.files);
            made.warnings.extend(part.warnings);
        }
        made.warnings.dedup();
        Ok(made)
    }
}

impl Statements {
    /// The statements in one language: the combined PDF is named with the
    /// language's code when it is not the plan's.
    fn render_language(
        &self,
        context: &Context<'_>,
        mut view: statements::StatementsView,
        language: crate::model::Language,
    ) -> Result<Made, OutputError> {
        let public = &context.disclosed.public;
        let other = (language != public.settings.language).then(|| language.code());
        let images = pdf::branding_images(public.branding);
        let base = format!("{}/{}", public.organisation.enterprise_number, public.settings.year);
        let identity = |suffix: &str| PdfIdentity { ident: format!("{base}/{suffix}"), date: context.date };
        let word = &context.names.words.statement_file;
        // Each part is the view around its own statements: the rest is
        // cloned once per part, never the whole workforce.
        let all = std::mem::take(&mut view.statements);
        let parts = all.len().div_ceil(PART);
        let (mut files, mut warnings) = (Vec::new(), Vec::new());
        // A part at a time, so that memory does not grow with the workforce.
        for (part, statements) in all.chunks(PART).enumerate() {
            let one = statements::StatementsView { statements: statements.to_vec(), ..view.clone() };
            // Plain data always serialises.
            let json = serde_json::to_vec(&one).unwrap_or_default();
            let typeset =
                pdf::typeset_document(STATEMENTS, &json, &images, public.branding, context.resources)?;
            let pages = typeset.document.pages().len();
            if pages != statements.len() {
                let m = &public.settings.language.strings().messages;
                let values = [("pages", pages.to_string()), ("count", statements.len().to_string())];
                let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
                let detail = crate::text::fill(&m.statements_pages, &values);
                return Err(pdf::RenderError::Layout(detail).into());
            }
            let suffix = other.map_or(String::new(), |code| format!("{code}/"));
            let combined =
                pdf::export_pdf(&typeset.document, &identity(&format!("statements/{suffix}{}", part + 1)))?;
            let mut file = self.file(context, combined);
            if let Some(code) = other {
                file.name = file.name.replace(".pdf", &format!("-{code}.pdf"));
            }
            if parts > 1 {
                // Several parts to print: numbered.
                let width = parts.to_string().len();
                file.name = file.name.replace(".pdf", &format!("-{:0width$}.pdf", part + 1));
            }
            files.push(file);
            for (page, statement) in statements.iter().enumerate() {
                let bytes = pdf::export_page(&typeset.document, &identity(&statement.id), page + 1)?;
                let id = crate::text::slug(&statement.id);
                let name = format!("{STATEMENTS_FOLDER}/{word}-{}-{id}.pdf", public.settings.year);
                files.push(OutputFile { name, bytes, kind: self.kind(), edition: context.disclosed.edition });
            }
            warnings.extend(typeset.warnings);
            if parts > 1 {
                typst::comemo::evict(0);
            }
        }
        warnings.dedup();
        Ok(Made { files, pages: None, warnings })
    }
}
