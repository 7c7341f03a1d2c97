//! The binary as a user runs it: exit statuses, messages, files.

mod common;

use common::*;
use std::path::Path;
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_opleidingsplan")).args(args).env("NO_COLOR", "1").output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn builds_the_bundled_example() {
    let out = tempfile::tempdir().unwrap();
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/voorbeeld");
    let output = run(&["build", example.to_str().unwrap(), "--out", out.path().to_str().unwrap()]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    assert!(stdout.contains("Voorbeeld NV: Opleidingsplan 2027 opgemaakt"), "{stdout}");
    let folder = out.path().join("0403019261-voorbeeld-nv/2027/v1");
    let pdf = std::fs::read(folder.join("opleidingsplan-2027-voorbeeld-nv.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    // Plan year 2027 belongs to the two-year period 2026-27, whose
    // reference period is 2024-Q4 to 2025-Q3 (law of 3 October 2022, art. 50 §2).
    let words = squeeze(&pdf_extract::extract_text_from_mem(&pdf).unwrap());
    assert!(words.contains(&squeeze("tweejaarlijkse periode 2026–2027 telt de gemiddelde tewerkstelling in de referteperiode 2024-Q4 – 2025-Q3: 137,4 voltijdse equivalenten")), "period missing");
    assert!(folder.join("opleidingsplan-2027-voorbeeld-nv-bijlage.xlsx").is_file());
    assert!(folder.join("opleidingsplan-2027-voorbeeld-nv-gegevens.json").is_file());
    assert!(folder.join("opleidingsplan-2027-voorbeeld-nv-kengetallen.json").is_file());
    // The example asks for the one-page summary for all employees.
    assert!(folder.join("opleidingsplan-2027-voorbeeld-nv-samenvatting.pdf").is_file());
    // The council edition alone, by default, and the manifest; no staging
    // folders left behind.
    assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 6);
    assert!(folder.join("manifest.json").is_file());
    // The data's document date is the manifest's (and the PDF's).
    let read = |name: &str| -> serde_json::Value {
        serde_json::from_slice(&std::fs::read(folder.join(name)).unwrap()).unwrap()
    };
    let data = read("opleidingsplan-2027-voorbeeld-nv-gegevens.json");
    let manifest = read("manifest.json");
    assert_eq!(data["meta"]["document_date"]["iso"], manifest["document_date"], "{}", manifest);
    assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 1);
}

