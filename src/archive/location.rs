//! Where an enterprise's plans go: `<out>/<number>-<name>/<year>/v<N>/`,
//! found by the enterprise number. Two organisations whose names fold alike
//! ("Peeters & Zonen NV", "Peeters-Zonen NV") never share a folder, a
//! renamed organisation keeps its own, and nothing of another enterprise
//! number is ever compared with or versioned on top of.
//!
//! Release 0.1.0 named the folder after the organisation alone
//! (`<out>/<name>/`). Such a folder that holds only this enterprise's
//! plans is renamed to the new form when the next version is written, so
//! its versions count on; one shared with another enterprise is left as it
//! is, and only its manifests of this enterprise are read.

use super::{Manifest, versions};
use crate::model::EnterpriseNumber;
use std::path::{Path, PathBuf};

/// The folder of `number`'s plans under `out`: the existing one whose name
/// starts with its digits (whatever name follows), else a new
/// `<digits>-<name>`.
pub fn organisation_dir(out: &Path, number: EnterpriseNumber, name: &str) -> PathBuf {
    existing(out, number)
        .unwrap_or_else(|| out.join(format!("{}-{}", number.digits(), crate::text::slug(name))))
}

/// `<organisation_dir>/<year>`: the versions of one plan.
pub fn year_dir(out: &Path, number: EnterpriseNumber, name: &str, year: i16) -> PathBuf {
    organisation_dir(out, number, name).join(year.to_string())
}

/// The folder under `out` already keyed by `number`.
fn existing(out: &Path, number: EnterpriseNumber) -> Option<PathBuf> {
    let digits = number.digits();
    let mut found: Vec<PathBuf> = std::fs::read_dir(out)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name == digits || name.strip_prefix(&digits).is_some_and(|rest| rest.starts_with('-'))
        })
        .map(|e| e.path())
        .collect();
    found.sort();
    found.into_iter().next()
}

/// The folder release 0.1.0 used for `name`: `<out>/<name>/`, when it is
/// there and is not itself keyed by a number.
pub fn legacy_dir(out: &Path, name: &str) -> Option<PathBuf> {
    let dir = out.join(crate::text::full_slug(name));
    let keyed =
        dir.file_name().is_some_and(|n| n.to_string_lossy().starts_with(|c: char| c.is_ascii_digit()));
    (dir.is_dir() && !keyed).then_some(dir)
}

/// Every manifest in the organisation folder `dir`, all years.
fn manifests(dir: &Path) -> Vec<Manifest> {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .flat_map(|year| versions(&year.path()))
        .filter_map(|(_, version)| Manifest::read(&version))
        .collect()
}

/// Whether the 0.1.0 folder `dir` holds plans of `number` only.
fn only_of(dir: &Path, number: EnterpriseNumber) -> bool {
    let all = manifests(dir);
    !all.is_empty() && all.iter().all(|m| m.enterprise_number == number)
}

/// The year folders to look in for `number`'s plan of `year`, newest
/// layout first: the keyed folder, and a 0.1.0 folder of the same name when
/// there is one (its versions of another enterprise are skipped by the
/// caller, which checks every manifest's number).
pub fn year_dirs(out: &Path, number: EnterpriseNumber, name: &str, year: i16) -> Vec<PathBuf> {
    let mut dirs = vec![year_dir(out, number, name, year)];
    if let Some(legacy) = legacy_dir(out, name) {
        dirs.push(legacy.join(year.to_string()));
    }
    dirs
}

/// Renames a 0.1.0 folder that holds only `number`'s plans to the keyed
/// form, unless a keyed folder already exists. Returns the new folder.
pub fn migrate(out: &Path, number: EnterpriseNumber, name: &str) -> std::io::Result<Option<PathBuf>> {
    let Some(legacy) = legacy_dir(out, name) else { return Ok(None) };
    if existing(out, number).is_some() || !only_of(&legacy, number) {
        return Ok(None);
    }
    let keyed = out.join(format!("{}-{}", number.digits(), crate::text::slug(name)));
    std::fs::rename(&legacy, &keyed)?;
    Ok(Some(keyed))
}
