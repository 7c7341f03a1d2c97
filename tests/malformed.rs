//! Malformed inputs: each must give its own precise message (file, sheet,
//! cell, value, what to do), never a panic, and no output at all.

mod common;

use common::*;
use opleidingsplan::model::Edition;
use opleidingsplan::model::Language;
use opleidingsplan::pipeline::{self, BuildError, BuildOptions};

/// What a case starts from: the fixture, which builds cleanly.
struct Input {
    sheets: Vec<Sheet>,
    plan: String,
    /// Replaces the workbook's bytes.
    workbook_bytes: Option<Vec<u8>>,
}

struct Case {
    name: &'static str,
    change: fn(&mut Input),
    /// Fragments that must each appear in one of the problem lines.
    expect: &'static [&'static str],
}

fn employees(input: &mut Input) -> &mut Vec<Vec<Cell>> {
    &mut input.sheets[0].rows
}
fn trainings(input: &mut Input) -> &mut Vec<Vec<Cell>> {
    &mut input.sheets[1].rows
}
fn participations(input: &mut Input) -> &mut Vec<Vec<Cell>> {
    &mut input.sheets[2].rows
}

fn valid_workbook_bytes() -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.xlsx");
    write_workbook(&path, &fixture_sheets());
    std::fs::read(path).unwrap()
}

