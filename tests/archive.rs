//! The archive: versions that are never touched again, reproducible bytes,
//! `verify` and `history`, PDF/A-3 with the plan's own sources, and the
//! year-over-year chapter.

mod common;

use common::*;
use opleidingsplan::aggregate::key_figures::NotCompared;
use opleidingsplan::archive::{self, Manifest, verify};
use opleidingsplan::model::Edition;
use opleidingsplan::pipeline::{self, BuildOptions};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Instant;

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_opleidingsplan")).args(args).env("NO_COLOR", "1").output().unwrap()
}

fn options(out: &Path, edition: Edition, new_version: bool) -> BuildOptions {
    BuildOptions { out: out.into(), editions: Some(vec![edition]), layout: None, new_version, stage: None }
}

fn voorbeeld_number() -> opleidingsplan::model::EnterpriseNumber {
    opleidingsplan::model::EnterpriseNumber::parse("0403.019.261").unwrap()
}

fn sha(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

fn files_with(folder: &Path, extension: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == extension))
        .collect();
    files.sort();
    files
}

#[test]
fn the_same_inputs_give_the_same_bytes_in_a_new_version_only_when_asked() {
    let dir = plan_folder(PLAN_TOML, &fixture_sheets());
    let out = tempfile::tempdir().unwrap();
    let first = pipeline::build(dir.path(), &options(out.path(), Edition::Internal, false)).unwrap();
    assert_eq!((first.stored.version, first.stored.written), (1, true));
    // Identical: said so, nothing written.
    let again = pipeline::build(dir.path(), &options(out.path(), Edition::Internal, false)).unwrap();
    assert_eq!((again.stored.version, again.stored.written), (1, false));
    // Asked for: a second version, the same annex and key figures, and a
    // document that differs only in the version it prints (and its history).
    let second = pipeline::build(dir.path(), &options(out.path(), Edition::Internal, true)).unwrap();
    assert_eq!((second.stored.version, second.stored.written), (2, true));
    let (v1, v2) = (&first.stored.folder, &second.stored.folder);
    for extension in ["pdf", "xlsx", "json"] {
        let (a, b) = (files_with(v1, extension), files_with(v2, extension));
        // JSON: the data, the key figures, the balances and the manifest.
        assert_eq!(a.len(), if extension == "json" { 4 } else { 1 }, "{a:?}");
        for (a, b) in a.iter().zip(&b) {
            let name = a.file_name().unwrap().to_string_lossy().into_owned();
            let (a, b) = (std::fs::read(a).unwrap(), std::fs::read(b).unwrap());
            if name.ends_with("-gegevens.json") {
                let without_versions = |bytes: &[u8]| {
                    let mut data: serde_json::Value = serde_json::from_slice(bytes).unwrap();
                    let versions = data["meta"]["versions"].take();
                    (data, versions)
                };
                let ((a, va), (b, vb)) = (without_versions(&a), without_versions(&b));
                assert_eq!(a, b, "the data differ beyond the version");
                assert_eq!((va["version"].as_str(), vb["version"].as_str()), (Some("v1"), Some("v2")));
                assert_eq!(vb["history"][0]["version"], "v1");
            } else if name.ends_with(".pdf") {
                assert_ne!(a, b, "each version's document prints its number");
            } else if name != "manifest.json" {
                assert_eq!(a, b, "{name} differs");
            }
        }
    }
    // The manifest: tool, plan, every input and output with its hash.
    let manifest = Manifest::read(v1).unwrap();
    assert_eq!((manifest.year, manifest.version, manifest.language.code()), (2027, 1, "nl"));
    assert_eq!(manifest.tool.version, env!("CARGO_PKG_VERSION"));
    assert_eq!(manifest.editions, [Edition::Internal]);
    let inputs: Vec<(&str, String)> =
        manifest.inputs.iter().map(|f| (f.path.as_str(), f.sha256.clone())).collect();
    assert_eq!(
        inputs,
        [
            ("gegevens.xlsx", sha(&std::fs::read(dir.path().join("gegevens.xlsx")).unwrap())),
            ("plan.toml", sha(&std::fs::read(dir.path().join("plan.toml")).unwrap())),
        ]
    );
    for output in &manifest.outputs {
        assert_eq!(output.sha256, sha(&std::fs::read(v1.join(&output.path)).unwrap()));
    }
    assert_eq!(manifest.document_date, jiff::civil::date(2026, 12, 31));
    let built = jiff::Timestamp::now().duration_since(manifest.built_at);
    assert!(built.as_secs() >= 0 && built.as_secs() < 3600, "built at {}", manifest.built_at);
    // A changed input makes a new version without being asked.
    let plan = dir.path().join("plan.toml");
    std::fs::write(
        &plan,
        std::fs::read_to_string(&plan).unwrap().replace("Missie van de fixture.", "Een nieuwe missie."),
    )
    .unwrap();
    let third = pipeline::build(dir.path(), &options(out.path(), Edition::Internal, false)).unwrap();
    assert_eq!((third.stored.version, third.stored.written), (3, true));
    // Versions 1 and 2 were not touched.
    assert!(verify::verify(out.path()).iter().all(verify::VersionCheck::intact));
}

