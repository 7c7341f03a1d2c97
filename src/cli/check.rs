use super::{PlanArgs, exit, report};
use crate::pipeline::{self, BuildError};
use crate::problem::fill;
use crate::terminal::{say, tell};

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    plan: PlanArgs,
}

/// The legal checklist, worded as on the plan's checklist page.
fn print_checklist(view: &crate::view::PlanView) {
    let title = view.strings["pdf"]["checklist"]["title"].as_str().unwrap_or_default();
    say!();
    say!("{title}");
    let separator = &view.meta.language.strings().messages.separator;
    for line in crate::view::todo::checklist(view) {
        // The language's own colon: French puts a no-break space before it.
        say!("  {} {} ({}){separator}{}", line.mark, line.title, line.verdict_word, line.explanation);
    }
    say!();
}

/// Validates a plan folder as `build` would, and writes nothing.
pub fn run(args: Args) -> u8 {
    let language = args.plan.message_language();
    let messages = &language.strings().messages;
    match pipeline::prepare(&args.plan.plan) {
        Ok(prepared) => {
            report::warnings(&prepared.warnings, messages);
            let plan = &prepared.plan;
            let number = &language.strings().number;
            let count = |n: usize| number.integer(n as f64);
            let summary = fill(
                &messages.check_ok,
                &[
                    ("organisation", &plan.organisation.name),
                    ("year", &plan.settings.year.to_string()),
                    ("employees", &count(plan.employees.len())),
                    ("active", &count(prepared.figures.workforce.total.heads as usize)),
                    ("date", &language.strings().date.short(plan.settings.reference_date)),
                    ("trainings", &count(plan.trainings.len())),
                    ("participations", &count(plan.participations.len())),
                ],
            );
            say!("{summary}");
            // `check` is for whoever prepares the plan: the full checklist.
            let view = prepared.view(crate::model::Edition::Internal);
            print_checklist(&view);
            super::todo::print(&view, messages);
            let warnings = prepared.warnings.len();
            if warnings > 0 {
                say!("{}", fill(&messages.check_warnings, &[("count", &count(warnings))]));
            }
            exit::OK
        }
        Err(BuildError::Problems(problems)) => report::problems(&problems, messages),
        Err(other) => {
            tell!("{}{}{}", messages.error, messages.separator, other.describe(messages));
            exit::USAGE
        }
    }
}
