//! A US-style HR export read as it comes, through a plan.toml mapping: a
//! semicolon CSV in Windows-1252 under a title line, two-digit birth years
//! written month first, FTE as a percentage, English country names, Y/N
//! flags, departments with trailing spaces. Every figure below is counted
//! by hand from the rows.

use opleidingsplan::model::Language;
use opleidingsplan::pipeline::{self, BuildError};

const EXPORT: &str = "Employee export - ACME Corp;generated 01/05/27\r\n\
EmpID;Employee_Name;Sex;DOB;DateofHire;DateofTermination;Department;FTE;CitizenDesc;Disabled\r\n\
1;Smith, John;M;07/10/83;1/5/2015;;Production   ;100;United States;N\r\n\
2;Jones, Mary;F;12/31/58;3/15/2010;;Production;80;Belgium;N\r\n\
3;M\u{fc}ller, Anna;F;2/14/70;6/1/2018;;Admin;50;Germany;Y\r\n\
4;Dupont, Luc;M;11/23/90;9/1/2020;6/30/2026;Admin;100;France;N\r\n\
5;Benali, Samir;M;4/5/66;2/1/2019;;Production ;100;Morocco;N\r\n\
6;Kim, Soo;F;8/30/99;1/10/2024;;Sales;100;South Korea;N\r\n\
7;Peeters, Jan;M;1/2/61;4/4/2004;;Sales;60;Belgium;N\r\n";

const TRAININGS: &str = "Code,Title,Kind,Duration (hours)\nT1,Forklift refresher,formal,8\n";

const PLAN: &str = r#"
[organisation]
name = "ACME Belgium BV"
enterprise_number = "0403.019.261"
works_council = false
union_delegation = false

[plan]
year = 2027
language = "en"

[input]
workbook = "hr_export.csv"

[input.employees]
columns = { id = "EmpID", name = "Employee_Name", gender = "Sex", birth_date = "DOB", start_date = "DateofHire", end_date = "DateofTermination", department = "Department", fte = "FTE", nationality = "CitizenDesc", disability = "Disabled" }
formats = { fte = "percent" }

[input.employees.values.gender]
M = "M"
F = "V"

[input.trainings]
workbook = "trainings.csv"
"#;

fn folder(export: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plan.toml"), PLAN).unwrap();
    let cp1252: Vec<u8> = export.chars().map(|c| u8::try_from(u32::from(c)).unwrap()).collect();
    std::fs::write(dir.path().join("hr_export.csv"), cp1252).unwrap();
    std::fs::write(dir.path().join("trainings.csv"), TRAININGS).unwrap();
    dir
}

#[test]
fn a_us_export_gives_the_figures_counted_by_hand() {
    let dir = folder(EXPORT);
    let prepared = pipeline::prepare(dir.path()).unwrap_or_else(|e| match e {
        BuildError::Problems(p) => {
            let m = &Language::En.strings().messages;
            panic!("{:#?}", p.sorted().iter().map(|p| p.describe(m)).collect::<Vec<_>>())
        }
        other => panic!("{other}"),
    });
    let w = &prepared.figures.workforce;
    // Luc Dupont (4) left on 30 June 2026, before the reference date.
    assert_eq!(w.total.heads, 6);
    assert!((w.total.fte - 4.9).abs() < 1e-9, "{}", w.total.fte);
    assert_eq!((w.by_gender[0].heads, w.by_gender[1].heads), (3, 3));
    // Ages on 31 December 2026: 43, 68, 56, 60, 27, 65: four aged 50 or over.
    let risk: Vec<u32> = prepared.figures.risk_groups.iter().map(|g| g.count.heads).collect();
    assert_eq!(risk[0], 4, "aged 50+");
    assert_eq!(risk[1], 1, "disability: Anna Müller");
    assert_eq!(risk[2], 3, "non-EU: United States, Morocco, South Korea");
    let departments: Vec<(String, u32)> =
        w.by_department.iter().map(|(d, c)| (d.clone().unwrap_or_default(), c.heads)).collect();
    assert!(departments.contains(&("Production".into(), 3)), "{departments:?}");
    assert!(departments.contains(&("Sales".into(), 2)), "{departments:?}");
    assert!(departments.contains(&("Admin".into(), 1)), "{departments:?}");
    // The birth dates' column is said to be month first, once.
    let m = &Language::En.strings().messages;
    let notes: Vec<String> = prepared.warnings.sorted().iter().map(|p| p.describe(m)).collect();
    let month_first: Vec<&String> = notes.iter().filter(|n| n.contains("month/day/year")).collect();
    assert!(
        month_first.iter().any(|n| n.contains("DOB") && n.contains("12/31/58") && n.contains("D4")),
        "{notes:#?}"
    );
}

