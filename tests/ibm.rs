//! The public IBM HR data set (data/ibm-hr/), read through the mapping in its
//! plan.toml only: the export is used exactly as published.

mod common;

use calamine::{Data, Reader, Xlsx, open_workbook};
use opleidingsplan::model::Edition;
use opleidingsplan::outputs::pdf::{CachePolicy, Resources, page_texts};
use opleidingsplan::pipeline;
use opleidingsplan::synthetic::Random;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use std::path::{Path, PathBuf};

fn folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/ibm-hr")
}

#[test]
fn the_ibm_export_builds_through_mapping_alone() {
    let prepared = pipeline::prepare(&folder()).unwrap_or_else(|e| panic!("{e:?}"));
    let figures = &prepared.figures;
    let w = &figures.workforce;
    // Facts of the published data set: 1,470 employees, 882 men, 588 women,
    // 173 aged 50 or over, 961 in Research & Development; no FTE column, so
    // the default of 1.0 applies to all.
    assert_eq!(w.total.heads, 1470);
    assert!((w.total.fte - 1470.0).abs() < 1e-9);
    assert_eq!(w.by_gender[0].heads, 882);
    assert_eq!(w.by_gender[1].heads, 588);
    assert_eq!(figures.risk_groups[0].count.heads, 173);
    let rd = w.by_department.iter().find(|(d, _)| d.as_deref() == Some("Research & Development"));
    assert_eq!(rd.map(|(_, c)| c.heads), Some(961));
    // Education 1 → low (170), 2 → medium (282), 3-5 → high (1,018).
    let education: Vec<u32> = w.by_education.iter().map(|(_, c)| c.heads).collect();
    assert_eq!(education, [170, 282, 1018]);
    // Bottleneck occupations: Laboratory Technician (259) + Research Scientist (292).
    assert_eq!(figures.risk_groups[3].count.heads, 551);
    // Job levels 4 and 5 are management: 106 + 69.
    assert_eq!(w.by_statute[2].1.heads, 175);
    assert!(figures.training.participations > 1000, "{}", figures.training.participations);
    assert!(prepared.warnings.is_empty(), "{:?}", prepared.warnings);

    let typeset =
        prepared.typeset(Edition::Internal, &Resources::bundled(CachePolicy::KeepUntilExit)).unwrap();
    let text = common::squeeze(&page_texts(&typeset.document).join(" "));
    assert!(text.contains(&common::squeeze("On 31 December 2026, IBM HR sample has 1,470 active employees")));
    // Nationality is not in the export: the non-EU figure says it rests on no data.
    assert!(text.contains(&common::squeeze("The nationality of 1,470 employees is not known")));
    // Disability and nationality are not recorded at all: unknown, never 0,
    // and the checklist does not assess them.
    assert!(text.contains(&common::squeeze("unknown: the data does not record who belongs to this group")));
    let unassessed =
        text.matches(&common::squeeze("Not assessed: the data does not record who belongs")).count();
    assert_eq!(unassessed, 2, "disability and non-EU nationality");
    assert!(!text.contains(&common::squeeze("0 (0.0% of the workforce)")), "a risk group shown as 0");
}

