//! `opleidingsplan`: turns an employer's HR data into its annual Belgian
//! training plan.
//!
//! The pipeline runs one way, one module per stage:
//! [`config`] + [`import`] → [`model::Plan`] → [`aggregate`] → [`view`] →
//! [`render`] (PDF) and [`annex`] (XLSX) → [`output`]; [`pipeline`] runs
//! the stages in order and [`cli`] is the command line.

pub mod aggregate;
pub mod annex;
pub mod archive;
pub mod batch;
pub mod cli;
pub mod config;
pub mod i18n;
pub mod import;
pub mod model;
pub mod output;
pub mod pipeline;
pub mod privacy;
pub mod problem;
pub mod render;
pub mod synthetic;
pub mod template;
pub mod text;
pub mod view;