#[test]
fn an_age_outside_working_ages_is_an_error_at_its_cell_never_a_figure() {
    // Written with four digits by mistake: born in the year 83.
    let broken = EXPORT.replace("07/10/83", "07/10/0083").replace("8/30/99", "8/30/2019");
    let dir = folder(&broken);
    let Err(BuildError::Problems(problems)) = pipeline::prepare(dir.path()) else { panic!("built") };
    let m = &Language::En.strings().messages;
    let lines: Vec<String> = problems.sorted().iter().map(|p| p.describe(m)).collect();
    assert!(
        lines.iter().any(|l| l.starts_with("hr_export.csv › D3: DOB \"07/10/0083\" gives an age of 1943")),
        "{lines:#?}"
    );
    assert!(
        lines.iter().any(|l| l.starts_with("hr_export.csv › D8: DOB \"8/30/2019\" gives an age of 7")),
        "{lines:#?}"
    );
}

#[test]
fn a_column_of_dates_that_read_both_ways_is_one_error_naming_the_setting() {
    // Only ambiguous dates anywhere in the sheet: 4/5/1987 and the like.
    let rows = "Id;Sex;DOB;FTE\r\n1;M;4/5/1987;100\r\n2;F;6/7/1990;100\r\n3;F;1/2/1970;100\r\n";
    let dir = folder(rows);
    let plan = PLAN.replace(
        r#"columns = { id = "EmpID", name = "Employee_Name", gender = "Sex", birth_date = "DOB", start_date = "DateofHire", end_date = "DateofTermination", department = "Department", fte = "FTE", nationality = "CitizenDesc", disability = "Disabled" }"#,
        r#"columns = { id = "Id", gender = "Sex", birth_date = "DOB", fte = "FTE" }"#,
    );
    std::fs::write(dir.path().join("plan.toml"), plan).unwrap();
    let Err(BuildError::Problems(problems)) = pipeline::prepare(dir.path()) else { panic!("built") };
    let m = &Language::En.strings().messages;
    let lines: Vec<String> = problems.sorted().iter().map(|p| p.describe(m)).collect();
    assert_eq!(lines.len(), 1, "{lines:#?}");
    assert!(
        lines[0].starts_with("hr_export.csv › C1: DOB holds dates such as 4/5/1987 (C2)"),
        "{}",
        lines[0]
    );
    assert!(lines[0].contains("[input.employees.formats] birth_date = \"%d/%m/%Y\""), "{}", lines[0]);
}

#[test]
fn citizenship_categories_map_to_eu_or_not_and_no_answer_is_a_country() {
    let export = EXPORT
        .replace("United States", "US Citizen")
        .replace("Morocco", "Non-Citizen")
        .replace("South Korea", "Eligible NonCitizen")
        .replace("Germany", "onbekend");
    let dir = folder(&export);
    let mapping = "\n[input.employees.values.nationality]\n\"US Citizen\" = \"non-EU\"\n\"Non-Citizen\" = \"non-EU\"\n\"Eligible NonCitizen\" = \"non-EU\"\n";
    std::fs::write(dir.path().join("plan.toml"), format!("{PLAN}{mapping}")).unwrap();
    let prepared = pipeline::prepare(dir.path()).unwrap_or_else(|e| panic!("{e:?}"));
    let risk: Vec<u32> = prepared.figures.risk_groups.iter().map(|g| g.count.heads).collect();
    assert_eq!(risk[2], 3, "non-EU: the three mapped as such");

    // "No" in the nationality column is an answer, not Norway.
    let dir = folder(&EXPORT.replace("United States;N", "No;N"));
    let Err(BuildError::Problems(problems)) = pipeline::prepare(dir.path()) else { panic!("built") };
    let m = &Language::En.strings().messages;
    let lines: Vec<String> = problems.sorted().iter().map(|p| p.describe(m)).collect();
    assert!(
        lines.iter().any(|l| l.starts_with("hr_export.csv › I3: CitizenDesc \"No\" is not a known country")),
        "{lines:#?}"
    );
}