const CASES: &[Case] = &[
    Case {
        name: "FTE above 1",
        change: |i| employees(i)[2][4] = Text("1,5"),
        expect: &["gegevens.xlsx › Medewerkers › E3: VTE \"1,5\" ligt niet tussen 0 en 1"],
    },
    Case {
        name: "FTE zero",
        change: |i| employees(i)[1][4] = Number(0.0),
        expect: &["Medewerkers › E2: VTE \"0\" ligt niet tussen 0 en 1"],
    },
    Case {
        name: "FTE negative",
        change: |i| employees(i)[1][4] = Number(-0.5),
        expect: &["Medewerkers › E2: VTE \"-0.5\" ligt niet tussen 0 en 1"],
    },
    Case {
        name: "FTE as a word",
        change: |i| employees(i)[1][4] = Text("voltijds"),
        expect: &["Medewerkers › E2: VTE \"voltijds\" is geen getal"],
    },
    Case {
        name: "FTE empty",
        change: |i| employees(i)[1][4] = Empty,
        expect: &["Medewerkers › E2: VTE is leeg. Dit veld is verplicht."],
    },
    Case {
        name: "unknown gender",
        change: |i| employees(i)[2][2] = Text("Q"),
        expect: &[
            "Medewerkers › C3: Geslacht \"Q\" is onbekend. Gebruik een van deze waarden: \"M\", \"V\", \"X\"",
        ],
    },
    Case {
        name: "birth date not a date",
        change: |i| employees(i)[1][3] = Text("gisteren"),
        expect: &[
            "Medewerkers › D2: Geboortedatum \"gisteren\" is geen datum",
            "zeg dan hoe in plan.toml: [input.employees.formats] birth_date = \"%m/%d/%Y\"",
        ],
    },
    Case {
        name: "birth date after the reference date",
        change: |i| employees(i)[1][3] = Text("01/01/2030"),
        expect: &["Medewerkers › D2: geboortedatum 01/01/2030 ligt na de referentiedatum 31/12/2026"],
    },
    Case {
        name: "31 February",
        change: |i| employees(i)[1][3] = Text("31/02/1980"),
        expect: &["Medewerkers › D2: Geboortedatum \"31/02/1980\" is geen datum"],
    },
    Case {
        name: "end before start",
        change: |i| employees(i)[5][6] = Text("01/01/2009"),
        expect: &["Medewerkers › G6: de einddatum 01/01/2009 ligt vóór de startdatum 01/01/2010"],
    },
    Case {
        name: "duplicate personnel number",
        change: |i| employees(i)[3][0] = Text("E1"),
        expect: &["Medewerkers › A4: Personeelsnummer \"E1\" komt al voor in cel A2"],
    },
    Case {
        name: "unknown nationality",
        change: |i| employees(i)[1][12] = Text("Atlantis"),
        expect: &["Medewerkers › M2: Nationaliteit \"Atlantis\" is geen bekend land"],
    },
    Case {
        name: "yes/no neither",
        change: |i| employees(i)[1][11] = Text("soms"),
        expect: &[
            "Medewerkers › L2: Handicap \"soms\" is onbekend. Gebruik een van deze waarden: \"ja\", \"nee\"",
        ],
    },
    Case {
        name: "unknown statute",
        change: |i| employees(i)[1][9] = Text("zelfstandige"),
        expect: &["Medewerkers › J2: Statuut \"zelfstandige\" is onbekend"],
    },
    Case {
        name: "duplicate training code",
        change: |i| trainings(i)[2][0] = Text("T1"),
        expect: &["Opleidingen › A3: Code \"T1\" komt al voor in cel A2"],
    },
    Case {
        name: "unknown kind of training",
        change: |i| trainings(i)[1][3] = Text("webinar"),
        expect: &[
            "Opleidingen › D2: Soort \"webinar\" is onbekend. Gebruik een van deze waarden: \"formeel\", \"informeel\", \"initieel\"",
        ],
    },
    Case {
        name: "kind missing",
        change: |i| trainings(i)[1][3] = Empty,
        expect: &["Opleidingen › D2: Soort is leeg. Dit veld is verplicht."],
    },
    Case {
        name: "negative duration",
        change: |i| trainings(i)[1][4] = Number(-8.0),
        expect: &["Opleidingen › E2: Duur (uren) \"-8\" is negatief"],
    },
    Case {
        name: "duration missing",
        change: |i| trainings(i)[3][4] = Empty,
        expect: &["Opleidingen › E4: Duur (uren) is leeg"],
    },
    Case {
        name: "negative budget",
        change: |i| trainings(i)[1][5] = Number(-100.0),
        expect: &["Opleidingen › F2: Budget \"-100\" is negatief"],
    },
    Case {
        name: "budget not a number",
        change: |i| trainings(i)[2][5] = Text("tweehonderd"),
        expect: &["Opleidingen › F3: Budget \"tweehonderd\" is geen getal"],
    },
    Case {
        name: "unknown goal",
        change: |i| trainings(i)[1][2] = Text("D9"),
        expect: &[
            "Opleidingen › C2: doelstelling \"D9\" bestaat niet in plan.toml. Bestaande doelstellingen: \"D1\"",
        ],
    },
    Case {
        name: "unknown risk group",
        change: |i| trainings(i)[1][6] = Text("50+, jongeren"),
        expect: &["Opleidingen › G2: Risicogroep \"jongeren\" is onbekend"],
    },
    Case {
        name: "participation of an unknown employee",
        change: |i| participations(i).push(vec![Text("E99"), Text("T1"), Empty, Empty]),
        expect: &["Deelnames › A9: personeelsnummer \"E99\" staat niet in het tabblad Medewerkers"],
    },
    Case {
        name: "participation in an unknown training",
        change: |i| participations(i)[1][1] = Text("T9"),
        expect: &["Deelnames › B2: opleidingscode \"T9\" staat niet in het tabblad Opleidingen"],
    },
    Case {
        name: "negative hours",
        change: |i| participations(i)[2][2] = Number(-3.0),
        expect: &["Deelnames › C3: Uren \"-3\" is negatief"],
    },
    Case {
        name: "unknown status",
        change: |i| participations(i)[1][3] = Text("misschien"),
        expect: &["Deelnames › D2: Status \"misschien\" is onbekend"],
    },
    Case {
        name: "missing sheet",
        change: |i| {
            i.sheets.remove(1);
        },
        expect: &[
            "gegevens.xlsx: tabblad \"Opleidingen\" ontbreekt. Gevonden tabbladen: \"Medewerkers\", \"Deelnames\"",
            "noem dat bestand dan in plan.toml: [input.trainings] workbook = ",
        ],
    },
    Case {
        name: "missing column",
        change: |i| employees(i)[0][2] = Text("Sekse"),
        expect: &[
            "gegevens.xlsx › Medewerkers: kolom \"Geslacht\" ontbreekt",
            "[input.employees.columns] gender = ",
            "[input.employees] header_row = 5",
            "[input.employees.defaults] gender = …",
        ],
    },
    Case {
        name: "empty sheet",
        change: |i| employees(i).truncate(1),
        expect: &["gegevens.xlsx › Medewerkers: dit tabblad bevat geen gegevens onder de kopregel"],
    },
    Case {
        name: "not a workbook",
        change: |i| i.workbook_bytes = Some(b"Naam;VTE\nJan;1\n".to_vec()),
        expect: &["gegevens.xlsx: dit bestand is geen Excel-werkmap"],
    },
    Case {
        name: "truncated workbook",
        change: |i| {
            let bytes = valid_workbook_bytes();
            i.workbook_bytes = Some(bytes[..bytes.len() / 2].to_vec());
        },
        expect: &["gegevens.xlsx: dit bestand is geen leesbare werkmap"],
    },
    Case {
        name: "password-protected workbook",
        change: |i| i.workbook_bytes = Some(include_bytes!("fixtures/encrypted.xlsx").to_vec()),
        expect: &["gegevens.xlsx: deze werkmap is met een wachtwoord beveiligd"],
    },
    Case {
        name: "workbook not where plan.toml says",
        change: |i| i.plan = i.plan.replace("gegevens.xlsx", "elders.xlsx"),
        expect: &["elders.xlsx: de werkmap bestaat niet"],
    },
    Case {
        name: "plan.toml syntax",
        change: |i| i.plan = i.plan.replace("year = 2027", "year = 2027x"),
        expect: &["plan.toml:11:12: "],
    },
    Case {
        name: "plan.toml enterprise number",
        change: |i| i.plan = i.plan.replace("0403.019.261", "0403.019.262"),
        expect: &[
            "plan.toml:4:21: ondernemingsnummer \"0403.019.262\" is ongeldig: het controlegetal klopt niet",
        ],
    },
    Case {
        name: "plan.toml misspelt key",
        change: |i| i.plan = i.plan.replace("year = 2027", "yaer = 2027"),
        expect: &["plan.toml:11:1: unknown field `yaer`"],
    },
    Case {
        name: "plan.toml year out of range",
        change: |i| i.plan = i.plan.replace("year = 2027", "year = 1850"),
        expect: &["plan.toml:11:8: plan.year = 1850 is ongeldig"],
    },
    Case {
        name: "plan.toml minimum group size of zero",
        change: |i| i.plan = i.plan.replace("year = 2027", "year = 2027\nmin_group_size = 0"),
        expect: &["plan.toml:12:18: plan.min_group_size = 0 is ongeldig"],
    },
    Case {
        name: "mapping names an unknown field",
        change: |i| i.plan.push_str("\n[input.employees.columns]\ngeboorte = \"Geb\"\n"),
        expect: &[
            "input.employees.columns = geboorte is ongeldig; verwacht: een van id, name, gender, birth_date",
        ],
    },
    Case {
        name: "mapping with an unknown FTE format",
        change: |i| i.plan.push_str("\n[input.employees.formats]\nfte = \"halftijds\"\n"),
        expect: &[
            "input.employees.formats.fte = halftijds is ongeldig; verwacht: \"percent\", \"fraction\" of \"hours/38\"",
        ],
    },
    Case {
        name: "plan.toml date in year 1",
        change: |i| i.plan = i.plan.replace("year = 2027", "year = 2027\ndate = 0001-01-01"),
        expect: &[
            "plan.toml:12:8: plan.date = 0001-01-01 is ongeldig; verwacht: een datum tussen 1900 en 2100",
        ],
    },
    Case {
        name: "organisation name of 300 characters",
        change: |i| i.plan = i.plan.replace("Fixture BV", &"N".repeat(300)),
        expect: &["plan.toml:3:8: organisation.name telt 300 tekens; er passen er hoogstens 160"],
    },
    Case {
        name: "a text of a megabyte in plan.toml",
        change: |i| i.plan = i.plan.replace("Missie van de fixture.", &"m".repeat(1_000_000)),
        expect: &["plan.toml:20:11: strategy.mission telt 1000000 tekens; er passen er hoogstens 32767"],
    },
    Case {
        name: "workbook outside the plan folder",
        change: |i| i.plan = i.plan.replace("\"gegevens.xlsx\"", "\"../gegevens.xlsx\""),
        expect: &[
            "plan.toml:17:12: input.workbook = \"../gegevens.xlsx\" is ongeldig; verwacht: een werkmap binnen de planmap",
        ],
    },
    Case {
        name: "plan.toml and workbook problems together",
        change: |i| {
            i.plan = i.plan.replace("0403.019.261", "0403.019.262");
            employees(i)[2][4] = Text("1,5");
        },
        expect: &["plan.toml:4:21: ondernemingsnummer", "Medewerkers › E3: VTE \"1,5\""],
    },
];

