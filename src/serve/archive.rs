//! The archive as the plan page shows it: every version of the
//! organisation's plans with its files, whether it is intact (`verify`),
//! and what changed between two versions (`diff`).

use super::html::{Page, Privacy, Ui, t};
use super::{App, plan};
use crate::archive::compare::{CompareError, compare};
use crate::archive::verify;
use crate::model::Language;
use crate::view::Fmt;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use serde::Deserialize;
use std::path::PathBuf;
use std::sync::Arc;

/// The organisation a plan folder's `plan.toml` names: its number and name.
fn organisation(app: &App, folder: &std::path::Path) -> Option<(crate::model::EnterpriseNumber, String)> {
    let (config, _) = crate::config::read_with(folder, app.context.defaults()).ok()?;
    Some((config.organisation.enterprise_number, config.organisation.name))
}

/// One archived version of the plan's organisation.
struct Version {
    relative: PathBuf,
    manifest: crate::archive::Manifest,
    findings: Vec<String>,
}

/// The organisation's name and its archived versions, newest first.
fn versions(app: &App, folder: &std::path::Path, language: Language) -> Option<(String, Vec<Version>)> {
    let (number, name) = organisation(app, folder)?;
    let Some(archive) = app.archive() else { return Some((name, Vec::new())) };
    let org = crate::archive::location::organisation_dir(&archive, number, &name);
    let messages = &language.strings().messages;
    let mut found: Vec<Version> = verify::verify(&org)
        .into_iter()
        .filter_map(|check| {
            let manifest = crate::archive::Manifest::read(&check.folder)?;
            let folder = check.folder.canonicalize().ok()?;
            let relative = folder.strip_prefix(&archive).ok()?.to_path_buf();
            let findings = check.findings.iter().map(|f| f.describe(messages)).collect();
            Some(Version { relative, manifest, findings })
        })
        .collect();
    found.sort_by_key(|v| (std::cmp::Reverse(v.manifest.year), std::cmp::Reverse(v.manifest.version)));
    Some((name, found))
}

/// `GET /plan/{id}/archive`.
pub(super) async fn page(State(app): State<Arc<App>>, Path(id): Path<String>, ui: Ui) -> Response {
    let Some(folder) = app.plan_folder(&id) else { return plan::not_found(&app, &ui) };
    let language = ui.asked().unwrap_or_else(|| app.language_of(&folder));
    let work_app = app.clone();
    let work_folder = folder.clone();
    let read =
        tokio::task::spawn_blocking(move || versions(&work_app, &work_folder, language)).await.ok().flatten();
    let (name, found) = read.map_or((String::new(), None), |(name, versions)| (name, Some(versions)));
    let tr = |key: &str| t(language, key);
    let body = html! {
        h1 { (tr("/archive/title")) }
        p.lead { (tr("/archive/lead")) }
        @match &found {
            Some(versions) if !versions.is_empty() => {
                (table(versions, language))
                (diff_form(&id, versions, language))
            }
            _ => { p.empty { (tr("/archive/none")) } }
        }
    };
    // The internal edition's files (named by personnel number, for the
    // statements) are linked: personal data.
    let internal = |v: &Version| v.manifest.editions.contains(&crate::model::Edition::Internal);
    let personal = found.as_ref().is_some_and(|versions| versions.iter().any(internal));
    let privacy = if personal { Privacy::Personal } else { Privacy::NoPersonal };
    Page { title: tr("/archive/title"), privacy, plan: Some((&id, &name)), body }.respond(&app, &ui, language)
}

fn table(versions: &[Version], language: Language) -> Markup {
    let tr = |key: &str| t(language, key);
    html! {
        table.versions {
            thead { tr {
                th scope="col" { (tr("/archive/version")) }
                th scope="col" { (tr("/archive/date")) }
                th scope="col" { (tr("/archive/editions")) }
                th scope="col" { (tr("/archive/intact")) }
                th scope="col" { (tr("/archive/files")) }
            } }
            tbody {
                @for v in versions {
                    @let m = &v.manifest;
                    tr {
                        th scope="row" {
                            (m.year) " v" (m.version)
                            @if let Some(stage) = m.stage { br; small { (plan::stage_word(stage, language)) } }
                        }
                        td { (language.strings().date.short(m.document_date)) br; small { (m.built_at.strftime("%Y-%m-%d %H:%M")) } }
                        td { (m.editions.iter().map(|e| language.strings().layout(&format!("/pdf/edition/{}/name", e.key())).to_string()).collect::<Vec<_>>().join(", ")) }
                        td {
                            @if v.findings.is_empty() { span.good { "✓ " (tr("/archive/verified")) } }
                            @else { span.bad { "✗ " (tr("/archive/damaged")) } ul { @for f in &v.findings { li { (f) } } } }
                        }
                        td { (super::build::files(&m.outputs.iter().map(|f| v.relative.join(&f.path)).collect::<Vec<_>>(), language)) }
                    }
                }
            }
        }
    }
}

