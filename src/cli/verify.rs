use super::exit;
use crate::archive::verify::{self, Finding};
use crate::i18n::Messages;
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
            say!("    {}", describe(finding, m));
        }
    }
    let failed = checks.iter().filter(|c| !c.intact()).count();
    let (checked, failed_text) = (checks.len().to_string(), failed.to_string());
    say!("{}", fill(&m.verify_summary, &[("checked", &checked), ("failed", &failed_text)]));
    if failed > 0 { exit::DATA } else { exit::OK }
}

fn describe(finding: &Finding, m: &Messages) -> String {
    match finding {
        Finding::Missing(file) => fill(&m.verify_missing, &[("file", file)]),
        Finding::Changed { file, expected, found } => {
            fill(&m.verify_changed, &[("file", file), ("expected", expected), ("found", found)])
        }
        Finding::Extra(file) => fill(&m.verify_extra, &[("file", file)]),
        Finding::NoManifest => m.verify_no_manifest.clone(),
        Finding::BadManifest(reason) => fill(&m.verify_bad_manifest, &[("reason", reason)]),
        Finding::WrongPlace { expected, found } => {
            fill(&m.verify_wrong_place, &[("expected", expected), ("found", found)])
        }
        Finding::MissingBefore(n) => fill(&m.verify_missing_before, &[("version", &format!("v{n}"))]),
        Finding::Unchained(0) => m.verify_first_chained.clone(),
        Finding::Unchained(n) => fill(&m.verify_unchained, &[("version", &format!("v{n}"))]),
        Finding::BadPath(path) => fill(&m.verify_bad_path, &[("file", path)]),
        Finding::Duplicate(path) => fill(&m.verify_duplicate, &[("file", path)]),
        Finding::Unsealed => m.verify_unsealed.clone(),
    }
}
