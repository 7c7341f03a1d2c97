use super::exit;
use crate::archive::verify;
use crate::model::Language;
use crate::problem::fill;
use crate::terminal::{say, tell};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// An archive (the output folder), or one organisation's, year's or
    /// version's folder in it.
    #[arg(value_name = "PATH")]
    path: PathBuf,
    /// Language of the messages (default: the archived plans').
    #[arg(long, value_enum)]
    lang: Option<Language>,
}

/// Recomputes every hash; exit 1 when any file is missing, changed or extra.
pub fn run(args: Args) -> u8 {
    let checks = verify::verify(&args.path);
    let language = args.lang.or_else(|| checks.iter().find_map(|c| c.language)).unwrap_or(Language::En);
    let m = &language.strings().messages;
    if checks.is_empty() {
        tell!("{}{}{}: {}", m.error, m.separator, args.path.display(), m.verify_none);
        return exit::USAGE;
    }
    for check in &checks {
        let mark = if check.intact() { "✓" } else { "✗" };
        say!("{mark} {}", check.folder.display());
        for finding in &check.findings {
            say!("    {}", finding.describe(m));
        }
    }
    let failed = checks.iter().filter(|c| !c.intact()).count();
    let (checked, failed_text) = (checks.len().to_string(), failed.to_string());
    say!("{}", fill(&m.verify_summary, &[("checked", &checked), ("failed", &failed_text)]));
    if failed > 0 { exit::DATA } else { exit::OK }
}
