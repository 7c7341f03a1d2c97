//! The first page: every plan under the root, with its state.

use super::html::{Page, Privacy, Ui, t};
use super::{App, plan};
use crate::live;
use crate::model::Language;
use crate::pipeline::BuildError;
use axum::extract::State;
use axum::response::Response;
use maud::html;
use std::path::PathBuf;
use std::sync::Arc;

/// One plan folder in the list.
struct Listed {
    id: Option<String>,
    folder: PathBuf,
    name: String,
    year: Option<i16>,
    errors: usize,
    warnings: usize,
    fault: Option<String>,
    latest: Option<crate::archive::Manifest>,
}

/// `GET /`: the plans, their problems and their latest archived version.
pub(super) async fn page(State(app): State<Arc<App>>, ui: Ui) -> Response {
    let language = ui.language(app.default_language());
    let listed = {
        let app = app.clone();
        tokio::task::spawn_blocking(move || list(&app, language)).await.unwrap_or_default()
    };
    let tr = |key: &str| t(language, key);
    let body = html! {
        h1 { (tr("/plans/title")) }
        p.lead { (tr("/plans/lead")) " " code { (app.root.display()) } }
        @if listed.is_empty() {
            p.empty { (tr("/plans/none")) }
        } @else {
            table.plans {
                thead { tr {
                    th scope="col" { (tr("/plans/plan")) }
                    th scope="col" { (tr("/plans/state")) }
                    th scope="col" { (tr("/plans/latest")) }
                } }
                tbody {
                    @for plan in &listed {
                        tr {
                            th scope="row" {
                                @if let Some(id) = &plan.id {
                                    a href={ "/plan/" (id) } { (plan.name) }
                                } @else { (plan.name) }
                                @if let Some(year) = plan.year { " " (year) }
                                @if plan.folder.as_os_str() != "." { br; small { (plan.folder.display()) } }
                            }
                            td { (state(plan, language)) }
                            td {
                                @match &plan.latest {
                                    Some(m) => {
                                        "v" (m.version)
                                        @if let Some(stage) = m.stage { " · " (plan::stage_word(stage, language)) }
                                        " · " (language.strings().date.short(m.document_date))
                                    }
                                    None => { (tr("/plans/never_built")) }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    let title = tr("/plans/title");
    Page { title, privacy: Privacy::NoPersonal, plan: None, body }.respond(&app, &ui, language)
}

fn state(plan: &Listed, language: Language) -> maud::Markup {
    let tr = |key: &str| t(language, key);
    let fill = |key: &str, n: usize| crate::problem::fill(tr(key), &[("count", &n.to_string())]);
    html! {
        @if let Some(fault) = &plan.fault {
            span.bad { (fault) }
        } @else if plan.errors > 0 {
            span.bad { (fill("/plans/errors", plan.errors)) }
        } @else {
            span.good { (tr("/plans/ready")) }
        }
        @if plan.warnings > 0 { " · " span.warn { (fill("/plans/warnings", plan.warnings)) } }
    }
}

fn list(app: &App, language: Language) -> Vec<Listed> {
    crate::batch::discover(&app.root, &app.out)
        .into_iter()
        .map(|candidate| {
            let folder = candidate.folder;
            let shown = folder.strip_prefix(&app.root).map(PathBuf::from).unwrap_or_else(|_| folder.clone());
            let mut listed = Listed {
                id: candidate.fault.is_none().then(|| app.plan_id(&folder)),
                folder: if shown.as_os_str().is_empty() { PathBuf::from(".") } else { shown },
                name: folder.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
                year: None,
                errors: 0,
                warnings: 0,
                fault: candidate.fault,
                latest: None,
            };
            if listed.fault.is_some() {
                return listed;
            }
            match live::check(&folder, &app.context) {
                Ok(prepared) => {
                    let plan = &prepared.plan;
                    listed.name.clone_from(&plan.organisation.name);
                    listed.year = Some(plan.settings.year);
                    listed.warnings = prepared.warnings.len();
                    let key = crate::archive::PlanKey {
                        number: plan.organisation.enterprise_number,
                        name: &plan.organisation.name,
                        year: plan.settings.year,
                    };
                    listed.latest = crate::archive::latest(&app.out, key, true).map(|(_, _, m)| m);
                }
                Err(BuildError::Problems(problems)) => {
                    listed.errors = problems.error_count();
                    listed.warnings = problems.len() - listed.errors;
                }
                Err(other) => listed.fault = Some(other.describe(&language.strings().messages)),
            }
            listed
        })
        .collect()
}
