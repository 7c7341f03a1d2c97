//! The council edition is handed out and uploaded: its PDF, annex and JSON
//! must name nobody, hide small groups, and read well with assistive
//! technology. These tests build it, pull every piece of text out of the
//! files (the PDF's page text and every string object, all cells of the
//! workbook, the JSON) and look for the people in the data. The internal
//! edition, which must hold them, shows the search would find them.

mod common;

use common::*;
use jiff::civil::Date;
use opleidingsplan::model::Birth;
use opleidingsplan::model::Edition;
use opleidingsplan::model::Language;
use opleidingsplan::pipeline::{self, BuildOptions};
use std::path::{Path, PathBuf};

/// What identifies one person in the data.
struct Person {
    id: String,
    name: String,
    surname: String,
    birth: Date,
}

impl Person {
    /// The strings that must not appear, in every form the plan could
    /// write them.
    fn traces(&self) -> Vec<String> {
        let dates = &Language::Nl.strings().date;
        vec![
            self.id.clone(),
            self.name.clone(),
            self.surname.clone(),
            self.birth.to_string(),
            dates.short(self.birth),
            dates.long(self.birth),
        ]
    }
}

const FIRST_NAMES: [&str; 10] =
    ["Griet", "Moussa", "Elke", "Wout", "Yasmina", "Bart", "Ilse", "Dries", "Noor", "Koen"];
const SURNAMES: [&str; 10] = [
    "Vandevelde",
    "Oosterlinck",
    "Bracke",
    "Verhaegen",
    "Dewulf",
    "Goethals",
    "Vanhoutte",
    "Declercq",
    "Lievens",
    "Schietecatte",
];
/// A job title only one person has: it would identify them.
const UNIQUE_JOB: &str = "Enige preventieadviseur";
/// A free-text remark in the participations sheet about one person's health.
const REMARK: &str = "Vertrouwelijk: rugklachten";

fn leak(text: String) -> &'static str {
    Box::leak(text.into_boxed_str())
}

/// A 32-person company with small groups on purpose: one person of gender
/// X, two with a disability, three non-EU nationals, a two-person
/// department; one person left in 2026 and one starts in 2027.
fn company() -> (Vec<Sheet>, Vec<Person>) {
    let mut people = Vec::new();
    let mut employees = vec![
        [
            "Personeelsnummer",
            "Naam",
            "Geslacht",
            "Geboortedatum",
            "VTE",
            "Datum in dienst",
            "Datum uit dienst",
            "Afdeling",
            "Functie",
            "Handicap",
            "Nationaliteit",
        ]
        .map(Text)
        .to_vec(),
    ];
    let mut participations =
        vec![["Personeelsnummer", "Opleidingscode", "Status", "Opmerking"].map(Text).to_vec()];
    for i in 0..32u32 {
        let (first, surname) = (FIRST_NAMES[(i % 10) as usize], SURNAMES[((i / 10 + i * 3) % 10) as usize]);
        let person = Person {
            id: format!("PN-48{i:03}"),
            name: format!("{first} {surname}"),
            surname: surname.to_string(),
            birth: Date::new(1961 + (i * 7 % 40) as i16, (i % 12 + 1) as i8, (i % 27 + 1) as i8).unwrap(),
        };
        let gender = match i {
            0 => "X",
            _ if i % 3 == 0 => "V",
            _ => "M",
        };
        // Directie keeps two active members: 30 starts in 2027, 31 left.
        let department = match i {
            0..=13 => "Productie",
            14..=22 => "Logistiek",
            23..=27 => "Administratie",
            _ => "Directie",
        };
        let end = if i == 31 { Text("30/06/2026") } else { Empty };
        let start = if i == 30 { Text("01/02/2027") } else { Empty };
        employees.push(vec![
            Text(leak(person.id.clone())),
            Text(leak(person.name.clone())),
            Text(gender),
            Text(leak(format!(
                "{:02}/{:02}/{}",
                person.birth.day(),
                person.birth.month(),
                person.birth.year()
            ))),
            Number(if i % 4 == 0 { 0.8 } else { 1.0 }),
            start,
            end,
            Text(department),
            Text(if i == 5 { UNIQUE_JOB } else { "Medewerker" }),
            Text(if i == 3 || i == 17 { "ja" } else { "nee" }),
            Text(match i {
                4 | 9 | 20 => "Marokko",
                _ => "BE",
            }),
        ]);
        let code = ["T1", "T2", "T3"][(i % 3) as usize];
        let remark = if i == 3 { Text(leak(format!("{REMARK} {}", person.name))) } else { Empty };
        participations.push(vec![Text(leak(person.id.clone())), Text(code), Text("gepland"), remark]);
        people.push(person);
    }
    let trainings = vec![
        ["Code", "Titel", "Soort", "Duur (uren)", "Budget", "Risicogroep", "Doelgroep"].map(Text).to_vec(),
        vec![
            Text("T1"),
            Text("Veilig heffen"),
            Text("formeel"),
            Number(8.0),
            Number(900.0),
            Text("50+"),
            Text("Productie"),
        ],
        vec![Text("T2"), Text("Excel"), Text("formeel"), Number(6.0), Number(600.0), Empty, Text("Iedereen")],
        vec![
            Text("T3"),
            Text("Peterschap"),
            Text("informeel"),
            Number(4.0),
            Empty,
            Text("handicap"),
            Text("Nieuwe collega's"),
        ],
    ];
    let sheets = vec![
        Sheet { name: "Medewerkers", rows: employees },
        Sheet { name: "Opleidingen", rows: trainings },
        Sheet { name: "Deelnames", rows: participations },
    ];
    (sheets, people)
}

