//! `cargo bench --bench batch`: one batch of generated clients built three
//! ways, the numbers behind BENCHMARKS.md:
//!
//! - `batch_parallel`: `batch::run` with one worker per core (what
//!   `opleidingsplan batch` does);
//! - `sequential_in_process`: `pipeline::build` for each plan in turn, in one
//!   process (Typst parallelising within each document);
//! - `process_per_plan`: `opleidingsplan build <folder>` started once per
//!   plan, one after the other (what a shell loop over the clients does);
//! - `typst_cli_per_plan`: the Typst compiler (PyPI `typst`, the same
//!   engine) started once per plan on the same documents, written
//!   beforehand as plain Typst projects (what a consultancy scripting Typst
//!   itself would do; the data preparation it would need is not counted).
//!   Skipped without it.
//!
//! Every sample rebuilds everything (`force`), into a temporary folder.

mod common;

use opleidingsplan::batch::{self, BatchOptions, progress::Silent};
use opleidingsplan::pipeline::{self, BuildOptions};
use opleidingsplan::synthetic::batch::{BatchSpec, write_batch};
use std::path::PathBuf;
use std::sync::LazyLock;

/// Clients in the benchmark batch, each the size of the bundled example.
const CLIENTS: usize = 100;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

struct Batch {
    _dir: tempfile::TempDir,
    root: PathBuf,
    folders: Vec<PathBuf>,
}

static BATCH: LazyLock<Batch> = LazyLock::new(|| {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("klanten");
    let spec = BatchSpec { clients: CLIENTS, seed: 2029, year: 2027, employees: (150, 150) };
    let folders = write_batch(&root, &spec).unwrap();
    Batch { _dir: dir, root, folders }
});

fn main() {
    divan::main();
}

fn run_batch(jobs: usize) {
    let out = tempfile::tempdir().unwrap();
    let options =
        BatchOptions { out: out.path().into(), jobs: Some(jobs), force: true, ..BatchOptions::default() };
    let reports = batch::run(&BATCH.root, &options, &Silent).unwrap();
    assert!(reports.iter().all(|r| !r.outcome.failed()));
}

#[divan::bench(sample_count = 3, sample_size = 1)]
fn batch_parallel() {
    run_batch(std::thread::available_parallelism().map_or(1, |n| n.get()));
}

#[divan::bench(sample_count = 3, sample_size = 1)]
fn sequential_in_process() {
    let out = tempfile::tempdir().unwrap();
    let options = BuildOptions {
        out: out.path().into(),
        layout: None,
        editions: None,
        new_version: false,
        stage: None,
    };
    for folder in &BATCH.folders {
        pipeline::build(folder, &options).unwrap();
    }
}

#[divan::bench(sample_count = 3, sample_size = 1)]
fn process_per_plan() {
    let out = tempfile::tempdir().unwrap();
    for folder in &BATCH.folders {
        common::run_build(folder, out.path());
    }
}

#[divan::bench(sample_count = 3, sample_size = 1)]
fn typst_cli_per_plan(bencher: divan::Bencher) {
    if !common::typst_cli_available() {
        eprintln!("typst_cli_per_plan: skipped, `pip install typst` to compare with the Typst compiler");
        return;
    }
    let projects = tempfile::tempdir().unwrap();
    let dirs: Vec<PathBuf> = BATCH
        .folders
        .iter()
        .enumerate()
        .map(|(i, folder)| {
            let dir = projects.path().join(i.to_string());
            common::write_project(folder, &dir);
            dir
        })
        .collect();
    bencher.bench(|| {
        for dir in &dirs {
            common::typst_cli_compile(dir, &dir.join("out.pdf"));
        }
    });
}
