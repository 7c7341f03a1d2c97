//! `batch.toml` at the root of a batch: the consultancy's defaults for every
//! plan folder below it (language, edition, minimum group size, branding),
//! and `layouts/` beside it restyling every plan.

use crate::config::{self, BrandingSection, Defaults, Source};
use crate::model::EditionChoice;
use crate::model::Language;
use crate::problem::{FileFault, Location, Problem, ProblemKind, Problems};
use serde::Deserialize;
use std::path::{Path, PathBuf};

pub use crate::config::{BATCH_FILE, LAYOUT_FOLDER};

/// A batch root's settings, read once per run.
#[derive(Debug, Clone, Default)]
pub struct BatchConfig {
    pub defaults: Defaults,
    /// `batch.toml` as read, for change detection (empty without one).
    pub bytes: Vec<u8>,
    /// `<root>/layouts`, when there is one.
    pub layout: Option<PathBuf>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct BatchFile {
    #[serde(default)]
    defaults: DefaultsSection,
    #[serde(default)]
    branding: BrandingSection,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct DefaultsSection {
    language: Option<Language>,
    edition: Option<EditionChoice>,
    min_group_size: Option<toml::Spanned<i64>>,
}

/// Reads `<root>/batch.toml` (none is fine: no defaults) and notes
/// `<root>/layouts`.
pub fn read(root: &Path) -> Result<BatchConfig, Problems> {
    let mut config = read_file(root)?;
    let mut problems = Problems::default();
    let folder = root.join(config::rules::RULES_FOLDER);
    config.defaults.rules = config::rules::read_folder(&folder, &folder.display().to_string(), &mut problems);
    if problems.has_errors() {
        return Err(problems);
    }
    Ok(config)
}

fn read_file(root: &Path) -> Result<BatchConfig, Problems> {
    let layout = Some(root.join(LAYOUT_FOLDER)).filter(|dir| dir.is_dir());
    let path = root.join(BATCH_FILE);
    let bytes = match crate::files::read_regular(&path, crate::files::SETTINGS_FILE_LIMIT) {
        Ok(bytes) => bytes,
        Err(e) => {
            let fault = FileFault::of(e);
            if fault.is_missing() {
                return Ok(BatchConfig { layout, ..BatchConfig::default() });
            }
            let kind = ProblemKind::PlanFileUnreadable { fault };
            return Err(Problem::error(Location::file(BATCH_FILE), kind).into());
        }
    };
    let Ok(text) = String::from_utf8(bytes.clone()) else {
        let kind = ProblemKind::PlanFileUnreadable { fault: FileFault::NotUtf8 };
        return Err(Problem::error(Location::file(BATCH_FILE), kind).into());
    };
    let defaults = parse(&text, root)?;
    Ok(BatchConfig { defaults, bytes, layout })
}

fn parse(text: &str, root: &Path) -> Result<Defaults, Problems> {
    let file: BatchFile = toml::from_str(text).map_err(|e| {
        let at = config::at_span_in(BATCH_FILE, text, e.span());
        let detail = e.message().trim_end_matches('\n').to_string();
        Problems::from(Problem::error(at, ProblemKind::PlanSyntax { file: BATCH_FILE, detail }))
    })?;
    let mut problems = Problems::default();
    config::check_texts(BATCH_FILE, text, &mut problems);
    let source = Source { file: BATCH_FILE, text, dir: root };
    let min_group_size = file.defaults.min_group_size.and_then(|k| match u32::try_from(*k.get_ref()) {
        Ok(n) if (1..=100).contains(&n) => Some(n),
        _ => {
            let expected = crate::problem::Expected::GroupSize;
            let value = k.get_ref().to_string();
            problems.push(config::invalid_in(&source, k.span(), "defaults.min_group_size", value, expected));
            None
        }
    });
    let branding = config::read_branding(file.branding, &source, &mut problems);
    if problems.has_errors() {
        return Err(problems);
    }
    Ok(Defaults {
        rules: Vec::new(),
        language: file.defaults.language,
        editions: file.defaults.edition,
        min_group_size,
        branding,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_their_mistakes() {
        let dir = tempfile::tempdir().unwrap();
        let text = "[defaults]\nlanguage = \"fr\"\nedition = \"both\"\n\n[branding]\nprimary = \"#123\"\n[branding.prepared_by]\nname = \"Advies BV\"\n";
        let defaults = parse(text, dir.path()).unwrap();
        assert_eq!(defaults.language, Some(Language::Fr));
        assert_eq!(defaults.editions, Some(EditionChoice::Both));
        assert_eq!(defaults.branding.primary.as_deref(), Some("#112233"));
        assert_eq!(defaults.branding.prepared_by.unwrap().name.as_deref(), Some("Advies BV"));
        let problems = parse("[defaults]\nmin_group_size = 0\n[branding]\nlogo = \"nope.png\"\n", dir.path())
            .unwrap_err();
        let m = &Language::En.strings().messages;
        let lines: Vec<String> =
            problems.iter().map(|p| format!("{}: {}", p.location, p.kind.describe(m))).collect();
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(lines[0].starts_with("batch.toml:2:18: defaults.min_group_size = 0"), "{lines:?}");
        assert!(lines[1].starts_with("batch.toml:4:8: branding.logo = \"nope.png\""), "{lines:?}");
        let syntax = parse("[defaults\n", dir.path()).unwrap_err();
        assert!(syntax.iter().next().unwrap().location.to_string().starts_with("batch.toml:1:"));
    }
}
