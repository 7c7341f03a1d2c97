//! What changed between two archived versions: their trainings and key
//! figures, for `diff` and the web application's archive page.

use super::Manifest;
use super::previous::{self, Found};
use crate::aggregate::key_figures::NotCompared;
use crate::aggregate::revision::{Snapshot, revision};
use crate::model::Edition;
use crate::view::{Fmt, RevisionView, revision_view};
use std::path::{Path, PathBuf};

/// Two versions compared.
pub struct Comparison {
    /// The edition both recorded, whose figures were compared.
    pub edition: Edition,
    /// The earlier version's manifest.
    pub before: Manifest,
    /// The later version's manifest.
    pub after: Manifest,
    /// What changed, worded.
    pub view: RevisionView,
}

/// Why two versions cannot be compared.
pub enum CompareError {
    /// These folders are no archived versions.
    NoVersion(Vec<PathBuf>),
    /// A version's key figures cannot be read; with the later version's year.
    Figures(NotCompared, i16),
    /// The two share no edition (or not the one asked for).
    NoEdition,
}

/// Compares the versions in `before` and `after`, in the edition asked for
/// or else the council's (or else the internal one) when both have it.
pub fn compare(
    before: &Path,
    after: &Path,
    edition: Option<Edition>,
    fmt: Fmt<'_>,
) -> Result<Comparison, CompareError> {
    let (then_manifest, now_manifest) = (Manifest::read(before), Manifest::read(after));
    let missing: Vec<PathBuf> = [(before, &then_manifest), (after, &now_manifest)]
        .into_iter()
        .filter(|(_, m)| m.is_none())
        .map(|(p, _)| p.to_path_buf())
        .collect();
    let (Some(then_manifest), Some(now_manifest)) = (then_manifest, now_manifest) else {
        return Err(CompareError::NoVersion(missing));
    };
    let figures = |dir: &Path, manifest: &Manifest| previous::key_figures(dir, manifest, manifest.version);
    let (then, now) = match (figures(before, &then_manifest), figures(after, &now_manifest)) {
        (Ok(then), Ok(now)) => (then, now),
        (Err(reason), _) | (_, Err(reason)) => return Err(CompareError::Figures(reason, now_manifest.year)),
    };
    let (edition, then, now) = pick(edition, &then, &now).ok_or(CompareError::NoEdition)?;
    let changes = revision(
        Snapshot { figures: &then.previous.values, trainings: &then.previous.trainings },
        Snapshot { figures: &now.previous.values, trainings: &now.previous.trainings },
    );
    let view = revision_view(&changes, format!("v{}", then_manifest.version), fmt);
    Ok(Comparison { edition, before: then_manifest, after: now_manifest, view })
}

/// The edition both versions recorded: the one asked for, else the council's.
fn pick<'a>(
    asked: Option<Edition>,
    then: &'a [Found],
    now: &'a [Found],
) -> Option<(Edition, &'a Found, &'a Found)> {
    let both = |edition: Edition| {
        let find = |list: &'a [Found]| list.iter().find(|f| f.edition == edition);
        Some((edition, find(then)?, find(now)?))
    };
    match asked {
        Some(edition) => both(edition),
        None => both(Edition::Council).or_else(|| both(Edition::Internal)),
    }
}
