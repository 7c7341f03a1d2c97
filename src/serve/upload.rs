//! Replacing the plan's workbook by one dropped on the page: limited in
//! size, of the same type as the one `plan.toml` names, and checked to be
//! a workbook before it replaces the old one in one step.

use super::html::t;
use super::{App, plan};
use crate::model::Language;
use axum::Json;
use axum::extract::{DefaultBodyLimit, Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use std::sync::Arc;

/// The largest workbook taken by upload. A larger one (far beyond what an
/// HR export weighs) can still be copied into the plan folder.
pub(super) const UPLOAD_LIMIT: usize = 32 * 1024 * 1024;
/// The types a workbook may have.
const TYPES: &[&str] = &["xlsx", "xls", "ods", "csv", "tsv"];

/// The body limit of the upload route: the workbook and its form around it.
pub(super) fn body_limit() -> DefaultBodyLimit {
    DefaultBodyLimit::max(UPLOAD_LIMIT + 64 * 1024)
}

/// The workbook the `plan.toml` text names (`[input] workbook`), as written there.
fn named(plan_toml: &str) -> Option<String> {
    let doc: toml_edit::DocumentMut = plan_toml.parse().ok()?;
    doc.get("input")?.get("workbook")?.as_str().map(str::to_string)
}

fn extension(name: &str) -> Option<String> {
    name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase())
}

/// The drop zone.
pub(super) fn form(id: &str, plan_toml: &str, language: Language) -> Markup {
    let tr = |key: &str| t(language, key);
    let name = named(plan_toml).unwrap_or_default();
    let accept = TYPES.iter().map(|e| format!(".{e}")).collect::<Vec<_>>().join(",");
    html! {
        section #workbook {
            h2 { (tr("/upload/title")) }
            form.drop method="post" enctype="multipart/form-data" action={ "/plan/" (id) "/workbook" } data-upload {
                p { (crate::problem::fill(tr("/upload/lead"), &[("file", &name)])) }
                label.button for="workbook-file" { (tr("/upload/choose")) }
                input #workbook-file type="file" name="workbook" accept=(accept);
                p.saved role="status" {}
            }
        }
    }
}

/// `POST /plan/{id}/workbook`: the dropped workbook replaces the plan's.
pub(super) async fn workbook(
    State(app): State<Arc<App>>,
    Path(id): Path<String>,
    ui: super::html::Ui,
    mut multipart: Multipart,
) -> Response {
    let Some(folder) = app.plan_folder(&id) else { return plan::not_found(&app, &ui) };
    let language = ui.asked().unwrap_or_else(|| app.language_of(&folder));
    let refuse = |status: StatusCode, key: &str, fill: &[(&str, &str)]| {
        let message = crate::problem::fill(t(language, key), fill);
        (status, Json(serde_json::json!({ "ok": false, "message": message }))).into_response()
    };
    let (file_name, bytes) = loop {
        match multipart.next_field().await {
            Ok(Some(field)) if field.name() == Some("workbook") => {
                let name = field.file_name().unwrap_or_default().to_string();
                match field.bytes().await {
                    Ok(bytes) => break (name, bytes),
                    Err(_) => {
                        let limit = (UPLOAD_LIMIT >> 20).to_string();
                        return refuse(
                            StatusCode::PAYLOAD_TOO_LARGE,
                            "/upload/too_large",
                            &[("limit", &limit)],
                        );
                    }
                }
            }
            Ok(Some(_)) => {}
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                let limit = (UPLOAD_LIMIT >> 20).to_string();
                return refuse(StatusCode::PAYLOAD_TOO_LARGE, "/upload/too_large", &[("limit", &limit)]);
            }
            Ok(None) | Err(_) => return refuse(StatusCode::BAD_REQUEST, "/upload/none", &[]),
        }
    };
    let plan_toml = super::form::read_plan_toml(&folder).unwrap_or_default();
    let Some(target) = named(&plan_toml) else {
        return refuse(StatusCode::CONFLICT, "/upload/no_target", &[]);
    };
    let wanted = extension(&target).unwrap_or_default();
    if extension(&file_name).as_deref() != Some(wanted.as_str()) || !TYPES.contains(&wanted.as_str()) {
        return refuse(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "/upload/wrong_type",
            &[("file", &target), ("type", &wanted)],
        );
    }
    // The workbook goes where plan.toml says, and never outside the plan folder.
    let path = folder.join(&target);
    let inside = path.parent().and_then(|p| p.canonicalize().ok()).is_some_and(|p| p.starts_with(&folder));
    if !inside || target.contains("..") {
        return refuse(StatusCode::FORBIDDEN, "/upload/outside", &[("file", &target)]);
    }
    let checked = bytes.clone();
    let name = target.clone();
    let readable = tokio::task::spawn_blocking(move || crate::import::readable(&checked, &name)).await;
    if let Ok(Err(reason)) | Err(reason) = readable.map_err(|_| String::new()) {
        return refuse(StatusCode::UNPROCESSABLE_ENTITY, "/upload/unreadable", &[("detail", &reason)]);
    }
    let work_app = app.clone();
    let saved = tokio::task::spawn_blocking(move || {
        crate::files::write_atomic(&path, &bytes)?;
        work_app.reread(&folder);
        Ok::<(), std::io::Error>(())
    })
    .await;
    match saved {
        Ok(Ok(())) => {
            let message = crate::problem::fill(t(language, "/upload/saved"), &[("file", &target)]);
            Json(serde_json::json!({ "ok": true, "message": message })).into_response()
        }
        Ok(Err(e)) => {
            refuse(StatusCode::INTERNAL_SERVER_ERROR, "/upload/failed", &[("detail", &e.to_string())])
        }
        Err(_) => refuse(StatusCode::INTERNAL_SERVER_ERROR, "/upload/failed", &[("detail", "")]),
    }
}