#[test]
fn a_killed_build_leaves_no_partial_version() {
    let root = tempfile::tempdir().unwrap();
    let plan = root.path().join("plan");
    let spec = opleidingsplan::synthetic::Spec { employees: 400, ..Default::default() };
    opleidingsplan::synthetic::write_plan_folder(&plan, &spec).unwrap();
    let out = root.path().join("archief");
    let args = ["build", plan.to_str().unwrap(), "--out", out.to_str().unwrap(), "--new-version"];
    let started = Instant::now();
    assert!(run(&args).status.success());
    let whole = started.elapsed();
    let mut killed = 0;
    for share in [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 0.9, 0.97] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_opleidingsplan")).args(args).spawn().unwrap();
        std::thread::sleep(whole.mul_f64(share));
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap();
            killed += 1;
        }
        child.wait().unwrap();
        // Every version folder there is complete and matches its manifest.
        let checks = verify::verify(&out);
        assert!(checks.iter().all(verify::VersionCheck::intact), "after {share}: {checks:?}");
        let year = archive::year_dir(&out, voorbeeld_number(), "Voorbeeld NV", 2027);
        for entry in std::fs::read_dir(&year).unwrap() {
            let name = entry.unwrap().file_name().to_string_lossy().into_owned();
            assert!(archive::version_number(&name).is_some(), "{name} in {}", year.display());
        }
    }
    assert!(killed >= 4, "only {killed} builds were still running when killed");
    // A later build still works, and takes the next number.
    assert!(run(&args).status.success());
    let versions = archive::versions(&archive::year_dir(&out, voorbeeld_number(), "Voorbeeld NV", 2027));
    let numbers: Vec<u32> = versions.iter().map(|(n, _)| *n).collect();
    assert_eq!(numbers, (1..=numbers.len() as u32).collect::<Vec<_>>());
}

