//! User-facing wording: one strings file per language (`nl.toml`, `fr.toml`,
//! `en.toml`), compiled into the binary. Rust reads the typed sections it
//! needs (labels, annex, messages, number and date style); the template
//! receives the whole file, minus terminal messages, inside the view.

mod format;
mod labels;
mod messages;

pub use format::DateStyle;
pub(crate) use format::NumberStyle;
pub(crate) use labels::{Labels, Localised};
pub use messages::Messages;

use crate::model::Language;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::LazyLock;

// The vocabulary type lives in `model`; its wording is this module's.
impl Language {
    /// All wording of this language, loaded once per process.
    pub fn strings(self) -> &'static Strings {
        match self {
            Language::Nl => &NL,
            Language::Fr => &FR,
            Language::En => &EN,
        }
    }
}

/// All wording of one language, as read from its strings file.
#[derive(Debug, Deserialize)]
pub struct Strings {
    pub(crate) number: NumberStyle,
    /// How dates are written.
    pub date: DateStyle,
    pub(crate) labels: Labels,
    /// The annex's sheet and column names, keyed by their English name (see
    /// [`Strings::annex`]).
    pub annex: BTreeMap<String, String>,
    pub(crate) document: DocumentNames,
    /// Per sheet (`employees`, `trainings`, `participations`), per field key:
    /// what the column holds and how to fill it in.
    pub(crate) columns: BTreeMap<String, BTreeMap<String, String>>,
    /// The terminal messages: problems in the user's data and the build
    /// summary.
    pub messages: Messages,
    /// Everything but the terminal messages, for the template.
    #[serde(skip)]
    pub for_layout: serde_json::Value,
    /// The web application's wording (`ui/<language>.toml`).
    #[serde(skip)]
    pub(crate) ui: serde_json::Value,
}

/// The document's title and the stems of the output files, so that a plan
/// mailed around is recognisable.
#[derive(Debug, Deserialize)]
pub(crate) struct DocumentNames {
    /// With `{year}`: "Opleidingsplan {year}".
    pub title: String,
    pub plan_file: String,
    pub annex_file: String,
    pub data_file: String,
    pub internal_file: String,
    /// The key figures file's suffix.
    pub key_figures_file: String,
    /// The balances file's suffix.
    pub balances_file: String,
    /// The employees' summary's suffix.
    pub summary_file: String,
    /// The combined statements' suffix.
    pub statements_file: String,
    /// One statement's name.
    pub statement_file: String,
}

impl Strings {
    /// A wording from the `[annex]` section; the key is the English name of
    /// the column or sheet. `tests/wording.rs` checks that every key the
    /// code asks for exists in every language; a debug build stops at a
    /// missing one.
    pub fn annex<'a>(&'a self, key: &'a str) -> &'a str {
        let found = self.annex.get(key).map(String::as_str);
        debug_assert!(found.is_some(), "no annex wording {key:?}");
        found.unwrap_or(key)
    }

    /// A wording of the layout's strings by its JSON pointer
    /// (`/pdf/edition/council/name`). `tests/wording.rs` checks that every
    /// pointer the code asks for exists in every language; a debug build
    /// stops at a missing one.
    pub fn layout<'a>(&'a self, pointer: &str) -> &'a str {
        let found = self.for_layout.pointer(pointer).and_then(serde_json::Value::as_str);
        debug_assert!(found.is_some(), "no wording at {pointer:?}");
        found.unwrap_or_default()
    }
}

impl Strings {
    /// A wording of the web application by its JSON pointer
    /// (`/plans/title`). `tests/wording.rs` checks that every pointer the
    /// code asks for exists in every language; a debug build stops at a
    /// missing one.
    pub fn ui<'a>(&'a self, pointer: &str) -> &'a str {
        let found = self.ui.pointer(pointer).and_then(serde_json::Value::as_str);
        debug_assert!(found.is_some(), "no web wording at {pointer:?}");
        found.unwrap_or_default()
    }
}

fn load(source: &str, file: &str, ui: &str) -> Strings {
    let table: toml::Table = toml::from_str(source)
        .unwrap_or_else(|e| panic!("bundled strings file {file} is not valid TOML: {e}"));
    let mut strings: Strings =
        table.clone().try_into().unwrap_or_else(|e| panic!("bundled strings file {file} is incomplete: {e}"));
    strings.messages.group = strings.number.group.clone();
    let mut for_layout = table;
    for_layout.remove("messages");
    for_layout.remove("columns");
    strings.for_layout = serde_json::to_value(for_layout).unwrap_or_default();
    let ui: toml::Table = toml::from_str(ui)
        .unwrap_or_else(|e| panic!("bundled web strings for {file} are not valid TOML: {e}"));
    strings.ui = serde_json::to_value(ui).unwrap_or_default();
    strings
}

static NL: LazyLock<Strings> =
    LazyLock::new(|| load(include_str!("nl.toml"), "nl.toml", include_str!("ui/nl.toml")));
static FR: LazyLock<Strings> =
    LazyLock::new(|| load(include_str!("fr.toml"), "fr.toml", include_str!("ui/fr.toml")));
static EN: LazyLock<Strings> =
    LazyLock::new(|| load(include_str!("en.toml"), "en.toml", include_str!("ui/en.toml")));

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn key_paths(value: &serde_json::Value, prefix: &str, out: &mut BTreeSet<String>) {
        if let serde_json::Value::Object(map) = value {
            for (key, child) in map {
                key_paths(child, &format!("{prefix}{key}."), out);
            }
        } else {
            out.insert(prefix.trim_end_matches('.').to_string());
        }
    }

    fn all_keys(language: Language) -> BTreeSet<String> {
        let source = match language {
            Language::Nl => include_str!("nl.toml"),
            Language::Fr => include_str!("fr.toml"),
            Language::En => include_str!("en.toml"),
        };
        let table: toml::Table =
            toml::from_str(source).unwrap_or_else(|e| panic!("{language:?}: {}", e.message()));
        let mut keys = BTreeSet::new();
        key_paths(&serde_json::to_value(table).unwrap(), "", &mut keys);
        keys
    }

    /// Keys only some languages need (French writes "1er janvier").
    const OPTIONAL: [&str; 1] = ["date.first_day"];

    #[test]
    fn every_language_loads_and_has_the_same_keys() {
        let dutch = all_keys(Language::Nl);
        for language in Language::ALL {
            let _ = language.strings();
            let mut keys = all_keys(language);
            keys.retain(|k| !OPTIONAL.contains(&k.as_str()));
            let missing: Vec<_> = dutch.difference(&keys).collect();
            let extra: Vec<_> = keys.difference(&dutch).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{language:?}: missing {missing:?}, extra {extra:?}"
            );
        }
    }

    #[test]
    fn messages_are_not_passed_to_the_layout() {
        let strings = Language::Nl.strings();
        assert!(strings.for_layout.get("messages").is_none());
        assert!(strings.for_layout.get("pdf").is_some());
    }
}
