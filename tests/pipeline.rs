//! The whole pipeline on small, hand-computed data: figures and literal
//! text must reach the typeset document and the annex.

mod common;

use calamine::{Data, Reader, Xlsx, open_workbook};
use common::*;
use opleidingsplan::model::Edition;
use opleidingsplan::outputs::pdf::{CachePolicy, Resources, page_texts};
use opleidingsplan::pipeline::{self, BuildError, BuildOptions};
use opleidingsplan::problem::ProblemKind;
use std::path::Path;

/// Typesets a plan folder and returns the text of all pages, squeezed.
fn document_text(dir: &std::path::Path) -> String {
    let prepared = pipeline::prepare(dir).unwrap_or_else(|e| panic!("{e:?}"));
    let typeset =
        prepared.typeset(Edition::Internal, &Resources::bundled(CachePolicy::KeepUntilExit)).unwrap();
    assert!(typeset.warnings.is_empty(), "layout warnings: {:?}", typeset.warnings);
    squeeze(&page_texts(&typeset.document).join(" "))
}

fn assert_contains(haystack: &str, needle: &str) {
    let needle = squeeze(needle);
    assert!(haystack.contains(&needle), "document lacks {needle:?}");
}

#[test]
fn hand_computed_figures_and_literal_text_reach_the_pdf() {
    let dir = plan_folder(PLAN_TOML, &fixture_sheets());
    let text = document_text(dir.path());
    for expected in [
        "Opleidingsplan 2027",
        "Fixture BV",
        "0403.019.261",
        // 4 active employees (E5 left, E6 starts later), 3,3 FTE.
        "Op 31 december 2026 telt Fixture BV 4 actieve medewerkers, samen 3,3 voltijdse equivalenten",
        // 18 planned hours of formal and informal training (E4's 16 hours of
        // initial training are apart), 18 / 7,6 = 2,4 days, 0,7 days per FTE,
        // 14,4% of the 5-day target.
        "18 geplande uren formele en informele opleiding",
        "2,4 opleidingsdagen",
        "0,7 dagen per VTE",
        "14,4%",
        // Budget 1000 + 200; per FTE 1200 / 3,3.
        "€\u{a0}1.200",
        "€\u{a0}364",
        // 3 of 4 take part; women 1 of 2.
        "3 van de 4 actieve medewerkers (75,0%)",
        "Vrouwen 2 1 50,0%",
        // Titles that look like markup print as written.
        "#read(\"/etc/passwd\")",
        "*vet* en $x^2$ <lbl> @ref",
        // The training aimed at 50+ is named under that risk group.
        "50-plussers",
        // Participation by statute, education level and department (E3's
        // only registration is cancelled; E4's 16 hours are initial
        // training, which is participation too).
        "Naar statuut Groep Aantal Deelnemers Deelnamegraad Uren Uren per VTE Arbeiders 2 2 100,0% 18",
        "Bedienden 1 0 0,0% 0",
        "Kaderleden 1 1 100,0% 16",
        "Naar opleidingsniveau",
        "Hooggeschoold 2 1 50,0% 16",
        "Naar afdeling",
        "Productie 2 2 100,0% 18",
        "Administratie 2 1 50,0% 16",
    ] {
        assert_contains(&text, expected);
    }
    assert!(!text.contains("root:"), "the template must not be able to read files outside its folder");
}

#[test]
fn the_same_plan_reads_in_french_and_english() {
    // Dated on the first of a month: French writes "1er".
    let french = PLAN_TOML.replace("language = \"nl\"", "language = \"fr\"\ndate = 2027-02-01");
    let dir = plan_folder(&french, &fixture_sheets());
    let text = document_text(dir.path());
    for expected in [
        "Plan de formation 2027",
        "4 travailleurs actifs, soit 3,3 équivalents temps plein",
        "75,0\u{a0}%",
        "1\u{202f}200\u{a0}€",
        "1erfévrier2027",
    ] {
        assert_contains(&text, expected);
    }
    let english = PLAN_TOML.replace("language = \"nl\"", "language = \"en\"");
    let dir = plan_folder(&english, &fixture_sheets());
    let text = document_text(dir.path());
    for expected in [
        "Training plan 2027",
        "On 31 December 2026, Fixture BV has 4 active employees",
        "75.0%",
        "€1,200",
        "0.7 days per FTE",
    ] {
        assert_contains(&text, expected);
    }
}

