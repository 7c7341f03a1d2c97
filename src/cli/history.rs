use super::exit;
use crate::archive::history;
use crate::model::Language;
use crate::problem::fill;
use crate::terminal::{say_raw, tell};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// The archive: the output folder of build or batch.
    #[arg(value_name = "OUT")]
    out: PathBuf,
    /// Only organisations whose name (or folder) contains this.
    #[arg(value_name = "ORGANISATION")]
    organisation: Option<String>,
    /// Language of the messages (default: the archived plans').
    #[arg(long, value_enum)]
    lang: Option<Language>,
}

/// Versions per organisation and year, with their date and fingerprint.
pub fn run(args: Args) -> u8 {
    let entries = history::history(&args.out, args.organisation.as_deref());
    let language = args.lang.or_else(|| entries.first().map(|e| e.manifest.language)).unwrap_or(Language::En);
    let m = &language.strings().messages;
    if entries.is_empty() {
        tell!("{}{}{}: {}", m.error, m.separator, args.out.display(), m.verify_none);
        return exit::USAGE;
    }
    let header: Vec<String> = m.history_columns.clone();
    let rows: Vec<Vec<String>> = entries
        .iter()
        .map(|e| {
            let version = format!("v{}", e.manifest.version);
            let same = e.same_as.map(|v| fill(&m.history_same, &[("version", &v.to_string())]));
            vec![
                e.manifest.organisation.clone(),
                e.manifest.year.to_string(),
                version,
                e.manifest.built_at.strftime("%Y-%m-%d %H:%M:%S").to_string(),
                e.manifest.editions.iter().map(|e| e.key()).collect::<Vec<_>>().join(", "),
                format!(
                    "{}  {}",
                    &e.manifest.fingerprint[..12.min(e.manifest.fingerprint.len())],
                    same.unwrap_or_default()
                ),
            ]
        })
        .collect();
    say_raw!("{}", crate::text::table(&header, &rows, &[1]));
    exit::OK
}
