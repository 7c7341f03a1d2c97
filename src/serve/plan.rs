//! A plan's page: its problems at their cells, the texts of plan.toml as
//! forms, the live preview of its pages, the build buttons; and the
//! requests its script makes to stay current.

use super::html::{Page, Privacy, Ui, t};
use super::{App, build, edit, problems};
use crate::live::{Session, State};
use crate::model::{Edition, Language, Stage};
use axum::Json;
use axum::extract::{Path, Query, State as Shared};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use serde::Deserialize;
use std::sync::Arc;

/// The query of a plan's page and its live parts.
#[derive(Deserialize, Default)]
pub(super) struct Shown {
    /// The edition to preview: `council` (the default) or `internal`.
    edition: Option<Edition>,
}

impl Shown {
    fn edition(&self) -> Edition {
        self.edition.unwrap_or(Edition::Council)
    }
}

/// The live parts of a plan's page, as its script receives them.
#[derive(serde::Serialize)]
pub(super) struct Live {
    /// Goes up when what is shown changes.
    revision: u64,
    /// Whether the page now shows personal data.
    personal: bool,
    /// The problems, as HTML.
    problems: String,
    /// The preview, as HTML.
    preview: String,
}

/// A plan's id that names no plan folder.
pub(super) fn not_found(app: &App, ui: &Ui) -> Response {
    let language = ui.language(app.default_language());
    let body =
        html! { h1 { (t(language, "/plan/not_found")) } p { a href="/" { (t(language, "/plan/back")) } } };
    let page = Page { title: t(language, "/plan/not_found"), privacy: Privacy::NoPersonal, plan: None, body };
    let mut response = page.respond(app, ui, language);
    *response.status_mut() = StatusCode::NOT_FOUND;
    response
}

/// Runs `work` on the plan's session, refreshed, off the async threads
/// (reading and typesetting take a core for a moment).
pub(super) async fn with_session<T: Send + 'static>(
    app: &Arc<App>,
    folder: std::path::PathBuf,
    edition: Edition,
    work: impl FnOnce(&Session, &App) -> T + Send + 'static,
) -> T {
    let app = app.clone();
    let run = move || {
        let session = app.session(&folder, edition);
        let mut session = session.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        session.refresh(&app.context, false);
        work(&session, &app)
    };
    match tokio::task::spawn_blocking(run).await {
        Ok(value) => value,
        // A panic in the layout or the reader: the session is rebuilt on the next request.
        Err(error) => std::panic::resume_unwind(error.into_panic()),
    }
}

/// `GET /plan/{id}`.
pub(super) async fn page(
    Shared(app): Shared<Arc<App>>,
    Path(id): Path<String>,
    Query(query): Query<Shown>,
    ui: Ui,
) -> Response {
    let Some(folder) = app.plan_folder(&id) else { return not_found(&app, &ui) };
    let asked = ui.asked();
    let plan_id = id.clone();
    let (language, name, title, body, personal) = with_session(&app, folder.clone(), query.edition(), move |s, app| {
        let language = asked.unwrap_or_else(|| plan_language(s, app));
        // Read once for the forms, the drop zone and the problems' links.
        let plan_toml = super::form::read_plan_toml(&s.folder).unwrap_or_default();
        let live = live(s, &plan_id, &plan_toml, language);
        let (name, title) = names(s, language);
        let texts = edit::forms(&plan_toml, &plan_id, language, &app.token);
        let builder = build::form(&plan_id, language, &app.token, s);
        let body = html! {
            h1 { (name) " · " (title) }
            div.plan-grid data-plan=(plan_id) data-revision=(live.revision) {
                div.side {
                    (super::upload::form(&plan_id, &plan_toml, language))
                    section #problems aria-live="polite" { (maud::PreEscaped(&live.problems)) }
                    (texts)
                    (builder)
                    p { a.button href={ "/plan/" (plan_id) "/archive" } { (t(language, "/archive/open")) } }
                }
                section.preview #preview { (maud::PreEscaped(&live.preview)) }
            }
        };
        (language, name, title, body, live.personal)
    })
    .await;
    let privacy = if personal { Privacy::Personal } else { Privacy::NoPersonal };
    let page_title = format!("{name} · {title}");
    Page { title: &page_title, privacy, plan: Some((&id, &name)), body }.respond(&app, &ui, language)
}

/// The plan's language as its files say, for a page not asked in another.
fn plan_language(session: &Session, app: &App) -> Language {
    match &session.state {
        State::Shown(shown) => shown.prepared.plan.settings.language,
        _ => app.language_of(&session.folder),
    }
}

/// The organisation's name and the plan's title, or the folder's name.
fn names(session: &Session, language: Language) -> (String, String) {
    match &session.state {
        State::Shown(shown) => {
            let plan = &shown.prepared.plan;
            (plan.organisation.name.clone(), crate::view::title(&plan.settings))
        }
        _ => {
            let folder = session.folder.file_name().map(|n| n.to_string_lossy().into_owned());
            (folder.unwrap_or_default(), t(language, "/plan/title").to_string())
        }
    }
}

/// `GET /plan/{id}/status`: the revision, after looking at the files.
pub(super) async fn status(
    Shared(app): Shared<Arc<App>>,
    Path(id): Path<String>,
    Query(query): Query<Shown>,
    ui: Ui,
) -> Response {
    let Some(folder) = app.plan_folder(&id) else { return not_found(&app, &ui) };
    let revision = with_session(&app, folder, query.edition(), |s, _| s.revision).await;
    Json(serde_json::json!({ "revision": revision })).into_response()
}

