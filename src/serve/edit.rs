//! The forms of the plan page, and saving one back into `plan.toml`.

use super::form::{self, Kind, Section, Shape};
use super::guard::{TOKEN_FIELD, TOKEN_HEADER};
use super::html::{Ui, t};
use super::{App, plan};
use crate::model::Language;
use axum::Form;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use std::sync::Arc;
use toml_edit::{DocumentMut, Table};

/// The forms, filled from `plan.toml` as it is on disk.
pub(super) fn forms(text: &str, id: &str, language: Language, token: &str) -> Markup {
    let tr = |key: &str| t(language, key);
    let Ok(doc) = text.parse::<DocumentMut>() else {
        return html! { section #texts { h2 { (tr("/texts/title")) } p.bad { (tr("/texts/unreadable")) } } };
    };
    html! {
        section #texts {
            h2 { (tr("/texts/title")) }
            p.hint { (tr("/texts/lead")) }
            @for section in form::SECTIONS {
                details.form-section #{ "form-" (section.id) } {
                    summary { (label(language, section.id, None)) }
                    form method="post" action={ "/plan/" (id) "/edit/" (section.id) } data-save {
                        input type="hidden" name=(TOKEN_FIELD) value=(token);
                        (fields(&doc, section, language))
                        p.actions {
                            button type="submit" { (tr("/texts/save")) }
                            " " span.saved role="status" {}
                        }
                    }
                }
            }
        }
    }
}

/// A section's or a field's label: `/fields/<section>` or `/fields/<section>/<key>`.
fn label(language: Language, section: &str, key: Option<&str>) -> &'static str {
    match key {
        None => t(language, &format!("/sections/{section}")),
        Some(key) => t(language, &format!("/fields/{section}/{}", key.replace('.', "_"))),
    }
}

fn fields(doc: &DocumentMut, section: &Section, language: Language) -> Markup {
    match section.shape {
        Shape::Table(path) => {
            let empty = Table::new();
            let table = form::table(doc.as_table(), path).unwrap_or(&empty);
            html! { @for f in section.fields { (input(section, f, table, f.key, language)) } }
        }
        Shape::Array(path) => {
            let entries = form::entries(doc.as_table(), path);
            let empty = Table::new();
            html! {
                @for (n, entry) in entries.iter().enumerate() {
                    fieldset {
                        legend { (n + 1) }
                        @for f in section.fields { (input(section, f, entry, &format!("{n}.{}", f.key), language)) }
                        label.remove { input type="checkbox" name={ (n) "._remove" }; " " (t(language, "/texts/remove")) }
                    }
                }
                fieldset.new {
                    legend { (t(language, "/texts/add")) }
                    @for f in section.fields { (input(section, f, &empty, &format!("new.{}", f.key), language)) }
                }
            }
        }
    }
}