/// All text a reader (or a program) can get out of one output file.
fn file_text(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap();
    match path.extension().and_then(|e| e.to_str()) {
        Some("pdf") => pdf_text(&bytes),
        Some("xlsx") => workbook_text(path),
        _ => String::from_utf8(bytes).unwrap(),
    }
}

/// The page text, plus every string in the file's objects and streams
/// (metadata, structure tree, alternative texts, bookmarks).
fn pdf_text(bytes: &[u8]) -> String {
    let mut text = pdf_extract::extract_text_from_mem(bytes).unwrap();
    let document = lopdf::Document::load_mem(bytes).unwrap();
    for object in document.objects.values() {
        collect_strings(object, &mut text);
        if let lopdf::Object::Stream(stream) = object {
            let content = stream.decompressed_content().unwrap_or_else(|_| stream.content.clone());
            // Only text streams (the XMP metadata); page content is covered above.
            if let Ok(xml) = String::from_utf8(content)
                && xml.contains("<x:xmpmeta")
            {
                text.push_str(&xml);
            }
        }
    }
    text
}

fn collect_strings(object: &lopdf::Object, out: &mut String) {
    match object {
        lopdf::Object::String(bytes, _) => {
            out.push('\n');
            out.push_str(&decode_text_string(bytes));
        }
        lopdf::Object::Array(items) => items.iter().for_each(|o| collect_strings(o, out)),
        lopdf::Object::Dictionary(dict) => dict.iter().for_each(|(_, o)| collect_strings(o, out)),
        lopdf::Object::Stream(stream) => stream.dict.iter().for_each(|(_, o)| collect_strings(o, out)),
        _ => {}
    }
}

