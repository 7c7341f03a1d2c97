use super::exit;
use crate::aggregate::revision::{Snapshot, revision};
use crate::archive::Manifest;
use crate::archive::previous::{self, Found};
use crate::model::{Edition, Language};
use crate::problem::fill;
use crate::terminal::{say, tell};
use crate::view::{Fmt, RevisionView, revision_view, stage_name};
use std::path::{Path, PathBuf};

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
    let read = |folder: &Path| Manifest::read(folder).map(|m| (folder.to_path_buf(), m));
    let (before, after) = (read(&args.before), read(&args.after));
    let language = args.lang.or(after.as_ref().map(|(_, m)| m.language)).unwrap_or(Language::En);
    let strings = language.strings();
    let m = &strings.messages;
    let mut failed = false;
    for (folder, found) in [(&args.before, &before), (&args.after, &after)] {
        if found.is_none() {
            tell!("{}{}{}: {}", m.error, m.separator, folder.display(), m.diff_no_version);
            failed = true;
        }
    }
    let (Some((before_dir, before)), Some((after_dir, after))) = (before, after) else { return exit::USAGE };
    if failed {
        return exit::USAGE;
    }
    let figures = |dir: &Path, manifest: &Manifest| previous::key_figures(dir, manifest, manifest.version);
    let (then, now) = match (figures(&before_dir, &before), figures(&after_dir, &after)) {
        (Ok(then), Ok(now)) => (then, now),
        (Err(reason), _) | (_, Err(reason)) => {
            let fmt = Fmt::new(strings, None);
            tell!("{}{}{}", m.error, m.separator, crate::view::not_compared(&reason, after.year + 1, fmt));
            return exit::DATA;
        }
    };
    let Some((edition, then, now)) = pick(args.edition, &then, &now) else {
        tell!("{}{}{}", m.error, m.separator, m.diff_no_edition);
        return exit::USAGE;
    };
    let fmt = Fmt::new(strings, None);
    let changes = revision(
        Snapshot { figures: &then.previous.values, trainings: &then.previous.trainings },
        Snapshot { figures: &now.previous.values, trainings: &now.previous.trainings },
    );
    let view = revision_view(&changes, format!("v{}", before.version), fmt);
    let describe = |manifest: &Manifest| {
        let stage =
            manifest.stage.map(|s| format!(", {}", stage_name(s, fmt).to_lowercase())).unwrap_or_default();
        let date = strings.date.long(manifest.document_date);
        format!("{} {} v{} ({date}{stage})", manifest.organisation, manifest.year, manifest.version)
    };
    let edition_name = strings.layout(&format!("/pdf/edition/{}/name", edition.key()));
    say!(
        "{}",
        fill(
            &m.diff_header,
            &[("before", &describe(&before)), ("after", &describe(&after)), ("edition", edition_name)]
        )
    );
    print(&view, fmt);
    exit::OK
}

/// The edition both versions recorded: the one asked for, else the council's.
fn pick<'a>(
    asked: Option<Edition>,
    then: &'a [Found],
    now: &'a [Found],
) -> Option<(Edition, &'a Found, &'a Found)> {
    let both = |edition: Edition| {
        let find = |list: &'a [Found]| list.iter().find(|f| f.edition == edition);
        Some((edition, find(then)?, find(now)?))
    };
    match asked {
        Some(edition) => both(edition),
        None => both(Edition::Council).or_else(|| both(Edition::Internal)),
    }
}

fn print(view: &RevisionView, fmt: Fmt<'_>) {
    let word = |key: &str| fmt.strings.layout(&format!("/pdf/versions/{key}")).to_string();
    if view.unchanged {
        say!("{}", word("since_none"));
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
