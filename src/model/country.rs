use crate::text::fold;
use std::collections::HashMap;
use std::sync::LazyLock;

/// A nationality as an ISO 3166-1 alpha-2 code (plus XK for Kosovo).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Country([u8; 2]);

struct CountryInfo {
    eu: bool,
}

struct Table {
    by_code: HashMap<[u8; 2], CountryInfo>,
    by_name: HashMap<String, [u8; 2]>,
}

/// Codes, EU membership, names in en/nl/fr and the spellings HR exports use
/// (alpha-3 codes, demonyms, alternative names).
const COUNTRIES_TSV: &str = include_str!("countries.tsv");

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let mut by_code = HashMap::new();
    let mut by_name = HashMap::new();
    for line in COUNTRIES_TSV.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let fields: Vec<&'static str> = line.split('\t').collect();
        let [code, eu, en, nl, fr, aliases] = fields[..] else {
            panic!("countries.tsv: malformed line {line:?}");
        };
        let code: [u8; 2] = code.as_bytes().try_into().expect("two-letter code");
        for name in [en, nl, fr].into_iter().chain(aliases.split(',')) {
            let key = fold(name);
            if !key.is_empty() {
                by_name.insert(key, code);
            }
        }
        by_code.insert(code, CountryInfo { eu: eu == "1" });
    }
    Table { by_code, by_name }
});

impl Country {
    /// Reads a code ("BE", "be", "BEL") or a name or demonym in Dutch,
    /// French or English ("België", "Belgique", "belge", "Marokkaanse").
    pub fn parse(input: &str) -> Option<Self> {
        let table = &*TABLE;
        let trimmed = input.trim();
        // Two letters are a code when written as one: "NO" is Norway, but
        // "No" (and "no") in a nationality column is an answer, not a country.
        let as_code = trimmed.bytes().all(|b| b.is_ascii_uppercase())
            || (trimmed.bytes().all(|b| b.is_ascii_lowercase()) && trimmed != "no");
        if trimmed.len() == 2 && as_code {
            let code = trimmed.to_ascii_uppercase();
            let code: [u8; 2] = code.as_bytes().try_into().ok()?;
            if table.by_code.contains_key(&code) {
                return Some(Self(code));
            }
        }
        table.by_name.get(&fold(trimmed)).map(|&code| Self(code))
    }

    /// Member of the European Union (the 27 member states).
    pub fn is_eu(self) -> bool {
        TABLE.by_code.get(&self.0).is_some_and(|info| info.eu)
    }

    #[cfg(test)]
    pub fn code(&self) -> &str {
        // Only codes from the table are ever constructed, and those are ASCII.
        std::str::from_utf8(&self.0).unwrap_or("??")
    }
}

/// A nationality as the data gives it: a country, or, when an export only
/// says whether someone is a citizen of the European Union, that.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nationality {
    /// A country.
    Country(Country),
    /// One of the 27 member states, which one unsaid.
    Eu,
    /// Outside the European Union, where unsaid.
    NonEu,
}

/// What a nationality cell says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NationalityText {
    /// A nationality.
    Known(Nationality),
    /// Said to be unknown ("unknown", "onbekend", "inconnue").
    Unknown,
}

impl Nationality {
    /// Whether it is a member state of the European Union.
    pub fn is_eu(self) -> bool {
        match self {
            Nationality::Country(country) => country.is_eu(),
            Nationality::Eu => true,
            Nationality::NonEu => false,
        }
    }

    /// A country (see [`Country::parse`]), a category ("EU", "niet-EU",
    /// "hors UE"), or the word for unknown, in Dutch, French or English.
    pub fn parse(input: &str) -> Option<NationalityText> {
        let folded = fold(input);
        let category = match folded.as_str() {
            "eu" | "ue" | "eu burger" | "eu citizen" | "citoyen ue" | "binnen de eu" | "union europeenne" => {
                Some(NationalityText::Known(Nationality::Eu))
            }
            "non eu" | "niet eu" | "buiten de eu" | "non ue" | "hors ue" | "extra eu" | "non eu citizen"
            | "niet eu burger" | "non citoyen ue" => Some(NationalityText::Known(Nationality::NonEu)),
            "unknown" | "onbekend" | "inconnu" | "inconnue" | "inconnue e" => Some(NationalityText::Unknown),
            _ => None,
        };
        category.or_else(|| Country::parse(input).map(|c| NationalityText::Known(Nationality::Country(c))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories_stand_for_countries_and_answers_are_no_countries() {
        for (text, eu) in [("EU", true), ("niet-EU", false), ("Hors UE", false), ("non-EU", false)] {
            let Some(NationalityText::Known(n)) = Nationality::parse(text) else { panic!("{text}") };
            assert_eq!(n.is_eu(), eu, "{text}");
        }
        assert_eq!(Nationality::parse("Onbekend"), Some(NationalityText::Unknown));
        assert_eq!(Nationality::parse("No"), None);
        assert_eq!(Nationality::parse("no"), None);
        assert_eq!(
            Nationality::parse("NO"),
            Some(NationalityText::Known(Nationality::Country(Country(*b"NO"))))
        );
        assert!(Nationality::parse("Norway").is_some());
    }

    #[test]
    fn parses_codes_names_and_demonyms() {
        let be = Country::parse("BE").unwrap();
        for spelling in ["be", "België", "Belgique", "Belgium", "belge", "Belgische", "BEL"] {
            assert_eq!(Country::parse(spelling), Some(be), "{spelling}");
        }
        assert!(be.is_eu());
        assert_eq!(be.code(), "BE");
        let ma = Country::parse("Marokkaanse").unwrap();
        assert_eq!(ma.code(), "MA");
        assert!(!ma.is_eu());
    }

    #[test]
    fn knows_exactly_27_eu_members() {
        let eu = TABLE.by_code.values().filter(|info| info.eu).count();
        assert_eq!(eu, 27);
        assert!(!Country::parse("GB").unwrap().is_eu());
        assert!(!Country::parse("Zwitserland").unwrap().is_eu());
        assert_eq!(Country::parse("XK").unwrap().code(), "XK");
    }

    #[test]
    fn unknown_names_are_rejected() {
        assert!(Country::parse("Atlantis").is_none());
        assert!(Country::parse("QQ").is_none());
    }
}
