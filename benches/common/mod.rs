//! What the benchmarks share: generated plan folders of the sizes the
//! targets name, written once per run, and the Typst command-line compiler
//! where the machine has one.

#![allow(dead_code)] // Each benchmark uses its own part of this module.

use opleidingsplan::synthetic::{self, Spec};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{LazyLock, Mutex};

/// Employees of the plans every stage is timed on (about 3 participations
/// each): a typical client, a large employer, a very large one.
pub const SIZES: [usize; 3] = [150, 5_000, 50_000];

static ROOT: LazyLock<tempfile::TempDir> = LazyLock::new(|| tempfile::tempdir().unwrap());
static PLANS: LazyLock<Mutex<HashMap<usize, PathBuf>>> = LazyLock::new(Mutex::default);

/// A plan folder of `employees` employees (seed of the bundled example).
pub fn plan(employees: usize) -> PathBuf {
    let mut plans = PLANS.lock().unwrap();
    plans
        .entry(employees)
        .or_insert_with(|| {
            let dir = ROOT.path().join(format!("plan-{employees}"));
            let spec = Spec { employees, ..Spec::default() };
            synthetic::write_plan_folder(&dir, &spec).unwrap();
            dir
        })
        .clone()
}

/// The workbook of a generated plan folder.
pub fn workbook(plan: &Path) -> PathBuf {
    std::fs::read_dir(plan)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "xlsx"))
        .unwrap()
}

/// The fonts the tool bundles, as files for the command-line compiler.
pub fn fonts_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("layouts/fonts")
}

pub fn binary() -> &'static str {
    env!("CARGO_BIN_EXE_opleidingsplan")
}

/// `opleidingsplan build <plan> --out <out>`, as a user runs it.
pub fn run_build(plan: &Path, out: &Path) {
    let status = Command::new(binary())
        .args(["build", plan.to_str().unwrap(), "--out", out.to_str().unwrap()])
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
}

/// The Typst compiler a consultancy would script instead of this tool:
/// the `typst` package from PyPI (the same engine, 0.15), started once per
/// document as a command-line compile is. `None` when it is not installed
/// (`pip install typst`), and the benchmarks that need it are skipped.
pub fn typst_cli_available() -> bool {
    static AVAILABLE: LazyLock<bool> = LazyLock::new(|| {
        Command::new("python3")
            .args(["-c", "import typst"])
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    });
    *AVAILABLE
}

const TYPST_COMPILE: &str = "import sys, typst; typst.compile(sys.argv[1], output=sys.argv[2], \
     root=sys.argv[3], font_paths=[sys.argv[4]], ignore_system_fonts=True, \
     pdf_standards=['a-3b', 'ua-1'], timestamp=int(sys.argv[5]))";

/// One document of `project` (written by `write_project`) compiled to
/// `pdf` by the Typst compiler in a process of its own.
pub fn typst_cli_compile(project: &Path, pdf: &Path) {
    let status = Command::new("python3")
        .args(["-c", TYPST_COMPILE])
        .arg(project.join("main.typ"))
        .arg(pdf)
        .arg(project)
        .arg(fonts_dir())
        .arg("1800000000")
        .status()
        .unwrap();
    assert!(status.success(), "the Typst compiler failed on {}", project.display());
}

/// The council edition of `plan` as a plain Typst project in `dir`: the
/// same layout, data and attachments the tool typesets.
pub fn write_project(plan: &Path, dir: &Path) {
    use opleidingsplan::outputs::pdf::{CachePolicy, Resources};
    let prepared = opleidingsplan::pipeline::prepare(plan).unwrap();
    let edition = opleidingsplan::model::Edition::Council;
    let resources = Resources::bundled(CachePolicy::KeepUntilExit);
    for (path, bytes) in opleidingsplan::pipeline::typst_project(&prepared, edition, &resources).unwrap() {
        let target = dir.join(path.trim_start_matches('/'));
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::write(target, bytes).unwrap();
    }
}
