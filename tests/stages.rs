//! Draft → advice → final: a draft of the fixture plan and then a final
//! with changed trainings, in one archive; the final lists what changed,
//! and `diff` prints the same for the two archived versions.

mod common;

use common::*;
use opleidingsplan::model::{Edition, Stage};
use opleidingsplan::pipeline::{self, BuildOptions, Built};
use std::path::Path;
use std::process::Command;

const DRAFT_CONSULTATION: &str = "\n[consultation]\ndraft_sent = 2027-02-10\nmeeting = 2027-03-01\n";
const FINAL_CONSULTATION: &str = r#"
[consultation]
draft_sent = 2027-02-10
meeting = 2027-03-01
advice_date = 2027-03-01
advice = "Positief advies; de raad vraagt een tweede sessie veiligheid."
response = "De werkgever voegt een tweede sessie toe (T4)."
approved_by = "An Janssens, zaakvoerder"
fixed_on = 2027-03-25
"#;

fn build(dir: &Path, out: &Path, stage: Option<Stage>) -> Built {
    let options =
        BuildOptions { out: out.into(), editions: Some(vec![Edition::Council]), stage, ..Default::default() };
    pipeline::build(dir, &options).unwrap_or_else(|e| panic!("{e:?}"))
}

fn file(built: &Built, ext: &str, suffix: &str) -> std::path::PathBuf {
    built
        .stored
        .files
        .iter()
        .find(|f| f.extension().is_some_and(|e| e == ext) && f.to_string_lossy().ends_with(suffix))
        .unwrap_or_else(|| panic!("no {suffix} among {:?}", built.stored.files))
        .clone()
}

fn pdf_text(built: &Built) -> (String, usize) {
    let bytes = std::fs::read(file(built, "pdf", ".pdf")).unwrap();
    let pages = lopdf::Document::load_mem(&bytes).unwrap().get_pages().len();
    (squeeze(&pdf_extract::extract_text_from_mem(&bytes).unwrap()), pages)
}

/// The fixture's trainings after the advice: T1 shorter and registered
/// for by more, T2 dropped, T4 new.
fn final_sheets() -> Vec<Sheet> {
    let mut sheets = fixture_sheets();
    let trainings = &mut sheets[1].rows;
    trainings[1][4] = Number(7.0);
    trainings.remove(2);
    trainings.push(vec![
        Text("T4"),
        Text("Veiligheid, tweede sessie"),
        Text("D1"),
        Text("formeel"),
        Number(4.0),
        Number(300.0),
        Empty,
        Text("Syntra"),
    ]);
    let participations = &mut sheets[2].rows;
    participations.retain(|row| !matches!(row[1], Text("T2")));
    participations.push(vec![Text("E3"), Text("T1"), Empty, Text("gepland")]);
    sheets
}

