//! `opleidingsplan watch`: the preview PDF is written again each time
//! plan.toml (or the workbook, or a layout file) is saved, and problems
//! are printed instead while there are any.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

fn wait_for(what: &str, check: impl Fn() -> bool) {
    let start = Instant::now();
    while !check() {
        assert!(start.elapsed() < Duration::from_secs(90), "waited too long for {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn text_of(pdf: &std::path::Path) -> String {
    std::fs::read(pdf)
        .ok()
        .and_then(|bytes| pdf_extract::extract_text_from_mem(&bytes).ok())
        .map(|t| common::squeeze(&t))
        .unwrap_or_default()
}

#[test]
fn watch_rewrites_the_preview_after_each_save_and_says_the_problems() {
    let plan = common::example_with(|p| p.to_string());
    let out = tempfile::tempdir().unwrap();
    let pdf = out.path().join("voorbeeld.pdf");
    let mut child = Command::new(env!("CARGO_BIN_EXE_opleidingsplan"))
        .args(["watch", "--lang", "en", "--pdf"])
        .arg(&pdf)
        .arg("--out")
        .arg(out.path().join("output"))
        .arg(plan.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let said = Arc::new(Mutex::new(String::new()));
    for stream in [
        Box::new(child.stdout.take().unwrap()) as Box<dyn std::io::Read + Send>,
        Box::new(child.stderr.take().unwrap()),
    ] {
        let said = said.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stream).lines().map_while(Result::ok) {
                said.lock().unwrap().push_str(&format!("{line}\n"));
            }
        });
    }
    wait_for("the first preview", || text_of(&pdf).contains("Wijontwerpenenbouwen"));
    let toml_path = plan.path().join("plan.toml");
    let toml = std::fs::read_to_string(&toml_path).unwrap();
    let mission = toml.lines().find(|l| l.starts_with("mission = ")).unwrap();
    std::fs::write(&toml_path, toml.replace(mission, "mission = \"Wij bouwen sterke machines.\"")).unwrap();
    wait_for("the edited mission", || text_of(&pdf).contains("Wijbouwensterkemachines."));
    // A mistake: the problem is printed and the last good preview stays.
    std::fs::write(&toml_path, toml.replace("year = 2027", "year = 27")).unwrap();
    wait_for("the problem at its line", || said.lock().unwrap().contains("plan.toml:13:8"));
    assert!(text_of(&pdf).contains("Wijbouwensterkemachines."), "the last good preview stays");
    std::fs::write(&toml_path, &toml).unwrap();
    wait_for("the preview again", || text_of(&pdf).contains("Wijontwerpenenbouwen"));
    child.kill().unwrap();
    child.wait().unwrap();
    let said = said.lock().unwrap();
    assert!(said.contains("written (26 pages)") || said.contains("pages)"), "{said}");
    assert!(!out.path().join("output").exists(), "nothing goes into the archive");
}

#[test]
fn the_preview_written_into_the_plan_folder_does_not_set_off_another_build() {
    let plan = common::example_with(|p| p.to_string());
    let out = tempfile::tempdir().unwrap();
    let child = Command::new(env!("CARGO_BIN_EXE_opleidingsplan"))
        .args(["watch", "--lang", "en", "--out"])
        .arg(out.path().join("output"))
        .arg(plan.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let pdf = plan.path().join("preview.pdf");
    wait_for("the preview", || pdf.is_file());
    // Several looks at the files later, still the one build.
    std::thread::sleep(Duration::from_secs(3));
    let mut child = child;
    child.kill().unwrap();
    let mut said = String::new();
    std::io::Read::read_to_string(&mut child.stdout.take().unwrap(), &mut said).unwrap();
    child.wait().unwrap();
    assert_eq!(said.matches("written").count(), 1, "{said}");
}
