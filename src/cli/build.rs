use super::{PlanArgs, exit, report};
use crate::pipeline::{self, BuildError, BuildOptions};
use crate::view::Edition;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    plan: PlanArgs,
    /// Where to write the plan: <OUT>/<organisation>/<year>/.
    #[arg(long, default_value = "output", value_name = "DIR")]
    out: PathBuf,
    /// A layout folder whose files replace those of the default layout.
    #[arg(long, value_name = "DIR")]
    layout: Option<PathBuf>,
    /// Which edition to write: `council` to hand out and upload (no personal
    /// data, small groups hidden), `internal` for HR (every figure, detail per
    /// employee in the annex), or `both`.
    #[arg(long, value_enum, default_value_t = Editions::Council)]
    edition: Editions,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Editions {
    Council,
    Internal,
    Both,
}

impl Editions {
    fn list(self) -> Vec<Edition> {
        match self {
            Editions::Council => vec![Edition::Council],
            Editions::Internal => vec![Edition::Internal],
            Editions::Both => vec![Edition::Council, Edition::Internal],
        }
    }
}

pub fn run(args: Args) -> u8 {
    let language = args.plan.message_language();
    let messages = &language.strings().messages;
    let options = BuildOptions { out: args.out, layout: args.layout, editions: args.edition.list() };
    match pipeline::build(&args.plan.plan, &options) {
        Ok(built) => {
            let messages = &built.language.strings().messages;
            report::warnings(&built.warnings, messages);
            for warning in &built.layout_warnings {
                eprintln!("{}{}{warning}", messages.layout_warning, messages.separator);
            }
            let pages = built.pages.to_string();
            println!(
                "{}",
                crate::problem::fill(
                    &messages.built,
                    &[("organisation", &built.organisation), ("title", &built.title), ("pages", &pages)]
                )
            );
            for file in &built.files {
                println!("  {}", file.display());
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
