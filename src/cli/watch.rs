use super::{PlanArgs, exit, report};
use crate::live::{Context, Session, State};
use crate::model::Edition;
use crate::problem::fill;
use crate::terminal::{say, tell};
use std::path::PathBuf;
use std::time::Duration;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    plan: PlanArgs,
    /// The preview PDF, rewritten after every change (outside the archive).
    /// Default: preview.pdf in the plan folder.
    #[arg(long, value_name = "FILE")]
    pdf: Option<PathBuf>,
    /// The edition to preview.
    #[arg(long, value_enum, default_value = "council")]
    edition: Edition,
    /// The archive a build would write into (for last year's figures and
    /// the version number), as `build --out`.
    #[arg(long, default_value = "output", value_name = "DIR")]
    out: PathBuf,
}

/// Typesets the plan again each time plan.toml, the workbook or a layout
/// file is saved, writes the preview PDF and prints the problems; until
/// Ctrl+C.
pub fn run(args: Args) -> u8 {
    let language = args.plan.message_language();
    let m = &language.strings().messages;
    let folder = args.plan.plan.clone();
    if !folder.join(crate::config::PLAN_FILE).is_file() {
        tell!("{}{}{}: {}", m.error, m.separator, folder.display(), m.watch_no_plan);
        return exit::USAGE;
    }
    let pdf = args.pdf.unwrap_or_else(|| folder.join("preview.pdf"));
    let context = match Context::new(&folder, args.out) {
        Ok(context) => context,
        Err(error) => {
            tell!("{}{}{}", m.error, m.separator, error.describe(m));
            return exit::USAGE;
        }
    };
    let mut session = Session::new(folder, args.edition);
    // The preview is written into the plan folder: its own change is not one.
    session.ignore(pdf.clone());
    say!("{}", fill(&m.watch_started, &[("file", &pdf.display().to_string())]));
    loop {
        if session.refresh(&context, false) {
            show(&session, &pdf, m);
        }
        std::thread::sleep(Duration::from_millis(300));
    }
}

fn show(session: &Session, pdf: &std::path::Path, m: &crate::i18n::Messages) {
    let time = jiff::Zoned::now().strftime("%H:%M:%S").to_string();
    match &session.state {
        State::Shown(shown) => {
            report::warnings(&shown.prepared.warnings, m);
            match shown
                .pdf()
                .map_err(|e| e.to_string())
                .and_then(|bytes| crate::files::write_atomic(pdf, &bytes).map_err(|e| e.to_string()))
            {
                Ok(()) => {
                    let pages = shown.pages().to_string();
                    say!(
                        "{time} {}",
                        fill(&m.watch_written, &[("file", &pdf.display().to_string()), ("pages", &pages)])
                    );
                }
                Err(e) => tell!("{time} {}{}{e}", m.error, m.separator),
            }
        }
        State::Problems(problems) => {
            report::warnings(problems, m);
            let count = problems.error_count().to_string();
            tell!("{time} {}", fill(&m.problems_found, &[("count", &count)]));
        }
        State::Failed(error) => tell!("{time} {}{}{}", m.error, m.separator, error.describe(m)),
        State::Unread => {}
    }
}