fn cell_after(range: &calamine::Range<Data>, label: &str) -> Data {
    let row = range
        .rows()
        .find(|row| matches!(row.first(), Some(Data::String(s)) if s == label))
        .unwrap_or_else(|| panic!("no row labelled {label:?}"));
    row[1].clone()
}

#[test]
fn the_annex_holds_numbers_not_text() {
    let dir = plan_folder(PLAN_TOML, &fixture_sheets());
    let out = tempfile::tempdir().unwrap();
    let built = pipeline::build(
        dir.path(),
        &BuildOptions {
            out: out.path().into(),
            layout: None,
            editions: Some(vec![Edition::Internal]),
            new_version: false,
            stage: None,
        },
    )
    .unwrap();
    let annex = built.stored.files.iter().find(|f| f.extension().is_some_and(|e| e == "xlsx")).unwrap();
    let mut book: Xlsx<_> = open_workbook(annex).unwrap();
    assert_eq!(
        book.sheet_names(),
        [
            "Kerncijfers",
            "Samenstelling",
            "Opleidingen",
            "Inspanning",
            "Budget",
            "Deelname per groep",
            "Sociale balans",
            "Deelnames",
            "Opleidingsrekeningen"
        ]
    );
    let key = book.worksheet_range("Kerncijfers").unwrap();
    assert_eq!(cell_after(&key, "Aantal werknemers"), Data::Float(4.0));
    assert_eq!(cell_after(&key, "Geplande opleidingsuren"), Data::Float(18.0));
    assert_eq!(cell_after(&key, "Opleidingsbudget"), Data::Float(1200.0));
    assert_eq!(cell_after(&key, "Deelnamegraad"), Data::Float(0.75));
    let Data::Float(fte) = cell_after(&key, "Voltijdse equivalenten (VTE)") else {
        panic!("FTE is not a number")
    };
    assert!((fte - 3.3).abs() < 1e-9);

    let trainings = book.worksheet_range("Opleidingen").unwrap();
    let titles: Vec<String> = trainings.rows().skip(1).map(|r| r[1].to_string()).collect();
    // The last row is the totals row.
    assert_eq!(titles, ["#read(\"/etc/passwd\")", "*vet* en $x^2$ <lbl> @ref", "Duaal leren", ""]);
    assert_eq!(trainings.rows().next_back().unwrap()[0], Data::String("Totaal".into()));

    // One row per participation, cancelled and inactive ones included, with
    // the name; then the totals row.
    let participations = book.worksheet_range("Deelnames").unwrap();
    assert_eq!(participations.height(), 1 + 7 + 1);
    assert_eq!(participations.get((2, 1)), Some(&Data::String("Fatima Benali".into())));

    // The social balance sheet by item code: formal training, men (E1 and E5), 16 hours.
    let balance = book.worksheet_range("Sociale balans").unwrap();
    let value = |code: &str| {
        let code: f64 = code.parse().unwrap();
        let row = balance.rows().find(|r| r.first() == Some(&Data::Float(code))).unwrap();
        row[4].clone()
    };
    assert_eq!(value("5801"), Data::Float(2.0));
    assert_eq!(value("5802"), Data::Float(16.0));
    assert_eq!(value("5811"), Data::Float(1.0));
    // One training account per employee of the plan year: E1-E4 and E6.
    let accounts = book.worksheet_range("Opleidingsrekeningen").unwrap();
    assert_eq!(accounts.height(), 1 + 5 + 1);
    assert_eq!(accounts.get((2, 5)), Some(&Data::Float(4.0))); // E2: 0,8 FTE × 5 days

    // The data file is the view the layout received.
    let json = built.stored.files.iter().find(|f| f.extension().is_some_and(|e| e == "json")).unwrap();
    let view: serde_json::Value = serde_json::from_slice(&std::fs::read(json).unwrap()).unwrap();
    assert_eq!(view["workforce"]["headcount"]["value"], 4.0);
    assert_eq!(view["workforce"]["fte"]["text"], "3,3");
}

