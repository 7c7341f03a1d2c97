//! One plan folder in a batch: read, check whether anything changed, build,
//! write. Whatever happens, even a panic, ends in a report and never
//! reaches the other plans.

use super::{ClientReport, Failure, LAYOUT_FOLDER, Outcome, Parsed, Progress, Shared};
use crate::archive::{self, Sources, sources::BatchContext};
use crate::config;
use crate::pipeline;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::time::{Duration, Instant};

/// Reads a plan folder's `plan.toml` with the batch's defaults.
pub(crate) fn parse(folder: &Path, shared: &Shared) -> Result<Parsed, ClientReport> {
    let started = Instant::now();
    let read = || -> Result<Parsed, Failure> {
        let (config, problems) =
            config::read_with(folder, &shared.batch.defaults).map_err(Failure::Problems)?;
        let target = archive::year_dir(&shared.options.out, &config.organisation.name, config.settings.year);
        Ok(Parsed { folder: folder.to_path_buf(), config, problems, target, elapsed: Duration::ZERO })
    };
    match isolated(read) {
        Ok(parsed) => Ok(Parsed { elapsed: started.elapsed(), ..parsed }),
        Err(failure) => Err(failed(folder, None, failure, started.elapsed())),
    }
}

/// The report of a plan that loses its output folder to an earlier one.
pub(crate) fn clash(parsed: Parsed, owner: &Path) -> ClientReport {
    let failure = Failure::Clash { other: owner.to_path_buf(), target: parsed.target.clone() };
    let name = parsed.config.organisation.name.clone();
    failed(&parsed.folder, Some(name), failure, parsed.elapsed)
}

/// Builds and writes one plan, unless nothing changed since its last build.
pub(crate) fn build(parsed: Parsed, shared: &Shared, progress: &dyn Progress) -> ClientReport {
    let started = Instant::now();
    let folder = parsed.folder.clone();
    let client = parsed.config.organisation.name.clone();
    progress.started(&client);
    let outcome = isolated(|| outcome(parsed, shared)).unwrap_or_else(Outcome::Failed);
    ClientReport { folder, client, outcome, elapsed: started.elapsed() }
}

/// Runs one plan's work; a panic (a bug) becomes a failure of that plan
/// instead of taking the whole batch down.
fn isolated<T>(work: impl FnOnce() -> Result<T, Failure>) -> Result<T, Failure> {
    catch_unwind(AssertUnwindSafe(work)).unwrap_or_else(|panic| Err(Failure::Panic(panic_text(&panic))))
}

fn outcome(parsed: Parsed, shared: &Shared) -> Result<Outcome, Failure> {
    let Parsed { folder, config, problems, target, elapsed: _ } = parsed;
    let client_layout = Some(folder.join(LAYOUT_FOLDER)).filter(|dir| dir.is_dir());
    let editions = shared.options.editions.clone().unwrap_or_else(|| config.settings.editions.editions());
    let batch =
        BatchContext { root: shared.root, toml: &shared.batch.bytes, layout: shared.batch.layout.as_deref() };
    let layouts: Vec<&Path> = client_layout.iter().map(|p| p.as_path()).collect();
    let sources = Sources::collect(&folder, &config, Some(&batch), &layouts);
    let fingerprint = pipeline::fingerprint(&sources, &editions, &config.settings);
    if !shared.options.force
        && let Some((version, latest, manifest)) = archive::latest_complete(&target)
        && manifest.fingerprint == fingerprint
    {
        return Ok(Outcome::Skipped { version, folder: latest });
    }
    let imported = crate::import::load_workbooks(config, problems).map_err(Failure::Problems)?;
    let mut prepared = pipeline::prepare_plan(imported.plan, imported.warnings, sources);
    prepared.compare_with_archive(&shared.options.out);
    let own_layout;
    let layout = match &client_layout {
        None => shared.layout,
        Some(dir) => {
            let failed = |e: std::io::Error| Failure::Build(format!("{}: {e}", dir.display()));
            own_layout = shared.layout.overlaid(dir).map_err(failed)?;
            &own_layout
        }
    };
    let rendered = pipeline::render_editions(&prepared, Some(&editions), layout, shared.fonts)
        .map_err(|e| Failure::Build(e.to_string()))?;
    let stored = pipeline::store(
        &prepared,
        &editions,
        rendered.files,
        &shared.options.out,
        shared.options.new_version,
    )
    .map_err(|e| Failure::Build(e.to_string()))?;
    let warnings = prepared.warnings.len() + rendered.layout_warnings.len();
    Ok(Outcome::Built {
        pages: rendered.pages,
        warnings,
        version: stored.version,
        folder: stored.folder,
        written: stored.written,
    })
}

fn failed(folder: &Path, client: Option<String>, failure: Failure, elapsed: Duration) -> ClientReport {
    let client = client.unwrap_or_else(|| folder_name(folder));
    ClientReport { folder: folder.to_path_buf(), client, outcome: Outcome::Failed(failure), elapsed }
}

fn folder_name(folder: &Path) -> String {
    folder.file_name().map_or_else(|| folder.display().to_string(), |n| n.to_string_lossy().into_owned())
}

fn panic_text(panic: &Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_that_plans_failure() {
        let result: Result<(), Failure> = isolated(|| panic!("boom in one plan"));
        match result {
            Err(Failure::Panic(message)) => assert_eq!(message, "boom in one plan"),
            other => panic!("{other:?}"),
        }
        let formatted: Result<(), Failure> = isolated(|| panic!("row {}", 12));
        assert!(matches!(formatted, Err(Failure::Panic(m)) if m == "row 12"));
        assert!(matches!(isolated(|| Ok::<_, Failure>(7)), Ok(7)));
    }
}