/// Regenerates data/ibm-hr/opleidingen.xlsx: a year's trainings for the
/// sample company and participations drawn (seeded) from its employees.
/// `cargo test --test ibm -- --ignored` after changing the catalogue below.
#[test]
#[ignore]
fn regenerate_trainings_workbook() {
    let mut book: Xlsx<_> = open_workbook(folder().join("ibm-hr-attrition.xlsx")).unwrap();
    let sheet = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&sheet).unwrap();
    let headers: Vec<String> = range.rows().next().unwrap().iter().map(|c| c.to_string()).collect();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (id, age, department, role, level) =
        (col("EmployeeNumber"), col("Age"), col("Department"), col("JobRole"), col("JobLevel"));
    let number = |c: &Data| match c {
        Data::Float(f) => *f,
        Data::Int(i) => *i as f64,
        other => panic!("not a number: {other:?}"),
    };
    let employees: Vec<Employee> = range
        .rows()
        .skip(1)
        .map(|r| {
            (
                number(&r[id]),
                number(&r[age]),
                r[department].to_string(),
                r[role].to_string(),
                number(&r[level]),
            )
        })
        .collect();

    type Employee = (f64, f64, String, String, f64);
    type Audience = fn(&Employee) -> bool;
    /// Code, title, goal, target group, kind, method, hours, budget, evaluation, risk group, pillar, audience, uptake.
    type Row = (
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        f64,
        Option<f64>,
        &'static str,
        &'static str,
        &'static str,
        Audience,
        f64,
    );
    #[rustfmt::skip]
    let trainings: Vec<Row> = vec![
        ("LAB-01", "Good Laboratory Practice refresher", "G1", "Laboratory technicians", "formal", "Classroom", 8.0, Some(4800.0), "Certificate exam", "bottleneck occupation", "professional field", |e| e.3 == "Laboratory Technician", 0.6),
        ("LAB-02", "Biosafety level 2 certification", "G1", "Laboratory and research staff", "formal", "Classroom and lab practice", 16.0, Some(9600.0), "Practical test", "bottleneck occupation", "professional field", |e| e.3 == "Laboratory Technician" || e.3 == "Research Scientist", 0.25),
        ("RES-01", "Statistics with R for researchers", "G1", "Research scientists", "formal", "Workshop", 24.0, Some(7200.0), "Project assignment", "bottleneck occupation", "professional field", |e| e.3 == "Research Scientist", 0.2),
        ("RES-02", "Journal club", "G1", "Research staff", "informal", "Peer learning", 12.0, None, "Attendance", "", "professional field", |e| e.2 == "Research & Development", 0.15),
        ("HC-01", "Healthcare compliance and ethics", "G1", "Healthcare representatives", "informal", "E-learning", 3.0, Some(1500.0), "Online test", "", "professional field", |e| e.3 == "Healthcare Representative", 0.9),
        ("SAL-01", "Consultative selling", "G2", "Sales executives and representatives", "formal", "Classroom", 16.0, Some(12000.0), "Role play and customer survey", "", "strategy", |e| e.2 == "Sales", 0.35),
        ("SAL-02", "CRM onboarding", "G2", "Sales staff", "informal", "On-the-job", 4.0, None, "Usage in CRM", "", "strategy", |e| e.2 == "Sales", 0.4),
        ("SAL-03", "Negotiation skills", "G2", "Sales executives", "formal", "Workshop", 14.0, Some(6300.0), "360° feedback", "", "career", |e| e.3 == "Sales Executive", 0.2),
        ("LEAD-01", "First-time manager programme", "G3", "New managers and directors", "formal", "Classroom (five days)", 35.0, Some(21000.0), "360° feedback after six months", "", "strategy", |e| e.4 >= 3.0, 0.15),
        ("LEAD-02", "Coaching conversations", "G3", "All people managers", "formal", "Workshop", 7.0, Some(5400.0), "Team survey", "", "strategy", |e| e.4 >= 3.0, 0.3),
        ("LEAD-03", "Stay interviews", "G3", "All people managers", "informal", "Coaching", 4.0, None, "Attrition figures", "", "strategy", |e| e.4 >= 4.0, 0.5),
        ("HR-01", "Employment law update", "G3", "HR staff", "formal", "Webinar", 7.0, Some(1800.0), "Quiz", "", "professional field", |e| e.2 == "Human Resources", 0.6),
        ("ALL-01", "Information security awareness", "", "All employees", "informal", "E-learning", 1.0, Some(3000.0), "Phishing simulation", "", "professional field", |_| true, 0.3),
        ("CAR-01", "Mid-career review for workers aged 50+", "G4", "Employees aged 50 and over", "informal", "Individual coaching", 4.0, None, "Personal development plan", "50+", "career", |e| e.1 >= 50.0, 0.35),
        ("CAR-02", "Generations at work", "G4", "All teams", "formal", "Workshop", 3.0, Some(2400.0), "Survey", "50+", "career", |_| true, 0.05),
        ("INI-01", "Graduate programme", "G4", "Graduates in their first year", "initial", "Rotation and coaching", 80.0, Some(16000.0), "Programme assessment", "", "career", |e| e.1 <= 22.0, 0.7),
    ];

    let mut book = Workbook::new();
    book.set_properties(
        &rust_xlsxwriter::DocProperties::new()
            .set_creation_datetime(&ExcelDateTime::from_ymd(2027, 1, 15).unwrap()),
    );
    let bold = Format::new().set_bold();
    let sheet = book.add_worksheet().set_name("Trainings").unwrap();
    let columns = [
        "Code",
        "Title",
        "Goal",
        "Target group",
        "Kind",
        "Learning method",
        "Duration (hours)",
        "Budget",
        "Evaluation method",
        "Risk group",
        "Pillar",
        "Language",
        "Training provider",
    ];
    for (c, h) in columns.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *h, &bold).unwrap();
    }
    for (i, t) in trainings.iter().enumerate() {
        let r = 1 + i as u32;
        let cells = [t.0, t.1, t.2, t.3, t.4, t.5];
        for (c, v) in cells.iter().enumerate() {
            sheet.write_string(r, c as u16, *v).unwrap();
        }
        sheet.write_number(r, 6, t.6).unwrap();
        if let Some(b) = t.7 {
            sheet.write_number(r, 7, b).unwrap();
        }
        sheet.write_string(r, 8, t.8).unwrap();
        sheet.write_string(r, 9, t.9).unwrap();
        sheet.write_string(r, 10, t.10).unwrap();
        sheet.write_string(r, 11, "English").unwrap();
        sheet.write_string(r, 12, if t.7.is_some() { "External provider" } else { "Internal" }).unwrap();
    }
    let sheet = book.add_worksheet().set_name("Participations").unwrap();
    for (c, h) in ["Employee number", "Training code", "Status"].iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *h, &bold).unwrap();
    }
    let mut random = Random::new(1470);
    let mut r = 1;
    for t in &trainings {
        for e in employees.iter().filter(|e| (t.11)(e)) {
            if random.chance(t.12) {
                sheet.write_number(r, 0, e.0).unwrap();
                sheet.write_string(r, 1, t.0).unwrap();
                sheet.write_string(r, 2, if random.chance(0.05) { "cancelled" } else { "planned" }).unwrap();
                r += 1;
            }
        }
    }
    book.save(folder().join("opleidingen.xlsx")).unwrap();
}