#[test]
fn every_malformed_input_gets_its_own_message_and_no_output() {
    assert!(CASES.len() >= 25);
    let messages = &Language::Nl.strings().messages;
    let mut failures = Vec::new();
    for case in CASES {
        let mut input = Input { sheets: fixture_sheets(), plan: PLAN_TOML.to_string(), workbook_bytes: None };
        (case.change)(&mut input);
        let dir = plan_folder(&input.plan, &input.sheets);
        if let Some(bytes) = &input.workbook_bytes {
            std::fs::write(dir.path().join("gegevens.xlsx"), bytes).unwrap();
        }
        let out = dir.path().join("out");
        let options = BuildOptions {
            out: out.clone(),
            layout: None,
            editions: Some(vec![Edition::Internal]),
            new_version: false,
            stage: None,
        };
        let result = std::panic::catch_unwind(|| pipeline::build(dir.path(), &options));
        let lines: Vec<String> = match result {
            Err(_) => {
                failures.push(format!("{}: panicked", case.name));
                continue;
            }
            Ok(Ok(_)) => {
                failures.push(format!("{}: built without complaint", case.name));
                continue;
            }
            Ok(Err(BuildError::Problems(problems))) => problems
                .sorted()
                .iter()
                .filter(|p| p.severity == opleidingsplan::problem::Severity::Error)
                .map(|p| p.describe(messages))
                .collect(),
            Ok(Err(other)) => vec![other.to_string()],
        };
        for fragment in case.expect {
            if !lines.iter().any(|l| l.contains(fragment)) {
                failures.push(format!(
                    "{}: no line contains {fragment:?}; got:\n    {}",
                    case.name,
                    lines.join("\n    ")
                ));
            }
        }
        if out.exists() {
            failures.push(format!("{}: wrote {}", case.name, out.display()));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

#[test]
fn exports_as_they_come_are_read_without_complaint() {
    // Title rows above the header, headers in another case and with extra
    // spaces, a blank row, and a totals row at the end.
    let mut sheets = fixture_sheets();
    let employees = &mut sheets[0].rows;
    employees.insert(0, vec![Text("Personeelsexport Fixture BV")]);
    employees.insert(1, vec![Text("Afgedrukt op 15/01/2027")]);
    employees[2][4] = Text("  vte ");
    employees[2][2] = Text("GESLACHT");
    employees.insert(5, vec![]);
    employees.push(vec![Text("Totaal"), Empty, Empty, Empty, Number(5.3)]);
    let dir = plan_folder(PLAN_TOML, &sheets);
    let prepared = pipeline::prepare(dir.path()).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(prepared.plan.employees.len(), 6);
    assert_eq!(prepared.figures.workforce.total.heads, 4);
}

#[test]
fn a_mapping_reads_an_export_with_its_own_headers_codes_and_formats() {
    // A payroll export: English-ish headers of its own, a title row, codes
    // for gender, American text dates, FTE as weekly hours, no statute column.
    let export = Sheet {
        name: "Export",
        rows: vec![
            vec![Text("Payroll export – do not edit")],
            vec![
                Text("Emp no"),
                Text("Sex"),
                Text("DOB"),
                Text("Weekly hours"),
                Text("Dept"),
                Text("Left on"),
            ],
            vec![Text("E1"), Text("1"), Text("06/15/1970"), Number(38.0), Text("Productie"), Empty],
            vec![Text("E2"), Text("2"), Text("01/01/1990"), Text("30,4"), Text("Productie"), Empty],
            vec![Text("E3"), Text("2"), Text("03/10/2002"), Number(19.0), Text("Administratie"), Empty],
            vec![Text("E4"), Text("3"), Text("12/31/1976"), Number(38.0), Text("Administratie"), Empty],
            vec![
                Text("E5"),
                Text("1"),
                Text("05/05/1985"),
                Number(38.0),
                Text("Productie"),
                Text("06/30/2026"),
            ],
        ],
    };
    let mut sheets = fixture_sheets();
    sheets[0] = export;
    sheets[2].rows.retain(|r| !matches!(r.first(), Some(Text("E6"))));
    let plan = format!(
        "{PLAN_TOML}
[input.employees]
sheet = \"export\"
header_row = 2
columns = {{ id = \"Emp no\", gender = \"B\", birth_date = \"DOB\", fte = \"Weekly hours\", department = \"Dept\", end_date = \"Left on\" }}
formats = {{ birth_date = \"%m/%d/%Y\", end_date = \"%m/%d/%Y\", fte = \"hours/38\" }}
[input.employees.values.gender]
1 = \"M\"
2 = \"V\"
3 = \"X\"
"
    );
    let dir = plan_folder(&plan, &sheets);
    let prepared = pipeline::prepare(dir.path()).unwrap_or_else(|e| panic!("{e:?}"));
    let w = &prepared.figures.workforce;
    assert_eq!(w.total.heads, 4);
    // 38/38 + 30,4/38 + 19/38 + 38/38 = 1 + 0,8 + 0,5 + 1.
    assert!((w.total.fte - 3.3).abs() < 1e-9, "{}", w.total.fte);
    assert_eq!(w.by_gender.map(|c| c.heads), [1, 2, 1]);
    assert_eq!(prepared.figures.risk_groups[0].count.heads, 2);
}
