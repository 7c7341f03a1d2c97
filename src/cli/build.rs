use super::{PlanArgs, exit, report};
use crate::model::EditionChoice;
use crate::outputs::pdf::{CachePolicy, Resources};
use crate::pipeline::{self, BuildError, Job, Outcome};
use crate::problem::fill;
use crate::terminal::{say, tell};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    plan: PlanArgs,
    /// The archive to write the plan into, as a new version:
    /// <OUT>/<organisation>/<year>/v<N>/.
    #[arg(long, default_value = "output", value_name = "DIR")]
    out: PathBuf,
    /// A layout folder whose files replace those of the default layout.
    #[arg(long, value_name = "DIR")]
    layout: Option<PathBuf>,
    /// Which edition to write: `council` to hand out and upload (no personal
    /// data, small groups hidden), `internal` for HR (every figure, detail per
    /// employee in the annex), or `both`.
    /// Default: `[plan] edition` in plan.toml, else `council`.
    #[arg(long, value_enum)]
    edition: Option<EditionChoice>,
    /// `draft` for the advisory body before its advice (marked as a draft
    /// on every page), or `final`, fixed after the advice, with what changed
    /// since the latest archived draft. Default: `[plan] stage` in
    /// plan.toml, else `final` once the advice is recorded, else `draft`.
    #[arg(long, value_enum)]
    stage: Option<crate::model::Stage>,
    /// Archive a new version even when it is identical to the latest one.
    #[arg(long)]
    new_version: bool,
    /// The longest the build may take, in seconds; a build that takes
    /// longer (a layout that never ends) is stopped, and nothing is written.
    #[arg(long, value_name = "SECONDS", default_value_t = 600)]
    timeout: u64,
}

/// Stops the process when the build runs past `seconds`: a version is
/// written in one rename at the very end, so stopping leaves nothing half
/// written.
fn watchdog(seconds: u64, messages: &'static crate::i18n::Messages) {
    std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_secs(seconds));
        let text = fill(&messages.batch_timed_out, &[("seconds", &seconds.to_string())]);
        tell!("{}{}{text}", messages.error, messages.separator);
        std::process::exit(i32::from(exit::USAGE));
    });
}

pub fn run(args: Args) -> u8 {
    let language = args.plan.message_language();
    let messages = &language.strings().messages;
    watchdog(args.timeout.max(1), messages);
    // One plan (one or two documents), then the process ends.
    let bundled = Resources::bundled(CachePolicy::KeepUntilExit);
    let resources = match &args.layout {
        Some(dir) => match bundled.overlaid(dir) {
            Ok(resources) => resources,
            Err(source) => {
                let error = BuildError::LayoutFolder { path: dir.clone(), source };
                tell!("{}{}{}", messages.error, messages.separator, error.describe(messages));
                return exit::USAGE;
            }
        },
        None => bundled,
    };
    let job = Job {
        stage: args.stage,
        folder: &args.plan.plan,
        out: &args.out,
        editions: args.edition.map(EditionChoice::editions),
        new_version: args.new_version,
        skip_unchanged: false,
        batch: None,
        resources: &resources,
    };
    match pipeline::run(&job) {
        Ok(Outcome::Built(built)) => {
            let messages = &built.language.strings().messages;
            report::warnings(&built.warnings, messages);
            for warning in &built.layout_warnings {
                tell!("{}{}{warning}", messages.layout_warning, messages.separator);
            }
            if let Some(reason) = &built.not_compared {
                let strings = built.language.strings();
                let text =
                    crate::view::not_compared(reason, built.year, crate::view::Fmt::new(strings, None));
                tell!("{}{}{text}", messages.warning, messages.separator);
            }
            let pages = built.pages.to_string();
            say!(
                "{}",
                fill(
                    &messages.built,
                    &[("organisation", &built.organisation), ("title", &built.title), ("pages", &pages)]
                )
            );
            let stored = &built.stored;
            let (version, folder) = (stored.version.to_string(), stored.folder.display().to_string());
            let template = if stored.written { &messages.build_version } else { &messages.build_identical };
            say!("{}", fill(template, &[("version", &version), ("folder", &folder)]));
            // The statements, one per employee, are said as their folder.
            let folder_of = |f: &std::path::Path| {
                f.parent()
                    .filter(|p| p.ends_with(crate::outputs::STATEMENTS_FOLDER))
                    .map(std::path::Path::to_path_buf)
            };
            let mut said = Vec::new();
            for file in &stored.files {
                match folder_of(file) {
                    Some(folder) if said.contains(&folder) => {}
                    Some(folder) => {
                        // One per employee, beside the combined ones.
                        let word = format!("{}-", built.language.strings().document.statement_file);
                        let count = stored
                            .files
                            .iter()
                            .filter(|f| folder_of(f).as_ref() == Some(&folder))
                            .filter(|f| f.file_name().is_some_and(|n| n.to_string_lossy().starts_with(&word)))
                            .count();
                        let folder_text = format!("{}{}", folder.display(), std::path::MAIN_SEPARATOR);
                        say!(
                            "  {}",
                            fill(
                                &messages.build_statements,
                                &[("folder", &folder_text), ("count", &count.to_string())]
                            )
                        );
                        said.push(folder);
                    }
                    None => say!("  {}", file.display()),
                }
            }
            exit::OK
        }
        // `build` never asks to skip.
        Ok(Outcome::Skipped(_)) => exit::OK,
        Err(BuildError::Problems(problems)) => report::problems(&problems, messages),
        Err(other) => {
            tell!("{}{}{}", messages.error, messages.separator, other.describe(messages));
            exit::USAGE
        }
    }
}
