//! `opleidingsplan batch` as a consultancy runs it: a root of generated
//! clients, two of them broken, one clashing with another, one with a
//! layout of its own; then runs that skip what did not change.

mod common;

use common::squeeze;
use opleidingsplan::batch::{self, BatchOptions, Outcome, progress::Silent};
use opleidingsplan::synthetic::batch::{BatchSpec, CONSULTANCY, write_batch};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::LazyLock;

/// Clients in the shared batch: 30 that build, and two broken ones.
const CLIENTS: usize = 32;
const BROKEN_WORKBOOK: usize = 7;
const BROKEN_PLAN: usize = 13;
const OWN_LAYOUT: usize = 4;
const MARKER: &str = "Eigen opmaak van deze klant";

struct Fixture {
    _dir: tempfile::TempDir,
    _root: PathBuf,
    out: PathBuf,
    folders: Vec<PathBuf>,
    status: Option<i32>,
    stdout: String,
    stderr: String,
}

/// One batch run through the binary, shared by the tests below.
static BATCH: LazyLock<Fixture> = LazyLock::new(|| {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("klanten");
    let out = dir.path().join("plannen");
    let spec = BatchSpec { clients: CLIENTS, seed: 7, year: 2027, employees: (20, 45) };
    let mut folders = write_batch(&root, &spec).unwrap();
    // A workbook that is not one, and a plan.toml with a syntax error.
    std::fs::write(folders[BROKEN_WORKBOOK - 1].join("gegevens.xlsx"), b"this is not a workbook").unwrap();
    let plan = folders[BROKEN_PLAN - 1].join("plan.toml");
    let text = std::fs::read_to_string(&plan).unwrap().replace("year = 2027", "year = 2027x");
    std::fs::write(&plan, text).unwrap();
    // One client restyles a part of the layout.
    let parts = folders[OWN_LAYOUT - 1].join("layouts/parts");
    std::fs::create_dir_all(&parts).unwrap();
    let intro =
        format!("#let intro(data) = {{\n  heading(\"{MARKER}\")\n  par(data.organisation.name)\n}}\n");
    std::fs::write(parts.join("intro.typ"), intro).unwrap();
    // A copy of the first client: same organisation, same year.
    let copy = root.join("zz-kopie");
    copy_folder(&folders[0], &copy);
    folders.push(copy);
    let output = Command::new(env!("CARGO_BIN_EXE_opleidingsplan"))
        .args(["batch", root.to_str().unwrap(), "--out", out.to_str().unwrap(), "--jobs", "2"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    Fixture {
        _dir: dir,
        _root: root,
        out,
        folders,
        status: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
});

fn copy_folder(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
    }
}

/// The client's 2027 folder: keyed by its enterprise number,
/// `<digits>-<slug>` (a broken client has none).
fn year_of(out: &Path, slug: &str) -> PathBuf {
    let folder = std::fs::read_dir(out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().ends_with(&format!("-{slug}")))
        .unwrap_or_else(|| out.join(format!("none-{slug}")));
    folder.join("2027")
}

fn pdf_of(out: &Path, slug: &str) -> PathBuf {
    year_of(out, slug).join("v1").join(format!("opleidingsplan-2027-{slug}.pdf"))
}

fn slug_of(folder: &Path) -> String {
    // Folders are "07-garage-janssens-bv": the number, then the slug.
    let name = folder.file_name().unwrap().to_string_lossy().into_owned();
    name.split_once('-').unwrap().1.to_string()
}

#[test]
fn one_broken_client_never_stops_the_others() {
    let b = &*BATCH;
    assert_eq!(b.status, Some(1), "stdout:\n{}\nstderr:\n{}", b.stdout, b.stderr);
    assert!(b.stdout.contains("30 opgemaakt, 0 ongewijzigd, 3 mislukt"), "{}", b.stdout);
    // Every good client has its plan; the broken ones have no folder at all.
    for (i, folder) in b.folders.iter().enumerate().take(CLIENTS) {
        let pdf = pdf_of(&b.out, &slug_of(folder));
        let broken = i + 1 == BROKEN_WORKBOOK || i + 1 == BROKEN_PLAN;
        assert_eq!(pdf.is_file(), !broken, "{}", pdf.display());
    }
    // The summary names each failure with its first problem and its folder.
    let workbook_client = b.folders[BROKEN_WORKBOOK - 1].display().to_string();
    assert!(b.stderr.contains(&workbook_client), "{}", b.stderr);
    assert!(b.stderr.contains("gegevens.xlsx: dit bestand is geen Excel-werkmap"), "{}", b.stderr);
    assert!(b.stderr.contains("plan.toml:13:12: "), "{}", b.stderr);
    assert!(b.stderr.contains("al geschreven door"), "the clash is explained: {}", b.stderr);
    // Without a terminal, a line per client (for logs).
    assert_eq!(b.stderr.lines().filter(|l| l.starts_with('[')).count(), CLIENTS + 1, "{}", b.stderr);
    // And a table row per client.
    for folder in &b.folders[..CLIENTS] {
        if folder != &b.folders[BROKEN_PLAN - 1] {
            let name = std::fs::read_to_string(folder.join("plan.toml")).unwrap();
            let name = name.lines().find_map(|l| l.strip_prefix("name = \"")).unwrap().trim_end_matches('"');
            assert!(b.stdout.contains(name), "{name} missing from the table");
        }
    }
}

#[test]
fn clients_carry_their_own_branding_and_the_consultancy_on_every_cover() {
    let b = &*BATCH;
    let cover = |i: usize| {
        let pdf = std::fs::read(pdf_of(&b.out, &slug_of(&b.folders[i - 1]))).unwrap();
        let text = pdf_extract::extract_text_from_mem(&pdf).unwrap();
        (squeeze(text.split("Inhoud").next().unwrap()).to_lowercase(), pdf)
    };
    for client in [1, 2, 3] {
        let (text, _) = cover(client);
        assert!(text.contains(&squeeze(CONSULTANCY).to_lowercase()), "client {client}: {text}");
        assert!(text.contains("opgestelddoor"), "client {client}: {text}");
    }
    // Client 2 has its own logo and colours (see `write_batch`), client 1 not.
    let data = |i: usize| {
        let slug = slug_of(&b.folders[i - 1]);
        let path =
            year_of(&b.out, &slug).join("v1").join(format!("opleidingsplan-2027-{slug}-gegevens.json"));
        serde_json::from_slice::<serde_json::Value>(&std::fs::read(path).unwrap()).unwrap()
    };
    assert_eq!(data(1)["branding"]["primary"], serde_json::Value::Null);
    assert_eq!(data(2)["branding"]["primary"], "#0b6e4f");
    assert_eq!(data(2)["branding"]["logo"], "/assets/logo.svg");
    assert!(cover(2).0.contains("vakmanschapdatgroeit"));
    // The brand colour is painted in client 2's PDF and not in client 1's:
    // #0B6E4F as PDF colour components.
    let green = "0.043137256 0.43137255 0.30980393";
    let painted = |pdf: &[u8]| pdf_colours(pdf).iter().any(|c| c == green);
    assert!(painted(&cover(2).1), "{:?}", pdf_colours(&cover(2).1));
    assert!(!painted(&cover(1).1));
}

/// Fill colours set in the first page's content (`r g b sc`/`scn`/`rg`).
fn pdf_colours(pdf: &[u8]) -> Vec<String> {
    let document = lopdf::Document::load_mem(pdf).unwrap();
    let first = *document.get_pages().values().next().unwrap();
    let content = document.get_and_decode_page_content(first).unwrap();
    content
        .operations
        .iter()
        .filter(|op| matches!(op.operator.as_str(), "sc" | "scn" | "rg") && op.operands.len() == 3)
        .map(|op| {
            op.operands
                .iter()
                .map(|o| o.as_float().map(|f| f.to_string()).unwrap_or_default())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

#[test]
fn a_client_layout_folder_replaces_only_that_clients_files() {
    let b = &*BATCH;
    let text = |i: usize| {
        let pdf = std::fs::read(pdf_of(&b.out, &slug_of(&b.folders[i - 1]))).unwrap();
        squeeze(&pdf_extract::extract_text_from_mem(&pdf).unwrap())
    };
    assert!(text(OWN_LAYOUT).contains(&squeeze(MARKER)));
    assert!(!text(OWN_LAYOUT).contains("Overditplan"), "the default intro is replaced");
    assert!(!text(OWN_LAYOUT + 1).contains(&squeeze(MARKER)));
    assert!(text(OWN_LAYOUT + 1).contains("Overditplan"));
}

#[test]
fn unchanged_clients_are_skipped_by_content_not_by_time() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("klanten");
    let folders =
        write_batch(&root, &BatchSpec { clients: 3, seed: 11, year: 2027, employees: (20, 25) }).unwrap();
    let options = BatchOptions { out: dir.path().join("uit"), jobs: Some(2), ..BatchOptions::default() };
    let run = || batch::run(&root, &options, &Silent).unwrap();
    let kinds = |reports: &[batch::ClientReport]| -> Vec<&'static str> {
        reports
            .iter()
            .map(|r| match r.outcome {
                Outcome::Built { written: true, .. } => "built",
                // Rebuilt, and identical to the latest version: not archived twice.
                Outcome::Built { written: false, .. } => "same",
                Outcome::Skipped { .. } => "skipped",
                Outcome::Failed(_) => "failed",
            })
            .collect()
    };
    assert_eq!(kinds(&run()), ["built", "built", "built"]);
    assert_eq!(kinds(&run()), ["skipped", "skipped", "skipped"]);
    // The same bytes written again: still unchanged.
    let workbook = folders[0].join("gegevens.xlsx");
    std::fs::write(&workbook, std::fs::read(&workbook).unwrap()).unwrap();
    // A changed plan.toml and a changed batch.toml default.
    let plan = folders[1].join("plan.toml");
    std::fs::write(&plan, std::fs::read_to_string(&plan).unwrap() + "\n# reviewed\n").unwrap();
    assert_eq!(kinds(&run()), ["skipped", "built", "skipped"]);
    // A deleted output file is rebuilt.
    let reports = run();
    let Outcome::Skipped { folder, .. } = &reports[2].outcome else { panic!("{:?}", reports[2]) };
    let pdf = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "pdf"))
        .unwrap();
    std::fs::remove_file(pdf).unwrap();
    assert_eq!(kinds(&run()), ["skipped", "skipped", "built"]);
    // --force builds everything again; identical results are not archived
    // twice, unless --new-version asks for it.
    let forced = BatchOptions { force: true, out: options.out.clone(), ..BatchOptions::default() };
    let reports = batch::run(&root, &forced, &Silent).unwrap();
    assert_eq!(kinds(&reports), ["same", "same", "same"]);
    let copies = BatchOptions { new_version: true, ..forced };
    assert_eq!(kinds(&batch::run(&root, &copies, &Silent).unwrap()), ["built", "built", "built"]);
    // Branding in batch.toml is an input of every plan.
    let batch_toml = root.join("batch.toml");
    let text = std::fs::read_to_string(&batch_toml)
        .unwrap()
        .replace("[defaults]", "[branding]\nprimary = \"#123456\"\n\n[defaults]");
    std::fs::write(&batch_toml, text).unwrap();
    assert_eq!(kinds(&run()), ["built", "built", "built"]);
}
