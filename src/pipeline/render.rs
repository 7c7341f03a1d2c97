//! One edition of a prepared plan, rendered in memory: the annex first, then
//! the PDF (which carries the annex and, in the internal edition, the plan's
//! sources), then the data.

use super::names::FileNames;
use super::{BuildError, EditionView, Prepared};
use crate::archive::SourceKind;
use crate::model::Edition;
use crate::model::Plan;
use crate::output::OutputFile;
use crate::render::{self, FontSet, Layout, PdfIdentity, RenderError, Typeset};
use crate::view::{self, AttachmentView, PlanView};
use rayon::prelude::*;
use std::sync::Arc;

/// The files of one plan, in memory.
pub struct Rendered {
    pub files: Vec<OutputFile>,
    pub pages: usize,
    pub layout_warnings: Vec<String>,
}

pub fn view_json(view: &PlanView) -> Vec<u8> {
    // Serialising plain structs of strings and numbers cannot fail.
    serde_json::to_vec_pretty(view).unwrap_or_default()
}

/// The typeset document of one edition, without its attachments (for tests
/// and benchmarks that look at the pages).
pub fn typeset(
    prepared: &Prepared,
    edition: Edition,
    layout: &Layout,
    fonts: &FontSet,
) -> Result<Typeset, RenderError> {
    typeset_with(prepared, view_json(&prepared.view(edition)), &branding_images(prepared), layout, fonts)
}

/// The view (as JSON) typeset with `files` (virtual path, bytes) beside the
/// layout's and the plan's own fonts beside the bundled ones.
fn typeset_with(
    prepared: &Prepared,
    view_json: Vec<u8>,
    files: &[(String, Arc<[u8]>)],
    layout: &Layout,
    fonts: &FontSet,
) -> Result<Typeset, RenderError> {
    let mut inputs = render::Inputs::new(view_json);
    for (path, bytes) in files {
        inputs = inputs.with_file(path.clone(), bytes.clone());
    }
    let branding = &prepared.plan.branding;
    if branding.fonts.is_empty() {
        return render::typeset(inputs, layout, fonts);
    }
    let own = branding.fonts.iter().map(|f| typst::foundations::Bytes::new(f.bytes.clone()));
    render::typeset(inputs, layout, &fonts.extended(own))
}

fn branding_images(prepared: &Prepared) -> Vec<(String, Arc<[u8]>)> {
    let images = view::branding::images(&prepared.plan.branding);
    images.into_iter().map(|(path, asset)| (path, asset.bytes.clone())).collect()
}

/// One edition ready to typeset: its view as JSON, its annex, and every
/// file the layout reads besides its own (logos, the files the PDF embeds).
struct Assembled {
    names: FileNames,
    data: Vec<u8>,
    annex: Vec<u8>,
    files: Vec<(String, Arc<[u8]>)>,
}

fn assemble(prepared: &Prepared, edition: Edition) -> Result<Assembled, BuildError> {
    let EditionView { mut view, detail, .. } = prepared.edition(edition);
    let names = FileNames::of(&prepared.plan, edition);
    let annex = crate::annex::build(&view, detail.as_ref(), prepared.plan.settings.metadata_date())?;
    let embedded = embedded_files(prepared, edition, &names.annex, &annex);
    view.attachments = embedded.iter().map(|(view, _)| view.clone()).collect();
    let mut files = branding_images(prepared);
    files.extend(embedded.into_iter().map(|(view, bytes)| (view.path, bytes)));
    // Serialised once: the layout reads the same bytes the data file keeps.
    Ok(Assembled { names, data: view_json(&view), annex, files })
}

pub fn render(
    prepared: &Prepared,
    edition: Edition,
    layout: &Layout,
    fonts: &FontSet,
) -> Result<Rendered, BuildError> {
    let Assembled { names, data, annex, files } = assemble(prepared, edition)?;
    let typeset = typeset_with(prepared, data.clone(), &files, layout, fonts)?;
    let date = prepared.plan.settings.metadata_date();
    let identity = PdfIdentity { ident: format!("{}/{}", plan_ident(&prepared.plan), edition.key()), date };
    let pdf = render::export_pdf(&typeset.document, &identity)?;
    Ok(Rendered {
        files: vec![
            OutputFile { name: names.pdf, bytes: pdf },
            OutputFile { name: names.annex, bytes: annex },
            OutputFile { name: names.data, bytes: data },
        ],
        pages: typeset.document.pages().len(),
        layout_warnings: typeset.warnings,
    })
}

