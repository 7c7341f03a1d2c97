use super::{PlanArgs, exit, report};
use crate::pipeline::{self, BuildError};
use crate::problem::fill;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    plan: PlanArgs,
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
            println!("{summary}");
            let warnings = prepared.warnings.len();
            if warnings > 0 {
                println!("{}", fill(&messages.check_warnings, &[("count", &count(warnings))]));
            }
            exit::OK
        }
        Err(BuildError::Problems(problems)) => report::problems(&problems, messages),
        Err(other) => {
            eprintln!("{}{}{other}", messages.error, messages.separator);
            exit::USAGE
        }
    }
}
