//! The PDF: the view, as JSON, typeset by the embedded Typst compiler. The
//! layout reads the plan only through `/data.json`, so no value from a
//! workbook can ever become Typst markup.

mod fonts;
mod layout;
mod sanitize;
mod typeset;
mod world;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

pub use fonts::FontSet;
pub use layout::{EMPLOYEES, Layout, LayoutFileError, STATEMENTS};
pub use sanitize::for_typesetting;
pub(crate) use typeset::DATA_PATH;
pub use typeset::{CachePolicy, Inputs, PdfIdentity, Typeset, export_page, export_pdf, page_texts, typeset};
pub(crate) use world::PlanWorld;

use super::{Context, FileNames, Made, Output, OutputError, OutputFile, OutputKind};
use crate::config::SourceKind;
use crate::model::{Branding, Edition};
use crate::view::{AttachmentView, PlanView};
use std::sync::Arc;

/// Why the layout or the PDF writer failed.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// The layout could not typeset the plan (with file, line and column).
    #[error("{0}")]
    Layout(String),
    /// The PDF could not be written.
    #[error("{0}")]
    Pdf(String),
}

/// What typesetting needs besides the plan: the layout, the fonts, and what
/// to do with Typst's cache. Built once per run and shared by its plans.
pub struct Resources {
    /// The layout, with any overrides laid over the default one.
    pub layout: Layout,
    /// The bundled fonts.
    pub fonts: &'static FontSet,
    /// Whether to trim Typst's memoised results after each document.
    pub cache: CachePolicy,
}

impl Resources {
    /// The bundled layout and fonts.
    pub fn bundled(cache: CachePolicy) -> Self {
        Self { layout: Layout::bundled(), fonts: FontSet::bundled(), cache }
    }

    /// These resources with the files under `dir` laid over the layout.
    pub fn overlaid(&self, dir: &std::path::Path) -> Result<Self, layout::LayoutFileError> {
        Ok(Self { layout: self.layout.overlaid(dir)?, fonts: self.fonts, cache: self.cache })
    }
}

/// The PDF output.
pub struct Pdf;

impl Output for Pdf {
    fn kind(&self) -> OutputKind {
        OutputKind::Pdf
    }

    fn file_name(&self, names: &FileNames) -> String {
        names.file(None, "pdf")
    }

    fn render(&self, context: &Context<'_>, earlier: &[OutputFile]) -> Result<Made, OutputError> {
        let branding = context.disclosed.public.branding;
        let mut files = branding_images(branding);
        // The files the view lists as attachments, with their bytes.
        for attachment in &context.view.attachments {
            let name = attachment.path.trim_start_matches('/');
            let bytes =
                earlier.iter().find(|f| f.name == name).map(|f| Arc::from(f.bytes.as_slice())).or_else(
                    || context.sources.files.iter().find(|f| f.name == name).map(|f| f.bytes.clone()),
                );
            if let Some(bytes) = bytes {
                files.push((attachment.path.clone(), bytes));
            }
        }
        let typeset = typeset_with(context.view_json, &files, branding, context.resources)?;
        let settings = context.disclosed.public.settings;
        let organisation = context.disclosed.public.organisation;
        let ident = format!(
            "{}/{}/{}",
            organisation.enterprise_number,
            settings.year,
            context.disclosed.edition.key()
        );
        let pdf = export_pdf(&typeset.document, &PdfIdentity { ident, date: context.date })?;
        Ok(Made {
            files: vec![self.file(context, pdf)],
            pages: Some(typeset.document.pages().len()),
            warnings: typeset.warnings,
        })
    }
}

/// The view (as JSON) typeset with `files` (virtual path, bytes) beside the
/// layout, and the plan's own fonts beside the bundled ones.
pub(crate) fn typeset_with(
    view_json: &[u8],
    files: &[(String, Arc<[u8]>)],
    branding: &Branding,
    resources: &Resources,
) -> Result<Typeset, RenderError> {
    typeset_document(layout::MAIN, view_json, files, branding, resources)
}

/// Typesets the layout file `main` (a document of the layout) with the
/// view and `files`, in the bundled fonts and the plan's own.
pub(crate) fn typeset_document(
    main: &'static str,
    view_json: &[u8],
    files: &[(String, Arc<[u8]>)],
    branding: &Branding,
    resources: &Resources,
) -> Result<Typeset, RenderError> {
    let mut inputs = Inputs::new(view_json).with_main(main);
    for (path, bytes) in files {
        inputs = inputs.with_file(path.clone(), bytes.clone());
    }
    if branding.fonts.is_empty() {
        return typeset(inputs, &resources.layout, resources.fonts, resources.cache);
    }
    let own = branding.fonts.iter().map(|f| typst::foundations::Bytes::new(f.bytes.clone()));
    typeset(inputs, &resources.layout, &resources.fonts.extended(own), resources.cache)
}

/// The logos the layout may read, by their virtual path.
pub(crate) fn branding_images(branding: &Branding) -> Vec<(String, Arc<[u8]>)> {
    let images = crate::view::branding::images(branding);
    images.into_iter().map(|(path, asset)| (path, asset.bytes.clone())).collect()
}

/// What the PDF carries (PDF/A-3 associated files): its annex, and in the
/// internal edition every source it was built from, so that the archived
/// PDF alone can rebuild the plan. The council edition carries no sources:
/// they hold personal data.
pub(crate) fn attachments(
    view: &PlanView,
    names: &FileNames,
    sources: &crate::config::Sources,
) -> Vec<AttachmentView> {
    let words = view.meta.language.strings();
    let describe = |key: &str| words.layout(&format!("/pdf/attachments/{key}")).to_string();
    let annex = super::annex::Annex.file_name(names);
    let mut files = vec![AttachmentView {
        path: format!("/{annex}"),
        mime: super::mime(&annex),
        relationship: "supplement",
        description: describe("annex"),
    }];
    if view.meta.edition == Edition::Internal {
        files.extend(sources.files.iter().map(|f| AttachmentView {
            path: format!("/{}", f.name),
            mime: super::mime(&f.name),
            relationship: if f.kind == SourceKind::PreviousYear { "data" } else { "source" },
            description: describe(kind_key(f.kind)),
        }));
    }
    files
}

fn kind_key(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::PlanToml => "plan_toml",
        SourceKind::Workbook => "workbook",
        SourceKind::Branding => "branding",
        SourceKind::Layout => "layout",
        SourceKind::Batch => "batch",
        SourceKind::PreviousYear => "previous_year",
    }
}