#[test]
fn a_draft_then_a_final_in_one_archive_and_what_changed() {
    let dir = plan_folder(&format!("{PLAN_TOML}{DRAFT_CONSULTATION}"), &fixture_sheets());
    let out = tempfile::tempdir().unwrap();

    // Without an advice, the plan is a draft by default.
    let draft = build(dir.path(), out.path(), None);
    assert_eq!(draft.stored.version, 1);
    let (text, pages) = pdf_text(&draft);
    // Marked on the cover and on every page.
    assert!(text.matches("ONTWERP").count() >= pages, "{pages} pages, watermark fewer times");
    for expected in
        ["v1·Ontwerp", "Gevraagdadvies", "bezorgdop10februari2027", "uiterlijkop15maart2027", "nogtekomen"]
    {
        assert!(text.contains(expected), "the draft lacks {expected:?}");
    }
    // The advice still to come is pending, not missing.
    for absent in ["Nognietopgenomen", "Hetadviesisnognietopgenomen", "telaat"] {
        assert!(!text.contains(absent), "the draft says {absent:?}");
    }

    // The advice is in, the trainings changed: the final, by default.
    std::fs::write(dir.path().join("plan.toml"), format!("{PLAN_TOML}{FINAL_CONSULTATION}")).unwrap();
    write_workbook(&dir.path().join("gegevens.xlsx"), &final_sheets());
    let fin = build(dir.path(), out.path(), None);
    assert_eq!(fin.stored.version, 2);
    let (text, _) = pdf_text(&fin);
    assert!(!text.contains("ONTWERP"), "a final plan is no draft");
    for expected in [
        "v2·Definitief",
        "Watveranderdesindshetontwerp",
        "Vergelijkingmethetontwerp(v1)",
        // Added and removed, by code and title.
        "T4–Veiligheid,tweedesessie",
        "Opleidingengeschrapt",
        "T2–*vet*en$x^2$<lbl>@ref",
        // T1: 8 → 7 hours.
        "Urenperdeelnemer87",
        // The budget: 1.200 → 1.300.
        "€1.200€1.300",
        // The advice, the response and the approval block.
        "Positiefadvies",
        "Dewerkgevervoegteentweedesessietoe(T4).",
        "Vastgesteldop25maart2027",
        // The history, this version marked.
        "v1Ontwerp10februari2027",
        "v2Definitief25maart2027(ditdocument)",
    ] {
        assert!(text.contains(&squeeze(expected)), "the final lacks {expected:?}");
    }

    // T1's registrations went from 3 to 4: counts of fewer people than the
    // minimum group size, which the council edition withholds and so
    // never compares.
    assert!(!text.contains("Geplandeinschrijvingen34"), "withheld counts compared");

    // The signatory is a person: named in the internal edition only.
    assert!(!text.contains("AnJanssens"), "the council edition names the signatory");
    let internal = BuildOptions {
        out: out.path().into(),
        editions: Some(vec![Edition::Internal]),
        ..Default::default()
    };
    let internal = pipeline::build(dir.path(), &internal).unwrap();
    assert_eq!(internal.stored.version, 3);
    assert!(pdf_text(&internal).0.contains("AnJanssens,zaakvoerder"));

    // The manifest, the data file and the PDF carry the same date and stage.
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(fin.stored.folder.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["stage"], "final");
    assert_eq!(manifest["document_date"], "2027-03-25");
    let data: serde_json::Value =
        serde_json::from_slice(&std::fs::read(file(&fin, "json", "-gegevens.json")).unwrap()).unwrap();
    assert_eq!(data["meta"]["document_date"]["iso"], "2027-03-25");
    assert_eq!(data["meta"]["versions"]["version"], "v2");
    let v1: serde_json::Value =
        serde_json::from_slice(&std::fs::read(draft.stored.folder.join("manifest.json")).unwrap()).unwrap();
    assert_eq!((v1["stage"].as_str(), v1["document_date"].as_str()), (Some("draft"), Some("2027-02-10")));

    // `diff` prints the same comparison for the two versions.
    let run = |args: &[&str]| Command::new(env!("CARGO_BIN_EXE_opleidingsplan")).args(args).output().unwrap();
    let (v1, v2) = (draft.stored.folder.to_str().unwrap(), fin.stored.folder.to_str().unwrap());
    let output = run(&["diff", v1, v2]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    let printed = String::from_utf8_lossy(&output.stdout);
    for expected in [
        "Fixture BV 2027 v1 (10 februari 2027, ontwerp)",
        "Fixture BV 2027 v2 (25 maart 2027, definitief)",
        "Opleidingen toegevoegd\n  T4 – Veiligheid, tweede sessie",
        "Opleidingen geschrapt\n  T2 – *vet* en $x^2$ <lbl> @ref",
        "    Uren per deelnemer: 8 → 7",
        "Opleidingsbudget: €\u{a0}1.200 → €\u{a0}1.300",
    ] {
        assert!(printed.contains(expected), "diff lacks {expected:?}:\n{printed}");
    }
    // Backwards, the same changes the other way round; in English on request.
    let back = String::from_utf8_lossy(&run(&["diff", v2, v1, "--lang", "en"]).stdout).into_owned();
    assert!(back.contains("Trainings added\n  T2") && back.contains("Trainings removed\n  T4"), "{back}");
    // A folder that is no version is refused with exit 2, and so is an
    // edition neither version has.
    assert_eq!(run(&["diff", v1, out.path().to_str().unwrap()]).status.code(), Some(2));
    assert_eq!(run(&["diff", v1, v2, "--edition", "internal"]).status.code(), Some(2));
    // The same version twice: nothing changed.
    let same = String::from_utf8_lossy(&run(&["diff", v2, v2]).stdout).into_owned();
    // Not "since the draft": neither version need be one.
    assert!(same.contains("Tussen deze twee versies is niets veranderd"), "{same}");
}

#[test]
fn a_stage_asked_for_wins_and_a_draft_never_shows_the_advice() {
    // The advice is recorded, but the draft is asked for (it is rebuilt
    // to send again, say): the draft shows none of what came after it.
    let dir = plan_folder(&format!("{PLAN_TOML}{FINAL_CONSULTATION}"), &fixture_sheets());
    let out = tempfile::tempdir().unwrap();
    let draft = build(dir.path(), out.path(), Some(Stage::Draft));
    let (text, _) = pdf_text(&draft);
    for absent in ["Positiefadvies", "Dewerkgevervoegt", "Vastgesteldop", "25maart2027"] {
        assert!(!text.contains(absent), "the draft shows {absent:?}");
    }
    // A final built right after, with no change, says so.
    let fin = build(dir.path(), out.path(), Some(Stage::Final));
    let (text, _) = pdf_text(&fin);
    assert!(text.contains("Sindshetontwerpisnietsveranderdaandeopleidingenendekerncijfers."), "{text}");
    // Built again unchanged: the same version, nothing written.
    let again = build(dir.path(), out.path(), Some(Stage::Final));
    assert_eq!((again.stored.version, again.stored.written), (2, false));
}

/// The bundled example, as a consultant runs it: the draft for the works
/// council, then the final once the advice is in, in one archive.
#[test]
fn the_example_as_a_draft_and_then_final() {
    let example = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/voorbeeld");
    let out = tempfile::tempdir().unwrap();
    let draft = build(&example, out.path(), Some(Stage::Draft));
    let fin = build(&example, out.path(), None);
    assert_eq!((draft.stored.version, fin.stored.version), (1, 2));
    let (draft, _) = pdf_text(&draft);
    let (fin, _) = pdf_text(&fin);
    for expected in ["v1·Ontwerp", "Gevraagdadvies", "16februari2027"] {
        assert!(draft.contains(expected), "the example's draft lacks {expected:?}");
    }
    for expected in [
        "v2·Definitief",
        "Samenvatting",
        "Deondernemingsraadgafzijnadviesop4maart2027",
        "Naarstatuut",
        "Actieplan",
        "Watveranderdesindshetontwerp",
        "Sindshetontwerpisnietsveranderd",
        "Vastgesteldop20maart2027",
        "Versiegeschiedenis",
        "v1Ontwerp16februari2027",
        "v2Definitief20maart2027(ditdocument)",
    ] {
        assert!(fin.contains(expected), "the example's final lacks {expected:?}");
    }
}
