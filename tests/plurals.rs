//! Counted words agree with their count in every language: a plan where
//! many counts are one ("1 formele opleiding", never "1 formele
//! opleidingen") is typeset in nl, fr and en and read back.

mod common;

use common::*;
use opleidingsplan::model::Edition;
use opleidingsplan::outputs::pdf::{CachePolicy, Resources, page_texts};
use opleidingsplan::pipeline;

/// "1 " followed by a plural noun the wording files use with a count.
const PLURALS_AFTER_ONE: &[&str] = &[
    "opleidingen",
    "opleidingsdagen",
    "dagen",
    "rekeningen",
    "kwartalen",
    "deelnemers",
    "actieve medewerkers",
    "trainings",
    "training days",
    "days",
    "accounts",
    "quarters",
    "participants",
    "active employees",
    "formations",
    "jours",
    "comptes",
    "trimestres",
    "travailleurs actifs",
];

#[test]
fn a_count_of_one_takes_the_singular() {
    for language in ["nl", "fr", "en"] {
        let plan = PLAN_TOML
            .replace("language = \"nl\"", &format!("language = \"{language}\""))
            .replace("training_days_per_fte = 5", "training_days_per_fte = 1");
        let dir = plan_folder(&plan, &fixture_sheets());
        let prepared = pipeline::prepare(dir.path()).unwrap_or_else(|e| panic!("{e:?}"));
        let typeset =
            prepared.typeset(Edition::Internal, &Resources::bundled(CachePolicy::KeepUntilExit)).unwrap();
        let text = page_texts(&typeset.document).join(" ");
        let text: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for plural in PLURALS_AFTER_ONE {
            for formal in ["", "formele ", "informele ", "gerichte ", "formal ", "informal ", "targeted "] {
                let wrong = format!(" 1 {formal}{plural}");
                assert!(!text.contains(&wrong), "{language}: \"{}\" in the plan", wrong.trim());
            }
        }
        let one = match language {
            "nl" => "1 opleidingsdag per",
            "fr" => "1 jour de formation par",
            _ => "1 training day per",
        };
        assert!(text.contains(one), "{language}: {one:?} missing");
        if language == "fr" {
            // « à » contracts: au conseil, never à le conseil.
            assert!(text.contains("soumis pour avis au conseil d'entreprise"), "fr: contraction missing");
            assert!(!text.contains(" à le ") && !text.contains(" à les "), "fr: an uncontracted article");
        }
    }
}
