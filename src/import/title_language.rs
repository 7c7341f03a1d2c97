//! Whether a training's title is written in another language than its
//! Language column says it is given in: most likely a column filled in for
//! the wrong row, or a title copied from another offer. Only clear cases
//! are flagged: a title that names a language (a language course) never is.

use crate::model::Language;

/// Short words only one of the three languages uses.
const WORDS: [(Language, &[&str]); 3] = [
    (Language::Nl, &["het", "een", "voor", "van", "met", "naar", "bij", "op", "werkvloer", "opleiding"]),
    (
        Language::Fr,
        &["le", "la", "les", "des", "du", "pour", "avec", "sur", "au", "aux", "et", "formation", "à"],
    ),
    (Language::En, &["the", "and", "for", "of", "with", "to", "on", "training", "how", "your"]),
];

/// Words that name a language: a title with one is about that language.
const LANGUAGE_NAMES: &[&str] = &[
    "nederlands",
    "frans",
    "engels",
    "duits",
    "néerlandais",
    "français",
    "anglais",
    "allemand",
    "dutch",
    "french",
    "english",
    "german",
];

/// The language a Language cell names, when it names one of ours.
pub fn named(cell: &str) -> Option<Language> {
    match crate::text::fold(cell.trim()).as_str() {
        "nl" | "nederlands" | "neerlandais" | "dutch" | "vlaams" => Some(Language::Nl),
        "fr" | "frans" | "francais" | "french" => Some(Language::Fr),
        "en" | "engels" | "anglais" | "english" => Some(Language::En),
        _ => None,
    }
}

/// The language `title` is clearly written in: more of its words are that
/// language's than any other's, and it names no language.
pub fn of_title(title: &str) -> Option<Language> {
    let lower = title.to_lowercase();
    let words: Vec<&str> =
        lower.split(|c: char| !c.is_alphanumeric() && c != 'à').filter(|w| !w.is_empty()).collect();
    if words.iter().any(|w| LANGUAGE_NAMES.contains(w)) {
        return None;
    }
    let score = |list: &[&str]| words.iter().filter(|w| list.contains(w)).count();
    let mut scores: Vec<(usize, Language)> = WORDS.iter().map(|(l, list)| (score(list), *l)).collect();
    scores.sort_by_key(|s| std::cmp::Reverse(s.0));
    (scores[0].0 >= 1 && scores[0].0 > scores[1].0).then_some(scores[0].1)
}

/// The title's language when the Language cell says another one.
pub fn contradiction(title: &str, cell: &str) -> Option<(Language, Language)> {
    let said = named(cell)?;
    let written = of_title(title)?;
    (said != written).then_some((written, said))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_french_title_given_in_dutch_is_flagged() {
        assert_eq!(
            contradiction("Formation sécurité pour les chefs d'équipe", "NL"),
            Some((Language::Fr, Language::Nl))
        );
        assert_eq!(
            contradiction("Veilig werken op de werkvloer", "Frans"),
            Some((Language::Nl, Language::Fr))
        );
        assert_eq!(
            contradiction("Working safely with the forklift", "nl"),
            Some((Language::En, Language::Nl))
        );
    }

    #[test]
    fn matching_unclear_and_language_course_titles_are_not() {
        assert_eq!(contradiction("Veilig werken op de werkvloer", "Nederlands"), None);
        // A language course is given in the language it teaches.
        assert_eq!(contradiction("Frans voor de klantendienst", "FR"), None);
        assert_eq!(contradiction("Nederlands op de werkvloer", "NL"), None);
        // Too little to tell: no guess.
        assert_eq!(contradiction("VCA-basisveiligheid", "FR"), None);
        assert_eq!(contradiction("Excel", "EN"), None);
        // A cell that names no language of ours.
        assert_eq!(contradiction("Formation sécurité pour les chefs", "Duits"), None);
    }
}
