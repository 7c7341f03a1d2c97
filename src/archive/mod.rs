//! The archive: every build of a plan is a new version folder,
//! `<out>/<enterprise number>-<organisation>/<year>/v<N>/`, with the PDF(s),
//! the annex, the data, the key figures and a `manifest.json`. A version is
//! written into a hidden staging folder and renamed into place in one step,
//! so it appears complete or not at all; an existing version is never
//! touched again. Each manifest records the SHA-256 of the manifest before
//! it, so that `verify` sees a version deleted, swapped or renamed.

pub(crate) mod balances;
pub mod compare;
pub(crate) mod earlier;
pub(crate) mod history;
mod legacy;
pub mod location;
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

pub use location::year_dir;

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

/// A plan in the archive: an enterprise, by number and name, and a year.
#[derive(Debug, Clone, Copy)]
pub struct PlanKey<'a> {
    /// The enterprise number, which keys the archive.
    pub number: crate::model::EnterpriseNumber,
    /// The organisation's name, for the folder's name.
    pub name: &'a str,
    /// The plan year.
    pub year: i16,
}

/// The newest version of `plan` whose manifest can be read and says it is
/// this enterprise's plan of this year; with `complete`, only one whose
/// files are all there (a damaged version is no reason to skip a build).
pub fn latest(out: &Path, plan: PlanKey<'_>, complete: bool) -> Option<(u32, PathBuf, Manifest)> {
    location::year_dirs(out, plan.number, plan.name, plan.year).into_iter().find_map(|dir| {
        versions(&dir).into_iter().rev().find_map(|(number, path)| {
            let manifest = Manifest::read(&path)?;
            let ours = manifest.enterprise_number == plan.number && manifest.year == plan.year;
            let whole = !complete || manifest.outputs.iter().all(|f| path.join(&f.path).is_file());
            (ours && whole).then_some((number, path, manifest))
        })
    })
}

/// Writes `files` and the manifest `manifest(previous)` as version
/// `number` of `plan` (the number its documents carry, see
/// [`earlier::earlier`]), `previous` being the SHA-256 of version
/// `number − 1`'s manifest. When another build took that number first,
/// nothing is written and the error is `AlreadyExists`: the caller builds
/// again for the next number. A write that fails leaves no folder it
/// created behind.
pub(crate) fn write_version(
    out: &Path,
    plan: PlanKey<'_>,
    number: u32,
    files: &[OutputFile],
    manifest: impl Fn(Option<String>) -> Manifest,
) -> io::Result<PathBuf> {
    let created = Created::new(out, plan.name, plan.number);
    let result = write_new(out, plan, number, files, manifest);
    if result.is_err() {
        created.remove_if_empty();
    }
    result
}

fn write_new(
    out: &Path,
    plan: PlanKey<'_>,
    number: u32,
    files: &[OutputFile],
    manifest: impl Fn(Option<String>) -> Manifest,
) -> io::Result<PathBuf> {
    std::fs::create_dir_all(out)?;
    clear_stale_staging(out);
    location::migrate(out, plan.number, plan.name)?;
    let year_dir = location::year_dir(out, plan.number, plan.name, plan.year);
    let staging = tempfile::Builder::new().prefix(&staging_prefix()).tempdir_in(out)?;
    for file in files {
        let path = staging.path().join(&file.name);
        // Statements go into their own folder of the version.
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(path, &file.bytes)?;
    }
    std::fs::create_dir_all(&year_dir)?;
    let taken = || io::Error::new(io::ErrorKind::AlreadyExists, format!("v{number} exists"));
    let target = year_dir.join(format!("v{number}"));
    if target.exists() || versions(&year_dir).last().is_some_and(|(n, _)| *n >= number) {
        return Err(taken());
    }
    let previous = number
        .checked_sub(1)
        .filter(|n| *n > 0)
        .and_then(|n| {
            crate::files::read_regular(&year_dir.join(format!("v{n}")).join(MANIFEST_FILE), 16 << 20).ok()
        })
        .map(|bytes| manifest::sha256(&bytes));
    std::fs::write(staging.path().join(MANIFEST_FILE), manifest(previous).bytes())?;
    match std::fs::rename(staging.path(), &target) {
        Ok(()) => {
            // The folder now lives at `target`; nothing left to clean up.
            let _ = staging.keep();
            sync_dir(&year_dir);
            Ok(target)
        }
        Err(_) if target.exists() => Err(taken()),
        Err(e) => Err(e),
    }
}

