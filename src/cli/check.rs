use super::{PlanArgs, exit, report};
use crate::disclose::Verdict;
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
    let pdf = &view.strings["pdf"]["checklist"];
    let text = |value: &serde_json::Value| value.as_str().unwrap_or_default().to_string();
    say!();
    say!("{}", text(&pdf["title"]));
    for check in &view.legal.checklist {
        let item = &pdf["items"][check.key];
        let mark = match check.verdict {
            Verdict::Present => "✓",
            Verdict::Attention => "!",
            Verdict::Missing => "✗",
            Verdict::NotApplicable | Verdict::NotAssessed | Verdict::Unrecorded => "–",
            Verdict::Pending | Verdict::Open => "…",
        };
        let codes = check.codes.join(", ");
        let explanation = fill(
            &text(&item[check.verdict.key()]),
            &[
                ("codes", &codes),
                ("count", &check.count.text),
                ("rate", &check.rate.text),
                ("reference", &check.reference.text),
                ("groups", &check.withheld.join(", ")),
                ("threshold", &view.meta.participation_rule),
            ],
        );
        // The language's own colon: French puts a no-break space before it.
        say!(
            "  {mark} {} ({}){}{explanation}",
            text(&item["title"]),
            text(&pdf["verdicts"][check.verdict.key()]),
            view.meta.language.strings().messages.separator
        );
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
