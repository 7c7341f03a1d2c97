//! This year's earlier versions of a plan, read before it is built: the
//! version number the new documents carry, their version history, and the
//! latest draft a final plan lists its changes against.

use super::previous::{self, Found};
use super::{Manifest, PlanKey, latest, location, versions};
use crate::aggregate::key_figures::NotCompared;
use crate::model::{Stage, VersionRecord};
use std::path::Path;

/// What the archive holds of this year's plan before the new version.
#[derive(Debug, Clone)]
pub struct Earlier {
    /// The number the new version will have (the documents print it).
    pub version: u32,
    /// The versions before it, oldest first.
    pub history: Vec<VersionRecord>,
    /// The latest draft before it: its number and its key figures per
    /// edition, or why they cannot be read.
    pub draft: Option<(u32, Result<Vec<Found>, NotCompared>)>,
}

impl Default for Earlier {
    /// An empty archive: the plan's first version.
    fn default() -> Self {
        Self { version: 1, history: Vec::new(), draft: None }
    }
}

/// The archive `out` as the next version of `plan` finds it. A build
/// identical to the latest version (same `fingerprint`, no `new_version`)
/// gets that version's number, so that it makes the same bytes and is not
/// written again; any other build gets the number after the highest.
pub(crate) fn earlier(out: &Path, plan: PlanKey<'_>, fingerprint: &str, new_version: bool) -> Earlier {
    let folders: Vec<(u32, std::path::PathBuf)> = location::year_dirs(out, plan.number, plan.name, plan.year)
        .iter()
        .flat_map(|d| versions(d))
        .collect();
    let highest = folders.iter().map(|(n, _)| *n).max().unwrap_or(0);
    let repeat = latest(out, plan, true)
        .filter(|(n, _, m)| !new_version && *n == highest && m.fingerprint == fingerprint)
        .map(|(n, _, _)| n);
    let version = repeat.unwrap_or(highest + 1);
    let ours = |m: &Manifest| m.enterprise_number == plan.number && m.year == plan.year;
    let mut before: Vec<(u32, &Path, Manifest)> = folders
        .iter()
        .filter(|(n, _)| *n < version)
        .filter_map(|(n, path)| Manifest::read(path).filter(|m| ours(m)).map(|m| (*n, path.as_path(), m)))
        .collect();
    before.sort_by_key(|(n, _, _)| *n);
    let history = before
        .iter()
        .map(|(n, _, m)| VersionRecord { version: *n, stage: m.stage, date: m.document_date })
        .collect();
    let draft = before
        .iter()
        .rev()
        .find(|(_, _, m)| m.stage == Some(Stage::Draft))
        .map(|(n, path, m)| (*n, previous::key_figures(path, m, *n)));
    Earlier { version, history, draft }
}
