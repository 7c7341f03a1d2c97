//! `opleidingsplan verify`: every version folder under a path checked
//! against its manifest (each file there and unchanged, nothing added, no
//! path leading out of the folder), the manifest against its place (the
//! enterprise number, year and version of the folders it sits in), and the
//! versions of a year against each other: each manifest records the SHA-256
//! of the one before it, so a version deleted, swapped or renamed breaks
//! the chain.
//!
//! What it cannot see: someone who rewrites every file, hash and link of
//! the chain consistently, or who deletes the newest versions (nothing
//! after them points back). Keep a copy of the latest manifest's SHA-256
//! elsewhere (it is printed by `history`) to notice those.

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
    /// The manifest says it belongs elsewhere: (what the manifest says,
    /// where it is).
    WrongPlace {
        expected: String,
        found: String,
    },
    /// The version before this one is missing.
    MissingBefore(u32),
    /// The manifest does not follow the one of version `n` (replaced,
    /// changed or swapped).
    Unchained(u32),
    /// A listed path leads out of the version folder.
    BadPath(String),
    /// A path listed twice.
    Duplicate(String),
    /// The manifest was edited after it was written.
    Unsealed,
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

/// A manifest is small; anything near this is not one.
const MANIFEST_LIMIT: u64 = 16 << 20;

fn check(folder: &Path) -> VersionCheck {
    let manifest = match crate::files::read_regular(&folder.join(MANIFEST_FILE), MANIFEST_LIMIT) {
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
    let mut findings = place(folder, &manifest);
    if manifest.format >= 3 && manifest.seal != manifest.expected_seal() {
        findings.push(Finding::Unsealed);
    }
    findings.extend(chain(folder, &manifest));
    let mut seen = std::collections::BTreeSet::new();
    for entry in &manifest.outputs {
        if !plain_name(&entry.path) {
            findings.push(Finding::BadPath(entry.path.clone()));
        } else if !seen.insert(entry.path.as_str()) {
            findings.push(Finding::Duplicate(entry.path.clone()));
        } else if let Some(finding) = check_file(folder, entry) {
            findings.push(finding);
        }
    }
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

/// A file name in the version folder itself, or in its statements folder:
/// no other folders, no way out.
fn plain_name(path: &str) -> bool {
    let plain =
        |part: &str| !part.is_empty() && part != "." && part != ".." && !part.contains(['\\', ':', '\0']);
    let parts: Vec<&str> = path.split('/').collect();
    let inside = match parts[..] {
        [name] => plain(name),
        [folder, name] => folder == crate::outputs::STATEMENTS_FOLDER && plain(name),
        _ => false,
    };
    inside && path != MANIFEST_FILE
}

/// The manifest against the folders it sits in: `v<version>` in `<year>` in
/// the enterprise's folder (`<digits>-<name>`, or the organisation's name
/// for an archive of release 0.1.0).
fn place(folder: &Path, m: &Manifest) -> Vec<Finding> {
    let name = |p: Option<&Path>| p.and_then(Path::file_name).map(|n| n.to_string_lossy().into_owned());
    let version = name(Some(folder)).unwrap_or_default();
    let year = name(folder.parent()).unwrap_or_default();
    let organisation = name(folder.parent().and_then(Path::parent)).unwrap_or_default();
    let mut findings = Vec::new();
    let mut compare = |expected: String, found: &str| {
        if expected != found {
            findings.push(Finding::WrongPlace { expected, found: found.to_string() });
        }
    };
    compare(format!("v{}", m.version), &version);
    compare(m.year.to_string(), &year);
    let digits = m.enterprise_number.digits();
    let keyed = organisation == digits || organisation.starts_with(&format!("{digits}-"));
    let legacy = m.format < 3 && organisation == crate::text::full_slug(&m.organisation);
    if !keyed && !legacy {
        compare(format!("{digits}-{}", crate::text::slug(&m.organisation)), &organisation);
    }
    findings
}

/// The manifest against the version before it (manifests of format 3 and
/// later record its SHA-256).
fn chain(folder: &Path, m: &Manifest) -> Vec<Finding> {
    if m.format < 3 {
        return Vec::new();
    }
    let Some(year) = folder.parent() else { return Vec::new() };
    // The chain runs by the folders' numbers: a manifest that lies about
    // its own number is caught by `place`.
    let number =
        folder.file_name().and_then(|n| super::version_number(&n.to_string_lossy())).unwrap_or(m.version);
    match (number, &m.previous) {
        (0 | 1, None) => Vec::new(),
        (0 | 1, Some(_)) => vec![Finding::Unchained(0)],
        (n, previous) => {
            let before = year.join(format!("v{}", n - 1)).join(MANIFEST_FILE);
            match crate::files::read_regular(&before, MANIFEST_LIMIT) {
                Err(_) => vec![Finding::MissingBefore(n - 1)],
                Ok(bytes) if previous.as_deref() == Some(super::manifest::sha256(&bytes).as_str()) => {
                    Vec::new()
                }
                Ok(_) => vec![Finding::Unchained(n - 1)],
            }
        }
    }
}

fn check_file(folder: &Path, entry: &FileEntry) -> Option<Finding> {
    let Ok(bytes) = crate::files::read_regular(&folder.join(&entry.path), crate::files::ARCHIVE_FILE_LIMIT)
    else {
        return Some(Finding::Missing(entry.path.clone()));
    };
    let found = FileEntry::of(&entry.path, &bytes);
    (found.sha256 != entry.sha256).then(|| Finding::Changed {
        file: entry.path.clone(),
        expected: entry.sha256.clone(),
        found: found.sha256,
    })
}

impl Finding {
    /// The finding in the user's language.
    pub fn describe(&self, m: &crate::i18n::Messages) -> String {
        use crate::problem::fill;
        match self {
            Finding::Missing(file) => fill(&m.verify_missing, &[("file", file)]),
            Finding::Changed { file, expected, found } => {
                fill(&m.verify_changed, &[("file", file), ("expected", expected), ("found", found)])
            }
            Finding::Extra(file) => fill(&m.verify_extra, &[("file", file)]),
            Finding::NoManifest => m.verify_no_manifest.clone(),
            Finding::BadManifest(reason) => fill(&m.verify_bad_manifest, &[("reason", reason)]),
            Finding::WrongPlace { expected, found } => {
                fill(&m.verify_wrong_place, &[("expected", expected), ("found", found)])
            }
            Finding::MissingBefore(n) => fill(&m.verify_missing_before, &[("version", &format!("v{n}"))]),
            Finding::Unchained(0) => m.verify_first_chained.clone(),
            Finding::Unchained(n) => fill(&m.verify_unchained, &[("version", &format!("v{n}"))]),
            Finding::BadPath(path) => fill(&m.verify_bad_path, &[("file", path)]),
            Finding::Duplicate(path) => fill(&m.verify_duplicate, &[("file", path)]),
            Finding::Unsealed => m.verify_unsealed.clone(),
        }
    }
}