#[test]
fn the_internal_edition_is_asked_for_and_named_so() {
    let dir = plan_folder(PLAN_TOML, &fixture_sheets());
    let out = dir.path().join("out");
    let output = run(&[
        "build",
        dir.path().to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--edition",
        "internal",
    ]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let mut names: Vec<String> = std::fs::read_dir(out.join("0403019261-fixture-bv/2027/v1"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "manifest.json",
            "opleidingsplan-2027-fixture-bv-intern-bijlage.xlsx",
            "opleidingsplan-2027-fixture-bv-intern-gegevens.json",
            "opleidingsplan-2027-fixture-bv-intern-kengetallen.json",
            "opleidingsplan-2027-fixture-bv-intern-opleidingssaldo.json",
            "opleidingsplan-2027-fixture-bv-intern.pdf",
            // The employees' personal statements.
            "statements",
        ]
    );
    let wrong = run(&["build", dir.path().to_str().unwrap(), "--edition", "public"]);
    assert_eq!(wrong.status.code(), Some(2));
    assert!(text(&wrong.stderr).contains("council"), "{}", text(&wrong.stderr));
}

#[test]
fn bad_data_exits_1_names_the_cell_and_writes_nothing() {
    let mut sheets = fixture_sheets();
    sheets[0].rows[2][4] = Text("1,5");
    let dir = plan_folder(PLAN_TOML, &sheets);
    let out = dir.path().join("out");
    let output = run(&["build", dir.path().to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("fout: gegevens.xlsx › Medewerkers › E3: VTE \"1,5\" ligt niet tussen 0 en 1"),
        "{stderr}"
    );
    assert!(stderr.contains("Er werd niets geschreven"), "{stderr}");
    assert!(!out.exists());
}

#[test]
fn configuration_errors_exit_2_with_line_and_column() {
    let broken = PLAN_TOML.replace("year = 2027", "year = 2027x");
    let dir = plan_folder(&broken, &fixture_sheets());
    let output =
        run(&["build", dir.path().to_str().unwrap(), "--out", dir.path().join("out").to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    assert!(stderr.contains("fout: plan.toml:11:12: "), "{stderr}");

    let output = run(&["build", "/no/such/folder"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("this folder does not exist"), "{}", text(&output.stderr));
}

#[test]
fn messages_follow_lang() {
    let mut sheets = fixture_sheets();
    sheets[0].rows[3][2] = Text("Q");
    let dir = plan_folder(PLAN_TOML, &sheets);
    let output = run(&["build", dir.path().to_str().unwrap(), "--lang", "en", "--out", "/nonexistent/out"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(stderr.contains("error: gegevens.xlsx › Medewerkers › C4: Geslacht \"Q\" is not known. Use one of: \"M\", \"V\", \"X\"."), "{stderr}");
}

/// The XML of a sheet inside a workbook we wrote.
fn sheet_xml(workbook: &Path, index: usize) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(workbook).unwrap()).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name(&format!("xl/worksheets/sheet{index}.xml")).unwrap(),
        &mut xml,
    )
    .unwrap();
    xml
}

#[test]
fn init_fill_check_build_as_a_new_user() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let root = tempfile::tempdir().unwrap();
    let folder = root.path().join("mijn-plan");
    let folder_arg = folder.to_str().unwrap();

    // 1. init: a commented plan.toml and a template workbook.
    let output = run(&["init", folder_arg, "--lang", "fr", "--year", "2027"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let book = folder.join("donnees.xlsx");
    let plan = std::fs::read_to_string(folder.join("plan.toml")).unwrap();
    assert!(plan.contains("language = \"fr\"") && plan.contains("workbook = \"donnees.xlsx\""));
    // Dropdowns for gender, FTE, statute, education, the yes/no columns and the
    // language; a note on every header.
    let employees = sheet_xml(&book, 1);
    assert_eq!(employees.matches("<dataValidation ").count(), 7, "{employees}");
    assert!(employees.contains("\"nl,fr,en\""), "language dropdown");
    assert!(employees.contains("\"H,F,X\""), "gender dropdown in French");
    assert!(employees.contains("<legacyDrawing"), "header notes");
    assert!(sheet_xml(&book, 2).contains("\"formelle,informelle,initiale\""));

    // 2. The fresh template passes check, with a warning about the example number.
    let output = run(&["check", folder_arg]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(text(&output.stderr).contains("numéro d'exemple"));

    // 3. Init again: nothing is overwritten.
    let output = run(&["init", folder_arg, "--lang", "fr"]);
    assert_eq!(output.status.code(), Some(2));

    // 4. The user fills in the template: keeps its headers and examples, adds
    //    twenty colleagues and their registrations, and sets the real number.
    let mut template: Xlsx<_> = open_workbook(&book).unwrap();
    let mut sheets: Vec<Sheet> = Vec::new();
    for name in template.sheet_names() {
        let range = template.worksheet_range(&name).unwrap();
        let rows = range
            .rows()
            .map(|row| {
                row.iter()
                    .map(|cell| match cell {
                        Data::String(s) => Text(Box::leak(s.clone().into_boxed_str())),
                        Data::Float(f) => Number(*f),
                        Data::DateTime(d) => {
                            let (y, m, day, ..) = d.to_ymd_hms_milli();
                            Date(y, m, day)
                        }
                        _ => Empty,
                    })
                    .collect()
            })
            .collect();
        sheets.push(Sheet { name: Box::leak(name.into_boxed_str()), rows });
    }
    for i in 0..20 {
        let id: &'static str = Box::leak(format!("{}", 2001 + i).into_boxed_str());
        let gender = if i % 3 == 0 { "F" } else { "H" };
        sheets[0].rows.push(vec![
            Text(id),
            Text("Collègue"),
            Text(gender),
            Date(1960 + i as u16, 5, 1),
            Number(1.0),
            Date(2010, 1, 1),
            Empty,
            Text("Production"),
            Text("Opérateur"),
            Text("ouvrier"),
            Text("moyen"),
            Text("non"),
            Text("BE"),
            Text("non"),
        ]);
        sheets[2].rows.push(vec![Text(id), Text("SEC-01"), Empty, Text("prévue")]);
    }
    write_workbook(&book, &sheets);
    std::fs::write(folder.join("plan.toml"), plan.replace("0000.000.097", "0403.019.261")).unwrap();

    // 5. check is clean; build writes the plan.
    let output = run(&["check", folder_arg]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(text(&output.stdout).contains("22 travailleurs"), "{}", text(&output.stdout));
    assert!(text(&output.stderr).is_empty(), "{}", text(&output.stderr));
    let out = root.path().join("out");
    let output = run(&["build", folder_arg, "--out", out.to_str().unwrap()]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(
        out.join("0403019261-mon-organisation/2027/v1/plan-de-formation-2027-mon-organisation.pdf").is_file()
    );
}

#[test]
fn build_applies_a_plan_folders_own_layout_as_batch_does() {
    let dir = plan_folder(PLAN_TOML, &fixture_sheets());
    let parts = dir.path().join("layouts/parts");
    std::fs::create_dir_all(&parts).unwrap();
    let intro = "#let intro(data) = {\n  heading(\"Eigen inleiding van de klant\")\n  par(data.organisation.name)\n}\n";
    std::fs::write(parts.join("intro.typ"), intro).unwrap();
    let out = dir.path().join("out");
    let output = run(&["build", dir.path().to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let pdf =
        std::fs::read(out.join("0403019261-fixture-bv/2027/v1/opleidingsplan-2027-fixture-bv.pdf")).unwrap();
    let words = squeeze(&pdf_extract::extract_text_from_mem(&pdf).unwrap());
    assert!(
        words.contains(&squeeze("Eigen inleiding van de klant")),
        "the plan's own layout was not applied"
    );
}
