//! `opleidingsplan init`: a ready-to-fill plan folder, a commented
//! `plan.toml` and a template workbook, in the user's language.

mod workbook;

use crate::config::PLAN_FILE;
use crate::model::Language;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum TemplateError {
    #[error("{} already holds a plan.toml; choose an empty folder, or remove it first", .0.display())]
    Exists(PathBuf),
    #[error("could not write {}: {source}", path.display())]
    Write { path: PathBuf, source: std::io::Error },
    #[error("could not create the workbook: {0}")]
    Workbook(#[from] rust_xlsxwriter::XlsxError),
}

/// The workbook's file name in each language.
pub fn workbook_name(language: Language) -> &'static str {
    match language {
        Language::Nl => "gegevens.xlsx",
        Language::Fr => "donnees.xlsx",
        Language::En => "data.xlsx",
    }
}

/// Writes `plan.toml` and the workbook into `dir`, which may exist but must
/// not hold a plan yet. Returns the files written.
pub fn write(dir: &Path, language: Language, year: i16) -> Result<Vec<PathBuf>, TemplateError> {
    let plan = dir.join(PLAN_FILE);
    let book = dir.join(workbook_name(language));
    if plan.exists() || book.exists() {
        return Err(TemplateError::Exists(dir.to_path_buf()));
    }
    let bytes = workbook::write(language, year)?;
    std::fs::create_dir_all(dir).map_err(|source| TemplateError::Write { path: dir.into(), source })?;
    let plan_text = plan_toml(language, year);
    std::fs::write(&plan, plan_text).map_err(|source| TemplateError::Write { path: plan.clone(), source })?;
    std::fs::write(&book, bytes).map_err(|source| TemplateError::Write { path: book.clone(), source })?;
    Ok(vec![plan, book])
}

fn plan_toml(language: Language, year: i16) -> String {
    let template = match language {
        Language::Nl => include_str!("plan.nl.toml"),
        Language::Fr => include_str!("plan.fr.toml"),
        Language::En => include_str!("plan.en.toml"),
    };
    template
        .replace("{year}", &year.to_string())
        .replace("{previous}", &(year - 1).to_string())
        .replace("{workbook}", workbook_name(language))
}

/// The plan year one would prepare on `today`: plans are fixed by 31 March,
/// so from April on the next year's plan is the one being prepared.
pub fn plan_year_on(today: jiff::civil::Date) -> i16 {
    if today.month() <= 3 { today.year() } else { today.year() + 1 }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::fields::{EmployeeField, Field, ParticipationField, TrainingField};

    #[test]
    fn every_column_is_explained_in_every_language() {
        for language in Language::ALL {
            let columns = &language.strings().columns;
            let check = |sheet: &str, keys: Vec<String>| {
                for key in keys {
                    assert!(
                        columns.get(sheet).and_then(|c| c.get(&key)).is_some(),
                        "{language:?}: no explanation for {sheet}.{key}"
                    );
                }
            };
            check("employees", EmployeeField::keys());
            check("trainings", TrainingField::keys());
            check("participations", ParticipationField::keys());
        }
    }

    #[test]
    fn the_plan_template_is_valid_in_every_language() {
        for language in Language::ALL {
            let text = plan_toml(language, 2027);
            let (config, problems) =
                crate::config::parse(&text, Path::new("x"), &Default::default()).unwrap();
            assert_eq!(config.settings.language, language);
            // The example enterprise number passes the check but is flagged.
            assert!(!problems.has_errors(), "{problems:?}");
            assert_eq!(problems.len(), 1);
        }
    }

    #[test]
    fn plan_year_follows_the_31_march_deadline() {
        assert_eq!(plan_year_on(jiff::civil::date(2026, 11, 22)), 2027);
        assert_eq!(plan_year_on(jiff::civil::date(2027, 3, 31)), 2027);
    }
}
