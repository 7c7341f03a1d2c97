//! The archive: every build of a plan is a new version folder,
//! `<out>/<organisation>/<year>/v<N>/`, with the PDF(s), the annex, the data
//! and a `manifest.json`. A version is written into a hidden staging folder
//! and renamed into place in one step, so it appears complete or not at
//! all; an existing version is never touched again.

pub(crate) mod history;
mod legacy;
pub mod manifest;
pub mod previous;
pub mod verify;

pub(crate) use manifest::MANIFEST_FILE;
pub use manifest::Manifest;

use crate::outputs::OutputFile;
use std::io;
use std::path::{Path, PathBuf};

/// Staging folders start with this; `verify` and `history` ignore them, and
/// a later build clears those a killed build left behind.
pub const STAGING_PREFIX: &str = ".staging-";

/// `<out>/<organisation-slug>/<year>`: the versions of one plan.
pub fn year_dir(out: &Path, organisation: &str, year: i16) -> PathBuf {
    out.join(crate::text::slug(organisation)).join(year.to_string())
}

/// The version folders in `year_dir`, by number.
pub fn versions(year_dir: &Path) -> Vec<(u32, PathBuf)> {
    let mut found: Vec<(u32, PathBuf)> = std::fs::read_dir(year_dir)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .filter_map(|e| Some((version_number(&e.file_name().to_string_lossy())?, e.path())))
        .collect();
    found.sort();
    found
}

/// `v12` → 12.
pub fn version_number(name: &str) -> Option<u32> {
    name.strip_prefix('v').filter(|n| !n.starts_with('0')).and_then(|n| n.parse().ok())
}

/// The newest version whose manifest can be read.
pub fn latest_readable(year_dir: &Path) -> Option<(u32, PathBuf, Manifest)> {
    let (number, path) = versions(year_dir).pop()?;
    let manifest = Manifest::read(&path)?;
    Some((number, path, manifest))
}

/// The newest version whose manifest can be read and whose files are all
/// there (a damaged version is no reason to skip a build).
pub fn latest_complete(year_dir: &Path) -> Option<(u32, PathBuf, Manifest)> {
    let (number, path) = versions(year_dir).pop()?;
    let manifest = Manifest::read(&path)?;
    manifest.outputs.iter().all(|f| path.join(&f.path).is_file()).then_some((number, path, manifest))
}

/// Writes `files` and the manifest `manifest(N)` as the next version in
/// `year_dir`. Two builds racing for the same number both succeed: the
/// rename of the second fails on the existing folder, and it takes the next.
pub(crate) fn write_version(
    out: &Path,
    year_dir: &Path,
    files: &[OutputFile],
    manifest: impl Fn(u32) -> Manifest,
) -> io::Result<(u32, PathBuf)> {
    std::fs::create_dir_all(out)?;
    clear_stale_staging(out);
    let staging = tempfile::Builder::new().prefix(STAGING_PREFIX).tempdir_in(out)?;
    for file in files {
        std::fs::write(staging.path().join(&file.name), &file.bytes)?;
    }
    std::fs::create_dir_all(year_dir)?;
    let first = versions(year_dir).last().map_or(1, |(n, _)| n + 1);
    for number in first..first + 1000 {
        let target = year_dir.join(format!("v{number}"));
        std::fs::write(staging.path().join(MANIFEST_FILE), manifest(number).bytes())?;
        if !target.exists() {
            match std::fs::rename(staging.path(), &target) {
                Ok(()) => {
                    // The folder now lives at `target`; nothing left to clean up.
                    let _ = staging.keep();
                    sync_dir(year_dir);
                    return Ok((number, target));
                }
                Err(_) if target.exists() => {}
                Err(e) => return Err(e),
            }
        }
    }
    Err(io::Error::other(format!("no free version number in {}", year_dir.display())))
}

/// On Unix, makes the rename durable before saying the version is written.
fn sync_dir(dir: &Path) {
    if let Ok(handle) = std::fs::File::open(dir) {
        let _ = handle.sync_all();
    }
}

/// Staging folders a killed build left behind, more than a day old (a
/// younger one may belong to a build still running).
fn clear_stale_staging(out: &Path) {
    let day = std::time::Duration::from_secs(24 * 3600);
    for entry in std::fs::read_dir(out).into_iter().flatten().filter_map(Result::ok) {
        let stale = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > day);
        if entry.file_name().to_string_lossy().starts_with(STAGING_PREFIX) && stale {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest(version: u32) -> Manifest {
        let sources = crate::config::Sources::default();
        manifest::Manifest::new(
            manifest::Facts {
                organisation: "Org",
                enterprise_number: crate::model::EnterpriseNumber::parse("0403.019.261").unwrap(),
                year: 2027,
                language: crate::model::Language::Nl,
                editions: vec![crate::model::Edition::Council],
                document_date: jiff::civil::date(2026, 12, 31),
                fingerprint: "f".into(),
                sources: &sources,
                outputs: &[],
            },
            version,
        )
    }

    #[test]
    fn versions_count_up_and_are_never_replaced() {
        let out = tempfile::tempdir().unwrap();
        let year = year_dir(out.path(), "Org NV", 2027);
        let file = |text: &str| {
            vec![OutputFile {
                name: "plan.pdf".into(),
                bytes: text.as_bytes().to_vec(),
                kind: crate::outputs::OutputKind::Pdf,
                edition: crate::model::Edition::Council,
            }]
        };
        let (first, path) = write_version(out.path(), &year, &file("one"), manifest).unwrap();
        let (second, _) = write_version(out.path(), &year, &file("two"), manifest).unwrap();
        assert_eq!((first, second), (1, 2));
        assert_eq!(std::fs::read_to_string(path.join("plan.pdf")).unwrap(), "one");
        assert_eq!(Manifest::read(&path).unwrap().version, 1);
        // A folder in the way (another build got there first) is skipped.
        std::fs::create_dir(year.join("v3")).unwrap();
        std::fs::write(year.join("v3/other"), "x").unwrap();
        std::fs::remove_dir_all(year.join("v2")).unwrap();
        let (third, _) = write_version(out.path(), &year, &file("three"), manifest).unwrap();
        assert_eq!(third, 4);
        assert_eq!(std::fs::read_to_string(year.join("v3/other")).unwrap(), "x");
        // Nothing else in the output folder: no staging left.
        let names: Vec<_> = std::fs::read_dir(out.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, ["org-nv"]);
    }

    #[test]
    fn only_vn_folders_are_versions() {
        assert_eq!(version_number("v1"), Some(1));
        assert_eq!(version_number("v12"), Some(12));
        assert_eq!(version_number("v01"), None);
        assert_eq!(version_number("versie"), None);
        assert_eq!(version_number(".staging-x"), None);
    }
}
