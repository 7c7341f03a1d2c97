//! Last year's plan, as the archive keeps it: the key figures of its latest
//! version, for the year-over-year chapter. A council edition compares
//! with last year's council edition only (its figures were withheld as the
//! council may see them); the internal edition prefers last year's
//! internal figures. Only a version of the same enterprise number counts.
//!
//! Versions written by release 0.1.0 kept no key figures; their data file
//! is read instead, once, in `legacy`.

use super::legacy;
use super::manifest::FileEntry;
use super::{PlanKey, latest};
use crate::aggregate::key_figures::{NotCompared, PreviousYear};
use crate::model::{Edition, EnterpriseNumber};
use crate::outputs::{KEY_FIGURES_FORMAT, KeyFiguresFile, OutputKind};
use sha2::{Digest, Sha256};
use std::path::Path;
use std::sync::Arc;

/// Last year's key figures of one edition, with the file they came from.
#[derive(Debug, Clone)]
pub struct Found {
    /// The edition that recorded them.
    pub edition: Edition,
    /// The figures.
    pub previous: PreviousYear,
    /// The archived file's name and bytes (a source of this year's plan).
    pub file: String,
    /// Its bytes.
    pub bytes: Arc<[u8]>,
}

/// Last year's key figures in the archive `out`, per edition found, for
/// the plan of `organisation` (by name, for the folder) and
/// `enterprise_number` for `year`: only a version of the same enterprise
/// number counts.
pub(crate) fn find(
    out: &Path,
    organisation: &str,
    enterprise_number: EnterpriseNumber,
    year: i16,
) -> Result<Vec<Found>, NotCompared> {
    let last_year = PlanKey { number: enterprise_number, name: organisation, year: year - 1 };
    let Some((version, folder, manifest)) = latest(out, last_year, false) else {
        return Ok(Vec::new());
    };
    key_figures(&folder, &manifest, version)
}

/// The key figures of the version `version` in `folder`, per edition it
/// holds, each file only when it is as the manifest recorded.
pub(crate) fn key_figures(
    folder: &Path,
    manifest: &super::Manifest,
    version: u32,
) -> Result<Vec<Found>, NotCompared> {
    let mut found = Vec::new();
    for edition in Edition::ALL {
        let entry = manifest
            .outputs
            .iter()
            .find(|e| e.edition == Some(edition) && e.kind == Some(OutputKind::KeyFigures));
        let entry = match entry {
            Some(entry) => Some(entry),
            None if manifest.format < 2 => legacy::data_file(manifest, edition),
            None => None,
        };
        let Some(entry) = entry else { continue };
        let bytes = read_verified(folder, entry)?;
        let previous = if entry.kind == Some(OutputKind::KeyFigures) {
            let file: KeyFiguresFile = serde_json::from_slice(&bytes)
                .map_err(|_| NotCompared::Damaged { file: entry.path.clone() })?;
            if file.format > KEY_FIGURES_FORMAT {
                return Err(NotCompared::UnknownFormat { format: file.format });
            }
            PreviousYear { year: file.year, version, values: file.figures, trainings: file.trainings }
        } else {
            legacy::key_figures(&bytes, manifest.year, version)
                .ok_or_else(|| NotCompared::Damaged { file: entry.path.clone() })?
        };
        found.push(Found { edition, previous, file: entry.path.clone(), bytes: Arc::from(bytes) });
    }
    Ok(found)
}

/// The figures `edition` compares with: the same edition's, or for the
/// internal edition the council's when last year had no internal one.
pub fn for_edition(found: &[Found], edition: Edition) -> Option<&Found> {
    let same = found.iter().find(|f| f.edition == edition);
    match edition {
        Edition::Council => same,
        Edition::Internal => same.or_else(|| found.iter().find(|f| f.edition == Edition::Council)),
    }
}

/// The file `entry` of `folder`, only when it is as the manifest recorded.
pub(super) fn read_verified(folder: &Path, entry: &FileEntry) -> Result<Vec<u8>, NotCompared> {
    let damaged = || NotCompared::Damaged { file: entry.path.clone() };
    let bytes = crate::files::read_regular(&folder.join(&entry.path), crate::files::ARCHIVE_FILE_LIMIT)
        .map_err(|_| damaged())?;
    let sha = crate::config::sources::hex(&Sha256::digest(&bytes));
    if sha != entry.sha256 {
        return Err(damaged());
    }
    Ok(bytes)
}
