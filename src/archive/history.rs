//! `opleidingsplan history`: the versions in an archive, per organisation
//! and year, oldest first.

use super::manifest::Manifest;
use super::verify::version_folders;
use std::path::Path;

#[derive(Debug, Clone)]
pub struct Entry {
    pub manifest: Manifest,
    /// The earlier version this one was built from the same inputs as
    /// (its files differ only in the version they print).
    pub same_as: Option<u32>,
}

/// Versions under `out`, of organisations whose name or folder contains
/// `organisation` (any case), sorted by organisation, year and version.
pub fn history(out: &Path, organisation: Option<&str>) -> Vec<Entry> {
    let wanted = organisation.map(str::to_lowercase);
    let mut entries: Vec<Entry> = version_folders(out)
        .into_iter()
        .filter_map(|folder| {
            let manifest = Manifest::read(&folder)?;
            let folder_text = folder.to_string_lossy().to_lowercase();
            let matches = wanted
                .as_deref()
                .is_none_or(|w| manifest.organisation.to_lowercase().contains(w) || folder_text.contains(w));
            matches.then_some(Entry { manifest, same_as: None })
        })
        .collect();
    entries.sort_by(|a, b| {
        let key = |e: &Entry| (e.manifest.organisation.clone(), e.manifest.year, e.manifest.version);
        key(a).cmp(&key(b))
    });
    for i in 1..entries.len() {
        let (before, after) = entries.split_at_mut(i);
        let (previous, entry) = (&before[i - 1], &mut after[0]);
        let same_plan = previous.manifest.organisation == entry.manifest.organisation
            && previous.manifest.year == entry.manifest.year;
        if same_plan && previous.manifest.fingerprint == entry.manifest.fingerprint {
            entry.same_as = Some(previous.same_as.unwrap_or(previous.manifest.version));
        }
    }
    entries
}
