//! The document speaks to its readers: no file names, settings or
//! instructions to its author in any edition or language. What the author
//! still has to do is said by `check`.

mod common;

use common::*;
use opleidingsplan::model::Edition;
use opleidingsplan::outputs::pdf::{CachePolicy, Resources, page_texts};
use opleidingsplan::pipeline;

/// Words that only make sense to whoever prepares the plan.
const FOR_THE_AUTHOR: &[&str] = &[
    "plan.toml",
    "[strategy",
    "[annual",
    "[consultation",
    "training_days_source",
    "advice_date",
    "Vul ",
    "Voeg ",
    "Leg uit",
    "Fill in",
    "Add them",
    "Explain how",
    "Complétez",
    "Ajoutez",
    "Expliquez",
    "kolom Doelgroep",
    "kolom Risicogroep",
    "Target group column",
    "Risk group column",
    "colonne Groupe",
    "tabblad",
    "Trainings sheet",
    "Participations sheet",
    "feuille Formations",
    "feuille Participations",
];

#[test]
fn no_edition_tells_its_author_what_to_do() {
    // The fixture lacks a mission, annual goals, roles, rules and the advice,
    // and has trainings without a target group.
    for language in ["nl", "fr", "en"] {
        let plan = PLAN_TOML
            .replace("language = \"nl\"", &format!("language = \"{language}\""))
            .replace("training_days_source = \"sectorakkoord (fixture)\"\n", "");
        let dir = plan_folder(&plan, &fixture_sheets());
        let prepared = pipeline::prepare(dir.path()).unwrap_or_else(|e| panic!("{e:?}"));
        for edition in [Edition::Council, Edition::Internal] {
            let typeset = prepared.typeset(edition, &Resources::bundled(CachePolicy::KeepUntilExit)).unwrap();
            for (number, page) in page_texts(&typeset.document).iter().enumerate() {
                for words in FOR_THE_AUTHOR {
                    assert!(
                        !page.contains(words),
                        "{language} {edition:?}, page {}: {words:?} in {page:?}",
                        number + 1
                    );
                }
            }
        }
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_opleidingsplan"))
            .args(["check", dir.path().to_str().unwrap(), "--lang", "en"])
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(stdout.contains("Still to do before the plan is complete:"), "{stdout}");
        for todo in
            ["[annual] as goals", "advice_date under [consultation]", "training_days_source under [plan]"]
        {
            assert!(stdout.contains(todo), "{language}: check does not say {todo:?}:\n{stdout}");
        }
    }
}

/// The example's council edition cannot show the disability group (too
/// small), whose participation is low: it says a point of attention exists,
/// never "no points of attention", and names the plan's own rule.
#[test]
fn the_council_edition_says_a_withheld_point_of_attention_exists() {
    let example = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/voorbeeld");
    let prepared = pipeline::prepare(&example).unwrap_or_else(|e| panic!("{e:?}"));
    let resources = Resources::bundled(CachePolicy::KeepUntilExit);
    let council =
        squeeze(&page_texts(&prepared.typeset(Edition::Council, &resources).unwrap().document).join(" "));
    assert!(
        council.contains(&squeeze("Voor werknemers met een handicap is er een aandachtspunt")),
        "withheld point missing"
    );
    assert!(!council.contains(&squeeze("Geen aandachtspunten")), "the council edition says there are none");
    // The summary up front says the same, coarser in the council edition:
    // the point exists, without its figures; never "no group".
    let council_summary =
        squeeze(&page_texts(&prepared.typeset(Edition::Council, &resources).unwrap().document)[1]);
    assert!(council_summary.starts_with("VoorbeeldNVOpleidingsplan2027Samenvatting"), "{council_summary}");
    assert!(
        council_summary.contains(&squeeze(
            "Er is een aandachtspunt voor werknemers met een handicap; de groep is te klein"
        )),
        "{council_summary}"
    );
    assert!(!council_summary.contains(&squeeze("Geen enkele groep neemt minder")), "{council_summary}");
    assert!(!council_summary.contains(&squeeze("handicap nemen minder deel")), "{council_summary}");
    let internal =
        squeeze(&page_texts(&prepared.typeset(Edition::Internal, &resources).unwrap().document).join(" "));
    assert!(
        internal.contains(&squeeze("minder dan 80% zo vaak")) || internal.contains("80%"),
        "the rule is named"
    );
    let internal_summary =
        squeeze(&page_texts(&prepared.typeset(Edition::Internal, &resources).unwrap().document)[1]);
    assert!(
        internal_summary.contains(&squeeze("Aandachtspunt: werknemers met een handicap nemen minder deel dan de regel van het plan toelaat (minder dan 80% zo vaak als iedereen).")),
        "{internal_summary}"
    );
    for both in [&council_summary, &internal_summary] {
        for figure in [
            "139actievemedewerkers",
            "4,6opleidingsdagenperVTE(doel:4,58)",
            "84,9%",
            "€51.400",
            "Deondernemingsraadgafzijnadviesop4maart2027",
        ] {
            assert!(both.contains(figure), "the summary lacks {figure}: {both}");
        }
    }

    // The rule is the plan's own: at 90%, it says so.
    let dir = example_with(|plan| plan.replacen("[plan]\n", "[plan]\nparticipation_rule = 0.9\n", 1));
    let prepared = pipeline::prepare(dir.path()).unwrap_or_else(|e| panic!("{e:?}"));
    let internal =
        squeeze(&page_texts(&prepared.typeset(Edition::Internal, &resources).unwrap().document).join(" "));
    assert!(
        internal.contains(&squeeze("onder 90% van die van alle medewerkers")) || internal.contains("90%"),
        "the 90% rule is not named"
    );
}