#[test]
fn verify_finds_changed_missing_and_extra_files() {
    let dir = plan_folder(PLAN_TOML, &fixture_sheets());
    let out = tempfile::tempdir().unwrap();
    let built = pipeline::build(dir.path(), &options(out.path(), Edition::Council, false)).unwrap();
    let folder = built.stored.folder;
    let path = out.path().to_str().unwrap();
    let ok = run(&["verify", path]);
    assert_eq!(ok.status.code(), Some(0), "{}", String::from_utf8_lossy(&ok.stdout));
    assert!(String::from_utf8_lossy(&ok.stdout).contains("1 versie nagekeken, 0 wijken af"));
    let pdf = files_with(&folder, "pdf").remove(0);
    let xlsx = files_with(&folder, "xlsx").remove(0);
    let original = std::fs::read(&pdf).unwrap();
    // One byte changed.
    let mut changed = original.clone();
    let middle = changed.len() / 2;
    changed[middle] ^= 1;
    std::fs::write(&pdf, &changed).unwrap();
    let report = run(&["verify", path, "--lang", "en"]);
    assert_eq!(report.status.code(), Some(1));
    let text = String::from_utf8_lossy(&report.stdout);
    assert!(text.contains(&format!("{} has changed", pdf.file_name().unwrap().to_string_lossy())), "{text}");
    std::fs::write(&pdf, &original).unwrap();
    // A file missing, one added.
    std::fs::remove_file(&xlsx).unwrap();
    std::fs::write(folder.join("notes.txt"), "added later").unwrap();
    let report = run(&["verify", folder.to_str().unwrap(), "--lang", "en"]);
    assert_eq!(report.status.code(), Some(1));
    let text = String::from_utf8_lossy(&report.stdout);
    assert!(text.contains(&format!("{} is missing", xlsx.file_name().unwrap().to_string_lossy())), "{text}");
    assert!(text.contains("notes.txt does not belong to this version"), "{text}");
    // An empty folder is not an archive.
    let empty = tempfile::tempdir().unwrap();
    assert_eq!(run(&["verify", empty.path().to_str().unwrap()]).status.code(), Some(2));
}

