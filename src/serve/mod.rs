//! `opleidingsplan serve`: the plans under a folder in the browser, for
//! people who never open a terminal. Server-rendered pages with a little
//! JavaScript, on the same pipeline as `build`: the live preview is
//! [`crate::pipeline::preview`], the build buttons run
//! [`crate::pipeline`]'s build into the same archive, the archive pages
//! read it as `history`, `verify` and `diff` do.
//!
//! It serves personal data, so [`guard`] keeps it to this computer: it
//! listens on the loopback address, answers only requests addressed to it
//! by that name (no DNS rebinding), and changes nothing without a request
//! from its own pages (same origin, with the token they carry).

mod app;
mod archive;
mod assets;
mod build;
mod edit;
mod form;
mod guard;
mod html;
mod index;
mod plan;
mod problems;
mod upload;

pub use app::{App, Options};

use axum::Router;
use axum::routing::{get, post};
use std::sync::Arc;

/// Every route of the application, behind its guard.
pub fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/", get(index::page))
        .route("/assets/{file}", get(assets::file))
        .route("/plan/{id}", get(plan::page))
        .route("/plan/{id}/status", get(plan::status))
        .route("/plan/{id}/live", get(plan::live_parts))
        .route("/plan/{id}/page/{revision}/{number}", get(plan::page_svg))
        .route("/plan/{id}/preview.pdf", get(plan::preview_pdf))
        .route("/plan/{id}/edit/{section}", post(edit::save))
        .route("/plan/{id}/workbook", post(upload::workbook).layer(upload::body_limit()))
        .route("/plan/{id}/build", post(build::build))
        .route("/plan/{id}/archive", get(archive::page))
        .route("/plan/{id}/diff", get(archive::diff))
        .route("/files/{*path}", get(archive::file))
        .layer(axum::middleware::from_fn_with_state(app.clone(), guard::guard))
        .with_state(app)
}

/// Serves `options.root` until the process is stopped (Ctrl+C).
pub fn run(options: Options, say: impl Fn(&str)) -> Result<(), app::StartError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(app::StartError::Runtime)?;
    runtime.block_on(async move {
        let listener =
            tokio::net::TcpListener::bind(options.address()).await.map_err(app::StartError::Bind)?;
        let address = listener.local_addr().map_err(app::StartError::Bind)?;
        let open = options.open;
        let app = Arc::new(App::new(options, address)?);
        let url = app.url();
        say(&url);
        if open {
            app::open_browser(&url);
        }
        axum::serve(listener, router(app))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .map_err(app::StartError::Bind)
    })
}