/// `GET /plan/{id}/live`: the problems and the preview, for the script.
pub(super) async fn live_parts(
    Shared(app): Shared<Arc<App>>,
    Path(id): Path<String>,
    Query(query): Query<Shown>,
    ui: Ui,
) -> Response {
    let Some(folder) = app.plan_folder(&id) else { return not_found(&app, &ui) };
    let asked = ui.asked();
    let live = with_session(&app, folder, query.edition(), move |s, app| {
        let language = asked.unwrap_or_else(|| plan_language(s, app));
        let plan_toml = super::form::read_plan_toml(&s.folder).unwrap_or_default();
        live(s, &id, &plan_toml, language)
    })
    .await;
    Json(live).into_response()
}

/// The live parts of the page.
fn live(session: &Session, id: &str, plan_toml: &str, language: Language) -> Live {
    let (problems, personal_rows) = match &session.state {
        State::Problems(problems) => problems::render(problems, &session.folder, plan_toml, language),
        State::Shown(shown) => {
            let (list, personal) =
                problems::render(&shown.prepared.warnings, &session.folder, plan_toml, language);
            // The author's to-do list and the checklist, of the edition
            // shown (the council's figures on a council page).
            let view = shown.prepared.view(session.edition);
            (html! { (list) (problems::todo(&view, language)) }, personal)
        }
        State::Failed(_) | State::Unread => (html! {}, false),
    };
    Live {
        revision: session.revision,
        personal: personal_rows || session.edition == Edition::Internal,
        problems: problems.into_string(),
        preview: preview(session, id, language).into_string(),
    }
}

/// The word for a stage.
pub(super) fn stage_word(stage: Stage, language: Language) -> String {
    crate::view::stage_name(stage, crate::view::Fmt::new(language.strings(), None))
}

fn preview(session: &Session, id: &str, language: Language) -> Markup {
    let tr = |key: &str| t(language, key);
    let switch = html! {
        div.editions role="group" aria-label=(tr("/preview/edition")) {
            @for edition in [Edition::Council, Edition::Internal] {
                @let name = language.strings().layout(&format!("/pdf/edition/{}/name", edition.key()));
                @if edition == session.edition {
                    strong aria-current="true" { (name) }
                } @else {
                    a href={ "/plan/" (id) "?edition=" (edition.key()) } { (name) }
                }
            }
        }
        p.edition-note { (tr(if session.edition == Edition::Internal { "/preview/internal" } else { "/preview/council" })) }
    };
    // Links to the internal edition's pages say so.
    let query = if session.edition == Edition::Internal { "?edition=internal" } else { "" };
    let body = match &session.state {
        State::Shown(shown) => {
            let plan = &shown.prepared.plan;
            let stage = stage_word(plan.settings.stage(&plan.consultation), language);
            let fill = |key: &str| {
                crate::problem::fill(
                    tr(key),
                    &[
                        ("pages", &shown.pages().to_string()),
                        ("version", &shown.prepared.earlier.version.to_string()),
                        ("stage", &stage),
                    ],
                )
            };
            html! {
                p.status { (fill("/preview/status")) " " a href={ "/plan/" (id) "/preview.pdf" (query) } download { (tr("/preview/pdf")) } }
                div.pages {
                    @for n in 1..=shown.pages() {
                        img src={ "/plan/" (id) "/page/" (session.revision) "/" (n) (query) }
                            alt=(crate::problem::fill(tr("/preview/page"), &[("page", &n.to_string())]))
                            loading=(if n <= 2 { "eager" } else { "lazy" });
                    }
                }
            }
        }
        State::Problems(_) => html! { p.waiting { (tr("/preview/blocked")) } },
        State::Failed(error) => {
            let reason = error.describe(&language.strings().messages);
            html! { p.bad { (tr("/preview/failed")) } pre { (reason) } }
        }
        State::Unread => html! {},
    };
    html! { (switch) (body) }
}

/// `GET /plan/{id}/page/{revision}/{number}`: one page as SVG.
pub(super) async fn page_svg(
    Shared(app): Shared<Arc<App>>,
    Path((id, revision, number)): Path<(String, u64, usize)>,
    Query(query): Query<Shown>,
    ui: Ui,
) -> Response {
    let Some(folder) = app.plan_folder(&id) else { return not_found(&app, &ui) };
    let found = with_session(&app, folder, query.edition(), move |s, _| match &s.state {
        State::Shown(shown) => shown.page_svg(number).map(|svg| (svg.to_string(), s.revision == revision)),
        _ => None,
    })
    .await;
    match found {
        Some((svg, current)) => {
            // A page of this revision never changes: the browser may keep it.
            let cache = if current { "private, max-age=3600" } else { "no-store" };
            ([(header::CONTENT_TYPE, "image/svg+xml"), (header::CACHE_CONTROL, cache)], svg).into_response()
        }
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

/// `GET /plan/{id}/preview.pdf`: the previewed edition as a PDF, outside
/// the archive.
pub(super) async fn preview_pdf(
    Shared(app): Shared<Arc<App>>,
    Path(id): Path<String>,
    Query(query): Query<Shown>,
    ui: Ui,
) -> Response {
    let Some(folder) = app.plan_folder(&id) else { return not_found(&app, &ui) };
    let pdf = with_session(&app, folder, query.edition(), |s, _| match &s.state {
        State::Shown(shown) => shown.pdf().ok(),
        _ => None,
    })
    .await;
    match pdf {
        Some(pdf) => {
            let disposition = "attachment; filename=\"preview.pdf\"";
            ([(header::CONTENT_TYPE, "application/pdf"), (header::CONTENT_DISPOSITION, disposition)], pdf)
                .into_response()
        }
        None => StatusCode::CONFLICT.into_response(),
    }
}
