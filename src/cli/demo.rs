use super::exit;
use crate::model::Language;
use crate::synthetic::batch::BatchSpec;
use crate::synthetic::{self, Spec};
use crate::terminal::{say, tell};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Folder to write plan.toml and the workbook into (created if needed).
    #[arg(value_name = "FOLDER")]
    folder: PathBuf,
    /// Number of employees of the fictional company.
    #[arg(long, default_value_t = 150)]
    employees: usize,
    /// Seed of the generator: the same seed gives the same data (2029 is the bundled example).
    #[arg(long, default_value_t = 2029)]
    seed: u64,
    /// Plan year.
    #[arg(long, default_value_t = 2027)]
    year: i16,
    /// Language of the plan and of the workbook's headers.
    #[arg(long, value_enum, default_value = "nl")]
    lang: Language,
    /// Name of the fictional organisation.
    #[arg(long, default_value = "Voorbeeld NV")]
    name: String,
    /// Write a consultancy's batch instead: a batch.toml and this many
    /// client plan folders (20 to 400 employees each, some with a house
    /// style of their own), for `opleidingsplan batch`.
    #[arg(long, value_name = "N")]
    clients: Option<usize>,
}

/// "error: could not write {folder}: {reason}", in the language asked for.
fn failed(args: &Args, error: &(dyn std::error::Error + 'static)) -> u8 {
    let m = &args.lang.strings().messages;
    let reason = match error.downcast_ref::<std::io::Error>() {
        Some(io) => crate::problem::errors::io_reason(io, m),
        None => error.to_string(),
    };
    let path = args.folder.display().to_string();
    let text = crate::text::fill(&m.demo_write_failed, &[("path", &path), ("reason", &reason)]);
    tell!("{}{}{text}", m.error, m.separator);
    exit::USAGE
}

pub fn run(args: Args) -> u8 {
    if let Some(clients) = args.clients {
        let spec = BatchSpec { clients, seed: args.seed, year: args.year, employees: (20, 400) };
        return match synthetic::batch::write_batch(&args.folder, &spec) {
            Ok(folders) => {
                say!("{} ({} plan folders)", args.folder.display(), folders.len());
                exit::OK
            }
            Err(e) => failed(&args, e.as_ref()),
        };
    }
    let spec = Spec {
        organisation: args.name.clone(),
        enterprise_number: "0403.019.261".into(),
        registered_office: "Kerkstraat 1, 9000 Gent".into(),
        employees: args.employees,
        seed: args.seed,
        year: args.year,
        language: args.lang,
    };
    match synthetic::write_plan_folder(&args.folder, &spec) {
        Ok(()) => {
            say!("{}", args.folder.display());
            exit::OK
        }
        Err(e) => failed(&args, e.as_ref()),
    }
}