#[test]
fn every_problem_is_reported_with_its_cell_and_nothing_is_written() {
    let mut sheets = fixture_sheets();
    let employees = &mut sheets[0].rows;
    employees[2][4] = Text("1,5"); // E2: FTE above 1          → E3
    employees[3][2] = Text("Q"); // E3: unknown gender          → C4
    employees[4][3] = Text("31/02/1980"); // E4: no such date  → D5
    employees[5][0] = Text("E1"); // E5 renumbered to a duplicate → A6, and E5's participation (A7) is orphaned
    let trainings = &mut sheets[1].rows;
    trainings[3][4] = Number(-2.0); // T3: negative duration    → E4
    trainings[2][3] = Text("webinar"); // T2: unknown kind      → D3
    sheets[2].rows.push(vec![Text("E9"), Text("T1"), Empty, Empty]); // unknown employee → A9
    let dir = plan_folder(PLAN_TOML, &sheets);
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("plan");
    let Err(BuildError::Problems(problems)) = pipeline::build(
        dir.path(),
        &BuildOptions {
            out: target.clone(),
            layout: None,
            editions: Some(vec![Edition::Internal]),
            new_version: false,
            stage: None,
        },
    ) else {
        panic!("the build should fail with problems");
    };
    let messages = &opleidingsplan::model::Language::Nl.strings().messages;
    let lines: Vec<String> = problems.sorted().iter().map(|p| p.describe(messages)).collect();
    let expected = [
        "gegevens.xlsx › Deelnames › A7: personeelsnummer \"E5\" staat niet in het tabblad Medewerkers.",
        "gegevens.xlsx › Deelnames › A9: personeelsnummer \"E9\" staat niet in het tabblad Medewerkers.",
        "gegevens.xlsx › Medewerkers › E3: VTE \"1,5\" ligt niet tussen 0 en 1.",
        "gegevens.xlsx › Medewerkers › C4: Geslacht \"Q\" is onbekend. Gebruik een van deze waarden: \"M\", \"V\", \"X\".",
        "gegevens.xlsx › Medewerkers › D5: Geboortedatum \"31/02/1980\" is geen datum.",
        "gegevens.xlsx › Medewerkers › A6: Personeelsnummer \"E1\" komt al voor in cel A2.",
        "gegevens.xlsx › Opleidingen › D3: Soort \"webinar\" is onbekend.",
        "gegevens.xlsx › Opleidingen › E4: Duur (uren) \"-2\" is negatief.",
    ];
    for prefix in expected {
        assert!(lines.iter().any(|l| l.starts_with(prefix)), "missing {prefix:?} in\n{}", lines.join("\n"));
    }
    assert_eq!(problems.error_count(), expected.len(), "{}", lines.join("\n"));
    assert!(!target.exists(), "a failed build must not create its output folder");
}

#[test]
fn missing_sheets_and_columns_are_named() {
    let mut sheets = fixture_sheets();
    sheets[0].rows[0][4] = Text("Arbeidsduur"); // FTE column renamed
    sheets.remove(1); // no trainings sheet
    let dir = plan_folder(PLAN_TOML, &sheets);
    let problems = match pipeline::prepare(dir.path()) {
        Err(BuildError::Problems(p)) => p,
        _ => panic!("should fail"),
    };
    let kinds: Vec<&ProblemKind> = problems.iter().map(|p| &p.kind).collect();
    assert!(kinds.iter().any(|k| matches!(k, ProblemKind::ColumnMissing { column, found, .. }
        if column == "VTE" && found.contains(&"Arbeidsduur".to_string()))));
    assert!(kinds.iter().any(|k| matches!(k, ProblemKind::SheetMissing { sheet, available, .. }
        if sheet == "Opleidingen" && available.contains(&"Medewerkers".to_string()))));
}

