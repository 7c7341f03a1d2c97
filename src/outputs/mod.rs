//! Outputs: the files one edition of a plan is written as. Each kind of
//! file implements `Output` and is registered once, in `REGISTRY`; its
//! file name, MIME type, the editions it belongs to and its place in the
//! fingerprint follow from that registration. Nothing here touches the
//! disk: every file is made in memory, and the archive writes them as one
//! new version.
//!
//! A new output is one file implementing `Output` and one line in
//! `REGISTRY` (plus the words of its file name in the wording files).

pub mod annex;
mod balances;
mod data;
mod key_figures;
mod names;
pub mod pdf;
mod statements;
mod summary;

pub(crate) use balances::{BALANCES_FORMAT, BalancesFile};
pub(crate) use key_figures::{KEY_FIGURES_FORMAT, KeyFiguresFile};
pub(crate) use names::FileNames;
pub use statements::STATEMENTS_FOLDER;

use crate::config::Sources;
use crate::disclose::Disclosed;
use crate::model::Edition;
use crate::view::{Detail, PlanView};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// A file of a plan, made in memory.
#[derive(Debug, Clone, PartialEq)]
pub struct OutputFile {
    /// Its name in the version folder.
    pub name: String,
    /// Its content.
    pub bytes: Vec<u8>,
    /// What it is.
    pub kind: OutputKind,
    /// The edition it belongs to.
    pub edition: Edition,
}

/// The kinds of file a plan is written as. Recorded in each version's
/// manifest, so that the archive finds a file by what it is, not by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutputKind {
    /// The XLSX annex.
    Annex,
    /// The typeset plan.
    Pdf,
    /// The data the PDF was typeset from.
    Data,
    /// The key figures next year's plan compares itself with.
    KeyFigures,
    /// The one-page summary for all employees.
    EmployeeSummary,
    /// The employees' personal statements of their training account.
    Statements,
    /// Each employee's days not taken, for next year's carry-over.
    Balances,
}

/// What every output of one edition reads.
pub(crate) struct Context<'a> {
    /// The edition, every figure typed as it may show it.
    pub disclosed: &'a Disclosed<'a>,
    /// The view (figures formatted, wording) of the edition.
    pub view: &'a PlanView,
    /// The view as JSON, serialised once: the layout reads the very bytes
    /// the data file keeps.
    pub view_json: &'a [u8],
    /// Rows per employee; `None` in the council edition.
    pub detail: Option<&'a Detail>,
    /// The plan's file names in its language.
    pub names: &'a FileNames,
    /// The files the plan was built from.
    pub sources: &'a Sources,
    /// The layout, fonts and cache policy of this run.
    pub resources: &'a pdf::Resources,
    /// The date written into the files (never the clock).
    pub date: Date,
}

/// What an output made, besides its files.
#[derive(Debug, Default)]
pub struct Made {
    /// The files.
    pub files: Vec<OutputFile>,
    /// Pages, for an output that typesets.
    pub pages: Option<usize>,
    /// Warnings of the layout, for an output that typesets.
    pub warnings: Vec<String>,
}

/// One kind of output file.
pub(crate) trait Output: Sync {
    /// What it is.
    fn kind(&self) -> OutputKind;

    /// Its file name, from the plan's file names.
    fn file_name(&self, names: &FileNames) -> String;

    /// The editions it is written for.
    fn editions(&self) -> &'static [Edition] {
        &Edition::ALL
    }

    /// Bumped when the file's content changes for the same data, so that a
    /// batch builds plans again.
    fn format(&self) -> u32 {
        1
    }

    /// Makes the file; `earlier` holds the files of the outputs registered
    /// before this one, for the same edition (the PDF embeds the annex).
    fn render(&self, context: &Context<'_>, earlier: &[OutputFile]) -> Result<Made, OutputError>;

    /// A file of this output.
    fn file(&self, context: &Context<'_>, bytes: Vec<u8>) -> OutputFile {
        OutputFile {
            name: self.file_name(context.names),
            bytes,
            kind: self.kind(),
            edition: context.disclosed.edition,
        }
    }
}

/// Every output, in the order they are made.
pub(crate) static REGISTRY: &[&dyn Output] = &[
    &annex::Annex,
    &pdf::Pdf,
    &data::Data,
    &key_figures::KeyFigures,
    &summary::EmployeeSummary,
    &statements::Statements,
    &balances::Balances,
];

/// The outputs and their formats, for the fingerprint: "annex:1,pdf:1,...".
pub fn identity() -> String {
    REGISTRY
        .iter()
        .map(|o| format!("{}:{}", crate::view::code(o.kind()), o.format()))
        .collect::<Vec<_>>()
        .join(",")
}

/// Why an output could not be made.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    /// The layout could not typeset the plan, or the PDF not be written.
    #[error(transparent)]
    Render(#[from] pdf::RenderError),
    /// The annex could not be written.
    #[error("{0}")]
    Annex(#[from] rust_xlsxwriter::XlsxError),
}

/// Every registered output of one edition, made in registration order.
pub(crate) fn render(context: &Context<'_>) -> Result<Made, OutputError> {
    let mut made = Made::default();
    for output in REGISTRY.iter().filter(|o| o.editions().contains(&context.disclosed.edition)) {
        let one = output.render(context, &made.files)?;
        made.files.extend(one.files);
        made.pages = made.pages.or(one.pages);
        made.warnings.extend(one.warnings);
    }
    Ok(made)
}

/// One registered output of `context`'s edition, alone (a benchmark of one
/// output; a build renders them all with [`render`]).
pub(crate) fn render_one(context: &Context<'_>, kind: OutputKind) -> Result<Made, OutputError> {
    match REGISTRY.iter().find(|o| o.kind() == kind && o.editions().contains(&context.disclosed.edition)) {
        Some(output) => output.render(context, &[]),
        None => Ok(Made::default()),
    }
}

/// MIME type by extension, as PDF/A-3 wants one for every embedded file.
pub fn mime(name: &str) -> &'static str {
    match name.rsplit('.').next().map(str::to_lowercase).as_deref() {
        Some("pdf") => "application/pdf",
        Some("xlsx") => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        Some("xls") => "application/vnd.ms-excel",
        Some("ods") => "application/vnd.oasis.opendocument.spreadsheet",
        Some("csv") => "text/csv",
        Some("toml") => "application/toml",
        Some("json") => "application/json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("ttf") => "font/ttf",
        Some("otf") => "font/otf",
        Some("typ" | "txt" | "md") => "text/plain",
        _ => "application/octet-stream",
    }
}
