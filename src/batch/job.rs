//! One plan folder in a batch: read, check whether anything changed, build,
//! write. Whatever happens, even a panic, ends in a report and never
//! reaches the other plans.

use super::{ClientReport, Failure, Outcome, Parsed, Progress, Shared};
use crate::archive;
use crate::config;
use crate::config::BatchContext;
use crate::pipeline;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::time::{Duration, Instant};

/// Reads a candidate's `plan.toml`, or reports why the folder cannot be used.
pub(crate) fn parse_candidate(
    candidate: &super::Candidate,
    shared: &Shared,
) -> Result<Parsed, Box<ClientReport>> {
    match &candidate.fault {
        Some(fault) => {
            Err(Box::new(failed(&candidate.folder, None, Failure::Unreadable(fault.clone()), Duration::ZERO)))
        }
        None => parse(&candidate.folder, shared),
    }
}

/// Reads a plan folder's `plan.toml` with the batch's defaults.
pub(crate) fn parse(folder: &Path, shared: &Shared) -> Result<Parsed, Box<ClientReport>> {
    let started = Instant::now();
    let read = || -> Result<Parsed, Failure> {
        let (config, problems) =
            config::read_with(folder, &shared.batch.defaults).map_err(Failure::Problems)?;
        let o = &config.organisation;
        let target =
            archive::year_dir(&shared.options.out, o.enterprise_number, &o.name, config.settings.year);
        Ok(Parsed { folder: folder.to_path_buf(), config, problems, target, elapsed: Duration::ZERO })
    };
    match isolated(read) {
        Ok(parsed) => Ok(Parsed { elapsed: started.elapsed(), ..parsed }),
        Err(failure) => Err(Box::new(failed(folder, None, failure, started.elapsed()))),
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
    let Parsed { folder, config, problems, target: _, elapsed: _ } = parsed;
    let batch = BatchContext {
        root: shared.root,
        defaults: &shared.batch.defaults,
        toml: &shared.batch.bytes,
        layout: shared.batch.layout.as_deref(),
    };
    let job = pipeline::Job {
        stage: None,
        folder: &folder,
        out: &shared.options.out,
        editions: shared.options.editions.clone(),
        new_version: shared.options.new_version,
        skip_unchanged: !shared.options.force,
        batch: Some(&batch),
        resources: shared.resources,
    };
    match pipeline::run_config(&job, config, problems) {
        Ok(pipeline::Outcome::Skipped(stored)) => {
            Ok(Outcome::Skipped { version: stored.version, folder: stored.folder })
        }
        Ok(pipeline::Outcome::Built(built)) => Ok(Outcome::Built {
            pages: built.pages,
            warnings: built.warnings.len() + built.layout_warnings.len(),
            version: built.stored.version,
            folder: built.stored.folder,
            written: built.stored.written,
        }),
        Err(pipeline::BuildError::Problems(problems)) => Err(Failure::Problems(problems)),
        Err(other) => Err(Failure::Build(other)),
    }
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
