//! What a plan reads besides `plan.toml`, gathered once for a build or a
//! preview: its own layout folder, its files, and last year's figures and
//! balances in the archive.

use super::{
    BuildError, Prepared, archived_balances, carry_from_archive, compare_with_archive, prepare_plan,
};
use crate::aggregate::key_figures::NotCompared;
use crate::archive;
use crate::archive::previous::Found;
use crate::config::sources::{BatchContext, Sources};
use crate::config::{LAYOUT_FOLDER, PlanConfig};
use crate::import;
use crate::outputs::pdf::Resources;
use crate::problem::Problems;
use std::path::{Path, PathBuf};

/// A plan folder's own `layouts/`, laid over the run's layout.
pub(crate) struct OwnLayout {
    /// The folder, when the plan has one.
    pub folder: Option<PathBuf>,
    /// The run's resources with the folder laid over them.
    pub resources: Option<Resources>,
}

impl OwnLayout {
    /// The `layouts/` folder of the plan in `folder`, over `resources`.
    pub(crate) fn of(folder: &Path, resources: &Resources) -> Result<Self, BuildError> {
        let Some(dir) = Some(folder.join(LAYOUT_FOLDER)).filter(|dir| dir.is_dir()) else {
            return Ok(Self { folder: None, resources: None });
        };
        let overlaid = resources
            .overlaid(&dir)
            .map_err(|source| BuildError::LayoutFolder { path: dir.clone(), source })?;
        Ok(Self { folder: Some(dir), resources: Some(overlaid) })
    }
}

/// What a plan reads besides `plan.toml`: its files, and last year's
/// archived key figures and balances.
pub(crate) struct Gathered {
    /// The files the plan is built from.
    pub sources: Sources,
    previous: Vec<Found>,
    not_compared: Option<NotCompared>,
    balances: Option<archive::balances::Found>,
}

impl Gathered {
    /// The sources of the plan in `folder`, with what the archive `out`
    /// holds of last year.
    pub(crate) fn of(
        folder: &Path,
        out: &Path,
        config: &PlanConfig,
        batch: Option<&BatchContext<'_>>,
        own: &OwnLayout,
    ) -> Self {
        let layouts: Vec<&Path> = own.folder.iter().map(PathBuf::as_path).collect();
        let mut sources = Sources::collect(folder, config, batch, &layouts);
        let (previous, not_compared) = compare_with_archive(out, config, &mut sources);
        let balances = archived_balances(out, config, &mut sources);
        Self { sources, previous, not_compared, balances }
    }

    /// Imports the workbooks and aggregates the plan.
    pub(crate) fn import(self, config: PlanConfig, problems: Problems) -> Result<Prepared, BuildError> {
        let mut imported = import::load_workbooks(config, problems).map_err(BuildError::Problems)?;
        carry_from_archive(&mut imported, self.balances);
        let mut prepared = prepare_plan(imported.plan, imported.warnings, self.sources);
        prepared.previous = self.previous;
        prepared.not_compared = self.not_compared;
        Ok(prepared)
    }
}

/// A plan's place in the archive, owned: its name outlives the
/// `plan.toml` it came from, which the import consumes.
pub(crate) struct Identity {
    number: crate::model::EnterpriseNumber,
    name: String,
    year: i16,
}

impl Identity {
    /// The key of its versions in the archive.
    pub(crate) fn key(&self) -> archive::PlanKey<'_> {
        archive::PlanKey { number: self.number, name: &self.name, year: self.year }
    }
}

/// What a build and a preview do with a settled `plan.toml` before its
/// import: the plan's own layout, its sources and last year's figures,
/// the editions, and the fingerprint of it all.
pub(crate) struct Opened {
    /// The plan folder's own `layouts/`.
    pub own: OwnLayout,
    /// The files and last year's archive.
    pub gathered: Gathered,
    /// The editions the job writes.
    pub editions: Vec<crate::model::Edition>,
    /// What the version would be built from.
    pub fingerprint: String,
    /// Where its versions are.
    pub identity: Identity,
}

impl Opened {
    /// Opens the plan of `job`, whose `plan.toml` is `config`.
    pub(crate) fn of(job: &super::Job<'_>, config: &PlanConfig) -> Result<Self, BuildError> {
        let own = OwnLayout::of(job.folder, job.resources)?;
        let editions = job.editions.clone().unwrap_or_else(|| config.settings.editions.editions());
        let gathered = Gathered::of(job.folder, job.out, config, job.batch, &own);
        let fingerprint = super::fingerprint(&gathered.sources, &editions, &config.settings);
        let o = &config.organisation;
        let identity =
            Identity { number: o.enterprise_number, name: o.name.clone(), year: config.settings.year };
        Ok(Self { own, gathered, editions, fingerprint, identity })
    }
}
