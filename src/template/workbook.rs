//! The template workbook: our three sheets with explained headers,
//! dropdowns for codes, date and number formats, and two example rows.

use crate::config::fields::{self, EmployeeField as E, Field, ParticipationField as P, TrainingField as T};
use crate::import::vocabulary::{EDUCATION, GENDER, PILLAR, STATUS, STATUTE, TRAINING_KIND, Vocabulary};
use crate::model::Language;
use crate::model::{EducationLevel, Gender, ParticipationStatus, Pillar, Statute, TrainingKind};
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationRule, ExcelDateTime, Format, FormatBorder, Note, Workbook,
    Worksheet, XlsxError,
};

/// Rows that get dropdowns and formats, below the header.
const ROWS: u32 = 2000;

/// An example cell.
enum V {
    Text(String),
    Number(f64),
    Date(u16, u8, u8),
    Empty,
}

fn t(s: &str) -> V {
    V::Text(s.to_string())
}

/// What a column accepts beyond free text.
enum Kind {
    Text,
    Date,
    Number(&'static str),
    Fte,
    List(Vec<String>),
}

fn list<T: Copy>(vocabulary: &Vocabulary<T>, language: Language) -> Kind {
    Kind::List(vocabulary.expected(language))
}

pub fn write(language: Language, year: i16) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let created = ExcelDateTime::from_ymd(year as u16 - 1, 12, 1)?;
    book.set_properties(&rust_xlsxwriter::DocProperties::new().set_creation_datetime(&created));
    let strings = language.strings();
    let (yes, no) = (strings.labels.yes.clone(), strings.labels.no.clone());

    let employees = [
        (E::Id, Kind::Text),
        (E::Name, Kind::Text),
        (E::Gender, list(&GENDER, language)),
        (E::BirthDate, Kind::Date),
        (E::Fte, Kind::Fte),
        (E::StartDate, Kind::Date),
        (E::EndDate, Kind::Date),
        (E::Department, Kind::Text),
        (E::JobTitle, Kind::Text),
        (E::Statute, list(&STATUTE, language)),
        (E::Education, list(&EDUCATION, language)),
        (E::Disability, Kind::List(vec![yes.clone(), no.clone()])),
        (E::Nationality, Kind::Text),
        (E::Bottleneck, Kind::List(vec![yes.clone(), no.clone()])),
        (E::JointCommittee, Kind::Text),
        (E::Language, Kind::List(vec!["nl".into(), "fr".into(), "en".into()])),
        (E::HourlyWage, Kind::Number("€ #,##0.00")),
    ];
    let examples = examples(language, year);
    sheet(
        book.add_worksheet(),
        fields::EMPLOYEES.name(language),
        "employees",
        &employees,
        &examples.0,
        language,
    )?;
    let trainings = [
        (T::Code, Kind::Text),
        (T::Title, Kind::Text),
        (T::Theme, Kind::Text),
        (T::Goal, Kind::Text),
        (T::TargetGroup, Kind::Text),
        (T::Kind, list(&TRAINING_KIND, language)),
        (T::StartDate, Kind::Date),
        (T::EndDate, Kind::Date),
        (T::Language, Kind::Text),
        (T::Method, Kind::Text),
        (T::Registrations, Kind::Number("0")),
        (T::Duration, Kind::Number("0.0")),
        (T::Provider, Kind::Text),
        (T::Budget, Kind::Number("€ #,##0")),
        (T::Evaluation, Kind::Text),
        (T::RiskGroups, Kind::Text),
        (T::Pillar, list(&PILLAR, language)),
        (T::Delivers, Kind::Text),
    ];
    sheet(
        book.add_worksheet(),
        fields::TRAININGS.name(language),
        "trainings",
        &trainings,
        &examples.1,
        language,
    )?;
    let participations = [
        (P::EmployeeId, Kind::Text),
        (P::TrainingCode, Kind::Text),
        (P::Hours, Kind::Number("0.0")),
        (P::Status, list(&STATUS, language)),
        (P::Date, Kind::Date),
        (P::Cost, Kind::Number("€ #,##0.00")),
    ];
    let name = fields::PARTICIPATIONS.name(language);
    sheet(book.add_worksheet(), name, "participations", &participations, &examples.2, language)?;
    needs_sheets(&mut book, language, year)?;
    book.save_to_buffer()
}