fn input(section: &Section, field: &form::Field, table: &Table, name: &str, language: Language) -> Markup {
    let value = form::shown(table, field.key);
    let id = format!("f-{}-{}", section.id, name.replace('.', "-"));
    let text = label(language, section.id, Some(field.key));
    match field.kind {
        Kind::Line => html! { label for=(id) { (text) } input #(id) type="text" name=(name) value=(value); },
        Kind::Text => html! { label for=(id) { (text) } textarea #(id) name=(name) rows="4" { (value) } },
        Kind::Lines => html! {
            label for=(id) { (text) " " small { (t(language, "/texts/one_per_line")) } }
            textarea #(id) name=(name) rows="4" { (value) }
        },
        Kind::Date => html! { label for=(id) { (text) } input #(id) type="date" name=(name) value=(value); },
        Kind::Bool => html! {
            label.check { input #(id) type="checkbox" name=(name) value="true" checked[value == "true"]; " " (text) }
        },
        Kind::Choice(codes) => html! {
            label for=(id) { (text) }
            select #(id) name=(name) {
                option value="" {}
                @for code in codes {
                    option value=(code) selected[value == *code] { (t(language, &format!("/choices/{code}"))) }
                }
            }
        },
        Kind::Codes(codes) => {
            let chosen: Vec<&str> = value.lines().collect();
            let statements = "/pdf/readiness/statements";
            html! {
                fieldset.codes {
                    legend { (text) }
                    @for code in codes {
                        label.check {
                            input type="checkbox" name=(name) value=(code) checked[chosen.contains(code)];
                            " " strong { (code) } " " (language.strings().for_layout.pointer(&format!("{statements}/{code}")).and_then(|v| v.as_str()).unwrap_or_default())
                        }
                    }
                }
            }
        }
    }
}

/// `POST /plan/{id}/edit/{section}`: the form written into `plan.toml`,
/// unless it would add errors there; then nothing is written and the
/// problems are said.
pub(super) async fn save(
    State(app): State<Arc<App>>,
    Path((id, section)): Path<(String, String)>,
    headers: HeaderMap,
    ui: Ui,
    Form(posted): Form<Vec<(String, String)>>,
) -> Response {
    let Some(folder) = app.plan_folder(&id) else { return plan::not_found(&app, &ui) };
    let Some(section) = form::section(&section) else { return StatusCode::NOT_FOUND.into_response() };
    let from_script = headers.contains_key(TOKEN_HEADER);
    let language = ui.asked().unwrap_or_else(|| app.language_of(&folder));
    let work_app = app.clone();
    let result =
        tokio::task::spawn_blocking(move || write(&work_app, &folder, section, &posted, language)).await;
    let result = result.unwrap_or_else(|_| Err(vec![t(language, "/texts/not_saved").to_string()]));
    match (result, from_script) {
        (Ok(revision), true) => Json(
            serde_json::json!({ "ok": true, "revision": revision, "message": t(language, "/texts/saved") }),
        )
        .into_response(),
        (Ok(()), false) => Redirect::to(&format!("/plan/{id}#form-{}", section.id)).into_response(),
        (Err(problems), _) => {
            let body = serde_json::json!({ "ok": false, "message": t(language, "/texts/not_saved"), "problems": problems });
            (StatusCode::UNPROCESSABLE_ENTITY, Json(body)).into_response()
        }
    }
}

/// Writes the form; the session's new revision, or what stops it.
fn write(
    app: &App,
    folder: &std::path::Path,
    section: &Section,
    posted: &[(String, String)],
    language: Language,
) -> Result<(), Vec<String>> {
    let text = form::read_plan_toml(folder)
        .ok_or_else(|| vec![format!("{} cannot be read", crate::config::PLAN_FILE)])?;
    let mut doc = text.parse::<DocumentMut>().map_err(|e| vec![e.to_string()])?;
    let posted: Vec<(String, String)> = posted.iter().filter(|(k, _)| k != TOKEN_FIELD).cloned().collect();
    form::apply(&mut doc, section, &posted).map_err(|refused| {
        refused
            .iter()
            .map(|r| format!("{}: {}", r.field, t(language, &format!("/texts/refused_{}", r.reason))))
            .collect::<Vec<_>>()
    })?;
    let new = doc.to_string();
    let defaults = app.context.defaults();
    let errors = |text: &str| -> Vec<String> {
        let messages = &language.strings().messages;
        match crate::config::parse(text, folder, defaults) {
            Ok((_, problems)) | Err(problems) => problems
                .sorted()
                .into_iter()
                .filter(|p| p.severity == crate::problem::Severity::Error)
                .map(|p| p.describe(messages))
                .collect(),
        }
    };
    let (before, after) = (errors(&text), errors(&new));
    if after.len() > before.len() {
        return Err(after.into_iter().filter(|e| !before.contains(e)).collect());
    }
    crate::files::write_atomic(&folder.join(crate::config::PLAN_FILE), new.as_bytes())
        .map_err(|e| vec![e.to_string()])?;
    app.reread(folder);
    Ok(())
}
