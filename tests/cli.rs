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
    let folder = out.path().join("voorbeeld-nv/2027");
    let pdf = std::fs::read(folder.join("opleidingsplan-2027-voorbeeld-nv.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(folder.join("opleidingsplan-2027-voorbeeld-nv-bijlage.xlsx").is_file());
    assert!(folder.join("opleidingsplan-2027-voorbeeld-nv-gegevens.json").is_file());
    // Nothing else: no staging folders left behind.
    assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 1);
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
