use serde::{Deserialize, Serialize};

/// A language the plan, its messages and its files are written in.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// Dutch (Belgian conventions).
    Nl,
    /// French (Belgian conventions).
    Fr,
    /// English.
    En,
}

impl Language {
    /// Every language, in the order of the (Dutch, French, English) triples
    /// used for names.
    pub const ALL: [Language; 3] = [Language::Nl, Language::Fr, Language::En];

    /// The ISO 639-1 code: `nl`, `fr`, `en`.
    pub fn code(self) -> &'static str {
        match self {
            Language::Nl => "nl",
            Language::Fr => "fr",
            Language::En => "en",
        }
    }

    /// Position in the (Dutch, French, English) triples used for names.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The language of an ISO 639-1 code, any case.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.code().eq_ignore_ascii_case(code.trim()))
    }
}