/// On Unix, makes the rename durable before saying the version is written.
fn sync_dir(dir: &Path) {
    if let Ok(handle) = std::fs::File::open(dir) {
        let _ = handle.sync_all();
    }
}

/// `.staging-<process id>-`: a staging folder names the process writing it.
fn staging_prefix() -> String {
    format!("{STAGING_PREFIX}{}-", std::process::id())
}

/// Staging folders a killed build left behind (they may hold a whole
/// internal edition, with personal data): those whose process is gone, and
/// any older than a day.
fn clear_stale_staging(out: &Path) {
    let day = std::time::Duration::from_secs(24 * 3600);
    for entry in std::fs::read_dir(out).into_iter().flatten().filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = name.strip_prefix(STAGING_PREFIX) else { continue };
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > day);
        let owner = rest.split('-').next().and_then(|pid| pid.parse::<u32>().ok());
        let gone = owner.is_some_and(|pid| pid != std::process::id() && !process_alive(pid));
        if old || gone {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// Whether process `pid` still runs (Linux; elsewhere assumed so, and
/// staging folders go after a day).
fn process_alive(pid: u32) -> bool {
    !Path::new("/proc/self").exists() || Path::new(&format!("/proc/{pid}")).exists()
}

/// The folders a version write may create, to remove again when it fails.
struct Created {
    folders: Vec<PathBuf>,
}

impl Created {
    fn new(out: &Path, name: &str, number: crate::model::EnterpriseNumber) -> Self {
        let organisation = location::organisation_dir(out, number, name);
        let candidates = [out.to_path_buf(), organisation];
        Self { folders: candidates.into_iter().filter(|f| !f.exists()).collect() }
    }

    /// Removes the folders this write created, deepest first, when empty.
    fn remove_if_empty(&self) {
        for folder in self.folders.iter().rev() {
            if let Ok(entries) = std::fs::read_dir(folder) {
                for year in entries.filter_map(Result::ok) {
                    let _ = std::fs::remove_dir(year.path());
                }
            }
            let _ = std::fs::remove_dir(folder);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest_of(version: u32) -> impl Fn(Option<String>) -> Manifest {
        move |previous| manifest(version, previous)
    }

    fn manifest(version: u32, previous: Option<String>) -> Manifest {
        let sources = crate::config::Sources::default();
        manifest::Manifest::new(
            manifest::Facts {
                organisation: "Org",
                enterprise_number: crate::model::EnterpriseNumber::parse("0403.019.261").unwrap(),
                year: 2027,
                language: crate::model::Language::Nl,
                editions: vec![crate::model::Edition::Council],
                stage: crate::model::Stage::Final,
                document_date: jiff::civil::date(2026, 12, 31),
                fingerprint: "f".into(),
                sources: &sources,
                outputs: &[],
            },
            version,
            previous,
        )
    }

    const ORG: PlanKey<'static> = PlanKey {
        number: match crate::model::EnterpriseNumber::parse_const("0403019261") {
            Some(n) => n,
            None => panic!(),
        },
        name: "Org NV",
        year: 2027,
    };

    #[test]
    fn staging_folders_of_killed_builds_are_cleared_and_live_ones_kept() {
        let out = tempfile::tempdir().unwrap();
        // A process id above Linux's maximum (4,194,304) never runs.
        let dead = out.path().join(format!("{STAGING_PREFIX}4294967295-plan"));
        let live = out.path().join(format!("{}plan", staging_prefix()));
        let other = out.path().join("0403019261-voorbeeld-nv");
        for folder in [&dead, &live, &other] {
            std::fs::create_dir_all(folder.join("v1")).unwrap();
            std::fs::write(folder.join("v1/plan-intern.pdf"), b"%PDF-").unwrap();
        }
        clear_stale_staging(out.path());
        assert!(!dead.exists(), "a dead build's staging folder, with its internal PDF, is gone");
        assert!(live.exists() && other.exists());
    }

    #[test]
    fn versions_count_up_and_are_never_replaced() {
        let out = tempfile::tempdir().unwrap();
        let year = year_dir(out.path(), ORG.number, ORG.name, ORG.year);
        let file = |text: &str| {
            vec![OutputFile {
                name: "plan.pdf".into(),
                bytes: text.as_bytes().to_vec(),
                kind: crate::outputs::OutputKind::Pdf,
                edition: crate::model::Edition::Council,
            }]
        };
        let path = write_version(out.path(), ORG, 1, &file("one"), manifest_of(1)).unwrap();
        let path_2 = write_version(out.path(), ORG, 2, &file("two"), manifest_of(2)).unwrap();
        assert_eq!((path.file_name().unwrap(), path_2.file_name().unwrap()), ("v1".as_ref(), "v2".as_ref()));
        assert_eq!(std::fs::read_to_string(path.join("plan.pdf")).unwrap(), "one");
        assert_eq!(Manifest::read(&path).unwrap().version, 1);
        // Each manifest names the one before it.
        assert_eq!(Manifest::read(&path).unwrap().previous, None);
        let first_manifest = std::fs::read(path.join(MANIFEST_FILE)).unwrap();
        assert_eq!(Manifest::read(&path_2).unwrap().previous, Some(manifest::sha256(&first_manifest)));
        // A version taken (another build got there first) is never
        // replaced: the write fails as such, and the caller builds again.
        std::fs::create_dir(year.join("v3")).unwrap();
        std::fs::write(year.join("v3/other"), "x").unwrap();
        let taken = write_version(out.path(), ORG, 3, &file("three"), manifest_of(3)).unwrap_err();
        assert_eq!(taken.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read_to_string(year.join("v3/other")).unwrap(), "x");
        // Nor is a number below the latest one taken again.
        std::fs::remove_dir_all(year.join("v2")).unwrap();
        let below = write_version(out.path(), ORG, 2, &file("three"), manifest_of(2)).unwrap_err();
        assert_eq!(below.kind(), io::ErrorKind::AlreadyExists);
        assert!(!year.join("v2").exists());
        // Nothing else in the output folder: no staging left.
        let names: Vec<_> = std::fs::read_dir(out.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, ["0403019261-org-nv"]);
    }

    #[test]
    fn a_failed_write_leaves_no_folder() {
        let parent = tempfile::tempdir().unwrap();
        let out = parent.path().join("archief");
        let long = PlanKey { name: &"x".repeat(300), ..ORG };
        let file = vec![OutputFile {
            name: "y".repeat(300),
            bytes: b"pdf".to_vec(),
            kind: crate::outputs::OutputKind::Pdf,
            edition: crate::model::Edition::Council,
        }];
        assert!(write_version(&out, long, 1, &file, manifest_of(1)).is_err());
        assert!(!out.exists(), "{:?}", std::fs::read_dir(&out).map(|d| d.count()));
    }

    #[test]
    fn organisations_of_the_same_name_keep_their_own_folders() {
        let out = tempfile::tempdir().unwrap();
        let other = crate::model::EnterpriseNumber::parse("0202.239.951").unwrap();
        let a = year_dir(out.path(), ORG.number, "Peeters & Zonen NV", 2027);
        let b = year_dir(out.path(), other, "Peeters-Zonen NV", 2027);
        assert_ne!(a, b);
        // A renamed organisation keeps its folder.
        std::fs::create_dir_all(&a).unwrap();
        assert_eq!(year_dir(out.path(), ORG.number, "Peeters en Zonen", 2027), a);
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
