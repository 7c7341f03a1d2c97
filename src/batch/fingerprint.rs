//! Change detection by content: a plan is rebuilt only when something that
//! goes into it changed (its `plan.toml`, workbooks, branding files, layout
//! overrides, the batch's defaults, the editions asked for, or the tool
//! itself). Timestamps play no part: a copied or re-saved file with the same
//! bytes changes nothing.

use crate::config::PlanConfig;
use crate::output::OutputFile;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// Kept in a plan's output folder; hidden, so it does not clutter a listing.
pub const FINGERPRINT_FILE: &str = ".opleidingsplan-build.json";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    /// SHA-256 of everything that went into the plan, in hex.
    pub fingerprint: String,
    /// The files that build wrote, all of which must still be there.
    pub files: Vec<String>,
}

/// A running SHA-256 over labelled parts, so that moving bytes from one
/// part to another changes the result.
pub struct Hasher(Sha256);

impl Hasher {
    pub fn new() -> Self {
        Self(Sha256::new())
    }

    pub fn part(&mut self, label: &str, bytes: &[u8]) {
        self.0.update((label.len() as u64).to_le_bytes());
        self.0.update(label.as_bytes());
        self.0.update((bytes.len() as u64).to_le_bytes());
        self.0.update(bytes);
    }

    /// Every file under `dir`, by path relative to it, in sorted order.
    pub fn folder(&mut self, label: &str, dir: &Path) {
        let mut files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| e.into_path())
            .collect();
        files.sort();
        for file in files {
            let relative = file.strip_prefix(dir).unwrap_or(&file).to_string_lossy().replace('\\', "/");
            self.part(&format!("{label}/{relative}"), &std::fs::read(&file).unwrap_or_default());
        }
    }

    pub fn finish(self) -> String {
        hex(&self.0.finalize())
    }
}

impl Default for Hasher {
    fn default() -> Self {
        Self::new()
    }
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The tool itself: its version and a hash of the sources, layout and
/// locked dependencies it was built from (see `build.rs`); another build
/// of the tool may lay out the same data differently.
pub fn tool_identity() -> String {
    format!("{} {}", env!("CARGO_PKG_VERSION"), env!("OPLEIDINGSPLAN_SOURCE_HASH"))
}

/// What one plan's build depends on.
pub struct Inputs<'a> {
    pub tool: &'a str,
    pub batch_toml: &'a [u8],
    pub batch_layout: Option<&'a Path>,
    pub plan_dir: &'a Path,
    pub plan_toml: &'a [u8],
    pub config: &'a PlanConfig,
    pub client_layout: Option<&'a Path>,
    pub editions: &'a str,
}

pub fn fingerprint(inputs: &Inputs) -> String {
    let mut h = Hasher::new();
    h.part("tool", inputs.tool.as_bytes());
    h.part("editions", inputs.editions.as_bytes());
    h.part("batch.toml", inputs.batch_toml);
    if let Some(dir) = inputs.batch_layout {
        h.folder("batch-layouts", dir);
    }
    h.part("plan.toml", inputs.plan_toml);
    let input = &inputs.config.input;
    let mut workbooks: Vec<&PathBuf> =
        [&input.employees, &input.trainings, &input.participations, &input.quarterly_fte]
            .iter()
            .map(|m| &m.workbook)
            .collect();
    workbooks.sort();
    workbooks.dedup();
    for workbook in workbooks {
        // Named relative to the plan folder: moving the batch changes nothing.
        let name = workbook.strip_prefix(inputs.plan_dir).unwrap_or(workbook);
        h.part(&format!("workbook/{}", name.display()), &std::fs::read(workbook).unwrap_or_default());
    }
    let branding = &inputs.config.branding;
    let assets =
        branding.logo.iter().chain(&branding.fonts).chain(branding.prepared_by.iter().flat_map(|p| &p.logo));
    for asset in assets {
        h.part("asset", &asset.bytes);
    }
    if let Some(dir) = inputs.client_layout {
        h.folder("client-layouts", dir);
    }
    h.finish()
}

/// The stamp of the last successful build in `target`, if its files are
/// all still there.
pub fn stored(target: &Path) -> Option<Stamp> {
    let text = std::fs::read(target.join(FINGERPRINT_FILE)).ok()?;
    let stamp: Stamp = serde_json::from_slice(&text).ok()?;
    stamp.files.iter().all(|f| target.join(f).is_file()).then_some(stamp)
}

/// The stamp to write beside `files`.
pub fn stamp_file(fingerprint: String, files: &[OutputFile]) -> OutputFile {
    let stamp = Stamp { fingerprint, files: files.iter().map(|f| f.name.clone()).collect() };
    // A struct of strings always serialises.
    OutputFile { name: FINGERPRINT_FILE.into(), bytes: serde_json::to_vec_pretty(&stamp).unwrap_or_default() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_are_kept_apart() {
        let hash = |parts: &[(&str, &[u8])]| {
            let mut h = Hasher::new();
            for (label, bytes) in parts {
                h.part(label, bytes);
            }
            h.finish()
        };
        assert_eq!(hash(&[("a", b"xy")]), hash(&[("a", b"xy")]));
        assert_ne!(hash(&[("a", b"xy"), ("b", b"")]), hash(&[("a", b"x"), ("b", b"y")]));
        assert_eq!(hash(&[]).len(), 64);
    }

    #[test]
    fn a_stamp_counts_only_while_its_files_are_there() {
        let dir = tempfile::tempdir().unwrap();
        let files = [OutputFile { name: "plan.pdf".into(), bytes: b"%PDF".to_vec() }];
        let stamp = stamp_file("abc".into(), &files);
        std::fs::write(dir.path().join(&stamp.name), &stamp.bytes).unwrap();
        assert_eq!(stored(dir.path()), None, "plan.pdf is missing");
        std::fs::write(dir.path().join("plan.pdf"), b"%PDF").unwrap();
        assert_eq!(stored(dir.path()).unwrap().fingerprint, "abc");
    }
}