/// `check` says what is implausible: a works council in a company of four,
/// a quarter declaring more FTE than the company has people.
#[test]
fn implausible_settings_and_figures_are_warned_about() {
    let mut sheets = fixture_sheets();
    sheets.push(Sheet {
        name: "VTE per kwartaal",
        rows: vec![vec![Text("Kwartaal"), Text("VTE")], vec![Text("2025-Q1"), Number(99.0)]],
    });
    let dir = plan_folder(PLAN_TOML, &sheets);
    let prepared = pipeline::prepare(dir.path()).unwrap_or_else(|e| panic!("{e:?}"));
    let messages = &opleidingsplan::model::Language::En.strings().messages;
    let lines: Vec<String> = prepared.warnings.sorted().iter().map(|p| p.describe(messages)).collect();
    assert!(lines.iter().any(|l| l.contains("works council, with 4 active employees")), "{lines:#?}");
    assert!(
        lines
            .iter()
            .any(|l| l
                .contains("VTE per kwartaal › B2: 99 FTE declared for this quarter, more than the 6 people")),
        "{lines:#?}"
    );
}

/// Participation costs beyond a training's budget are said, with both sums.
#[test]
fn costs_beyond_a_budget_are_warned_about() {
    // T2 has a budget of 200; E2's and E6's participations cost 150 each.
    let mut sheets = fixture_sheets();
    let participations = &mut sheets[2].rows;
    participations[0].push(Text("Kosten"));
    for row in participations.iter_mut().skip(1) {
        let cost = if matches!(row[1], Text("T2")) { Number(150.0) } else { Empty };
        row.push(cost);
    }
    let dir = plan_folder(PLAN_TOML, &sheets);
    let prepared = pipeline::prepare(dir.path()).unwrap_or_else(|e| panic!("{e:?}"));
    let messages = &opleidingsplan::model::Language::Nl.strings().messages;
    let lines: Vec<String> = prepared.warnings.sorted().iter().map(|p| p.describe(messages)).collect();
    // E3's participation is cancelled: 2 x 150 = 300.
    assert!(
        lines
            .iter()
            .any(|l| l.contains("opleiding T2 kosten €\u{a0}300, meer dan haar budget van €\u{a0}200")),
        "{lines:#?}"
    );
    // The bundled example's money reconciles.
    let example = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/voorbeeld");
    let prepared = pipeline::prepare(&example).unwrap_or_else(|e| panic!("{e:?}"));
    let over: Vec<String> = prepared
        .warnings
        .iter()
        .filter(|p| matches!(p.kind, opleidingsplan::problem::ProblemKind::CostsAboveBudget { .. }))
        .map(|p| p.describe(messages))
        .collect();
    assert!(over.is_empty(), "{over:#?}");
}

/// Each risk group (and equal treatment) gets an action plan from
/// `[[actions]]`: what, who, by when, how measured; a misspelt group is
/// an error at its line; a group that needs attention without an action is
/// on `check`'s to-do list.
#[test]
fn action_plans_per_group_come_from_plan_toml() {
    let actions = r#"
[[actions]]
group = "aged_50_plus"
action = "Loopbaangesprek voor elke 50-plusser"
owner = "HR-verantwoordelijke"
deadline = 2027-06-30
indicator = "Deelname minstens het gemiddelde"

[[actions]]
group = "gender"
action = "Leiderschapsopleiding open voor iedereen"
"#;
    let dir = plan_folder(&format!("{PLAN_TOML}{actions}"), &fixture_sheets());
    let prepared = pipeline::prepare(dir.path()).unwrap_or_else(|e| panic!("{e:?}"));
    let resources = Resources::bundled(CachePolicy::KeepUntilExit);
    // Soft hyphens mark where the layout may break a word.
    let text =
        squeeze(&page_texts(&prepared.typeset(Edition::Council, &resources).unwrap().document).join(" "))
            .replace('\u{ad}', "");
    for expected in [
        "3.1 50-plussers",
        "Actieplan Actie Verantwoordelijke Tegen Indicator Loopbaangesprek voor elke 50-plusser HR-verantwoordelijke 30/06/2027 Deelname minstens het gemiddelde",
        "Leiderschapsopleiding open voor iedereen",
    ] {
        let at = text.find("Actieplan").unwrap_or(0);
        assert!(
            text.contains(&squeeze(expected)),
            "lacks {expected:?} in {}",
            &text[at..(at + 300).min(text.len())]
        );
    }

    // A group that does not exist: said at its line, with the ones that do.
    let wrong = format!("{PLAN_TOML}\n[[actions]]\ngroup = \"vijftigplussers\"\naction = \"x\"\n");
    let dir = plan_folder(&wrong, &fixture_sheets());
    let Err(pipeline::BuildError::Problems(problems)) = pipeline::prepare(dir.path()) else {
        panic!("a misspelt group is accepted")
    };
    let messages = &opleidingsplan::model::Language::En.strings().messages;
    let line = PLAN_TOML.lines().count() + 3;
    let said: Vec<String> = problems.sorted().iter().map(|p| p.describe(messages)).collect();
    assert!(
        said.iter().any(|l| l.contains(&format!("plan.toml:{line}"))
            && l.contains("bottleneck_occupation, gender or training_right")),
        "{said:#?}"
    );

    // The example without its disability action: check asks for one.
    let dir = example_with(|plan| plan.replace("group = \"disability\"", "group = \"gender\""));
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_opleidingsplan"))
        .args(["check", dir.path().to_str().unwrap(), "--lang", "en"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("needs attention: describe what is done")
            && stdout.contains("group = \"disability\""),
        "{stdout}"
    );
}