/// A 1 × 1 PNG: enough for Typst to decode and place.
const PNG: &[u8] = b"\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\x0d\x49\x44\x41\x54\x78\xda\x63\xfc\xcf\xc0\xf0\x1f\x00\x05\x05\x02\x00\x5f\xc8\xf1\xd2\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82";

#[test]
fn a_plan_brings_its_own_logo_colours_and_font() {
    let branding = r##"
[branding]
logo = "huisstijl/logo.svg"
primary = "#7A1F3D"
accent = "#E8A87C"
font = "huisstijl/DejaVuSans-subset.ttf"
cover_text = "Een fixture met stijl"

[branding.prepared_by]
name = "Advies Fixture CV"
logo = "huisstijl/advies.png"
email = "info@advies.example"
"##;
    let dir = plan_folder(&format!("{PLAN_TOML}{branding}"), &fixture_sheets());
    let style = dir.path().join("huisstijl");
    std::fs::create_dir(&style).unwrap();
    let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="80" height="40"><rect width="80" height="40" fill="#7A1F3D"/></svg>"##;
    std::fs::write(style.join("logo.svg"), svg).unwrap();
    std::fs::write(style.join("advies.png"), PNG).unwrap();
    let font = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fonts/DejaVuSans-subset.ttf");
    std::fs::copy(font, style.join("DejaVuSans-subset.ttf")).unwrap();
    let out = tempfile::tempdir().unwrap();
    let options = BuildOptions {
        out: out.path().into(),
        layout: None,
        editions: Some(vec![Edition::Council]),
        new_version: false,
        stage: None,
    };
    let built = pipeline::build(dir.path(), &options).unwrap_or_else(|e| panic!("{e:?}"));
    let pdf = built.stored.files.iter().find(|f| f.extension().is_some_and(|e| e == "pdf")).unwrap();
    let bytes = std::fs::read(pdf).unwrap();
    let document = lopdf::Document::load_mem(&bytes).unwrap();
    // The text is set in the plan's font (Inter only fills in what it lacks).
    let fonts: Vec<String> = document
        .objects
        .values()
        .filter_map(|o| {
            o.as_dict()
                .ok()?
                .get(b"BaseFont")
                .ok()?
                .as_name()
                .ok()
                .map(|n| String::from_utf8_lossy(n).into_owned())
        })
        .collect();
    assert!(fonts.iter().any(|f| f.contains("DejaVuSans")), "{fonts:?}");
    // Both logos are placed, each with its alternative text.
    let text = squeeze(&pdf_extract::extract_text_from_mem(&bytes).unwrap());
    assert!(text.contains("Eenfixturemetstijl") && text.contains("AdviesFixtureCV"), "{text}");
    let alts: Vec<String> = document
        .objects
        .values()
        .filter_map(|o| {
            o.as_dict().ok()?.get(b"Alt").ok()?.as_str().ok().map(|s| String::from_utf8_lossy(s).into_owned())
        })
        .collect();
    assert!(alts.iter().any(|a| a.contains("Logo van Fixture BV")), "{alts:?}");
    assert!(alts.iter().any(|a| a.contains("Logo van Advies Fixture CV")), "{alts:?}");
}

#[test]
fn branding_mistakes_are_reported_with_their_line() {
    let branding = "\n[branding]\nlogo = \"geen.png\"\nprimary = \"groen\"\n\n[branding.prepared_by]\nemail = \"x@y.be\"\n";
    let dir = plan_folder(&format!("{PLAN_TOML}{branding}"), &fixture_sheets());
    let Err(BuildError::Problems(problems)) = pipeline::prepare(dir.path()) else { panic!("should fail") };
    let messages = &opleidingsplan::model::Language::En.strings().messages;
    let lines: Vec<String> = problems.sorted().iter().map(|p| p.describe(messages)).collect();
    let text = lines.join("\n");
    assert!(text.contains("branding.logo = \"geen.png\" is not valid"), "{text}");
    assert!(text.contains("there is no such file"), "{text}");
    assert!(text.contains("branding.primary = \"groen\""), "{text}");
    assert!(text.contains("branding.prepared_by.name"), "{text}");
}

