use super::exit;
use crate::model::Language;
use crate::problem::fill;
use crate::template;
use crate::terminal::{say, tell};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Folder for the new plan (created if needed; must not hold a plan yet).
    #[arg(value_name = "FOLDER")]
    folder: PathBuf,
    /// Language of the plan, the workbook's headers and the comments.
    #[arg(long, value_enum, default_value = "nl")]
    lang: Language,
    /// Plan year (default: the plan being prepared now; plans are fixed by 31 March).
    #[arg(long)]
    year: Option<i16>,
}

pub fn run(args: Args) -> u8 {
    let messages = &args.lang.strings().messages;
    let year = args.year.unwrap_or_else(|| {
        let today = jiff::Timestamp::now().to_zoned(jiff::tz::TimeZone::UTC).date();
        template::plan_year_on(today)
    });
    match template::write(&args.folder, args.lang, year) {
        Ok(files) => {
            for file in &files {
                say!("{}", file.display());
            }
            let folder = args.folder.display().to_string();
            let workbook = template::workbook_name(args.lang);
            say!("{}", fill(&messages.init_next, &[("folder", &folder), ("workbook", workbook)]));
            exit::OK
        }
        Err(template::TemplateError::Exists(folder)) => {
            let folder = folder.display().to_string();
            tell!(
                "{}{}{}",
                messages.error,
                messages.separator,
                fill(&messages.init_exists, &[("folder", &folder)])
            );
            exit::USAGE
        }
        Err(template::TemplateError::Write { path, source }) => {
            let text = crate::problem::errors::write_failed(&path, &source, messages);
            tell!("{}{}{text}", messages.error, messages.separator);
            exit::USAGE
        }
        Err(template::TemplateError::Workbook(e)) => {
            let text = fill(&messages.init_workbook_failed, &[("detail", &e.to_string())]);
            tell!("{}{}{text}", messages.error, messages.separator);
            exit::USAGE
        }
    }
}
