use crate::i18n::DocumentNames;
use crate::model::{Edition, Organisation, Settings};

/// `opleidingsplan-2027-voorbeeld-nv` and the words its files add to it, in
/// the plan's language; the internal edition's names end in "-intern" (nl),
/// "-interne" (fr) or "-internal" (en), so the file to hand out is the
/// plain one.
pub struct FileNames {
    /// The common stem.
    pub stem: String,
    /// The words of the plan's language for the files' suffixes.
    pub words: &'static DocumentNames,
}

impl FileNames {
    /// The names of `edition`'s files.
    pub fn of(organisation: &Organisation, settings: &Settings, edition: Edition) -> Self {
        let words = &settings.language.strings().document;
        let mut stem =
            format!("{}-{}-{}", words.plan_file, settings.year, crate::text::slug(&organisation.name));
        if edition == Edition::Internal {
            stem = format!("{stem}-{}", words.internal_file);
        }
        Self { stem, words }
    }

    /// `<stem>.<extension>`, or `<stem>-<suffix>.<extension>`.
    pub fn file(&self, suffix: Option<&str>, extension: &str) -> String {
        match suffix {
            Some(suffix) => format!("{}-{suffix}.{extension}", self.stem),
            None => format!("{}.{extension}", self.stem),
        }
    }
}
