//! `opleidingsplan verify`: every version folder under a path checked
//! against its manifest: each file there and unchanged, nothing added.

use super::manifest::{FileEntry, MANIFEST_FILE, Manifest};
use super::{STAGING_PREFIX, version_number};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Finding {
    Missing(String),
    Changed {
        file: String,
        expected: String,
        found: String,
    },
    /// A file the manifest does not list.
    Extra(String),
    NoManifest,
    BadManifest(String),
}

/// The result of checking one version folder against its manifest.
#[derive(Debug)]
pub struct VersionCheck {
    pub(crate) folder: PathBuf,
    pub(crate) language: Option<crate::model::Language>,
    pub(crate) findings: Vec<Finding>,
}

impl VersionCheck {
    /// Whether every listed file is there unchanged and nothing was added.
    pub fn intact(&self) -> bool {
        self.findings.is_empty()
    }
}

/// Checks every version folder in or under `path` (an output folder, an
/// organisation's, a year's, or one version).
pub fn verify(path: &Path) -> Vec<VersionCheck> {
    version_folders(path).into_iter().map(|folder| check(&folder)).collect()
}

/// `path` itself when it is a version, else the `vN` folders below it
/// (staging folders excepted), sorted.
pub fn version_folders(path: &Path) -> Vec<PathBuf> {
    let is_version = |p: &Path| {
        p.join(MANIFEST_FILE).is_file()
            || p.file_name().and_then(|n| version_number(&n.to_string_lossy())).is_some()
    };
    if is_version(path) {
        return vec![path.to_path_buf()];
    }
    let mut found: Vec<PathBuf> = walkdir::WalkDir::new(path)
        .max_depth(3)
        .into_iter()
        .filter_entry(|e| !e.file_name().to_string_lossy().starts_with(STAGING_PREFIX))
        .filter_map(Result::ok)
        .filter(|e| e.depth() > 0 && e.file_type().is_dir() && is_version(e.path()))
        .map(|e| e.into_path())
        .collect();
    found.sort();
    found
}

fn check(folder: &Path) -> VersionCheck {
    let manifest = match std::fs::read(folder.join(MANIFEST_FILE)) {
        Err(_) => {
            return VersionCheck {
                folder: folder.into(),
                language: None,
                findings: vec![Finding::NoManifest],
            };
        }
        Ok(bytes) => match serde_json::from_slice::<Manifest>(&bytes) {
            Ok(manifest) => manifest,
            Err(e) => {
                let findings = vec![Finding::BadManifest(e.to_string())];
                return VersionCheck { folder: folder.into(), language: None, findings };
            }
        },
    };
    let mut findings: Vec<Finding> =
        manifest.outputs.iter().filter_map(|entry| check_file(folder, entry)).collect();
    let listed = |name: &str| name == MANIFEST_FILE || manifest.outputs.iter().any(|f| f.path == name);
    let mut extra: Vec<String> = walkdir::WalkDir::new(folder)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| Some(e.path().strip_prefix(folder).ok()?.to_string_lossy().replace('\\', "/")))
        .filter(|name| !listed(name))
        .collect();
    extra.sort();
    findings.extend(extra.into_iter().map(Finding::Extra));
    VersionCheck { folder: folder.into(), language: Some(manifest.language), findings }
}

fn check_file(folder: &Path, entry: &FileEntry) -> Option<Finding> {
    let Ok(bytes) = std::fs::read(folder.join(&entry.path)) else {
        return Some(Finding::Missing(entry.path.clone()));
    };
    let found = FileEntry::of(&entry.path, &bytes);
    (found.sha256 != entry.sha256).then(|| Finding::Changed {
        file: entry.path.clone(),
        expected: entry.sha256.clone(),
        found: found.sha256,
    })
}