/// A PDF text string: UTF-16BE with a byte order mark, else (near enough)
/// Latin-1.
fn decode_text_string(bytes: &[u8]) -> String {
    match bytes {
        [0xFE, 0xFF, rest @ ..] => {
            let units: Vec<u16> = rest.chunks_exact(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect();
            String::from_utf16_lossy(&units)
        }
        _ => bytes.iter().map(|&b| char::from(b)).collect(),
    }
}

/// Sheet names and every cell, dates written out as ISO dates.
fn workbook_text(path: &Path) -> String {
    use calamine::{Data, Reader};
    let mut book = calamine::open_workbook_auto(path).unwrap();
    let mut text = String::new();
    for name in book.sheet_names() {
        text.push_str(&name);
        text.push('\n');
        let range = book.worksheet_range(&name).unwrap();
        for cell in range.used_cells().map(|(_, _, c)| c) {
            let shown = match cell {
                Data::DateTime(d) => excel_date(d.as_f64()).to_string(),
                other => other.to_string(),
            };
            text.push_str(&shown);
            text.push('\n');
        }
    }
    text
}

/// An Excel serial date (days since 30 December 1899).
fn excel_date(serial: f64) -> Date {
    let epoch = Date::new(1899, 12, 30).unwrap();
    epoch.checked_add(jiff::Span::new().days(serial.floor() as i64)).unwrap()
}

/// Text normalised so a name broken over two lines, or hyphenated at a
/// line end, is still found.
fn normalise(text: &str) -> String {
    squeeze(&text.replace("-\n", "").replace('\u{ad}', "")).to_lowercase()
}

fn build(plan_dir: &Path, out: &Path, editions: Vec<Edition>) -> Vec<PathBuf> {
    let options = BuildOptions {
        out: out.into(),
        layout: None,
        editions: Some(editions),
        new_version: false,
        stage: None,
    };
    pipeline::build(plan_dir, &options).unwrap_or_else(|e| panic!("{e:?}")).stored.files
}

/// The traces of `people` found in `text`, for a readable failure. A
/// trace of one word (an id, a surname, a date) must stand as a word of its
/// own: squeezed, two table cells "10" and "104" would read "10104".
fn found(text: &str, people: &[Person], extra: &[&str]) -> Vec<String> {
    let joined = text.replace("-\n", "").replace('\u{ad}', "").to_lowercase();
    let words: std::collections::HashSet<&str> = joined
        .split(|c: char| c.is_whitespace() || ",;:()[]{}\"'.<>=".contains(c))
        .filter(|w| !w.is_empty())
        .collect();
    let squeezed = normalise(text);
    let traces = people.iter().flat_map(Person::traces).chain(extra.iter().map(|s| s.to_string()));
    traces
        .filter(|t| match t.contains(' ') {
            true => squeezed.contains(&normalise(t)),
            false => words.contains(t.to_lowercase().as_str()),
        })
        .collect()
}

#[test]
fn the_council_edition_names_nobody_and_the_internal_one_does() {
    let (sheets, people) = company();
    let dir = plan_folder(PLAN_TOML, &sheets);
    let out = tempfile::tempdir().unwrap();
    let files = build(dir.path(), out.path(), vec![Edition::Council, Edition::Internal]);
    // Four files per edition, the internal edition's balances for next
    // year, and its statements: one per employee employed in the plan year,
    // and all together.
    let statement = |f: &&std::path::PathBuf| f.parent().unwrap().ends_with("statements");
    assert_eq!(files.iter().filter(|f| !statement(f)).count(), 9, "{files:?}");
    assert_eq!(files.iter().filter(statement).count(), 32, "{files:?}");
    let (internal, council): (Vec<_>, Vec<_>) = files
        .iter()
        .partition(|f| statement(f) || f.file_name().unwrap().to_string_lossy().contains("-intern"));
    assert_eq!(council.len(), 4);
    // The extraction reads the PDF's text and its alternative texts: a
    // search in an empty string would find nothing either.
    let pdf = council.iter().find(|f| f.extension().unwrap() == "pdf").unwrap();
    let pdf_text = normalise(&file_text(pdf));
    for expected in ["Fixture BV", "Veilig heffen", "Leeftijdspiramide", "Directie"] {
        assert!(pdf_text.contains(&normalise(expected)), "{expected} not extracted from the PDF");
    }
    for file in &council {
        let leaks = found(&file_text(file), &people, &[UNIQUE_JOB, REMARK]);
        assert!(leaks.is_empty(), "{} gives away {leaks:?}", file.display());
    }
    // The same search finds the people in the internal annex: the test can fail.
    let annex = internal.iter().find(|f| f.extension().unwrap() == "xlsx").unwrap();
    let in_annex = found(&file_text(annex), &people, &[]);
    for person in people.iter().filter(|p| p.id != "PN-48030") {
        // Everyone employed in the plan year has a training account.
        assert!(in_annex.contains(&person.id), "{} missing from the internal annex", person.id);
        assert!(in_annex.contains(&person.name));
    }
    // Per-employee sheets are the internal annex's alone.
    let council_annex = council.iter().find(|f| f.extension().unwrap() == "xlsx").unwrap();
    let sheets = workbook_text(council_annex);
    assert!(!sheets.contains("Opleidingsrekeningen") && !sheets.contains("Deelnames\n"));
}

#[test]
fn the_council_edition_of_the_example_names_nobody() {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/voorbeeld");
    let prepared = pipeline::prepare(&example).unwrap();
    let people: Vec<Person> = prepared
        .plan
        .employees
        .iter()
        .map(|e| {
            let name = e.name.clone().expect("the example names everyone");
            Person {
                id: e.id.clone(),
                surname: name.rsplit(' ').next().unwrap_or_default().to_string(),
                name,
                birth: match e.birth {
                    Some(Birth::Date(date)) => date,
                    other => panic!("the example has birth dates, not {other:?}"),
                },
            }
        })
        .collect();
    assert!(people.len() > 100);
    let out = tempfile::tempdir().unwrap();
    let files = build(&example, out.path(), vec![Edition::Council]);
    // The plan, its annex, data and key figures, and the employees' summary.
    assert_eq!(files.len(), 5);
    let text: String = files.iter().map(|f| file_text(f)).collect();
    let leaks = found(&text, &people, &[]);
    assert!(leaks.is_empty(), "the council edition gives away {leaks:?}");
    let pdf = files.iter().find(|f| f.to_string_lossy().ends_with("voorbeeld-nv.pdf")).unwrap();
    accessible(&std::fs::read(pdf).unwrap(), out.path());
}

/// PDF/UA-1 as far as a program can tell: identified as such, titled, in
/// the plan's language, tagged with headings, tables with header cells, and
/// every chart a figure with an alternative text that states its figures.
/// The metadata says nothing about the machine that built it.
fn accessible(bytes: &[u8], out_dir: &Path) {
    use lopdf::Object;
    let document = lopdf::Document::load_mem(bytes).unwrap();
    let catalog = document.catalog().unwrap();
    let xmp = match catalog.get(b"Metadata").and_then(Object::as_reference) {
        Ok(id) => {
            let stream = document.get_object(id).unwrap().as_stream().unwrap();
            String::from_utf8(stream.decompressed_content().unwrap_or_else(|_| stream.content.clone()))
                .unwrap()
        }
        Err(e) => panic!("no XMP metadata: {e}"),
    };
    assert!(xmp.contains("<pdfuaid:part>1</pdfuaid:part>"), "not identified as PDF/UA-1: {xmp}");
    assert!(xmp.contains("Opleidingsplan 2027 – Voorbeeld NV"), "title");
    assert!(xmp.contains("<rdf:li>Voorbeeld NV</rdf:li>"), "organisation as author");
    assert!(xmp.contains("Versie voor overleg en neerlegging"), "edition in the metadata");
    assert!(xmp.contains("<rdf:li>nl-BE</rdf:li>"), "language");
    let lang = catalog.get(b"Lang").and_then(Object::as_str).unwrap();
    assert_eq!(lang, b"nl-BE");
    assert!(catalog.get(b"StructTreeRoot").is_ok() && catalog.get(b"MarkInfo").is_ok(), "not tagged");
    // Nothing from the machine: no paths, no user or host names.
    let everything = pdf_text(bytes);
    let mut machine = vec![out_dir.display().to_string(), env!("CARGO_MANIFEST_DIR").to_string()];
    machine.extend(["USER", "HOSTNAME", "LOGNAME"].iter().filter_map(|v| std::env::var(v).ok()));
    if let Ok(host) = std::fs::read_to_string("/etc/hostname") {
        machine.push(host.trim().to_string());
    }
    for trace in machine.iter().filter(|t| t.len() > 3) {
        assert!(!everything.contains(trace.as_str()), "the PDF carries {trace:?} from the build machine");
    }
    // The structure tree: element types and the alternative texts of figures.
    let mut kinds = std::collections::BTreeMap::<String, usize>::new();
    let mut alts = Vec::new();
    for object in document.objects.values() {
        let Ok(dict) = object.as_dict() else { continue };
        let Ok(kind) = dict.get(b"S").and_then(Object::as_name) else { continue };
        let kind = String::from_utf8_lossy(kind).to_string();
        if kind == "Figure" {
            let alt = dict.get(b"Alt").and_then(Object::as_str).map(decode_text_string);
            alts.push(alt.unwrap_or_else(|_| panic!("a figure without alternative text: {dict:?}")));
        }
        *kinds.entry(kind).or_default() += 1;
    }
    for tag in ["H1", "H2", "Table", "TH", "TD", "L", "P", "Figure"] {
        assert!(kinds.get(tag).is_some_and(|n| *n > 0), "no {tag} in the structure tree: {kinds:?}");
    }
    let alt = |start: &str| {
        alts.iter().find(|a| a.starts_with(start)).unwrap_or_else(|| panic!("no chart {start:?} in {alts:?}"))
    };
    // The age pyramid says how many men and women each band has, hidden
    // counts as the table shows them.
    let pyramid = alt("Leeftijdspiramide");
    assert!(pyramid.contains("55+: 17 mannen, 9 vrouwen") && pyramid.contains("<\u{a0}5"), "{pyramid}");
    assert!(alt("Staafdiagram van de voltijdse equivalenten per afdeling").contains("Productie 35,0"));
    assert!(alt("Staafdiagram van de deelnamegraad").contains("(84,9%)"));
    assert!(
        alt("Meter van de geplande opleidingsdagen per VTE: 4,6, tegenover een doel van 4,58").ends_with('.')
    );
    assert!(alt("Jaarkalender").contains("VEI-05 Toolbox veiligheid: januari tot december"));
}

/// Numbers as the view shows them, by label.
fn texts<'a>(rows: impl Iterator<Item = (&'a str, &'a str)>) -> Vec<(String, String)> {
    rows.map(|(label, text)| (label.to_string(), text.to_string())).collect()
}

