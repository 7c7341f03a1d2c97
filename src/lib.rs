//! `opleidingsplan`: turns an employer's HR data into its annual Belgian
//! training plan.
//!
//! The data flows one way, one module per stage, and no stage uses a later
//! one (`tests/layers.rs` checks it):
//!
//! `config` (`plan.toml`) and `import` (the workbooks) → `model::Plan`
//! → `aggregate` (every figure, pure) → `disclose` (what one edition may
//! show) → [`view`] (formatted, worded) → [`outputs`] (PDF, annex, data,
//! key figures) → [`archive`] (immutable versions). [`pipeline`] is the one
//! orchestrator; [`batch`] and [`cli`] are front ends over it. [`model`],
//! `i18n`, `problem`, `privacy`, `text`, `glyphs` and `files` are the
//! vocabulary and leaves every stage may use.

#![warn(missing_docs)]

pub mod aggregate;
pub mod archive;
pub mod batch;
pub mod cli;
pub(crate) mod config;
pub(crate) mod disclose;
pub(crate) mod files;
pub(crate) mod glyphs;
pub mod i18n;
pub mod import;
pub mod live;
pub mod model;
pub mod outputs;
pub mod pipeline;
pub(crate) mod privacy;
pub mod problem;
pub mod serve;
pub mod synthetic;
pub(crate) mod template;
pub(crate) mod terminal;
pub(crate) mod text;
pub mod view;
