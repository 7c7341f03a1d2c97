//! `plan.toml`: the organisation, the plan's settings and strategy, and
//! where the data is and how to read it. Every problem is reported with its
//! line and column.

mod branding;
mod content;
pub mod fields;
mod images;
mod mapping;
pub mod rules;
mod texts;
mod training_right;

pub(crate) use texts::check as check_texts;
pub mod sources;

pub use branding::PartialBranding;
pub(crate) use branding::{BrandingSection, read as read_branding};
pub use mapping::{DefaultValue, Input, SheetMapping, ValueFormat};
pub use sources::{BatchContext, SourceKind, Sources};

use crate::model::Language;
use crate::model::{
    AgeBands, AnnualPlan, Body, Branding, Consultation, EditionChoice, EnterpriseNumber, Organisation,
    Readiness, Settings, Stage, Strategy,
};
use crate::problem::{Expected, FileFault, Location, Problem, ProblemKind, Problems};
use jiff::civil::Date;
use serde::Deserialize;
use std::ops::Range;
use std::path::Path;
use toml::Spanned;

pub const PLAN_FILE: &str = "plan.toml";
/// A batch root's defaults for every plan folder below it.
pub const BATCH_FILE: &str = "batch.toml";
/// A folder of layout files that replace the default layout's, in a batch
/// root or in a plan folder.
pub const LAYOUT_FOLDER: &str = "layouts";

/// `plan.toml`, validated.
#[derive(Debug, Clone)]
pub struct PlanConfig {
    pub organisation: Organisation,
    pub settings: Settings,
    pub strategy: Strategy,
    pub annual: AnnualPlan,
    pub consultation: Consultation,
    pub readiness: Option<Readiness>,
    pub input: Input,
    pub branding: Branding,
}

impl PlanConfig {
    /// Settles the plan's stage and date (see [`Settings::settle`]);
    /// `asked` is the command line's `--stage`.
    pub fn settle(&mut self, asked: Option<Stage>) {
        self.settings.settle(asked, &self.consultation);
    }
}

/// What a batch's `batch.toml` sets for every plan under it; each key a
/// plan's own `plan.toml` sets wins.
#[derive(Debug, Clone, Default)]
pub struct Defaults {
    pub language: Option<Language>,
    pub editions: Option<EditionChoice>,
    pub min_group_size: Option<u32>,
    pub branding: PartialBranding,
    /// The sector rules of the batch root's `rules/` folder.
    pub rules: Vec<crate::model::SectorRule>,
}

/// A TOML file being read: its name for messages, its text for line and
/// column, its folder for the files it names.
pub(crate) struct Source<'a> {
    pub file: &'a str,
    pub text: &'a str,
    pub dir: &'a Path,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlanFile {
    organisation: OrganisationSection,
    plan: PlanSection,
    #[serde(default)]
    input: mapping::InputSection,
    #[serde(default)]
    strategy: content::StrategySection,
    #[serde(default)]
    annual: content::AnnualSection,
    #[serde(default)]
    consultation: content::ConsultationSection,
    #[serde(default)]
    actions: Vec<content::ActionSection>,
    readiness: Option<content::ReadinessSection>,
    #[serde(default)]
    branding: BrandingSection,
    #[serde(default)]
    training_right: training_right::TrainingRightSection,
    #[serde(default)]
    costs: training_right::CostsSection,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OrganisationSection {
    name: Spanned<String>,
    enterprise_number: Spanned<String>,
    registered_office: Option<String>,
    #[serde(default)]
    joint_committees: Vec<Code>,
    #[serde(default)]
    works_council: bool,
    #[serde(default)]
    union_delegation: bool,
}

/// Joint committees are written as text ("200") or as numbers (200).
#[derive(Deserialize)]
#[serde(untagged)]
enum Code {
    Text(String),
    Number(i64),
}

/// TOML keeps integers and floats apart; a user writing `5` means `5.0`.
#[derive(Deserialize, Clone, Copy)]
#[serde(untagged)]
pub(crate) enum Number {
    Integer(i64),
    Float(f64),
}