fn diff_form(id: &str, versions: &[Version], language: Language) -> Markup {
    let tr = |key: &str| t(language, key);
    let option = |v: &Version, selected: bool| {
        html! {
            option value=(v.relative.to_string_lossy()) selected[selected] { (v.manifest.year) " v" (v.manifest.version) }
        }
    };
    html! {
        @if versions.len() > 1 {
            h2 { (tr("/archive/compare")) }
            form.diff method="get" action={ "/plan/" (id) "/diff" } {
                label for="diff-before" { (tr("/archive/before")) }
                select #diff-before name="before" { @for (n, v) in versions.iter().enumerate() { (option(v, n == 1)) } }
                label for="diff-after" { (tr("/archive/after")) }
                select #diff-after name="after" { @for (n, v) in versions.iter().enumerate() { (option(v, n == 0)) } }
                button type="submit" { (tr("/archive/compare_button")) }
            }
        }
    }
}

/// The query of the comparison.
#[derive(Deserialize)]
pub(super) struct Pair {
    before: String,
    after: String,
}

/// A version folder named relative to the archive, when it is one inside it.
fn version_folder(app: &App, relative: &str) -> Option<PathBuf> {
    let archive = app.archive()?;
    if relative.split(['/', '\\']).any(|p| p == ".." || p.starts_with('.')) {
        return None;
    }
    let folder = archive.join(relative).canonicalize().ok()?;
    (folder.starts_with(&archive) && folder.is_dir()).then_some(folder)
}

/// `GET /plan/{id}/diff?before=&after=`.
pub(super) async fn diff(
    State(app): State<Arc<App>>,
    Path(id): Path<String>,
    Query(pair): Query<Pair>,
    ui: Ui,
) -> Response {
    let Some(folder) = app.plan_folder(&id) else { return plan::not_found(&app, &ui) };
    let language = ui.asked().unwrap_or_else(|| app.language_of(&folder));
    let tr = |key: &str| t(language, key);
    let fmt = Fmt::new(language.strings(), None);
    let (before, after) = (version_folder(&app, &pair.before), version_folder(&app, &pair.after));
    let body = match (before, after) {
        (Some(before), Some(after)) => match compare(&before, &after, None, fmt) {
            Ok(c) => {
                let word = |key: &str| language.strings().layout(&format!("/pdf/versions/{key}")).to_string();
                let v = &c.view;
                html! {
                    h1 { (crate::problem::fill(tr("/archive/diff_title"), &[("before", &format!("v{}", c.before.version)), ("after", &format!("v{}", c.after.version))])) }
                    p { (language.strings().layout(&format!("/pdf/edition/{}/name", c.edition.key()))) }
                    @if v.unchanged { p { (tr("/archive/unchanged")) } }
                    @for (key, list) in [("added", &v.added), ("removed", &v.removed)] {
                        @if !list.is_empty() { h2 { (word(key)) } ul { @for t in list { li { (t) } } } }
                    }
                    @if !v.changed.is_empty() {
                        h2 { (word("changed")) }
                        ul { @for c in &v.changed { li { (c.training) ul { @for f in &c.fields { li { (f.label) ": " (f.before) " → " (f.after) } } } } } }
                    }
                    @if !v.figures.is_empty() {
                        h2 { (word("figures")) }
                        table.figures { @for f in &v.figures { tr { th scope="row" { (f.label) } td { (f.before) } td { "→" } td { (f.after) } } } }
                    }
                    p { a href={ "/plan/" (id) "/archive" } { (tr("/archive/open")) } }
                }
            }
            Err(CompareError::Figures(reason, year)) => {
                html! { p.bad { (crate::view::not_compared(&reason, year + 1, fmt)) } }
            }
            Err(CompareError::NoEdition) => html! { p.bad { (language.strings().messages.diff_no_edition) } },
            Err(CompareError::NoVersion(_)) => {
                html! { p.bad { (language.strings().messages.diff_no_version) } }
            }
        },
        _ => html! { p.bad { (language.strings().messages.diff_no_version) } },
    };
    let name = organisation(&app, &folder).map(|(_, n)| n).unwrap_or_default();
    Page { title: tr("/archive/compare"), privacy: Privacy::NoPersonal, plan: Some((&id, &name)), body }
        .respond(&app, &ui, language)
}

/// `GET /files/{path}`: a file of the archive, never one outside it.
pub(super) async fn file(State(app): State<Arc<App>>, Path(path): Path<String>) -> Response {
    let Some(archive) = app.archive() else { return StatusCode::NOT_FOUND.into_response() };
    if path.split(['/', '\\']).any(|p| p.is_empty() || p == ".." || p.starts_with('.')) {
        return StatusCode::NOT_FOUND.into_response();
    }
    let Some(full) =
        archive.join(&path).canonicalize().ok().filter(|p| p.starts_with(&archive) && p.is_file())
    else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let Ok(bytes) = crate::files::read_regular(&full, crate::files::INPUT_FILE_LIMIT) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let kind = match full.extension().and_then(|e| e.to_str()) {
        Some("pdf") => "application/pdf",
        Some("xlsx") => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        Some("json") => "application/json",
        _ => "application/octet-stream",
    };
    let name = full.file_name().map(|n| n.to_string_lossy().replace('"', "")).unwrap_or_default();
    let disposition = format!("attachment; filename=\"{name}\"");
    ([(header::CONTENT_TYPE, kind.to_string()), (header::CONTENT_DISPOSITION, disposition)], bytes)
        .into_response()
}
