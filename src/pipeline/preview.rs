//! The plan as `serve` and `watch` show it while it is being written: the
//! steps of a build up to the typeset document of one edition, with the
//! same settings, layouts, batch defaults and archive, and nothing written.

use super::{BuildError, Job, Opened, Prepared, read_config};
use crate::archive;
use crate::config::sources::BatchContext;
use crate::model::{Edition, Stage};
use crate::outputs::pdf::{Resources, Typeset};
use std::path::Path;

/// One plan to show.
pub struct PreviewJob<'a> {
    /// The plan folder (holds `plan.toml`).
    pub folder: &'a Path,
    /// The archive a build would write into: last year's figures and this
    /// year's version number come from it.
    pub out: &'a Path,
    /// The batch the plan is part of: its defaults, files and layout.
    pub batch: Option<&'a BatchContext<'a>>,
    /// Layout and fonts; a preview keeps Typst's cache between documents.
    pub resources: &'a Resources,
    /// The edition to typeset.
    pub edition: Edition,
    /// Draft or final; `None`: as `plan.toml` says, else by the consultation.
    pub stage: Option<Stage>,
}

/// A plan typeset, not written.
pub struct Preview {
    /// Everything derived from the input.
    pub prepared: Prepared,
    /// The laid-out pages of the edition asked for.
    pub typeset: Typeset,
}

/// Reads, validates, aggregates and typesets the plan as the next build
/// would, without writing anything.
pub fn preview(job: &PreviewJob<'_>) -> Result<Preview, BuildError> {
    let (prepared, resources) = check(job)?;
    let resources = resources.as_ref().unwrap_or(job.resources);
    let typeset = prepared.typeset(job.edition, resources)?;
    Ok(Preview { prepared, typeset })
}

/// Reads, validates and aggregates the plan as the next build would: what
/// `check` says of it; with the plan's own layout laid over the job's.
pub fn check(job: &PreviewJob<'_>) -> Result<(Prepared, Option<Resources>), BuildError> {
    // The build this preview stands for, in the plan's own editions.
    let build = Job {
        folder: job.folder,
        out: job.out,
        editions: None,
        stage: job.stage,
        new_version: false,
        skip_unchanged: false,
        batch: job.batch,
        resources: job.resources,
    };
    let (mut config, problems) = read_config(&build)?;
    config.settle(job.stage);
    let Opened { own, gathered, fingerprint, identity, .. } = Opened::of(&build, &config)?;
    let mut prepared = gathered.import(config, problems)?;
    // The number the next build would print.
    prepared.earlier = archive::earlier::earlier(job.out, identity.key(), &fingerprint, false);
    Ok((prepared, own.resources))
}