/// One edition as a plain Typst project: the layout's files, `/data.json`
/// and the files the layout reads, as (path in the project, bytes). The
/// Typst command-line compiler typesets it into the same pages as `render`
/// (`typst compile main.typ --root <dir> --font-path layouts/fonts
/// --ignore-system-fonts`): the benchmarks' baseline. A plan's own fonts
/// are not included.
pub fn typst_project(
    prepared: &Prepared,
    edition: Edition,
    layout: &Layout,
) -> Result<Vec<(String, Vec<u8>)>, BuildError> {
    let assembled = assemble(prepared, edition)?;
    let mut files: Vec<(String, Vec<u8>)> =
        layout.files().map(|(path, bytes)| (path.to_string(), bytes.to_vec())).collect();
    files.push((render::DATA_PATH.to_string(), assembled.data));
    files.extend(assembled.files.into_iter().map(|(path, bytes)| (path, bytes.to_vec())));
    Ok(files)
}

/// What the PDF carries: its annex, and in the internal edition every
/// source it was built from (so the archived PDF alone can rebuild the
/// plan). The council edition carries no sources: they hold personal data.
fn embedded_files(
    prepared: &Prepared,
    edition: Edition,
    annex_name: &str,
    annex: &[u8],
) -> Vec<(AttachmentView, Arc<[u8]>)> {
    let words = &prepared.plan.settings.language.strings();
    let describe = |key: &str| words.layout(&format!("/pdf/attachments/{key}")).to_string();
    let mut files = vec![(
        AttachmentView {
            path: format!("/{annex_name}"),
            mime: mime(annex_name),
            relationship: "supplement",
            description: describe("annex"),
        },
        Arc::from(annex),
    )];
    if edition == Edition::Internal {
        files.extend(prepared.sources.files.iter().map(|f| {
            let view = AttachmentView {
                path: format!("/{}", f.name),
                mime: mime(&f.name),
                relationship: if f.kind == SourceKind::PreviousYear { "data" } else { "source" },
                description: describe(kind_key(f.kind)),
            };
            (view, f.bytes.clone())
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

/// MIME type by extension, as PDF/A-3 wants one for every embedded file.
fn mime(name: &str) -> &'static str {
    match name.rsplit('.').next().map(str::to_lowercase).as_deref() {
        Some("xlsx") => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        Some("xls") => "application/vnd.ms-excel",
        Some("ods") => "application/vnd.oasis.opendocument.spreadsheet",
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

/// Every edition asked for (`None`: as `plan.toml` says), rendered in
/// memory, their files together.
pub fn render_editions(
    prepared: &Prepared,
    editions: Option<&[Edition]>,
    layout: &Layout,
    fonts: &FontSet,
) -> Result<Rendered, BuildError> {
    let editions = editions.map_or_else(|| prepared.plan.settings.editions.editions(), <[Edition]>::to_vec);
    // Side by side: the internal edition of a large employer spends most of
    // its time in one-core work (its annex, the files it embeds), which the
    // council edition's layout can use the other core for.
    let rendered: Vec<Result<Rendered, BuildError>> =
        editions.par_iter().map(|&edition| render(prepared, edition, layout, fonts)).collect();
    let mut all = Rendered { files: Vec::new(), pages: 0, layout_warnings: Vec::new() };
    for rendered in rendered {
        let rendered = rendered?;
        all.files.extend(rendered.files);
        all.pages = all.pages.max(rendered.pages);
        for warning in rendered.layout_warnings {
            // Both editions share their warnings; say each once.
            if !all.layout_warnings.contains(&warning) {
                all.layout_warnings.push(warning);
            }
        }
    }
    Ok(all)
}

/// Stable identity of a plan across builds: organisation and year.
fn plan_ident(plan: &Plan) -> String {
    format!("{}/{}", plan.organisation.enterprise_number, plan.settings.year)
}