fn sheet<F: Field>(
    ws: &mut Worksheet,
    name: &str,
    key: &str,
    columns: &[(F, Kind)],
    examples: &[Vec<V>],
    language: Language,
) -> Result<(), XlsxError> {
    ws.set_name(name)?;
    let header = Format::new()
        .set_bold()
        .set_font_color(Color::White)
        .set_background_color(Color::RGB(0x1F4E79))
        .set_border_bottom(FormatBorder::Thin);
    let required = header.clone().set_background_color(Color::RGB(0xE07B24));
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let explanations = language.strings().columns.get(key);
    for (c, (field, kind)) in columns.iter().enumerate() {
        let c = c as u16;
        let title = field.names()[language.index()];
        ws.write_string_with_format(0, c, title, if field.required() { &required } else { &header })?;
        if let Some(text) = explanations.and_then(|e| e.get(field.key())) {
            ws.insert_note(0, c, &Note::new(text).add_author_prefix(false).set_width(260).set_height(90))?;
        }
        let width = (title.chars().count() as f64 + 4.0).max(13.0);
        let format = match kind {
            Kind::Date => Some(date.clone()),
            Kind::Number(pattern) => Some(Format::new().set_num_format(*pattern)),
            Kind::Fte => Some(Format::new().set_num_format("0.00")),
            Kind::Text | Kind::List(_) => None,
        };
        match &format {
            Some(f) => ws.set_column_width(c, width)?.set_column_format(c, f)?,
            None => ws.set_column_width(c, width)?,
        };
        let validation = match kind {
            Kind::List(options) => Some(DataValidation::new().allow_list_strings(options)?),
            Kind::Fte => Some(
                DataValidation::new()
                    .allow_decimal_number(DataValidationRule::Between(0.01, 1.0))
                    .set_error_message(
                        language
                            .strings()
                            .columns
                            .get("employees")
                            .and_then(|e| e.get("fte"))
                            .map_or("", String::as_str),
                    )?,
            ),
            _ => None,
        };
        if let Some(validation) = validation {
            ws.add_data_validation(1, c, ROWS, c, &validation)?;
        }
    }
    for (r, row) in examples.iter().enumerate() {
        let r = 1 + r as u32;
        for (c, value) in row.iter().enumerate() {
            let c = c as u16;
            match value {
                V::Text(s) => {
                    ws.write_string(r, c, s)?;
                }
                V::Number(n) => {
                    ws.write_number(r, c, *n)?;
                }
                V::Date(y, m, d) => {
                    ws.write_date_with_format(r, c, &ExcelDateTime::from_ymd(*y, *m, *d)?, &date)?;
                }
                V::Empty => {}
            }
        }
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}

type Rows = Vec<Vec<V>>;

/// Two example rows per sheet that pass `check`, in the user's language.
fn examples(language: Language, year: i16) -> (Rows, Rows, Rows) {
    let y = year as u16;
    let strings = language.strings();
    let (yes, no) = (strings.labels.yes.as_str(), strings.labels.no.as_str());
    let word = |v: &str| t(v);
    let [names, departments, jobs]: [[&str; 2]; 3] = match language {
        Language::Nl => {
            [["Jan Peeters", "An Maes"], ["Productie", "Administratie"], ["Operator", "Boekhouder"]]
        }
        Language::Fr => {
            [["Jean Dupont", "Marie Lambert"], ["Production", "Administration"], ["Opérateur", "Comptable"]]
        }
        Language::En => {
            [["John Smith", "Anne Peeters"], ["Production", "Administration"], ["Operator", "Accountant"]]
        }
    };
    let employees = vec![
        vec![
            t("1001"),
            t(names[0]),
            word(GENDER.word(Gender::Male, language)),
            V::Date(1985, 4, 12),
            V::Number(1.0),
            V::Date(2015, 9, 1),
            V::Empty,
            t(departments[0]),
            t(jobs[0]),
            word(STATUTE.word(Statute::BlueCollar, language)),
            word(EDUCATION.word(EducationLevel::Medium, language)),
            t(no),
            t("BE"),
            t(no),
            t("200"),
            t(language.code()),
            V::Number(34.5),
        ],
        vec![
            t("1002"),
            t(names[1]),
            word(GENDER.word(Gender::Female, language)),
            V::Date(1972, 11, 3),
            V::Number(0.8),
            V::Date(2008, 2, 15),
            V::Empty,
            t(departments[1]),
            t(jobs[1]),
            word(STATUTE.word(Statute::WhiteCollar, language)),
            word(EDUCATION.word(EducationLevel::High, language)),
            t(no),
            t("BE"),
            t(yes),
            t("200"),
            t(language.code()),
            V::Number(41.0),
        ],
    ];
    let texts: [[&str; 8]; 2] = match language {
        Language::Nl => [
            [
                "VEI-01",
                "VCA-basisveiligheid",
                "Veiligheid",
                "Operatoren zonder VCA-attest",
                "Nederlands",
                "Klassikaal",
                "Syntra",
                "Examen met attest",
            ],
            [
                "COA-01",
                "Coaching op de werkvloer",
                "Leiderschap",
                "Nieuwe ploegleiders",
                "Nederlands",
                "Coaching",
                "Intern",
                "Evaluatiegesprek",
            ],
        ],
        Language::Fr => [
            [
                "SEC-01",
                "Sécurité de base VCA",
                "Sécurité",
                "Opérateurs sans attestation VCA",
                "Français",
                "Présentiel",
                "Centre de formation",
                "Examen avec attestation",
            ],
            [
                "COA-01",
                "Coaching sur le lieu de travail",
                "Leadership",
                "Nouveaux chefs d'équipe",
                "Français",
                "Coaching",
                "Interne",
                "Entretien d'évaluation",
            ],
        ],
        Language::En => [
            [
                "SAF-01",
                "Basic safety certificate",
                "Safety",
                "Operators without a safety certificate",
                "English",
                "Classroom",
                "Training centre",
                "Exam with certificate",
            ],
            [
                "COA-01",
                "Coaching on the job",
                "Leadership",
                "New team leaders",
                "English",
                "Coaching",
                "Internal",
                "Evaluation interview",
            ],
        ],
    };
    let training = |x: &[&str; 8],
                    kind: TrainingKind,
                    month: u8,
                    hours: f64,
                    budget: Option<f64>,
                    risk: &str,
                    pillar: Pillar| {
        vec![
            t(x[0]),
            t(x[1]),
            t(x[2]),
            t("D1"),
            t(x[3]),
            word(TRAINING_KIND.word(kind, language)),
            V::Date(y, month, 1),
            V::Date(y, month, 28),
            t(x[4]),
            t(x[5]),
            V::Empty,
            V::Number(hours),
            t(x[6]),
            budget.map_or(V::Empty, V::Number),
            t(x[7]),
            t(risk),
            word(PILLAR.word(pillar, language)),
        ]
    };
    let mut trainings = vec![
        training(&texts[0], TrainingKind::Formal, 3, 8.0, Some(2400.0), "", Pillar::ProfessionalField),
        training(&texts[1], TrainingKind::Informal, 5, 12.0, None, "50+", Pillar::Career),
    ];
    // The first delivers the certificate the job requirements ask for.
    trainings[0].push(t("VCA"));
    trainings[1].push(V::Empty);
    let planned = word(STATUS.word(ParticipationStatus::Planned, language));
    let participations = vec![
        vec![t("1001"), t(texts[0][0]), V::Empty, planned, V::Date(y, 3, 10), V::Number(300.0)],
        vec![
            t("1002"),
            t(texts[1][0]),
            V::Empty,
            word(STATUS.word(ParticipationStatus::Planned, language)),
            V::Date(y, 5, 4),
            V::Empty,
        ],
    ];
    (employees, trainings, participations)
}

/// The optional sheets of training needs, with an example row each that
/// passes `check`: VCA for the first example's department, held by 1001
/// until it expires, and a competence level of 1002.
fn needs_sheets(book: &mut Workbook, language: Language, year: i16) -> Result<(), XlsxError> {
    use crate::config::fields::{CertificateField as C, CompetenceField as K, RequirementField as R};
    let department = match language {
        Language::Nl => "Productie",
        Language::Fr | Language::En => "Production",
    };
    let requirements =
        [(R::Department, Kind::Text), (R::Certificate, Kind::Text), (R::Validity, Kind::Number("0"))];
    let rows = vec![vec![t(department), t("VCA"), V::Number(120.0)]];
    let name = fields::REQUIREMENTS.name(language);
    sheet(book.add_worksheet(), name, "job_requirements", &requirements, &rows, language)?;
    let certificates = [
        (C::EmployeeId, Kind::Text),
        (C::Certificate, Kind::Text),
        (C::Obtained, Kind::Date),
        (C::ValidUntil, Kind::Date),
    ];
    let until = (year + 2) as u16;
    let rows = vec![vec![t("1001"), t("VCA"), V::Date(until - 10, 3, 1), V::Date(until, 2, 28)]];
    let name = fields::CERTIFICATES.name(language);
    sheet(book.add_worksheet(), name, "certificates", &certificates, &rows, language)?;
    let competences = [
        (K::EmployeeId, Kind::Text),
        (K::Competence, Kind::Text),
        (K::Current, Kind::Number("0")),
        (K::Wanted, Kind::Number("0")),
    ];
    let rows = vec![vec![t("1002"), t("Excel"), V::Number(2.0), V::Number(3.0)]];
    let name = fields::COMPETENCES.name(language);
    sheet(book.add_worksheet(), name, "competences", &competences, &rows, language)
}