/// Printed, every annex sheet says whose plan, which edition and which page
/// it is; sheets of one table keep their header row frozen on screen and
/// repeated on every printed page.
#[test]
fn the_annex_prints_with_headers_footers_and_repeated_header_rows() {
    let dir = plan_folder(PLAN_TOML, &fixture_sheets());
    let out = tempfile::tempdir().unwrap();
    let options = BuildOptions {
        out: out.path().into(),
        editions: Some(vec![Edition::Internal]),
        ..Default::default()
    };
    let built = pipeline::build(dir.path(), &options).unwrap_or_else(|e| panic!("{e:?}"));
    let xlsx = built.stored.files.iter().find(|f| f.extension().is_some_and(|e| e == "xlsx")).unwrap();
    let mut zip = zip::ZipArchive::new(std::fs::File::open(xlsx).unwrap()).unwrap();
    let mut read = |name: &str| {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut text).unwrap();
        text
    };
    let workbook = read("xl/workbook.xml");
    let sheets = workbook.matches("<sheet ").count();
    assert!(sheets >= 9, "{workbook}");
    let mut frozen = 0;
    for i in 1..=sheets {
        let sheet = read(&format!("xl/worksheets/sheet{i}.xml"));
        assert!(
            sheet.contains(
                "<oddHeader>&amp;LFixture BV&amp;COpleidingsplan 2027&amp;RInterne versie</oddHeader>"
            ),
            "sheet {i}: {sheet}"
        );
        assert!(
            sheet.contains("<oddFooter>&amp;L&amp;A&amp;Rpagina &amp;P van &amp;N</oddFooter>"),
            "sheet {i}"
        );
        assert!(
            sheet.contains("orientation=\"landscape\"") && sheet.contains("fitToHeight=\"0\""),
            "sheet {i}: one page wide"
        );
        if sheet.contains("state=\"frozen\"") {
            frozen += 1;
        }
    }
    // Every sheet: a table's header row, or the title row of a sheet that
    // stacks tables, stays in view and heads every printed page.
    assert_eq!(frozen, sheets, "frozen sheets");
    assert_eq!(workbook.matches("_xlnm.Print_Titles").count(), sheets, "{workbook}");

    // Totals are SUBTOTAL formulas (they follow the filters), with their
    // value cached for a spreadsheet that does not recalculate. The
    // trainings sheet (3rd), as by hand:
    // budgets 1.000 + 200 (T3 has none).
    let trainings = read("xl/worksheets/sheet3.xml");
    assert!(trainings.contains("<f>SUBTOTAL(109,N2:N4)</f><v>1200</v>"), "{trainings}");
    // The effort sheet's goal table includes the trainings without a goal:
    // its hours total is the kinds' total.
    let effort = read("xl/worksheets/sheet4.xml");
    let totals: Vec<&str> = effort.matches("SUBTOTAL(109,").collect();
    assert!(totals.len() >= 7, "{effort}");
    // Social balance codes are numbers, not text.
    let balance = read("xl/worksheets/sheet7.xml");
    assert!(balance.contains("<v>5801</v>") && balance.contains("<v>58031</v>"), "{balance}");
    // Native charts: FTE per department, budget per goal, days per FTE
    // against the target. Participation per group is left out: an age band
    // with nobody in it has no rate, and a chart would draw it as 0%.
    let charts = (1..=8).filter(|i| zip.by_name(&format!("xl/charts/chart{i}.xml")).is_ok()).count();
    assert_eq!(charts, 3);
}
