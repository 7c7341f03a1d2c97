//! `[input]`: where each sheet comes from and how to read an export that
//! does not use our headers, codes or formats.
//!
//! ```toml
//! [input]
//! workbook = "export.xlsx"            # default for every sheet
//!
//! [input.employees]
//! sheet = "HR data"                   # default: Medewerkers / Travailleurs / Employees
//! header_row = 3                      # default: detected
//! columns = { id = "EmployeeNumber", age = "Age", department = "D" }   # header or column letter
//! defaults = { fte = 1.0 }            # for a column the export lacks, or an empty cell
//! formats = { birth_date = "%m/%d/%Y", fte = "hours/38" }
//! exclude = { EmploymentStatus = ["Voluntarily Terminated"] }   # rows left out, by the export's header
//! invalid_rows = "exclude"            # a row with a problem is left out, not refused
//! delimiter = ";"                     # CSV/TSV only; default: detected
//! encoding = "windows-1252"           # CSV/TSV only; default: detected
//! [input.employees.values.gender]     # the export's value = ours
//! Male = "M"
//! Female = "V"
//! ```

use super::{PLAN_FILE, invalid};
use crate::config::fields::{
    BalanceField, CertificateField, CompetenceField, EmployeeField, Field, ParticipationField, QuarterField,
    RequirementField, TrainingField,
};
use crate::problem::{Expected, Location, ProblemKind, Problems};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use toml::Spanned;

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct InputSection {
    workbook: Option<Spanned<String>>,
    delimiter: Option<Spanned<String>>,
    encoding: Option<Spanned<String>>,
    employees: Option<SheetSection>,
    trainings: Option<SheetSection>,
    participations: Option<SheetSection>,
    quarterly_fte: Option<SheetSection>,
    training_balance: Option<SheetSection>,
    job_requirements: Option<SheetSection>,
    certificates: Option<SheetSection>,
    competences: Option<SheetSection>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct SheetSection {
    workbook: Option<Spanned<String>>,
    delimiter: Option<Spanned<String>>,
    encoding: Option<Spanned<String>>,
    sheet: Option<String>,
    header_row: Option<Spanned<i64>>,
    #[serde(default)]
    columns: BTreeMap<Spanned<String>, String>,
    #[serde(default)]
    values: BTreeMap<Spanned<String>, BTreeMap<String, toml::Value>>,
    #[serde(default)]
    defaults: BTreeMap<Spanned<String>, toml::Value>,
    #[serde(default)]
    formats: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    exclude: BTreeMap<String, Vec<String>>,
    invalid_rows: Option<Spanned<String>>,
}

/// Where each sheet comes from and how to read it.
#[derive(Debug, Clone)]
pub struct Input {
    pub employees: SheetMapping,
    pub trainings: SheetMapping,
    pub participations: SheetMapping,
    pub quarterly_fte: SheetMapping,
    /// Last year's balances of the individual training right (optional).
    pub training_balance: SheetMapping,
    /// The certificates and competences each job or department requires (optional).
    pub job_requirements: SheetMapping,
    /// The certificates employees hold, with their dates (optional).
    pub certificates: SheetMapping,
    /// Employees' competence levels, present and wanted (optional).
    pub competences: SheetMapping,
}

#[derive(Debug, Clone, Default)]
pub struct SheetMapping {
    pub workbook: PathBuf,
    /// Whether the sheet's own section names its workbook (a CSV file then
    /// holds this table, whatever it is called).
    pub own_workbook: bool,
    /// A CSV/TSV file's delimiter; detected when `None`.
    pub delimiter: Option<u8>,
    /// A CSV/TSV file's encoding; detected when `None`.
    pub encoding: Option<&'static encoding_rs::Encoding>,
    pub sheet: Option<String>,
    /// Zero-based row of the headers; detected when `None`.
    pub header_row: Option<u32>,
    /// Field key → the export's header, or a column letter.
    pub columns: Vec<(String, String)>,
    /// Field key → (the export's value, ours).
    pub values: Vec<(String, Vec<(String, String)>)>,
    pub defaults: Vec<(String, DefaultValue)>,
    pub formats: Vec<(String, ValueFormat)>,
    /// Rows left out: the export's header (or a column letter) and the
    /// values that exclude a row.
    pub exclude: Vec<(String, Vec<String>)>,
    /// Whether a row with a problem is left out (and listed) rather than
    /// refused.
    pub exclude_invalid: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum DefaultValue {
    Text(String),
    Number(f64),
}

#[derive(Debug, Clone, PartialEq)]
pub enum ValueFormat {
    /// A `strftime` pattern for text dates, e.g. `%m/%d/%Y`.
    Date(String),
    /// FTE given as a percentage: `80` means 0.8.
    FtePercent,
    /// FTE given as a work regime `30,4/38` or `4/5`.
    FteFraction,
    /// FTE given as weekly hours, divided by the full-time hours.
    FteHours(f64),
}

impl SheetMapping {
    pub fn column(&self, key: &str) -> Option<&str> {
        self.columns.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }

    pub fn values(&self, key: &str) -> Option<&[(String, String)]> {
        self.values.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_slice())
    }

    pub fn default(&self, key: &str) -> Option<&DefaultValue> {
        self.defaults.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn format(&self, key: &str) -> Option<&ValueFormat> {
        self.formats.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }
}

pub(super) fn input(section: InputSection, plan_dir: &Path, text: &str, problems: &mut Problems) -> Input {
    let default_workbook =
        section.workbook.as_ref().map(|w| inside(plan_dir, w, "input.workbook", text, problems));
    let defaults = TextFormat {
        delimiter: section.delimiter.as_ref().and_then(|d| delimiter(d, "input.delimiter", text, problems)),
        encoding: section.encoding.as_ref().and_then(|e| encoding(e, "input.encoding", text, problems)),
    };
    let mut sheet = |s: Option<SheetSection>, name: &str, keys: Vec<String>| {
        let s = s.unwrap_or_default();
        let key = |k: &str| format!("input.{name}.{k}");
        let own_delimiter =
            s.delimiter.as_ref().and_then(|d| delimiter(d, &key("delimiter"), text, problems));
        let own_encoding = s.encoding.as_ref().and_then(|e| encoding(e, &key("encoding"), text, problems));
        let mut mapping = sheet(s, name, &keys, default_workbook.as_deref(), plan_dir, text, problems);
        mapping.delimiter = own_delimiter.or(defaults.delimiter);
        mapping.encoding = own_encoding.or(defaults.encoding);
        mapping
    };
    let employees = sheet(section.employees, "employees", EmployeeField::keys());
    let trainings = sheet(section.trainings, "trainings", TrainingField::keys());
    let participations = sheet(section.participations, "participations", ParticipationField::keys());
    let quarterly_fte = sheet(section.quarterly_fte, "quarterly_fte", QuarterField::keys());
    let training_balance = sheet(section.training_balance, "training_balance", BalanceField::keys());
    let job_requirements = sheet(section.job_requirements, "job_requirements", RequirementField::keys());
    let certificates = sheet(section.certificates, "certificates", CertificateField::keys());
    let competences = sheet(section.competences, "competences", CompetenceField::keys());
    Input {
        employees,
        trainings,
        participations,
        quarterly_fte,
        training_balance,
        job_requirements,
        certificates,
        competences,
    }
}

/// The workbook `name` in `plan_dir`, which it may not lead out of (like
/// a logo): a plan folder holds everything its plan is built from, which
/// the archive records and a batch or the web app may confine itself to.
/// A path that leads out is reported; the path is still returned, so that
/// every other problem is found too.
fn inside(
    plan_dir: &Path,
    name: &Spanned<String>,
    key: &str,
    text: &str,
    problems: &mut Problems,
) -> PathBuf {
    let path = plan_dir.join(name.get_ref());
    let lexically_out = Path::new(name.get_ref())
        .components()
        .any(|c| !matches!(c, std::path::Component::Normal(_) | std::path::Component::CurDir));
    let resolved_out = match (plan_dir.canonicalize(), path.canonicalize()) {
        (Ok(base), Ok(real)) => !real.starts_with(base),
        _ => false,
    };
    if lexically_out || resolved_out {
        let folder = plan_dir.canonicalize().unwrap_or_else(|_| plan_dir.to_path_buf()).display().to_string();
        let expected = Expected::WorkbookInside { folder };
        problems.push(invalid(text, name.span(), key, format!("{:?}", name.get_ref()), expected));
    }
    path
}

fn sheet(
    section: SheetSection,
    name: &str,
    keys: &[String],
    default_workbook: Option<&Path>,
    plan_dir: &Path,
    text: &str,
    problems: &mut Problems,
) -> SheetMapping {
    let workbook = match (&section.workbook, default_workbook) {
        (Some(w), _) => inside(plan_dir, w, &format!("input.{name}.workbook"), text, problems),
        (None, Some(w)) => w.to_path_buf(),
        (None, None) => {
            let kind = ProblemKind::PlanValue {
                key: format!("input.{name}.workbook"),
                value: "–".into(),
                expected: Expected::Workbook,
            };
            problems.error(Location::file(PLAN_FILE), kind);
            PathBuf::new()
        }
    };
    // A field key of this sheet, or a problem pointing at the unknown key.
    let field = |key: &Spanned<String>, table: &str, problems: &mut Problems| -> Option<String> {
        if keys.contains(key.get_ref()) {
            return Some(key.get_ref().clone());
        }
        let expected = Expected::OneOf(keys.to_vec());
        let at = format!("input.{name}.{table}");
        problems.push(invalid(text, key.span(), &at, key.get_ref().clone(), expected));
        None
    };
    let mut columns = Vec::new();
    for (key, column) in &section.columns {
        if let Some(key) = field(key, "columns", problems) {
            columns.push((key, column.clone()));
        }
    }
    let mut values = Vec::new();
    for (key, map) in &section.values {
        if let Some(key) = field(key, "values", problems) {
            values.push((key, map.iter().map(|(from, to)| (from.clone(), value_text(to))).collect()));
        }
    }
    let mut defaults = Vec::new();
    for (key, value) in &section.defaults {
        let value = match value {
            toml::Value::Integer(i) => DefaultValue::Number(*i as f64),
            toml::Value::Float(f) => DefaultValue::Number(*f),
            other => DefaultValue::Text(value_text(other)),
        };
        if let Some(key) = field(key, "defaults", problems) {
            defaults.push((key, value));
        }
    }
    let mut formats = Vec::new();
    for (key, format) in &section.formats {
        let Some(key) = field(key, "formats", problems) else { continue };
        match parse_format(&key, format.get_ref()) {
            Some(parsed) => formats.push((key, parsed)),
            None => {
                let expected = if key == "fte" { Expected::FteFormat } else { Expected::DatePattern };
                let at = format!("input.{name}.formats.{key}");
                problems.push(invalid(text, format.span(), &at, format.get_ref().clone(), expected));
            }
        }
    }
    let header_row = section.header_row.as_ref().and_then(|row| match u32::try_from(*row.get_ref()) {
        Ok(r) if r >= 1 => Some(r - 1),
        _ => {
            let key = format!("input.{name}.header_row");
            problems.push(invalid(text, row.span(), &key, row.get_ref().to_string(), Expected::RowNumber));
            None
        }
    });
    let own_workbook = section.workbook.is_some();
    let exclude_invalid = match &section.invalid_rows {
        None => false,
        Some(value) => match value.get_ref().as_str() {
            "exclude" => true,
            "refuse" => false,
            other => {
                let key = format!("input.{name}.invalid_rows");
                problems.push(invalid(text, value.span(), &key, format!("{other:?}"), Expected::InvalidRows));
                false
            }
        },
    };
    let exclude = section.exclude.into_iter().collect();
    SheetMapping {
        workbook,
        own_workbook,
        delimiter: None,
        encoding: None,
        sheet: section.sheet,
        header_row,
        columns,
        values,
        defaults,
        formats,
        exclude,
        exclude_invalid,
    }
}

/// How a CSV/TSV file is read, as `[input]` or a sheet's section sets it.
#[derive(Clone, Copy)]
struct TextFormat {
    delimiter: Option<u8>,
    encoding: Option<&'static encoding_rs::Encoding>,
}

/// `";"`, `","`, `"\t"` (or `"tab"`) or `"|"`.
fn delimiter(value: &Spanned<String>, key: &str, text: &str, problems: &mut Problems) -> Option<u8> {
    let found = match value.get_ref().as_str() {
        ";" => Some(b';'),
        "," => Some(b','),
        "\t" | "tab" | "TAB" => Some(b'\t'),
        "|" => Some(b'|'),
        _ => None,
    };
    if found.is_none() {
        problems.push(invalid(
            text,
            value.span(),
            key,
            format!("{:?}", value.get_ref()),
            Expected::Delimiter,
        ));
    }
    found
}

/// An encoding by any of its standard labels ("utf-8", "windows-1252",
/// "latin1", "utf-16le", ...).
fn encoding(
    value: &Spanned<String>,
    key: &str,
    text: &str,
    problems: &mut Problems,
) -> Option<&'static encoding_rs::Encoding> {
    let found = encoding_rs::Encoding::for_label(value.get_ref().trim().as_bytes());
    if found.is_none() {
        problems.push(invalid(text, value.span(), key, format!("{:?}", value.get_ref()), Expected::Encoding));
    }
    found
}

/// A mapped value as text: `true` is "yes", numbers as written.
fn value_text(value: &toml::Value) -> String {
    match value {
        toml::Value::String(s) => s.clone(),
        toml::Value::Boolean(true) => "yes".into(),
        toml::Value::Boolean(false) => "no".into(),
        toml::Value::Integer(i) => i.to_string(),
        toml::Value::Float(f) => f.to_string(),
        other => other.to_string(),
    }
}

fn parse_format(key: &str, format: &str) -> Option<ValueFormat> {
    let is_date = key == "date" || key.ends_with("_date");
    match (key, format.trim()) {
        ("fte", "percent") => Some(ValueFormat::FtePercent),
        ("fte", "fraction") => Some(ValueFormat::FteFraction),
        ("fte", f) => {
            let hours: f64 = f.strip_prefix("hours/")?.trim().replace(',', ".").parse().ok()?;
            (hours > 0.0).then_some(ValueFormat::FteHours(hours))
        }
        (_, f) if is_date && f.contains('%') => Some(ValueFormat::Date(f.to_string())),
        _ => None,
    }
}
