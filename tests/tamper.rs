//! The archive under attack: organisations that share a name, and every way
//! of tampering with a version that `verify` must see.

mod common;

use common::*;
use opleidingsplan::archive::verify;
use opleidingsplan::model::Edition;
use opleidingsplan::pipeline::{self, BuildOptions};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn build(plan_toml: &str, out: &Path) -> PathBuf {
    let dir = plan_folder(plan_toml, &fixture_sheets());
    let options =
        BuildOptions { out: out.into(), editions: Some(vec![Edition::Council]), ..Default::default() };
    pipeline::build(dir.path(), &options).unwrap().stored.folder
}

/// The fixture's plan as another organisation: its name and number.
fn company(name: &str, number: &str, year: i16) -> String {
    PLAN_TOML
        .replace("name = \"Fixture BV\"", &format!("name = \"{name}\""))
        .replace("0403.019.261", number)
        .replace("year = 2027", &format!("year = {year}"))
}

/// Three versions of the fixture's 2027 plan, for tampering with.
fn three_versions() -> (tempfile::TempDir, PathBuf) {
    let out = tempfile::tempdir().unwrap();
    let dir = plan_folder(PLAN_TOML, &fixture_sheets());
    let options = BuildOptions {
        out: out.path().into(),
        editions: Some(vec![Edition::Council]),
        new_version: true,
        ..Default::default()
    };
    for _ in 0..3 {
        pipeline::build(dir.path(), &options).unwrap();
    }
    let year = out.path().join("0403019261-fixture-bv/2027");
    assert!(year.join("v3").is_dir());
    (out, year)
}

fn failures(path: &Path) -> Vec<String> {
    verify::verify(path).iter().filter(|c| !c.intact()).map(|c| format!("{c:?}")).collect()
}

fn edit_manifest(folder: &Path, edit: impl FnOnce(&mut Value)) {
    let file = folder.join("manifest.json");
    let mut manifest: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    edit(&mut manifest);
    std::fs::write(&file, serde_json::to_vec_pretty(&manifest).unwrap()).unwrap();
}

#[test]
fn organisations_whose_names_fold_alike_never_share_a_folder() {
    let out = tempfile::tempdir().unwrap();
    let a = build(&company("Peeters & Zonen NV", "0403.019.261", 2027), out.path());
    let b = build(&company("Peeters-Zonen NV", "0202.239.951", 2028), out.path());
    let c = build(&company("Peeters Zonen NV", "0404.606.497", 2027), out.path());
    assert_ne!(a.parent().unwrap().parent(), b.parent().unwrap().parent());
    // The second company's 2028 plan compares with nothing: the 2027 plan
    // of that name is another enterprise's.
    let data = std::fs::read_dir(&b)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().ends_with("gegevens.json"))
        .unwrap();
    let view: Value = serde_json::from_slice(&std::fs::read(data).unwrap()).unwrap();
    assert!(view["comparison"].is_null(), "{}", view["comparison"]);
    // The third is a version 1 of its own.
    assert!(c.ends_with("0404606497-peeters-zonen-nv/2027/v1"), "{}", c.display());
    assert!(a.ends_with("0403019261-peeters-zonen-nv/2027/v1"), "{}", a.display());
    // Names without letters keep their numbers apart too.
    let d = build(&company("123", "0202.239.951", 2027), out.path());
    let e = build(&company("456", "0404.606.497", 2028), out.path());
    assert_ne!(d.parent().unwrap().parent(), e.parent().unwrap().parent());
    assert!(failures(out.path()).is_empty());
}

#[test]
fn verify_sees_every_edit_of_a_manifest() {
    type Edit = Box<dyn Fn(&mut Value)>;
    let edits: Vec<(&str, Edit)> = vec![
        ("organisation", Box::new(|m| m["organisation"] = "Other BV".into())),
        ("enterprise_number", Box::new(|m| m["enterprise_number"] = "0202.239.951".into())),
        ("version", Box::new(|m| m["version"] = 7.into())),
        ("document_date", Box::new(|m| m["document_date"] = "2020-01-01".into())),
        ("an input's hash", Box::new(|m| m["inputs"][0]["sha256"] = "00".repeat(32).into())),
        ("fingerprint", Box::new(|m| m["fingerprint"] = "ff".into())),
    ];
    for (what, edit) in edits {
        let (_out, year) = three_versions();
        // The newest version: nothing points to it, so only its seal tells.
        edit_manifest(&year.join("v3"), &edit);
        assert!(!failures(&year).is_empty(), "an edit of {what} in v3 went unseen");
        // An older one: its seal, and the chain from the version after it.
        edit_manifest(&year.join("v2"), &edit);
        let found = failures(&year);
        assert!(found.iter().any(|f| f.contains("Unchained(2)")), "{what}: {found:?}");
    }
}

#[test]
fn verify_sees_versions_renamed_swapped_deleted_or_moved() {
    // Renamed.
    for name in ["v5", "v01", "backup"] {
        let (_out, year) = three_versions();
        std::fs::rename(year.join("v1"), year.join(name)).unwrap();
        let found = failures(&year);
        assert!(found.iter().any(|f| f.contains("WrongPlace")), "v1 renamed {name}: {found:?}");
        assert!(found.iter().any(|f| f.contains("MissingBefore(1)")), "v1 renamed {name}: {found:?}");
    }
    // Swapped.
    let (_out, year) = three_versions();
    std::fs::rename(year.join("v1"), year.join("tmp")).unwrap();
    std::fs::rename(year.join("v2"), year.join("v1")).unwrap();
    std::fs::rename(year.join("tmp"), year.join("v2")).unwrap();
    assert!(failures(&year).len() >= 2);
    // A version in the middle deleted.
    let (_out, year) = three_versions();
    std::fs::remove_dir_all(year.join("v2")).unwrap();
    assert!(failures(&year).iter().any(|f| f.contains("MissingBefore(2)")));
    // Moved to another year, or another organisation.
    let (out, year) = three_versions();
    std::fs::create_dir_all(year.parent().unwrap().join("2030")).unwrap();
    std::fs::rename(year.join("v3"), year.parent().unwrap().join("2030/v3")).unwrap();
    assert!(failures(out.path()).iter().any(|f| f.contains("WrongPlace")));
    let (out, year) = three_versions();
    std::fs::create_dir_all(out.path().join("0202239951-other/2027")).unwrap();
    std::fs::rename(year.join("v3"), out.path().join("0202239951-other/2027/v3")).unwrap();
    assert!(failures(out.path()).iter().any(|f| f.contains("WrongPlace")));
}

#[test]
fn verify_reads_nothing_outside_a_version_and_refuses_duplicates() {
    let (_out, year) = three_versions();
    edit_manifest(&year.join("v3"), |m| {
        m["outputs"][0]["path"] = "../../../etc/hostname".into();
    });
    let found = failures(&year);
    assert!(found.iter().any(|f| f.contains("BadPath(\"../../../etc/hostname\")")), "{found:?}");
    let (_out, year) = three_versions();
    edit_manifest(&year.join("v3"), |m| {
        let first = m["outputs"][0].clone();
        m["outputs"].as_array_mut().unwrap().push(first);
    });
    assert!(failures(&year).iter().any(|f| f.contains("Duplicate")));
    // Untouched, all is well.
    let (_out, year) = three_versions();
    assert!(failures(&year).is_empty());
}