#[test]
fn small_groups_are_hidden_with_a_second_figure_in_the_council_view() {
    let (sheets, _) = company();
    let dir = plan_folder(PLAN_TOML, &sheets);
    let prepared = pipeline::prepare(dir.path()).unwrap();
    let council = prepared.view(Edition::Council);
    let internal = prepared.view(Edition::Internal);
    let genders = |v: &opleidingsplan::view::PlanView| {
        texts(v.workforce.genders.iter().map(|g| (g.label.as_str(), g.heads.text.as_str())))
    };
    let pairs = |list: &[(&str, &str)]| -> Vec<(String, String)> {
        list.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
    };
    // 20 men, 9 women, 1 X, 30 in all: the X alone would be 30 − 20 − 9.
    // Withheld with the men (at least 5 of them), the X is 1 to 4.
    assert_eq!(genders(&internal), pairs(&[("Mannen", "20"), ("Vrouwen", "9"), ("X", "1")]));
    assert_eq!(genders(&council), pairs(&[("Mannen", "•"), ("Vrouwen", "9"), ("X", "<\u{a0}5")]));
    assert_eq!(council.workforce.headcount.text, "30");
    assert_eq!(council.workforce.female_share.text, "30,0%");
    // Departments 14, 9, 5 and 2: the 2 hides, and the 9 with it (a 5
    // withheld would be known to be 5, "•" being at least 5, and 2 + 5 = 7
    // would leave only 1 or 2); in order of name, as the order of size
    // would rank the withheld ones.
    let departments =
        texts(council.workforce.departments.iter().map(|d| (d.label.as_str(), d.heads.text.as_str())));
    assert_eq!(
        departments,
        pairs(&[("Administratie", "5"), ("Directie", "<\u{a0}5"), ("Logistiek", "•"), ("Productie", "14")])
    );
    let directie = council.workforce.departments.iter().find(|d| d.label == "Directie").unwrap();
    let logistiek = council.workforce.departments.iter().find(|d| d.label == "Logistiek").unwrap();
    assert_eq!((logistiek.fte.text.as_str(), logistiek.share.text.as_str()), ("•", "•"));
    assert_eq!((directie.fte.text.as_str(), directie.share.text.as_str()), ("•", "•"));
    // Risk groups overlap, so there is no total to subtract from: only the
    // small ones hide, with their share, rate and hours.
    let risk =
        |key: &str| council.risk_groups.iter().find(|r| opleidingsplan::view::code(r.key) == key).unwrap();
    assert_eq!(risk("disability").heads.text, "<\u{a0}5");
    assert_eq!(risk("non_eu_nationality").heads.text, "<\u{a0}5");
    assert_eq!(risk("disability").share.text, "•");
    let by_risk = &council.participation.sections.iter().find(|s| s.key.key() == "risk_group").unwrap().rows;
    let disabled = by_risk.iter().find(|r| r.label == "Werknemers met een handicap").unwrap();
    assert_eq!([&disabled.rate.text, &disabled.hours.text, &disabled.hours_per_fte.text], ["•", "•", "•"]);
    // The internal edition hides nothing.
    let internal_risk = internal.risk_groups.iter().map(|r| r.heads.text.clone()).collect::<Vec<_>>();
    assert!(internal_risk[..3].iter().all(|t| t.parse::<u32>().is_ok()), "{internal_risk:?}");
    // This workbook has no bottleneck-occupation column: unknown, not 0.
    assert_eq!(internal_risk[3], "onbekend");
    assert_eq!(internal.meta.min_group_size, None);
    assert_eq!(council.meta.min_group_size, Some(5));
    // No table line with a visible total has exactly one hidden cell.
    let hidden = |text: &str| text.parse::<f64>().is_err() && text != "0";
    for line in [
        council.workforce.genders.iter().map(|g| g.heads.text.as_str()).collect::<Vec<_>>(),
        council.workforce.departments.iter().map(|d| d.heads.text.as_str()).collect(),
        council.workforce.age_bands.iter().map(|a| a.total.text.as_str()).collect(),
        council.participation.sections[0].rows.iter().map(|r| r.participants.text.as_str()).collect(),
    ] {
        assert_ne!(line.iter().filter(|t| hidden(t)).count(), 1, "one hidden cell in {line:?}");
    }
}

#[test]
fn the_minimum_group_size_comes_from_plan_toml() {
    let (sheets, _) = company();
    let plan =
        PLAN_TOML.replace("training_days_per_fte = 5", "training_days_per_fte = 5\nmin_group_size = 10");
    let dir = plan_folder(&plan, &sheets);
    let council = pipeline::prepare(dir.path()).unwrap().view(Edition::Council);
    assert_eq!(council.meta.min_group_size, Some(10));
    // The 9 women are a small group now.
    let women = council.workforce.genders.iter().find(|g| g.label == "Vrouwen").unwrap();
    assert_eq!(women.heads.text, "<\u{a0}10");
}
