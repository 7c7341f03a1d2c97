//! The build buttons: a version written into the archive exactly as
//! `build` writes it (the same job, the same archive rules), then the
//! links to its files.

use super::guard::TOKEN_FIELD;
use super::html::{Page, Privacy, Ui, t};
use super::{App, plan};
use crate::live::{Session, State as Shown};
use crate::model::{Edition, EditionChoice, Language, Stage};
use crate::pipeline::{self, BuildError, Job, Outcome};
use axum::Form;
use axum::extract::{Path, State};
use axum::response::Response;
use maud::{Markup, html};
use serde::Deserialize;
use std::sync::Arc;

/// The build form.
pub(super) fn form(id: &str, language: Language, token: &str, session: &Session) -> Markup {
    let tr = |key: &str| t(language, key);
    let (stage, editions) = match &session.state {
        Shown::Shown(shown) => {
            let s = &shown.prepared.plan.settings;
            (Some(s.stage(&shown.prepared.plan.consultation)), Some(s.editions))
        }
        _ => (None, None),
    };
    let edition_name =
        |e: Edition| language.strings().layout(&format!("/pdf/edition/{}/name", e.key())).to_string();
    html! {
        section #build {
            h2 { (tr("/build/title")) }
            p.hint { (tr("/build/lead")) }
            form method="post" action={ "/plan/" (id) "/build" } data-build {
                input type="hidden" name=(TOKEN_FIELD) value=(token);
                label for="build-stage" { (tr("/build/stage")) }
                select #build-stage name="stage" {
                    @for s in [Stage::Draft, Stage::Final] {
                        option value=(s.key()) selected[stage == Some(s)] { (plan::stage_word(s, language)) }
                    }
                }
                label for="build-edition" { (tr("/build/edition")) }
                select #build-edition name="edition" {
                    option value="council" selected[editions == Some(EditionChoice::Council)] { (edition_name(Edition::Council)) }
                    option value="internal" selected[editions == Some(EditionChoice::Internal)] { (edition_name(Edition::Internal)) }
                    option value="both" selected[editions == Some(EditionChoice::Both)] { (tr("/build/both")) }
                }
                p.actions { button type="submit" { (tr("/build/button")) } " " span.saved role="status" {} }
            }
        }
    }
}

/// What the build form posts.
#[derive(Deserialize)]
pub(super) struct Asked {
    stage: Stage,
    edition: EditionChoice,
}

/// `POST /plan/{id}/build`: builds and archives, one build at a time.
pub(super) async fn build(
    State(app): State<Arc<App>>,
    Path(id): Path<String>,
    ui: Ui,
    Form(asked): Form<Asked>,
) -> Response {
    let Some(folder) = app.plan_folder(&id) else { return plan::not_found(&app, &ui) };
    let language = ui.asked().unwrap_or_else(|| app.language_of(&folder));
    // The internal edition's files hold personal data; the page links them.
    let personal = asked.edition != EditionChoice::Council;
    let _one_at_a_time = app.building.lock().await;
    let work_app = app.clone();
    let work_folder = folder.clone();
    let result = tokio::task::spawn_blocking(move || {
        let app = &work_app;
        app.context.with_batch(|batch| {
            let job = Job {
                folder: &work_folder,
                out: &app.out,
                editions: Some(asked.edition.editions()),
                stage: Some(asked.stage),
                new_version: false,
                skip_unchanged: false,
                batch,
                resources: &app.context.resources,
            };
            pipeline::run(&job)
        })
    })
    .await;
    let tr = |key: &str| t(language, key);
    let mut name = folder.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    if let Ok(Ok(Outcome::Built(built))) = &result {
        name.clone_from(&built.organisation);
    }
    let (privacy, body) = match result {
        Ok(Ok(Outcome::Built(built))) => {
            let stored = &built.stored;
            let archive = app.archive().unwrap_or_else(|| app.out.clone());
            let heading = if stored.written { "/build/written" } else { "/build/identical" };
            let heading = crate::problem::fill(tr(heading), &[("version", &stored.version.to_string())]);
            let plan_toml = super::form::read_plan_toml(&folder).unwrap_or_default();
            let (problems, _) = super::problems::render(&built.warnings, &folder, &plan_toml, language);
            let body = html! {
                h1 { (heading) }
                p { (built.organisation) " · " (built.title) " · " (crate::problem::fill(tr("/build/pages"), &[("pages", &built.pages.to_string())])) }
                (files(&relative(&stored.files, &archive), language))
                @if !built.warnings.is_empty() { (problems) }
                p { a.button href={ "/plan/" (id) } { (tr("/build/back")) } " " a href={ "/plan/" (id) "/archive" } { (tr("/archive/open")) } }
            };
            (if personal { Privacy::Personal } else { Privacy::NoPersonal }, body)
        }
        Ok(Ok(Outcome::Skipped(stored))) => {
            let text =
                crate::problem::fill(tr("/build/identical"), &[("version", &stored.version.to_string())]);
            (Privacy::NoPersonal, html! { p { (text) } })
        }
        Ok(Err(BuildError::Problems(problems))) => {
            let plan_toml = super::form::read_plan_toml(&folder).unwrap_or_default();
            let (list, personal) = super::problems::render(&problems, &folder, &plan_toml, language);
            let body = html! {
                h1 { (tr("/build/refused")) }
                p { (language.strings().messages.nothing_written) }
                (list)
                p { a.button href={ "/plan/" (id) } { (tr("/build/back")) } }
            };
            (if personal { Privacy::Personal } else { Privacy::NoPersonal }, body)
        }
        Ok(Err(other)) => {
            let body =
                html! { h1 { (tr("/build/failed")) } pre { (other.describe(&language.strings().messages)) } };
            (Privacy::NoPersonal, body)
        }
        Err(_) => (Privacy::NoPersonal, html! { h1 { (tr("/build/failed")) } }),
    };
    let title = tr("/build/title");
    Page { title, privacy, plan: Some((&id, &name)), body }.respond(&app, &ui, language)
}

/// Links to the version's files; the statements, one per employee, are
/// counted beside their combined PDFs rather than listed.
pub(super) fn files(relative: &[std::path::PathBuf], language: Language) -> Markup {
    let is_single = |relative: &std::path::Path| {
        let in_statements = relative.parent().is_some_and(|p| p.ends_with(crate::outputs::STATEMENTS_FOLDER));
        let name = relative.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        in_statements
            && Language::ALL
                .iter()
                .any(|l| name.starts_with(&format!("{}-", l.strings().document.statement_file)))
    };
    let singles = relative.iter().filter(|r| is_single(r)).count();
    html! {
        ul.files {
            @for file in relative.iter().filter(|r| !is_single(r)) {
                li { a href={ "/files/" (url_path(file)) } download { (file.file_name().map(|n| n.to_string_lossy()).unwrap_or_default()) } }
            }
            @if singles > 0 {
                li { (crate::problem::fill(t(language, "/build/statements"), &[("count", &singles.to_string())])) }
            }
        }
    }
}

/// The files' paths inside the archive.
fn relative(files: &[std::path::PathBuf], archive: &std::path::Path) -> Vec<std::path::PathBuf> {
    files
        .iter()
        .filter_map(|f| f.canonicalize().ok()?.strip_prefix(archive).ok().map(std::path::Path::to_path_buf))
        .collect()
}

/// A relative path as a URL path, each part escaped.
pub(super) fn url_path(relative: &std::path::Path) -> String {
    relative.components().map(|c| escape(&c.as_os_str().to_string_lossy())).collect::<Vec<_>>().join("/")
}

fn escape(part: &str) -> String {
    part.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}
