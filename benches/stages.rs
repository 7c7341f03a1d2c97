//! `cargo bench --bench stages`: every stage of a build, timed on plans of
//! 150, 5,000 and 50,000 employees, beside the floors they are measured
//! against (numbers and method in BENCHMARKS.md):
//!
//! - `calamine_read`: the bare calamine read of the same workbook, every
//!   sheet (the floor for `import`);
//! - `typst_compile` + `pdf_export`: one Typst compile of the view's JSON
//!   and its PDF, what `typst compile` does (the floor for the rest);
//! - `typst_cli` (in `--bench process`): the Typst compiler in a process
//!   of its own.
//!
//! Inputs are generated once per run into a temporary folder; only
//! `whole_build` writes, into a temporary archive, as a user's build does.

mod common;

use common::SIZES;
use opleidingsplan::model::Edition;
use opleidingsplan::outputs::pdf::{self, CachePolicy, PdfIdentity, Resources};
use opleidingsplan::pipeline::{self, BuildOptions, Prepared};
use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

// The allocator the binary uses, so the stages cost here what they cost there.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

static PREPARED: LazyLock<Mutex<HashMap<usize, &'static Prepared>>> = LazyLock::new(Mutex::default);

/// The plan imported and aggregated, kept for the whole run.
fn prepared(employees: usize) -> &'static Prepared {
    let mut all = PREPARED.lock().unwrap();
    all.entry(employees)
        .or_insert_with(|| Box::leak(Box::new(pipeline::prepare(&common::plan(employees)).unwrap())))
}

#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn calamine_read(bencher: divan::Bencher, employees: usize) {
    use calamine::Reader;
    let workbook = common::workbook(&common::plan(employees));
    bencher.bench(|| {
        let mut sheets = calamine::open_workbook_auto(&workbook).unwrap();
        let names = sheets.sheet_names();
        names.iter().map(|name| sheets.worksheet_range(name).unwrap().get_size().0).sum::<usize>()
    });
}

#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn import(bencher: divan::Bencher, employees: usize) {
    let plan = common::plan(employees);
    bencher.bench(|| opleidingsplan::import::load(&plan).unwrap());
}

#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn aggregate(bencher: divan::Bencher, employees: usize) {
    let plan = &prepared(employees).plan;
    bencher.bench(|| opleidingsplan::aggregate::aggregate(plan));
}

/// The view of the council edition and its JSON, what the layout reads.
#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn json_view(bencher: divan::Bencher, employees: usize) {
    let prepared = prepared(employees);
    bencher.bench(|| pipeline::view_json(&prepared.view(Edition::Council)));
}

/// The personal statements of the internal edition: one page per employee
/// in one compilation, one PDF per employee and the combined one (150 and
/// 5,000 employees; see BENCHMARKS.md for 50,000).
#[divan::bench(args = [150, 5_000], sample_count = 5, sample_size = 1)]
fn statements(bencher: divan::Bencher, employees: usize) {
    let prepared = prepared(employees);
    let resources = Resources::bundled(CachePolicy::Trim { documents: 0 });
    let kind = opleidingsplan::outputs::OutputKind::Statements;
    bencher.bench(|| pipeline::render_output(prepared, Edition::Internal, kind, &resources).unwrap().len());
}

#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn typst_compile(bencher: divan::Bencher, employees: usize) {
    let prepared = prepared(employees);
    let json = pipeline::view_json(&prepared.view(Edition::Council));
    let resources = Resources::bundled(CachePolicy::Trim { documents: 0 });
    bencher.bench(|| {
        pdf::typeset(pdf::Inputs::new(&json), &resources.layout, resources.fonts, resources.cache).unwrap()
    });
}

#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn pdf_export(bencher: divan::Bencher, employees: usize) {
    let prepared = prepared(employees);
    let resources = Resources::bundled(CachePolicy::Trim { documents: 0 });
    let typeset = prepared.typeset(Edition::Council, &resources).unwrap();
    let identity = PdfIdentity { ident: "bench".into(), date: prepared.plan.settings.metadata_date() };
    bencher.bench(|| pdf::export_pdf(&typeset.document, &identity).unwrap());
}

#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn xlsx_annex(bencher: divan::Bencher, employees: usize) {
    annex(bencher, employees, Edition::Council);
}

/// The internal edition's annex: a row per employee and per participation.
#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn xlsx_annex_internal(bencher: divan::Bencher, employees: usize) {
    annex(bencher, employees, Edition::Internal);
}

fn annex(bencher: divan::Bencher, employees: usize, edition: Edition) {
    let prepared = prepared(employees);
    let date = prepared.plan.settings.metadata_date();
    let (view, detail) = (prepared.view(edition), prepared.detail(edition));
    bencher.bench(|| opleidingsplan::outputs::annex::build(&view, detail.as_ref(), date).unwrap());
}

/// `pipeline::build`: everything `opleidingsplan build` does once running,
/// the archive version written to disk.
#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn whole_build(bencher: divan::Bencher, employees: usize) {
    let plan = common::plan(employees);
    bencher.with_inputs(|| tempfile::tempdir().unwrap()).bench_local_values(|out| {
        let options = BuildOptions {
            out: out.path().to_path_buf(),
            layout: None,
            editions: Some(vec![Edition::Council]),
            new_version: false,
            stage: None,
        };
        pipeline::build(&plan, &options).unwrap();
        out
    });
}
