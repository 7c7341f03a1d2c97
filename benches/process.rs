//! `cargo bench --bench process`: whole processes, start to exit, as a user
//! or a script runs them (numbers in BENCHMARKS.md):
//!
//! - `opleidingsplan_build`: `opleidingsplan build <plan> --out <tmp>`;
//! - `typst_cli`: the Typst compiler (PyPI `typst`, the same engine) started
//!   on the same document as a plain Typst project (layout, data.json and
//!   the annex it embeds), once per document. Skipped without it.

mod common;

use common::SIZES;

fn main() {
    divan::main();
}

#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn opleidingsplan_build(bencher: divan::Bencher, employees: usize) {
    let plan = common::plan(employees);
    bencher.with_inputs(|| tempfile::tempdir().unwrap()).bench_local_values(|out| {
        common::run_build(&plan, out.path());
        out
    });
}

#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn typst_cli(bencher: divan::Bencher, employees: usize) {
    if !common::typst_cli_available() {
        eprintln!("typst_cli: skipped, `pip install typst` to compare with the Typst compiler");
        return;
    }
    let project = tempfile::tempdir().unwrap();
    common::write_project(&common::plan(employees), project.path());
    let pdf = project.path().join("out.pdf");
    bencher.bench(|| common::typst_cli_compile(project.path(), &pdf));
}