#[test]
fn rows_left_out_by_rule_or_for_a_problem_are_listed_and_counted() {
    // A status column: two leavers; and a row whose FTE is a word.
    let export = EXPORT
        .replace(";Disabled\r\n", ";Disabled;EmploymentStatus\r\n")
        .replace(";N\r\n2;", ";N;Active\r\n2;")
        .replace(";N\r\n3;", ";N;Active\r\n3;")
        .replace(";Y\r\n4;", ";Y;Active\r\n4;")
        .replace(";N\r\n5;", ";N;Voluntarily Terminated\r\n5;")
        .replace(";N\r\n6;", ";N;Active\r\n6;")
        .replace(";N\r\n7;", ";N;voluntarily terminated\r\n7;")
        .replace(
            "Peeters, Jan;M;1/2/61;4/4/2004;;Sales;60;Belgium;N\r\n",
            "Peeters, Jan;M;1/2/61;4/4/2004;;Sales;sixty;Belgium;N;Active\r\n",
        );
    let dir = folder(&export);
    let rules = "exclude = { EmploymentStatus = [\"Voluntarily Terminated\"] }\ninvalid_rows = \"exclude\"\n";
    let plan = PLAN
        .replace("formats = { fte = \"percent\" }\n", &format!("formats = {{ fte = \"percent\" }}\n{rules}"));
    std::fs::write(dir.path().join("plan.toml"), plan).unwrap();
    std::fs::write(
        dir.path().join("participations.csv"),
        "Employee number;Training code\n4;T1\n6;T1\n7;T1\n",
    )
    .unwrap();
    let with_participations = std::fs::read_to_string(dir.path().join("plan.toml")).unwrap()
        + "\n[input.participations]\nworkbook = \"participations.csv\"\n";
    std::fs::write(dir.path().join("plan.toml"), with_participations).unwrap();
    let prepared = pipeline::prepare(dir.path()).unwrap_or_else(|e| panic!("{e:?}"));
    let m = &Language::En.strings().messages;
    let notes: Vec<String> = prepared.warnings.sorted().iter().map(|p| p.describe(m)).collect();
    // Dupont (4, a leaver anyway) and Kim (6) by the rule, Peeters (7) for
    // his FTE.
    let by_rule: Vec<&String> =
        notes.iter().filter(|n| n.contains("row left out: EmploymentStatus")).collect();
    assert_eq!(by_rule.len(), 2, "{notes:#?}");
    assert!(
        by_rule[0]
            .starts_with("hr_export.csv › K6: row left out: EmploymentStatus is \"Voluntarily Terminated\""),
        "{}",
        by_rule[0]
    );
    let invalid: Vec<&String> = notes.iter().filter(|n| n.contains("invalid_rows = \"exclude\"")).collect();
    assert_eq!(invalid.len(), 1, "{notes:#?}");
    assert!(
        invalid[0].starts_with("hr_export.csv › H9: row left out") && invalid[0].contains("\"sixty\""),
        "{}",
        invalid[0]
    );
    // Smith, Jones, Müller and Benali remain.
    assert_eq!(prepared.figures.workforce.total.heads, 4);
    // Three rows of the export, and the participations of 4, 6 and 7.
    let typeset = prepared
        .typeset(
            opleidingsplan::model::Edition::Internal,
            &opleidingsplan::outputs::pdf::Resources::bundled(
                opleidingsplan::outputs::pdf::CachePolicy::KeepUntilExit,
            ),
        )
        .unwrap();
    let text: String = opleidingsplan::outputs::pdf::page_texts(&typeset.document).join(" ");
    let squeezed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    assert!(squeezed.contains("6rowsofthedataarenotcountedinthisplan"), "the data-quality note is missing");
}

#[test]
fn check_proposes_the_mapping_and_the_proposal_reads_the_export() {
    let dir = folder(EXPORT);
    let start = PLAN.find("[input.employees]").unwrap();
    let end = PLAN.find("[input.trainings]").unwrap();
    let bare = format!("{}{}", &PLAN[..start], &PLAN[end..]);
    std::fs::write(dir.path().join("plan.toml"), &bare).unwrap();
    let Err(BuildError::Problems(problems)) = pipeline::prepare(dir.path()) else { panic!("built") };
    let m = &Language::En.strings().messages;
    let proposal = problems
        .iter()
        .find_map(|p| match &p.kind {
            opleidingsplan::problem::ProblemKind::MappingProposal { block } => Some(block.clone()),
            _ => None,
        })
        .unwrap_or_else(|| {
            panic!("{:#?}", problems.sorted().iter().map(|p| p.describe(m)).collect::<Vec<_>>())
        });
    assert!(proposal.contains("id = \"EmpID\""), "{proposal}");
    assert!(proposal.contains("start_date = \"DateofHire\""), "{proposal}");
    assert!(proposal.contains("formats = { fte = \"percent\" }"), "{proposal}");
    // Pasted as it is, the proposal reads the export.
    std::fs::write(dir.path().join("plan.toml"), format!("{bare}\n{proposal}")).unwrap();
    let prepared = pipeline::prepare(dir.path()).unwrap_or_else(|e| match e {
        BuildError::Problems(p) => {
            panic!("{:#?}", p.sorted().iter().map(|p| p.describe(m)).collect::<Vec<_>>())
        }
        other => panic!("{other}"),
    });
    assert_eq!(prepared.figures.workforce.total.heads, 6);
}
