use super::exit;
use crate::archive::Manifest;
use crate::archive::compare::{CompareError, compare};
use crate::model::{Edition, Language};
use crate::problem::fill;
use crate::terminal::{say, tell};
use crate::view::{Fmt, RevisionView, stage_name};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// The earlier version's folder (<OUT>/<organisation>/<year>/v<N>).
    #[arg(value_name = "VERSION_FOLDER")]
    before: PathBuf,
    /// The later version's folder.
    #[arg(value_name = "VERSION_FOLDER")]
    after: PathBuf,
    /// Whose figures to compare: `council` (the default, when both
    /// versions have it) or `internal`.
    #[arg(long, value_enum)]
    edition: Option<Edition>,
    /// Language of the output (default: the later version's).
    #[arg(long, value_enum)]
    lang: Option<Language>,
}

/// Prints what changed between two archived versions: trainings added,
/// removed and changed field by field, and key figures. Exit 2 when a
/// folder is no version or the two share no edition.
pub fn run(args: Args) -> u8 {
    let later = Manifest::read(&args.after).map(|m| m.language);
    let language = args.lang.or(later).unwrap_or(Language::En);
    let strings = language.strings();
    let m = &strings.messages;
    let fmt = Fmt::new(strings, None);
    let comparison = match compare(&args.before, &args.after, args.edition, fmt) {
        Ok(comparison) => comparison,
        Err(CompareError::NoVersion(folders)) => {
            for folder in folders {
                tell!("{}{}{}: {}", m.error, m.separator, folder.display(), m.diff_no_version);
            }
            return exit::USAGE;
        }
        Err(CompareError::Figures(reason, year)) => {
            tell!("{}{}{}", m.error, m.separator, crate::view::not_compared(&reason, year + 1, fmt));
            return exit::DATA;
        }
        Err(CompareError::NoEdition) => {
            tell!("{}{}{}", m.error, m.separator, m.diff_no_edition);
            return exit::USAGE;
        }
    };
    let describe = |manifest: &Manifest| {
        let stage =
            manifest.stage.map(|s| format!(", {}", stage_name(s, fmt).to_lowercase())).unwrap_or_default();
        let date = strings.date.long(manifest.document_date);
        format!("{} {} v{} ({date}{stage})", manifest.organisation, manifest.year, manifest.version)
    };
    let edition_name = strings.layout(&format!("/pdf/edition/{}/name", comparison.edition.key()));
    let (before, after) = (describe(&comparison.before), describe(&comparison.after));
    say!("{}", fill(&m.diff_header, &[("before", &before), ("after", &after), ("edition", edition_name)]));
    print(&comparison.view, fmt);
    exit::OK
}

fn print(view: &RevisionView, fmt: Fmt<'_>) {
    let word = |key: &str| fmt.strings.layout(&format!("/pdf/versions/{key}")).to_string();
    if view.unchanged {
        // Not the plan's "since the draft": either version may be any.
        say!("{}", fmt.strings.messages.diff_unchanged);
        return;
    }
    for (key, list) in [("added", &view.added), ("removed", &view.removed)] {
        if !list.is_empty() {
            say!("\n{}", word(key));
            for training in list {
                say!("  {training}");
            }
        }
    }
    if !view.changed.is_empty() {
        say!("\n{}", word("changed"));
        for training in &view.changed {
            say!("  {}", training.training);
            for f in &training.fields {
                say!("    {}: {} → {}", f.label, f.before, f.after);
            }
        }
    }
    if !view.figures.is_empty() {
        say!("\n{}", word("figures"));
        for f in &view.figures {
            say!("  {}: {} → {}", f.label, f.before, f.after);
        }
    }
}
