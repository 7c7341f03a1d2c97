//! `cargo bench --bench preview`: what `serve` and `watch` cost after an
//! edit. The bundled example is opened once (its first document is
//! typeset cold); then each sample changes one paragraph of the mission in
//! plan.toml, and times the plan read again, typeset with Typst's cache
//! kept, and the page that shows the mission drawn as SVG: what the browser
//! waits for between a save and the new page. Target: 300 ms (BENCHMARKS.md).

use opleidingsplan::live::{Context, Session, State};
use opleidingsplan::model::Edition;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

fn copy(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from).into_iter().filter_map(Result::ok) {
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

#[divan::bench(sample_count = 20, sample_size = 1)]
fn mission_edit(bencher: divan::Bencher) {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan");
    copy(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data/voorbeeld"), &plan);
    let context = Context::new(&plan, dir.path().join("output")).unwrap();
    let mut session = Session::new(plan.clone(), Edition::Council);
    session.refresh(&context, true);
    let State::Shown(shown) = &session.state else { panic!("the example has problems") };
    let page =
        (1..=shown.pages()).find(|&n| shown.page_svg(n).unwrap().contains("voedingsindustrie")).unwrap_or(1);
    let toml = std::fs::read_to_string(plan.join("plan.toml")).unwrap();
    let edits = AtomicUsize::new(0);
    bencher
        .with_inputs(|| {
            let n = edits.fetch_add(1, Ordering::Relaxed);
            let edited =
                toml.replace("voor de voedingsindustrie", &format!("voor de voedingsindustrie ({n})"));
            std::fs::write(plan.join("plan.toml"), edited).unwrap();
        })
        .bench_local_values(|()| {
            assert!(session.refresh(&context, false));
            let State::Shown(shown) = &session.state else { panic!("the edit broke the plan") };
            shown.page_svg(page).unwrap().len()
        });
}