#[test]
fn history_lists_versions_and_repeats() {
    let dir = plan_folder(PLAN_TOML, &fixture_sheets());
    let out = tempfile::tempdir().unwrap();
    pipeline::build(dir.path(), &options(out.path(), Edition::Council, false)).unwrap();
    pipeline::build(dir.path(), &options(out.path(), Edition::Council, true)).unwrap();
    let output = run(&["history", out.path().to_str().unwrap(), "fixture"]);
    assert!(output.status.success());
    let text = String::from_utf8_lossy(&output.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(lines[1].starts_with("Fixture BV") && lines[1].contains("v1"), "{text}");
    assert!(lines[2].contains("v2") && lines[2].contains("zelfde invoer als v1"), "{text}");
    assert_eq!(run(&["history", out.path().to_str().unwrap(), "andere"]).status.code(), Some(2));
}

/// The embedded files of a PDF: name → bytes (from the EmbeddedFiles name tree).
fn embedded_files(pdf: &[u8]) -> Vec<(String, Vec<u8>)> {
    use lopdf::Object;
    let document = lopdf::Document::load_mem(pdf).unwrap();
    let mut files = Vec::new();
    for object in document.objects.values() {
        let Ok(dict) = object.as_dict() else { continue };
        if dict.get(b"Type").and_then(Object::as_name).ok() != Some(b"Filespec".as_slice()) {
            continue;
        }
        let name = dict.get(b"UF").or_else(|_| dict.get(b"F")).and_then(Object::as_str).unwrap();
        let name = String::from_utf8_lossy(name).into_owned();
        let stream_id =
            dict.get(b"EF").unwrap().as_dict().unwrap().get(b"F").unwrap().as_reference().unwrap();
        let stream = document.get_object(stream_id).unwrap().as_stream().unwrap();
        let relationship = dict.get(b"AFRelationship").and_then(Object::as_name).unwrap();
        assert!(!relationship.is_empty(), "PDF/A-3 wants a relationship for {name}");
        files.push((name, stream.decompressed_content().unwrap_or_else(|_| stream.content.clone())));
    }
    files.sort();
    files
}

#[test]
fn the_archived_pdf_is_pdf_a_and_carries_what_rebuilds_it() {
    let dir = plan_folder(PLAN_TOML, &fixture_sheets());
    let out = tempfile::tempdir().unwrap();
    let both = BuildOptions {
        out: out.path().into(),
        editions: Some(vec![Edition::Council, Edition::Internal]),
        ..Default::default()
    };
    let built = pipeline::build(dir.path(), &both).unwrap();
    // Sorted by name, "-intern.pdf" comes before ".pdf".
    let pdfs = files_with(&built.stored.folder, "pdf");
    assert!(pdfs[0].to_string_lossy().ends_with("-intern.pdf"));
    let (internal, council) = (std::fs::read(&pdfs[0]).unwrap(), std::fs::read(&pdfs[1]).unwrap());
    for pdf in [&council, &internal] {
        let text = String::from_utf8_lossy(pdf);
        let xmp = qpdf_free_xmp(pdf);
        assert!(
            xmp.contains("<pdfaid:part>3</pdfaid:part>")
                && xmp.contains("<pdfaid:conformance>B</pdfaid:conformance>"),
            "{xmp}"
        );
        assert!(xmp.contains("<pdfuaid:part>1</pdfuaid:part>"));
        assert!(xmp.contains("Opleidingsplan 2027 – Fixture BV"), "{xmp}");
        assert!(text.starts_with("%PDF-") && text.trim_end().ends_with("%%EOF"));
    }
    // The council edition carries its annex only; the internal one its sources too.
    let names = |pdf: &[u8]| embedded_files(pdf).into_iter().map(|(n, _)| n).collect::<Vec<_>>();
    assert_eq!(names(&council), ["opleidingsplan-2027-fixture-bv-bijlage.xlsx"]);
    assert_eq!(
        names(&internal),
        ["gegevens.xlsx", "opleidingsplan-2027-fixture-bv-intern-bijlage.xlsx", "plan.toml"]
    );
    // Extracted, they are a plan folder that builds the same plan, byte for byte.
    let rebuilt = tempfile::tempdir().unwrap();
    for (name, bytes) in embedded_files(&internal) {
        if name == "plan.toml" || name == "gegevens.xlsx" {
            std::fs::write(rebuilt.path().join(&name), bytes).unwrap();
        }
    }
    let again_out = tempfile::tempdir().unwrap();
    let again =
        pipeline::build(rebuilt.path(), &BuildOptions { out: again_out.path().into(), ..both }).unwrap();
    let again_pdfs = files_with(&again.stored.folder, "pdf");
    assert_eq!(std::fs::read(&again_pdfs[0]).unwrap(), internal, "the rebuilt internal PDF differs");
    assert_eq!(std::fs::read(&again_pdfs[1]).unwrap(), council, "the rebuilt council PDF differs");
}

#[test]
fn an_edition_exports_as_the_typst_project_it_was_typeset_from() {
    let dir = plan_folder(PLAN_TOML, &fixture_sheets());
    let out = tempfile::tempdir().unwrap();
    let built = pipeline::build(dir.path(), &options(out.path(), Edition::Council, false)).unwrap();
    let prepared = pipeline::prepare(dir.path()).unwrap();
    let resources = opleidingsplan::outputs::pdf::Resources::bundled(
        opleidingsplan::outputs::pdf::CachePolicy::KeepUntilExit,
    );
    let project: std::collections::HashMap<String, Vec<u8>> =
        pipeline::typst_project(&prepared, Edition::Council, &resources).unwrap().into_iter().collect();
    assert!(project.contains_key("/main.typ") && project.contains_key("/parts/cover.typ"));
    // The same data and the same annex bytes as the archived version.
    let archived = |extension: &str| std::fs::read(&files_with(&built.stored.folder, extension)[0]).unwrap();
    let data =
        files_with(&built.stored.folder, "json").into_iter().find(|p| !p.ends_with("manifest.json")).unwrap();
    assert_eq!(project["/data.json"], std::fs::read(data).unwrap());
    assert_eq!(project["/opleidingsplan-2027-fixture-bv-bijlage.xlsx"], archived("xlsx"));
    assert_eq!(project.len(), resources.layout.files().count() + 2, "{:?}", project.keys());
}

/// The XMP metadata stream of a PDF, decompressed.
fn qpdf_free_xmp(pdf: &[u8]) -> String {
    let document = lopdf::Document::load_mem(pdf).unwrap();
    let id = document.catalog().unwrap().get(b"Metadata").unwrap().as_reference().unwrap();
    let stream = document.get_object(id).unwrap().as_stream().unwrap();
    String::from_utf8(stream.decompressed_content().unwrap_or_else(|_| stream.content.clone())).unwrap()
}

#[test]
fn a_second_year_compares_itself_with_the_first() {
    let out = tempfile::tempdir().unwrap();
    // 2026: the fixture a year earlier, E5 still employed, E6 not yet.
    let earlier = PLAN_TOML.replace("year = 2027", "year = 2026");
    let dir_2026 = plan_folder(&earlier, &fixture_sheets());
    pipeline::build(dir_2026.path(), &options(out.path(), Edition::Internal, false)).unwrap();
    let dir_2027 = plan_folder(PLAN_TOML, &fixture_sheets());
    let built = pipeline::build(dir_2027.path(), &options(out.path(), Edition::Internal, false)).unwrap();
    let json =
        files_with(&built.stored.folder, "json").into_iter().find(|p| !p.ends_with("manifest.json")).unwrap();
    let view: serde_json::Value = serde_json::from_slice(&std::fs::read(json).unwrap()).unwrap();
    let c = &view["comparison"];
    assert_eq!(c["previous_year"], 2026);
    let row = |label: &str| {
        let row = c["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["label"] == label)
            .unwrap_or_else(|| panic!("no {label}"));
        [&row["previous"]["text"], &row["current"]["text"], &row["change"]["text"]]
            .map(|v| v.as_str().unwrap().to_string())
    };
    // Active on 31/12/2025: E1-E5 (4,3 FTE); on 31/12/2026: E1-E4 (3,3 FTE).
    assert_eq!(row("Medewerkers"), ["5", "4", "\u{2212}1"]);
    assert_eq!(row("Voltijdse equivalenten"), ["4,3", "3,3", "\u{2212}1,0"]);
    assert_eq!(row("Opleidingsbudget"), ["€\u{a0}1.200", "€\u{a0}1.200", "€\u{a0}0"]);
    // Participation: 2026 4 of 5 (E1, E2, E4, E5; E3 cancelled), 2027 3 of 4.
    assert_eq!(row("Deelnamegraad, alle medewerkers"), ["80,0%", "75,0%", "\u{2212}5,0\u{a0}pp"]);
    // Last year's trainings: T1 planned for E1, E2, E5, followed by E2 and E5.
    let t1 = c["realisation"].as_array().unwrap().iter().find(|r| r["code"] == "T1").unwrap();
    assert_eq!([&t1["planned"]["text"], &t1["realised"]["text"], &t1["share"]["text"]], ["3", "2", "66,7%"]);
    assert_eq!(c["realised_any"], true);
    // The chapter is in the PDF, and last year's data is among the sources.
    let typeset_text = squeeze(
        &pdf_extract::extract_text_from_mem(
            &std::fs::read(files_with(&built.stored.folder, "pdf").remove(0)).unwrap(),
        )
        .unwrap(),
    );
    assert!(typeset_text.contains("Vergelijkingmet2026") && typeset_text.contains("Geplandengevolgdin2026"));
    let manifest = Manifest::read(&built.stored.folder).unwrap();
    assert!(manifest.inputs.iter().any(|f| f.path.starts_with("previous-year/")), "{:?}", manifest.inputs);
    // A plan whose previous year is not archived has no such chapter.
    let lone = tempfile::tempdir().unwrap();
    let alone = pipeline::build(dir_2027.path(), &options(lone.path(), Edition::Internal, false)).unwrap();
    let json =
        files_with(&alone.stored.folder, "json").into_iter().find(|p| !p.ends_with("manifest.json")).unwrap();
    let view: serde_json::Value = serde_json::from_slice(&std::fs::read(json).unwrap()).unwrap();
    assert!(view["comparison"].is_null());
}

/// Copies a folder tree.
fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

fn data_of(folder: &Path, internal: bool) -> serde_json::Value {
    let file = files_with(folder, "json")
        .into_iter()
        .find(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            name.contains("gegevens") && name.contains("-intern-") == internal
        })
        .unwrap();
    serde_json::from_slice(&std::fs::read(file).unwrap()).unwrap()
}

#[test]
fn an_archive_written_by_release_0_1_0_is_still_compared() {
    let out = tempfile::tempdir().unwrap();
    copy_tree(Path::new("tests/fixtures/archive-0.1.0"), out.path());
    std::fs::remove_file(out.path().join("README.md")).unwrap();
    let plan = tempfile::tempdir().unwrap();
    let spec = opleidingsplan::synthetic::Spec {
        organisation: "Legacy BV".into(),
        employees: 30,
        seed: 7,
        year: 2027,
        ..Default::default()
    };
    opleidingsplan::synthetic::write_plan_folder(plan.path(), &spec).unwrap();
    let both = BuildOptions {
        out: out.path().into(),
        editions: Some(vec![Edition::Council, Edition::Internal]),
        ..Default::default()
    };
    let built = pipeline::build(plan.path(), &both).unwrap();
    assert!(built.not_compared.is_none());
    let previous = |view: &serde_json::Value, label: &str| -> String {
        let rows = view["comparison"]["rows"]
            .as_array()
            .unwrap_or_else(|| panic!("no comparison: {}", view["comparison"]));
        let row = rows.iter().find(|r| r["label"] == label).unwrap_or_else(|| panic!("no row {label}"));
        row["previous"]["text"].as_str().unwrap().to_string()
    };
    // Last year's figures as release 0.1.0 recorded them, per edition: the
    // council edition's withheld ones stay withheld.
    let council = data_of(&built.stored.folder, false);
    assert_eq!(council["comparison"]["previous_year"], 2026);
    assert_eq!(previous(&council, "Medewerkers"), "27");
    assert_eq!(previous(&council, "Voltijdse equivalenten"), "26,2");
    assert_eq!(previous(&council, "Opleidingsbudget"), "€\u{a0}51.400");
    assert_eq!(previous(&council, "Deelnamegraad, alle medewerkers"), "81,5%");
    assert_eq!(previous(&council, "Vrouwen: deelnamegraad"), "88,9%");
    assert_eq!(previous(&council, "Werknemers met een handicap: aantal"), "<\u{a0}5");
    let internal = data_of(&built.stored.folder, true);
    assert_eq!(previous(&internal, "Werknemers met een handicap: aantal"), "2");
    assert_eq!(previous(&internal, "Niet-EU-nationaliteit: aantal"), "3");
    // Last year's trainings, planned and followed.
    let first = &council["comparison"]["realisation"][0];
    assert_eq!(
        (first["code"].as_str(), first["planned"]["text"].as_str(), first["realised"]["text"].as_str()),
        (Some("VEI-01"), Some("7"), Some("2"))
    );
    // The files read are sources of this plan.
    let manifest = Manifest::read(&built.stored.folder).unwrap();
    let previous_inputs: Vec<&str> =
        manifest.inputs.iter().map(|f| f.path.as_str()).filter(|p| p.starts_with("previous-year/")).collect();
    assert_eq!(previous_inputs.len(), 2, "{previous_inputs:?}");
    // The folder of release 0.1.0 held this enterprise's plans only: it was
    // renamed to the form keyed by its number, versions and all.
    assert!(!out.path().join("legacy-bv").exists());
    assert!(out.path().join("0403019261-legacy-bv/2026/v1/manifest.json").is_file());
    assert!(built.stored.folder.ends_with("0403019261-legacy-bv/2027/v1"));
    // A data file changed after it was archived is not compared with, and
    // the build says so.
    let changed = out.path().join("0403019261-legacy-bv/2026/v1/opleidingsplan-2026-legacy-bv-gegevens.json");
    let mut bytes = std::fs::read(&changed).unwrap();
    bytes.push(b'\n');
    std::fs::write(&changed, bytes).unwrap();
    let again = pipeline::build(plan.path(), &BuildOptions { new_version: true, ..both }).unwrap();
    assert!(
        matches!(&again.not_compared, Some(NotCompared::Damaged { file }) if file.ends_with("gegevens.json"))
    );
    let council = data_of(&again.stored.folder, false);
    assert!(council["comparison"].is_null());
    let note = council["comparison_note"].as_str().unwrap();
    assert!(note.contains("opleidingsplan-2026-legacy-bv-gegevens.json") && note.contains("2026"), "{note}");
}
