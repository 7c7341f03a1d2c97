//! Typesetting with the embedded Typst compiler, and the PDF export.

use super::{FontSet, Layout, PlanWorld, RenderError};
use jiff::civil::Date;
use std::collections::HashMap;
use typst::World;
use typst::WorldExt;
use typst::diag::{Severity, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Smart};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

/// Where the layout finds the plan's view.
pub const DATA_PATH: &str = "/data.json";

/// A typeset document and the layout's warnings.
pub struct Typeset {
    /// The laid-out pages, ready for the PDF export.
    pub document: PagedDocument,
    /// The layout's warnings, each with its place in the layout's files.
    pub warnings: Vec<String>,
}

/// What a document reads besides its layout: the view as `/data.json` and
/// the files the plan brings along (logos), each under a virtual path.
pub struct Inputs {
    files: HashMap<String, Bytes>,
    /// The layout file to typeset (the plan's `/main.typ`, or another
    /// document of the same layout, such as the employees' summary).
    main: &'static str,
}

impl Inputs {
    /// Only the view, as JSON, at `/data.json` where the layout reads it,
    /// with any text the fonts cannot show replaced.
    pub fn new(view_json: &[u8]) -> Self {
        let json = super::for_typesetting(view_json);
        Self { files: HashMap::from([(DATA_PATH.to_string(), Bytes::new(json))]), main: super::layout::MAIN }
    }

    /// These inputs typeset from the layout file `main` instead.
    pub(crate) fn with_main(mut self, main: &'static str) -> Self {
        self.main = main;
        self
    }

    pub(crate) fn with_file(mut self, path: String, bytes: std::sync::Arc<[u8]>) -> Self {
        self.files.insert(path, Bytes::new(bytes));
        self
    }
}

/// Typesets the view with `layout` and `fonts`, then trims Typst's cache
/// as `cache` says.
pub fn typeset(
    inputs: Inputs,
    layout: &Layout,
    fonts: &FontSet,
    cache: CachePolicy,
) -> Result<Typeset, RenderError> {
    let world = PlanWorld::new(layout, fonts, inputs.files, inputs.main);
    let result = typst::compile::<PagedDocument>(&world);
    let warnings = result.warnings.iter().map(|d| describe(&world, d)).collect();
    let document = result.output.map_err(|errors| RenderError::Layout(describe_all(&world, &errors)));
    if let CachePolicy::Trim { documents } = cache {
        typst::comemo::evict(documents);
    }
    Ok(Typeset { document: document?, warnings })
}

/// What to do with Typst's memoised layout results after a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CachePolicy {
    /// Keep them: for a process that typesets a document or two and exits,
    /// where trimming would only cost time (about 1% of a build), or for a
    /// preview that typesets the same plan again and again.
    KeepUntilExit,
    /// Drop what `documents` later documents did not use again. The results
    /// of one plan are of little use to the next one and would pile up in a
    /// long batch; documents typeset in parallel share the cache, so a batch
    /// keeps results a little longer, or one thread's eviction would wipe
    /// what another is still using.
    Trim {
        /// How many documents a result outlives without being used.
        documents: usize,
    },
}

/// What the PDF's identity and dates are derived from, so that the same plan
/// always gives the same bytes.
pub struct PdfIdentity {
    /// Stable across builds of the same plan, e.g. "voorbeeld-nv/2027".
    pub ident: String,
    /// The date the PDF's metadata gives as its creation date.
    pub date: Date,
}

/// The PDF of a typeset document: PDF/A-3b and PDF/UA-1, dated and
/// identified from the plan, never from the clock.
pub fn export_pdf(document: &PagedDocument, identity: &PdfIdentity) -> Result<Vec<u8>, RenderError> {
    export(document, identity, None)
}

/// Page `page` (1-based) of `document` alone, as a PDF of its own, tagged
/// like the whole (Typst tags no page range, so the page becomes a
/// document of its own).
pub fn export_page(
    document: &PagedDocument,
    identity: &PdfIdentity,
    page: usize,
) -> Result<Vec<u8>, RenderError> {
    use typst::model::Document as _;
    let Some(one) = document.pages().get(page.wrapping_sub(1)) else {
        return Err(RenderError::Pdf(format!("no page {page}")));
    };
    let single = PagedDocument::new(typst::ecow::eco_vec![one.clone()], document.info().clone());
    export(&single, identity, None)
}

fn export(
    document: &PagedDocument,
    identity: &PdfIdentity,
    page_ranges: Option<typst::layout::PageRanges>,
) -> Result<Vec<u8>, RenderError> {
    let date = Datetime::from_ymd(
        i32::from(identity.date.year()),
        identity.date.month() as u8,
        identity.date.day() as u8,
    );
    // PDF/A-3b for the archive (with embedded files) and PDF/UA-1 for
    // assistive technology: Typst checks both while writing (fonts embedded,
    // dates, tagging, alternative text) and refuses a document that fails.
    let standards = PdfStandards::new(&[PdfStandard::A_3b, PdfStandard::Ua_1])
        .map_err(|e| RenderError::Pdf(e.message().to_string()))?;
    let options = PdfOptions {
        ident: Smart::Custom(identity.ident.clone()),
        creator: Smart::Custom(Some(crate::view::GENERATOR.to_string())),
        timestamp: date.map(Timestamp::new_utc),
        standards,
        page_ranges,
        ..PdfOptions::default()
    };
    typst_pdf::pdf(document, &options).map_err(|errors| {
        let messages: Vec<String> = errors.iter().map(|e| e.message.to_string()).collect();
        RenderError::Pdf(messages.join("\n"))
    })
}

fn describe_all(world: &dyn World, diagnostics: &[SourceDiagnostic]) -> String {
    diagnostics.iter().map(|d| describe(world, d)).collect::<Vec<_>>().join("\n")
}

/// `layout/main.typ:12:5: error: unknown variable: foo`, with the calls
/// that led there, so a designer editing a part finds the line to fix.
fn describe(world: &dyn World, diagnostic: &SourceDiagnostic) -> String {
    let severity = match diagnostic.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let mut text = format!("{}{severity}: {}", place(world, diagnostic.span), diagnostic.message);
    for hint in &diagnostic.hints {
        text.push_str(&format!("\n  hint: {}", hint.v));
    }
    for point in &diagnostic.trace {
        text.push_str(&format!("\n  {}{}", place(world, point.span), point.v));
    }
    text
}

/// "layout/parts/cover.typ:12:5: ", or nothing for a span outside the layout.
fn place(world: &dyn World, span: impl Into<typst::syntax::DiagSpan>) -> String {
    let span = span.into();
    let Some(id) = span.id() else { return String::new() };
    let path = id.get().vpath().get_with_slash();
    let position =
        world.range(span).and_then(|range| world.source(id).ok()?.lines().byte_to_line_column(range.start));
    match position {
        Some((line, column)) => format!("layout{path}:{}:{}: ", line + 1, column + 1),
        None => format!("layout{path}: "),
    }
}

/// All text on a page, in reading order of the layout, for checks.
pub fn page_texts(document: &PagedDocument) -> Vec<String> {
    document.pages().iter().map(|page| frame_text(&page.frame)).collect()
}

fn frame_text(frame: &typst::layout::Frame) -> String {
    use typst::layout::FrameItem;
    let mut out = String::new();
    for (_, item) in frame.items() {
        match item {
            FrameItem::Group(group) => {
                out.push_str(&frame_text(&group.frame));
            }
            FrameItem::Text(text) => {
                out.push_str(&text.text);
                out.push(' ');
            }
            _ => {}
        }
    }
    out
}
