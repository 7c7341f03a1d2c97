//! `cargo bench --bench batch`: one batch of generated clients built three
//! ways, the numbers behind BENCHMARKS.md:
//!
//! - `batch_parallel`: `batch::run` with one worker per core (what
//!   `opleidingsplan batch` does);
//! - `batch_one_worker`: `batch::run --jobs 1`, one plan at a time on one
//!   thread;
//! - `sequential_in_process`: `pipeline::build` for each plan in turn, in one
//!   process (Typst parallelising within each document);
//! - `process_per_plan`: `opleidingsplan build <folder>` started once per
//!   plan, one after the other (what a shell loop over the clients does).
//!
//! Every sample rebuilds everything (`force`), into a temporary folder.

use opleidingsplan::batch::{self, BatchOptions, progress::Silent};
use opleidingsplan::pipeline::{self, BuildOptions};
use opleidingsplan::synthetic::batch::{BatchSpec, write_batch};
use std::path::PathBuf;
use std::process::Command;
use std::sync::LazyLock;

/// Clients in the benchmark batch, each the size of the bundled example.
const CLIENTS: usize = 8;

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

#[divan::bench(sample_count = 5, sample_size = 1)]
fn batch_parallel() {
    run_batch(std::thread::available_parallelism().map_or(1, |n| n.get()));
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn batch_one_worker() {
    run_batch(1);
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn sequential_in_process() {
    let out = tempfile::tempdir().unwrap();
    let options = BuildOptions { out: out.path().into(), layout: None, editions: None, new_version: false };
    for folder in &BATCH.folders {
        pipeline::build(folder, &options).unwrap();
    }
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn process_per_plan() {
    let out = tempfile::tempdir().unwrap();
    for folder in &BATCH.folders {
        let status = Command::new(env!("CARGO_BIN_EXE_opleidingsplan"))
            .args(["build", folder.to_str().unwrap(), "--out", out.path().to_str().unwrap()])
            .stdout(std::process::Stdio::null())
            .status()
            .unwrap();
        assert!(status.success());
    }
}
