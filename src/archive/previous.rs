//! Last year's plan, as the archive keeps it: the data file of its latest
//! version, for the year-over-year chapter. Only the same edition is used:
//! a council edition never compares against last year's internal figures.

use super::{Manifest, latest_complete, year_dir};
use crate::model::Edition;
use std::path::Path;
use std::sync::Arc;

#[derive(Debug, Clone)]
pub struct PreviousYear {
    pub year: i16,
    pub version: u32,
    pub edition: Edition,
    /// The archived data file's name and bytes (a source of this year's plan).
    pub file: String,
    pub bytes: Arc<[u8]>,
    /// Its content, as the view wrote it.
    pub data: serde_json::Value,
}

/// Last year's data files (one per edition archived) of `organisation`
/// under `out`.
pub fn find(out: &Path, organisation: &str, year: i16) -> Vec<PreviousYear> {
    let Some((version, folder, manifest)) = latest_complete(&year_dir(out, organisation, year - 1)) else {
        return Vec::new();
    };
    data_files(&manifest)
        .filter_map(|name| {
            let bytes: Arc<[u8]> = Arc::from(std::fs::read(folder.join(name)).ok()?);
            let data: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
            let edition = match data.pointer("/meta/edition")?.as_str()? {
                "council" => Edition::Council,
                "internal" => Edition::Internal,
                _ => return None,
            };
            Some(PreviousYear { year: year - 1, version, edition, file: name.to_string(), bytes, data })
        })
        .collect()
}

fn data_files(manifest: &Manifest) -> impl Iterator<Item = &str> {
    manifest.outputs.iter().map(|f| f.path.as_str()).filter(|p| p.ends_with(".json"))
}