impl Number {
    fn get(self) -> f64 {
        match self {
            Number::Integer(i) => i as f64,
            Number::Float(f) => f,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlanSection {
    year: Spanned<i64>,
    language: Option<Language>,
    edition: Option<EditionChoice>,
    stage: Option<Stage>,
    employee_summary: Option<bool>,
    statements: Option<bool>,
    reference_date: Option<Spanned<toml::value::Datetime>>,
    date: Option<Spanned<toml::value::Datetime>>,
    training_days_per_fte: Option<Spanned<Number>>,
    training_days_source: Option<String>,
    hours_per_day: Option<Spanned<Number>>,
    participation_rule: Option<Spanned<Number>>,
    count_initial_training: Option<bool>,
    age_bands: Option<Spanned<Vec<u16>>>,
    working_ages: Option<Spanned<Vec<i64>>>,
    min_group_size: Option<Spanned<i64>>,
}

/// Reads and validates `<plan_dir>/plan.toml`. `Err` when the file cannot be
/// used at all; otherwise the configuration with the problems that do not
/// stop the workbooks from being checked (such as a wrong enterprise number).
pub fn read(plan_dir: &Path) -> Result<(PlanConfig, Problems), Problems> {
    read_with(plan_dir, &Defaults::default())
}

/// [`read`] for a plan in a batch, with the batch's defaults.
pub fn read_with(plan_dir: &Path, defaults: &Defaults) -> Result<(PlanConfig, Problems), Problems> {
    if !plan_dir.is_dir() {
        let at = Location::file(plan_dir.display().to_string());
        let kind = if plan_dir.is_file() {
            let folder = plan_dir.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
            ProblemKind::PlanFolderIsFile { folder: folder.display().to_string() }
        } else {
            ProblemKind::PlanFolderMissing
        };
        return Err(Problem::error(at, kind).into());
    }
    let path = plan_dir.join(PLAN_FILE);
    let fault = match crate::files::read_regular(&path, crate::files::SETTINGS_FILE_LIMIT) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => return parse(&text, plan_dir, defaults),
            Err(_) => FileFault::NotUtf8,
        },
        Err(e) => FileFault::of(e),
    };
    if fault.is_missing() {
        let at = Location::file(path.display().to_string());
        return Err(Problem::error(at, ProblemKind::PlanFileMissing).into());
    }
    let kind = ProblemKind::PlanFileUnreadable { fault };
    Err(Problem::error(Location::file(PLAN_FILE), kind).into())
}

/// Parses the text of a `plan.toml` whose folder is `plan_dir`.
pub fn parse(text: &str, plan_dir: &Path, defaults: &Defaults) -> Result<(PlanConfig, Problems), Problems> {
    let file: PlanFile = toml::from_str(text).map_err(|e| {
        let at = at_span(text, e.span());
        let detail = e.message().trim_end_matches('\n').to_string();
        Problems::from(Problem::error(at, ProblemKind::PlanSyntax { file: PLAN_FILE, detail }))
    })?;
    let mut problems = Problems::default();
    texts::check(PLAN_FILE, text, &mut problems);
    let organisation = organisation(file.organisation, text, &mut problems);
    let mut settings = settings(&file.plan, defaults, text, &mut problems);
    if let Some(settings) = &mut settings {
        settings.carry_over = training_right::carry_over(&file.training_right, text, &mut problems);
        settings.committee_days = training_right::committee_days(&file.training_right, text, &mut problems);
        settings.costs = training_right::costs(&file.costs, text, &mut problems);
        let own = rules::read_folder(&plan_dir.join(rules::RULES_FOLDER), rules::RULES_FOLDER, &mut problems);
        settings.sector_rules = rules::overlay(rules::overlay(rules::bundled(), defaults.rules.clone()), own);
    }
    let strategy = content::strategy(file.strategy, text, &mut problems);
    let mut annual = content::annual(file.annual);
    annual.actions = content::actions(file.actions, text, &mut problems);
    let body = Body::for_organisation(organisation.works_council, organisation.union_delegation);
    let consultation = content::consultation(file.consultation, body, text, &mut problems);
    let readiness = file.readiness.map(|r| content::readiness(r, text, &mut problems));
    let input = mapping::input(file.input, plan_dir, text, &mut problems);
    let source = Source { file: PLAN_FILE, text, dir: plan_dir };
    let own = branding::read(file.branding, &source, &mut problems);
    let (branding, nameless) = branding::merge(own, &defaults.branding);
    if nameless.is_some() {
        let kind = ProblemKind::PlanValue {
            key: "branding.prepared_by.name".into(),
            value: "\"\"".into(),
            expected: Expected::PreparedByName,
        };
        problems.error(Location::file(PLAN_FILE), kind);
    }
    let Some(settings) = settings else {
        return Err(problems);
    };
    let config =
        PlanConfig { organisation, settings, strategy, annual, consultation, readiness, input, branding };
    Ok((config, problems))
}

/// The language a `plan.toml` asks for, read leniently so that even a file
/// with syntax errors gets its messages in the user's language.
pub fn sniff_language(text: &str) -> Option<Language> {
    text.lines().find_map(|line| {
        let (key, value) = line.split_once('=')?;
        if key.trim() != "language" {
            return None;
        }
        let value = value.split('#').next()?.trim().trim_matches(['"', '\'']);
        Language::ALL.into_iter().find(|l| l.code() == value)
    })
}

fn at_span(text: &str, span: Option<Range<usize>>) -> Location {
    at_span_in(PLAN_FILE, text, span)
}

pub(crate) fn at_span_in(file: &str, text: &str, span: Option<Range<usize>>) -> Location {
    let offset = span.map_or(0, |s| s.start).min(text.len());
    // Spans come from the TOML parser; a slice that is not on a character boundary falls back to the start.
    let before = text.get(..offset).unwrap_or_default();
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Location::line(file, line, column)
}

fn invalid(text: &str, span: Range<usize>, key: &str, value: String, expected: Expected) -> Problem {
    let kind = ProblemKind::PlanValue { key: key.into(), value, expected };
    Problem::error(at_span(text, Some(span)), kind)
}

pub(crate) fn invalid_in(
    source: &Source,
    span: Range<usize>,
    key: &str,
    value: String,
    expected: Expected,
) -> Problem {
    let kind = ProblemKind::PlanValue { key: key.into(), value, expected };
    Problem::error(at_span_in(source.file, source.text, Some(span)), kind)
}

fn organisation(s: OrganisationSection, text: &str, problems: &mut Problems) -> Organisation {
    let name = s.name.get_ref().trim().to_string();
    if name.is_empty() {
        let span = s.name.span();
        problems.push(invalid(text, span, "organisation.name", "\"\"".into(), Expected::Name));
    }
    let count = name.chars().count();
    if count > texts::MAX_NAME_CHARS {
        let key = "organisation.name".to_string();
        let kind = ProblemKind::TextTooLong { key, count, limit: texts::MAX_NAME_CHARS };
        problems.error(at_span(text, Some(s.name.span())), kind);
    }
    let number = EnterpriseNumber::parse(s.enterprise_number.get_ref());
    if number == Some(EnterpriseNumber::STAND_IN) {
        problems
            .warning(at_span(text, Some(s.enterprise_number.span())), ProblemKind::EnterpriseNumberExample);
    }
    if number.is_none() {
        let kind = ProblemKind::EnterpriseNumber { value: s.enterprise_number.get_ref().clone() };
        problems.error(at_span(text, Some(s.enterprise_number.span())), kind);
    }
    let joint_committees = s
        .joint_committees
        .into_iter()
        .map(|c| match c {
            Code::Text(t) => t.trim().to_string(),
            Code::Number(n) => n.to_string(),
        })
        .collect();
    Organisation {
        name,
        // A wrong number is reported above and stops the build; the stand-in
        // only lets the workbooks be checked in the same run.
        enterprise_number: number.unwrap_or(EnterpriseNumber::STAND_IN),
        registered_office: s.registered_office.filter(|o| !o.trim().is_empty()),
        joint_committees,
        works_council: s.works_council,
        union_delegation: s.union_delegation,
    }
}

/// Groups smaller than this are hidden in the council edition.
pub const DEFAULT_MIN_GROUP_SIZE: u32 = 5;

fn settings(s: &PlanSection, defaults: &Defaults, text: &str, problems: &mut Problems) -> Option<Settings> {
    let year = *s.year.get_ref();
    let year = match i16::try_from(year) {
        Ok(y) if (2000..=2100).contains(&y) => y,
        _ => {
            problems.push(invalid(text, s.year.span(), "plan.year", year.to_string(), Expected::Year));
            return None;
        }
    };
    let reference_date = match &s.reference_date {
        Some(d) => date(d, "plan.reference_date", text, problems)?,
        None => Date::new(year - 1, 12, 31).ok()?,
    };
    let document_date = match &s.date {
        Some(d) => Some(date(d, "plan.date", text, problems)?),
        None => None,
    };
    let training_days_per_fte = match &s.training_days_per_fte {
        None => None,
        Some(target) => {
            Some(bounded(Some(target), 5.0, (0.0, 30.0), "plan.training_days_per_fte", text, problems)?)
        }
    };
    let hours_per_day =
        bounded(s.hours_per_day.as_ref(), 7.6, (1.0, 12.0), "plan.hours_per_day", text, problems)?;
    let participation_rule =
        bounded(s.participation_rule.as_ref(), 0.8, (0.5, 1.0), "plan.participation_rule", text, problems)?;
    let age_bands = match &s.age_bands {
        None => AgeBands::default(),
        Some(bands) => match AgeBands::new(bands.get_ref().clone()) {
            Some(b) => b,
            None => {
                let value = format!("{:?}", bands.get_ref());
                problems.push(invalid(text, bands.span(), "plan.age_bands", value, Expected::AgeBands));
                return None;
            }
        },
    };
    let working_ages = match &s.working_ages {
        None => DEFAULT_WORKING_AGES,
        Some(ages) => match ages.get_ref()[..] {
            [low, high] if (0..high).contains(&low) && high <= 120 => (low as u16, high as u16),
            _ => {
                let value = format!("{:?}", ages.get_ref());
                problems.push(invalid(text, ages.span(), "plan.working_ages", value, Expected::WorkingAges));
                return None;
            }
        },
    };
    let Some(language) = s.language.or(defaults.language) else {
        let kind = ProblemKind::PlanValue {
            key: "plan.language".into(),
            value: "\"\"".into(),
            expected: Expected::Language,
        };
        problems.error(Location::file(PLAN_FILE), kind);
        return None;
    };
    let min_group_size = match &s.min_group_size {
        None => defaults.min_group_size.unwrap_or(DEFAULT_MIN_GROUP_SIZE),
        Some(k) => match u32::try_from(*k.get_ref()) {
            Ok(k) if (1..=100).contains(&k) => k,
            _ => {
                let expected = Expected::GroupSize;
                problems.push(invalid(
                    text,
                    k.span(),
                    "plan.min_group_size",
                    k.get_ref().to_string(),
                    expected,
                ));
                return None;
            }
        },
    };
    Some(Settings {
        year,
        min_group_size,
        editions: s.edition.or(defaults.editions).unwrap_or_default(),
        language,
        reference_date,
        document_date,
        source_date: source_date_epoch(),
        training_days_per_fte,
        training_days_source: s.training_days_source.clone().filter(|t| !t.trim().is_empty()),
        hours_per_day,
        age_bands,
        working_ages,
        participation_rule,
        count_initial_training: s.count_initial_training.unwrap_or(false),
        stage: s.stage,
        employee_summary: s.employee_summary.unwrap_or(false),
        statements: s.statements.unwrap_or(true),
        sector_rules: Vec::new(),
        committee_days: Vec::new(),
        carry_over: None,
        costs: crate::model::Costs::default(),
    })
}

/// Ages a worker may plausibly have: a 14-year-old in a student job, an
/// 80-year-old still employed; outside, a date was most likely misread.
const DEFAULT_WORKING_AGES: (u16, u16) = (14, 80);

/// `SOURCE_DATE_EPOCH` (seconds since 1970, as reproducible builds set it)
/// as a day in UTC; ignored when absent or not a number.
fn source_date_epoch() -> Option<Date> {
    let seconds: i64 = std::env::var("SOURCE_DATE_EPOCH").ok()?.trim().parse().ok()?;
    let timestamp = jiff::Timestamp::from_second(seconds).ok()?;
    Some(timestamp.to_zoned(jiff::tz::TimeZone::UTC).date())
}

fn date(
    value: &Spanned<toml::value::Datetime>,
    key: &str,
    text: &str,
    problems: &mut Problems,
) -> Option<Date> {
    let parsed = value
        .get_ref()
        .date
        .filter(|_| value.get_ref().time.is_none())
        .and_then(|d| Date::new(i16::try_from(d.year).ok()?, d.month as i8, d.day as i8).ok())
        // Ages, deadlines and the annex's dates need a year of this era.
        .filter(|d| (1900..=2100).contains(&d.year()));
    if parsed.is_none() {
        problems.push(invalid(text, value.span(), key, value.get_ref().to_string(), Expected::Date));
    }
    parsed
}

fn bounded(
    value: Option<&Spanned<Number>>,
    default: f64,
    (min, max): (f64, f64),
    key: &str,
    text: &str,
    problems: &mut Problems,
) -> Option<f64> {
    let Some(value) = value else { return Some(default) };
    let x = value.get_ref().get();
    if x > min && x <= max {
        return Some(x);
    }
    let expected = Expected::Number { min, max };
    problems.push(invalid(text, value.span(), key, x.to_string(), expected));
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"
[organisation]
name = "Voorbeeld NV"
enterprise_number = "0403.019.261"
joint_committees = ["111", 200]

[plan]
year = 2027
language = "nl"
training_days_per_fte = 5

[input]
workbook = "gegevens.xlsx"
"#;

    fn parse_ok(text: &str) -> PlanConfig {
        let (config, problems) =
            parse(text, Path::new("plan"), &Defaults::default()).unwrap_or_else(|p| panic!("{p:?}"));
        assert!(problems.is_empty(), "{problems:?}");
        config
    }

    fn first_problem(text: &str) -> Problem {
        let problems = match parse(text, Path::new("plan"), &Defaults::default()) {
            Err(problems) => problems,
            Ok((_, problems)) => problems,
        };
        assert!(problems.has_errors(), "should fail");
        problems.sorted()[0].clone()
    }

    #[test]
    fn a_batch_default_fills_in_what_plan_toml_leaves_out() {
        let without_language = MINIMAL.replace("language = \"nl\"\n", "");
        let defaults = Defaults {
            language: Some(Language::Fr),
            editions: Some(EditionChoice::Both),
            min_group_size: Some(7),
            ..Defaults::default()
        };
        let (config, _) = parse(&without_language, Path::new("plan"), &defaults).unwrap();
        assert_eq!(config.settings.language, Language::Fr);
        assert_eq!(config.settings.editions, EditionChoice::Both);
        assert_eq!(config.settings.min_group_size, 7);
        // The plan's own keys win.
        let own = MINIMAL.replace("training_days_per_fte = 5", "edition = \"internal\"\nmin_group_size = 3");
        let (config, _) = parse(&own, Path::new("plan"), &defaults).unwrap();
        assert_eq!(config.settings.language, Language::Nl);
        assert_eq!(config.settings.editions, EditionChoice::Internal);
        assert_eq!(config.settings.min_group_size, 3);
        // Without a default, a missing language is named.
        let problems = parse(&without_language, Path::new("plan"), &Defaults::default()).unwrap_err();
        let m = &Language::En.strings().messages;
        let text: Vec<String> = problems.iter().map(|p| p.describe(m)).collect();
        assert!(text[0].contains("plan.language") && text[0].contains("batch.toml"), "{text:?}");
    }

    #[test]
    fn minimal_plan_gets_defaults() {
        let config = parse_ok(MINIMAL);
        assert_eq!(config.settings.reference_date, jiff::civil::date(2026, 12, 31));
        assert_eq!(config.settings.training_days_per_fte, Some(5.0));
        assert_eq!(config.settings.hours_per_day, 7.6);
        assert_eq!(config.organisation.joint_committees, ["111", "200"]);
        assert_eq!(config.input.employees.workbook, Path::new("plan/gegevens.xlsx"));
        assert_eq!(config.input.participations.workbook, Path::new("plan/gegevens.xlsx"));
    }

    #[test]
    fn bad_check_digits_point_at_the_value() {
        let text = MINIMAL.replace("0403.019.261", "0403.019.262");
        let problem = first_problem(&text);
        assert_eq!(problem.location.to_string(), "plan.toml:4:21");
        assert!(matches!(problem.kind, ProblemKind::EnterpriseNumber { .. }));
    }

    #[test]
    fn syntax_errors_carry_line_and_column() {
        let text = MINIMAL.replace("year = 2027", "year = 2027x");
        let problem = first_problem(&text);
        assert_eq!(problem.location.to_string().split(':').nth(1), Some("8"));
        assert!(matches!(problem.kind, ProblemKind::PlanSyntax { .. }));
    }

    #[test]
    fn unknown_keys_and_languages_are_refused() {
        let typo = MINIMAL.replace("year = 2027", "year = 2027\nyaer = 2028");
        assert!(matches!(first_problem(&typo).kind, ProblemKind::PlanSyntax { .. }));
        let german = MINIMAL.replace("\"nl\"", "\"de\"");
        assert!(matches!(first_problem(&german).kind, ProblemKind::PlanSyntax { .. }));
    }

    #[test]
    fn language_is_sniffed_from_broken_files() {
        assert_eq!(sniff_language("[plan\nlanguage = \"fr\" # comment"), Some(Language::Fr));
        assert_eq!(sniff_language("nothing here"), None);
    }
}
