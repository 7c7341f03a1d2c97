//! The legally complete plan: every section in every language, the
//! checklist in `check`, warnings for missed deadlines.

mod common;

use common::*;
use opleidingsplan::model::Edition;
use opleidingsplan::outputs::pdf::{CachePolicy, Resources, page_texts};
use opleidingsplan::pipeline;
use std::process::Command;

#[test]
fn the_example_shows_every_section_in_every_language() {
    let titles: [(&str, &[&str]); 3] = [
        (
            "nl",
            &[
                "Organisatiegegevens",
                "Wettelijk kader",
                "Personeelssamenstelling",
                "In-, uit- en doorstroom",
                "Risicogroepen en gelijke kansen",
                "Aandachtspunten",
                "Strategisch kader",
                "Opleidingsbehoeften",
                "Opleidingsaanbod",
                "Opleidingen per pijler",
                "Jaarplan",
                "Jaarkalender",
                "Leveranciers",
                "Rollen en verantwoordelijkheden",
                "Spelregels",
                "Kwaliteit en evaluatie",
                "Individuele opleidingsrekeningen",
                "Deelname per groep",
                "Opleidingen in de sociale balans",
                "Overleg en termijnen",
                "Zelfevaluatie van het opleidingsbeleid",
                "Checklist wettelijke elementen",
            ],
        ),
        (
            "fr",
            &[
                "Données de l'organisation",
                "Cadre légal",
                "Composition du personnel",
                "Entrées, sorties et mobilité interne",
                "Groupes à risque et égalité des chances",
                "Cadre stratégique",
                "Offre de formation",
                "Plan annuel",
                "Droit individuel à la formation et effort de formation",
                "Participation par groupe",
                "La formation dans le bilan social",
                "Concertation et délais",
                "Auto-évaluation de la politique de formation",
                "Liste de contrôle des éléments légaux",
            ],
        ),
        (
            "en",
            &[
                "Organisation",
                "Legal frame",
                "Workforce composition",
                "Inflow, outflow and internal mobility",
                "Risk groups and equal opportunities",
                "Points of attention",
                "Strategic framework",
                "Annual plan",
                "Calendar",
                "Suppliers",
                "Individual training accounts",
                "Training in the social balance sheet",
                "Consultation and deadlines",
                "Training-policy readiness check",
                "Checklist of legal elements",
            ],
        ),
    ];
    for (language, expected) in titles {
        let dir = example_in(language);
        let prepared = pipeline::prepare(dir.path()).unwrap_or_else(|e| panic!("{language}: {e:?}"));
        let typeset =
            prepared.typeset(Edition::Internal, &Resources::bundled(CachePolicy::KeepUntilExit)).unwrap();
        assert!(typeset.warnings.is_empty(), "{language}: {:?}", typeset.warnings);
        let text = squeeze(&page_texts(&typeset.document).join(" "));
        for title in expected {
            assert!(text.contains(&squeeze(title)), "{language}: no section {title:?}");
        }
    }
}

fn run(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_opleidingsplan")).args(args).env("NO_COLOR", "1").output().unwrap()
}

#[test]
fn check_lists_the_checklist_and_warns_about_missed_deadlines() {
    let plan = format!(
        "{PLAN_TOML}
[consultation]
meeting = 2027-03-10
draft_sent = 2027-02-26
advice_date = 2027-03-10
advice = \"Positief advies.\"
"
    );
    let dir = plan_folder(&plan, &fixture_sheets());
    let output = run(&["check", dir.path().to_str().unwrap()]);
    assert!(output.status.success());
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stdout.contains("Checklist wettelijke elementen"), "{stdout}");
    assert!(stdout.contains("✓ Advies van het overlegorgaan (aanwezig)"), "{stdout}");
    assert!(stdout.contains("✗ Aandacht voor werknemers met een handicap (ontbreekt)"), "{stdout}");
    assert!(stdout.contains("! Informele opleidingen met hun doelgroep (aandacht): 1 informele opleiding; zonder doelgroep: T2."), "{stdout}");
    // The draft went out 26 February for a meeting on 10 March: 15 days before is 23 February.
    assert!(
        stderr.contains("waarschuwing: plan.toml: Ontwerp bezorgd aan het overlegorgaan: gedaan op 26/02/2027, maar de wettelijke termijn was 23/02/2027."),
        "{stderr}"
    );
}
