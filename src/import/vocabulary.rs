//! The words users write for the domain's codes, in Dutch, French and
//! English. The first three spellings of each code are the ones suggested
//! in messages (Dutch, French, English).

use crate::model::Language;
use crate::model::{EducationLevel, Gender, ParticipationStatus, Pillar, RiskGroup, Statute, TrainingKind};
use crate::text::fold;
use std::collections::HashMap;
use std::sync::LazyLock;

pub struct Vocabulary<T: 'static> {
    entries: &'static [(T, &'static [&'static str])],
    by_word: HashMap<String, T>,
}

impl<T: Copy> Vocabulary<T> {
    fn new(entries: &'static [(T, &'static [&'static str])]) -> Self {
        let mut by_word = HashMap::new();
        for (value, words) in entries {
            for word in *words {
                by_word.insert(fold(word), *value);
            }
        }
        // Spellings as we list them ("M", "gevolgd") are what most exports
        // write: found without folding, they cost no allocation per cell.
        for (_, words) in entries {
            for word in *words {
                let value = by_word[&fold(word)];
                by_word.entry(word.to_string()).or_insert(value);
            }
        }
        Self { entries, by_word }
    }

    pub fn parse(&self, text: &str) -> Option<T> {
        self.by_word.get(text).or_else(|| self.by_word.get(&fold(text))).copied()
    }

    /// The usual word for `value` in `language`.
    pub fn word(&self, value: T, language: Language) -> &'static str
    where
        T: PartialEq,
    {
        let words = self.entries.iter().find(|(v, _)| *v == value).map_or(&[][..], |(_, w)| *w);
        words.get(language.index()).or(words.first()).copied().unwrap_or("")
    }

    /// The spellings to suggest in `language`, one per code.
    pub fn expected(&self, language: Language) -> Vec<String> {
        let i = language.index();
        self.entries.iter().map(|(_, words)| words[i.min(words.len() - 1)].to_string()).collect()
    }
}

pub static GENDER: LazyLock<Vocabulary<Gender>> = LazyLock::new(|| {
    Vocabulary::new(&[
        (Gender::Male, &["M", "H", "M", "man", "male", "homme", "masculin", "mannelijk", "men", "hommes"]),
        (Gender::Female, &["V", "F", "F", "vrouw", "female", "femme", "feminin", "vrouwelijk", "w", "women"]),
        (
            Gender::X,
            &[
                "X",
                "X",
                "X",
                "genderneutraal",
                "non binair",
                "non binaire",
                "non binary",
                "other",
                "ander",
                "autre",
                "divers",
                "neutral",
                "neutre",
            ],
        ),
    ])
});

pub static TRAINING_KIND: LazyLock<Vocabulary<TrainingKind>> = LazyLock::new(|| {
    Vocabulary::new(&[
        (
            TrainingKind::Formal,
            &[
                "formeel",
                "formelle",
                "formal",
                "formel",
                "formele opleiding",
                "formation formelle",
                "formal training",
            ],
        ),
        (
            TrainingKind::Informal,
            &[
                "informeel",
                "informelle",
                "informal",
                "informel",
                "minder formeel",
                "minder formeel informeel",
                "less formal",
                "moins formelle",
                "informele opleiding",
                "formation informelle",
                "informal training",
                "on the job",
            ],
        ),
        (
            TrainingKind::Initial,
            &[
                "initieel",
                "initiale",
                "initial",
                "initiele opleiding",
                "formation initiale",
                "initial training",
            ],
        ),
    ])
});

pub static PILLAR: LazyLock<Vocabulary<Pillar>> = LazyLock::new(|| {
    Vocabulary::new(&[
        (
            Pillar::Strategy,
            &["strategie", "stratégie", "strategy", "strategisch", "strategique", "strategic"],
        ),
        (Pillar::Career, &["loopbaan", "carrière", "career", "carriere"]),
        (
            Pillar::ProfessionalField,
            &[
                "vakgebied",
                "métier",
                "professional field",
                "domaine professionnel",
                "vak",
                "vakmanschap",
                "profession",
            ],
        ),
    ])
});

pub static STATUS: LazyLock<Vocabulary<ParticipationStatus>> = LazyLock::new(|| {
    Vocabulary::new(&[
        (
            ParticipationStatus::Planned,
            &[
                "gepland",
                "prévu",
                "planned",
                "prevue",
                "ingeschreven",
                "inscrit",
                "inscrite",
                "registered",
                "scheduled",
                "te volgen",
            ],
        ),
        (
            ParticipationStatus::Completed,
            &[
                "gevolgd",
                "suivi",
                "completed",
                "suivie",
                "attended",
                "afgerond",
                "voltooid",
                "termine",
                "terminee",
                "done",
                "finished",
            ],
        ),
        (
            ParticipationStatus::Cancelled,
            &["geannuleerd", "annulé", "cancelled", "annulee", "canceled", "afgelast", "geschrapt"],
        ),
    ])
});

pub static STATUTE: LazyLock<Vocabulary<Statute>> = LazyLock::new(|| {
    Vocabulary::new(&[
        (
            Statute::BlueCollar,
            &[
                "arbeider",
                "ouvrier",
                "blue-collar",
                "ouvriere",
                "blue collar",
                "worker",
                "arbeiders",
                "ouvriers",
            ],
        ),
        (
            Statute::WhiteCollar,
            &[
                "bediende",
                "employé",
                "white-collar",
                "employee",
                "employee",
                "white collar",
                "bedienden",
                "employes",
                "bediende pc 200",
            ],
        ),
        (
            Statute::Manager,
            &[
                "kader",
                "cadre",
                "manager",
                "kaderlid",
                "leidinggevende",
                "directie",
                "executive",
                "cadres",
                "management",
            ],
        ),
    ])
});

pub static EDUCATION: LazyLock<Vocabulary<EducationLevel>> = LazyLock::new(|| {
    Vocabulary::new(&[
        (EducationLevel::Low, &["laag", "bas", "low", "laaggeschoold", "faible", "peu qualifie", "lager"]),
        (
            EducationLevel::Medium,
            &[
                "midden",
                "moyen",
                "medium",
                "middel",
                "middengeschoold",
                "gemiddeld",
                "secondaire",
                "secundair",
            ],
        ),
        (
            EducationLevel::High,
            &["hoog", "élevé", "high", "hooggeschoold", "haut", "hoger", "superieur", "higher"],
        ),
    ])
});

pub static LANGUAGE: LazyLock<Vocabulary<Language>> = LazyLock::new(|| {
    Vocabulary::new(&[
        (
            Language::Nl,
            &["Nederlands", "néerlandais", "Dutch", "nederlandstalig", "neerlandophone", "vlaams", "n"],
        ),
        (Language::Fr, &["Frans", "français", "French", "franstalig", "francophone", "francais", "f"]),
        (Language::En, &["Engels", "anglais", "English", "engelstalig", "anglophone", "e"]),
    ])
});

pub static RISK_GROUP: LazyLock<Vocabulary<RiskGroup>> = LazyLock::new(|| {
    Vocabulary::new(&[
        (
            RiskGroup::Aged50Plus,
            &[
                "50+",
                "50+",
                "50+",
                "50 plus",
                "50 plussers",
                "50plussers",
                "50 plusser",
                "ouderen",
                "oudere werknemers",
                "seniors",
                "50 ans et plus",
                "50 ans +",
                "aged 50+",
                "older workers",
            ],
        ),
        (
            RiskGroup::Disability,
            &[
                "handicap",
                "handicap",
                "disability",
                "beperking",
                "arbeidshandicap",
                "met een handicap",
                "handicape",
                "handicapes",
                "disabled",
                "personnes handicapees",
            ],
        ),
        (
            RiskGroup::NonEuNationality,
            &[
                "niet-EU",
                "hors UE",
                "non-EU",
                "niet eu nationaliteit",
                "migratieachtergrond",
                "nationalite hors ue",
                "non eu nationality",
                "migration background",
                "origine etrangere",
                "allochtonen",
                "non eu",
            ],
        ),
        (
            RiskGroup::BottleneckOccupation,
            &[
                "knelpuntberoep",
                "métier en pénurie",
                "bottleneck occupation",
                "knelpuntberoepen",
                "knelpunt",
                "metiers en penurie",
                "penurie",
                "bottleneck",
                "shortage occupation",
                "knelpuntfunctie",
            ],
        ),
    ])
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_in_every_language() {
        assert_eq!(GENDER.parse("v"), Some(Gender::Female));
        assert_eq!(GENDER.parse("Femme"), Some(Gender::Female));
        assert_eq!(GENDER.parse("H"), Some(Gender::Male));
        assert_eq!(GENDER.parse("Male"), Some(Gender::Male));
        assert_eq!(TRAINING_KIND.parse("Informeel"), Some(TrainingKind::Informal));
        assert_eq!(TRAINING_KIND.parse("formation formelle"), Some(TrainingKind::Formal));
        assert_eq!(STATUS.parse("Annulé"), Some(ParticipationStatus::Cancelled));
        assert_eq!(RISK_GROUP.parse("Niet-EU"), Some(RiskGroup::NonEuNationality));
        assert_eq!(RISK_GROUP.parse("50+"), Some(RiskGroup::Aged50Plus));
        assert_eq!(PILLAR.parse("Vakgebied"), Some(Pillar::ProfessionalField));
        assert_eq!(GENDER.parse("Q"), None);
    }

    #[test]
    fn suggestions_are_in_the_plans_language() {
        assert_eq!(GENDER.expected(Language::Nl), ["M", "V", "X"]);
        assert_eq!(GENDER.expected(Language::Fr), ["H", "F", "X"]);
        assert_eq!(TRAINING_KIND.expected(Language::En), ["formal", "informal", "initial"]);
    }
}
