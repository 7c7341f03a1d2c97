//! The one-page summary for all employees: written when the plan asks for
//! it, with the council edition only, in plain words and the plan's
//! language, true to the council edition's figures.

mod common;

use common::*;
use opleidingsplan::model::Edition;
use opleidingsplan::pipeline::{self, BuildOptions};

fn build(plan_toml: &str, editions: Vec<Edition>) -> Vec<std::path::PathBuf> {
    let dir = plan_folder(plan_toml, &fixture_sheets());
    let out = tempfile::tempdir().unwrap();
    let options = BuildOptions { out: out.path().into(), editions: Some(editions), ..Default::default() };
    let built = pipeline::build(dir.path(), &options).unwrap_or_else(|e| panic!("{e:?}"));
    // Keep the files past the temporary folders.
    let keep = tempfile::tempdir().unwrap().keep();
    built
        .stored
        .files
        .iter()
        .map(|f| {
            let to = keep.join(f.file_name().unwrap());
            std::fs::copy(f, &to).unwrap();
            to
        })
        .collect()
}

fn with_summary(language: &str) -> String {
    PLAN_TOML.replace("language = \"nl\"", &format!("language = \"{language}\"\nemployee_summary = true"))
}

#[test]
fn one_page_in_plain_words_with_the_council_edition_only() {
    let files = build(&with_summary("nl"), vec![Edition::Council, Edition::Internal]);
    let summaries: Vec<_> = files.iter().filter(|f| f.to_string_lossy().contains("samenvatting")).collect();
    assert_eq!(summaries.len(), 1, "{files:?}");
    assert!(summaries[0].to_string_lossy().ends_with("opleidingsplan-2027-fixture-bv-samenvatting.pdf"));
    let bytes = std::fs::read(summaries[0]).unwrap();
    assert_eq!(lopdf::Document::load_mem(&bytes).unwrap().get_pages().len(), 1);
    let text = squeeze(&pdf_extract::extract_text_from_mem(&bytes).unwrap());
    for expected in [
        "LerenbijFixtureBVin2027",
        // 18 hours of formal and informal training, 2,4 days, 0,7 per FTE.
        "Erzijn3opleidingen.Samenisdatgemiddeld0,7dagenopleidingvoorelkevoltijdsebaan.",
        "3vande4collega'svolgenditjaarminstenséénopleiding.",
        "Wievoltijdswerkt,heeftrechtop5opleidingsdagenperjaar.",
        "Veiligwerken",
        // No advice yet: a draft, and it says so.
        "Ditisnogeenontwerp.Deondernemingsraadgeefteerstadvies",
    ] {
        assert!(text.contains(expected), "the summary lacks {expected:?}: {text}");
    }
    // Nobody is named.
    for name in ["Peeters", "Benali", "Maes", "Claes", "Wouters", "Smets"] {
        assert!(!text.contains(name), "the summary names {name}");
    }
}

#[test]
fn the_summary_speaks_the_plan_language_and_is_only_there_when_asked() {
    let french = build(&with_summary("fr"), vec![Edition::Council]);
    let resume = french.iter().find(|f| f.to_string_lossy().ends_with("-resume.pdf")).expect("no résumé");
    let text = squeeze(&pdf_extract::extract_text_from_mem(&std::fs::read(resume).unwrap()).unwrap());
    assert!(
        text.contains("SeformerchezFixtureBVen2027") && text.contains("Votredroitàlaformation"),
        "{text}"
    );
    let english = build(&with_summary("en"), vec![Edition::Council]);
    assert!(english.iter().any(|f| f.to_string_lossy().ends_with("-summary.pdf")), "{english:?}");
    // Not asked for: not written.
    let plain = build(PLAN_TOML, vec![Edition::Council]);
    assert!(!plain.iter().any(|f| f.to_string_lossy().contains("samenvatting")), "{plain:?}");
}
