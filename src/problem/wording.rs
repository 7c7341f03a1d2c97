//! The words of every problem: each kind described in the user's language,
//! with its values filled in.

use super::describe::ProblemKind;
use crate::i18n::Messages;

/// Fields that name one row each: no default can stand in for them.
const IDENTIFIERS: [&str; 5] = ["id", "code", "title", "employee_id", "training_code"];

impl ProblemKind {
    /// The problem in words, from the messages of the user's language.
    pub(crate) fn describe(&self, m: &Messages) -> String {
        use ProblemKind::*;
        match self {
            PlanFolderMissing => m.plan_folder_missing.clone(),
            PlanFolderIsFile { folder } => fill(&m.plan_folder_is_file, &[("folder", folder)]),
            PlanFileMissing => m.plan_file_missing.clone(),
            PlanFileUnreadable { fault } => fill(&m.plan_file_unreadable, &[("reason", &fault.describe(m))]),
            PlanSyntax { file, detail } => fill(&m.plan_syntax, &[("detail", detail), ("file", file)]),
            PlanValue { key, value, expected } => {
                let expected = expected.describe(m);
                fill(&m.plan_value, &[("key", key), ("value", value), ("expected", &expected)])
            }
            TextTooLong { key, count, limit } => fill(
                &m.text_too_long,
                &[("key", key), ("count", &count.to_string()), ("limit", &limit.to_string())],
            ),
            EnterpriseNumber { value } => fill(&m.enterprise_number, &[("value", value)]),
            EnterpriseNumberExample => m.enterprise_number_example.clone(),
            DeadlineMissed { step, done, due } => {
                fill(&m.deadline_missed, &[("step", step), ("done", done), ("due", due)])
            }
            WorkbookMissing => m.workbook_missing.clone(),
            WorkbookEncrypted => m.workbook_encrypted.clone(),
            Workbook(fault) => fault.describe(m),
            SheetMissing { sheet, available, key } => {
                let first = fill(&m.sheet_missing, &[("sheet", sheet), ("available", &list(available, m))]);
                format!("{first} {}", fill(&m.sheet_elsewhere, &[("key", key)]))
            }
            SheetEmpty => m.sheet_empty.clone(),
            TextFileOneTable { sheet, key } => {
                fill(&m.text_file_one_table, &[("sheet", sheet), ("key", key)])
            }
            ColumnMissing { column, found, mapping, field } => {
                let first = fill(
                    &m.column_missing,
                    &[("column", column), ("found", &list(found, m)), ("mapping", mapping)],
                );
                match field {
                    // A value for every row suits a work regime, never an id.
                    Some((key, field)) if IDENTIFIERS.contains(&field.as_str()) => {
                        format!("{first} {}", fill(&m.column_missing_row, &[("key", key)]))
                    }
                    Some((key, field)) => {
                        format!("{first} {}", fill(&m.column_missing_more, &[("key", key), ("field", field)]))
                    }
                    None => first,
                }
            }
            ColumnTwice { column, other, first, mapping } => fill(
                &m.column_twice,
                &[("column", column), ("other", other), ("first", first), ("mapping", mapping)],
            ),
            ValueMissing { column } => fill(&m.value_missing, &[("column", column)]),
            NotANumber { column, value } => fill(&m.not_a_number, &[("column", column), ("value", value)]),
            NumberImplausible { column, value } => {
                fill(&m.number_implausible, &[("column", column), ("value", value)])
            }
            NotAWholeNumber { column, value } => {
                fill(&m.not_a_whole_number, &[("column", column), ("value", value)])
            }
            NotADate { column, value, setting } => {
                fill(&m.not_a_date, &[("column", column), ("value", value), ("setting", setting)])
            }
            FteOutOfRange { column, value } => {
                fill(&m.fte_out_of_range, &[("column", column), ("value", value)])
            }
            Negative { column, value } => fill(&m.negative, &[("column", column), ("value", value)]),
            UnknownCode { column, value, expected } => fill(
                &m.unknown_code,
                &[("column", column), ("value", value), ("expected", &list(expected, m))],
            ),
            UnknownCountry { column, value } => {
                fill(&m.unknown_country, &[("column", column), ("value", value)])
            }
            Duplicate { column, value, first } => {
                fill(&m.duplicate, &[("column", column), ("value", value), ("first", first)])
            }
            UnknownEmployee { value, sheet } => {
                fill(&m.unknown_employee, &[("value", value), ("sheet", sheet)])
            }
            UnknownTraining { value, sheet } => {
                fill(&m.unknown_training, &[("value", value), ("sheet", sheet)])
            }
            UnknownGoal { value, known } => {
                fill(&m.unknown_goal, &[("value", value), ("known", &list(known, m))])
            }
            EndBeforeStart { start, end } => fill(&m.end_before_start, &[("start", start), ("end", end)]),
            BirthAfterReference { value, reference } => {
                fill(&m.birth_after_reference, &[("value", value), ("reference", reference)])
            }
            CellError { column, value } => fill(&m.cell_error, &[("column", column), ("value", value)]),
            FormulaNotCalculated { column } => fill(&m.formula_not_calculated, &[("column", column)]),
            MappingProposal { block } => fill(&m.mapping_proposal, &[("block", block)]),
            QuarterAboveWorkforce { value, people, .. } => {
                fill(&m.quarter_above_workforce, &[("value", value), ("people", people)])
            }
            CostsAboveBudget { code, costs, budget } => {
                fill(&m.costs_above_budget, &[("code", code), ("costs", costs), ("budget", budget)])
            }
            TitleLanguage { code, written, said } => {
                fill(&m.title_language, &[("code", code), ("written", written), ("said", said)])
            }
            WorksCouncilSmall { heads } => fill(&m.works_council_small, &[("heads", heads)]),
            BalanceYear { year, last_year } => {
                fill(&m.balance_year, &[("year", year), ("last_year", last_year)])
            }
            BalanceEarly { version, date } => fill(&m.balance_early, &[("version", version), ("date", date)]),
            RequirementScope => m.requirement_scope.clone(),
            RequirementNeed => m.requirement_need.clone(),
            RequirementNobody { value } => fill(&m.requirement_nobody, &[("value", value)]),
            ExpiresBeforeObtained { obtained, valid_until } => {
                fill(&m.expires_before_obtained, &[("obtained", obtained), ("valid_until", valid_until)])
            }
            CertificateNotRequired { value } => fill(&m.certificate_not_required, &[("value", value)]),
            LevelOutOfRange { column, value } => {
                fill(&m.level_out_of_range, &[("column", column), ("value", value)])
            }
            RuleFile { detail } => fill(&m.rule_file, &[("detail", detail)]),
            CommitteesUnassigned { committees } => {
                fill(&m.committees_unassigned, &[("committees", committees)])
            }
            BalanceNotEmployed { value } => fill(&m.balance_not_employed, &[("value", value)]),
            LanguageNotWritten { value } => fill(&m.language_not_written, &[("value", value)]),
            RowExcluded { column, value, key } => {
                fill(&m.row_excluded, &[("column", column), ("value", value), ("key", key)])
            }
            RowLeftOut { reason, key } => {
                fill(&m.row_left_out, &[("reason", &reason.describe(m)), ("key", key)])
            }
            DateOrderMonthFirst { column, value, cell } => {
                fill(&m.date_order_month_first, &[("column", column), ("value", value), ("cell", cell)])
            }
            DateOrderAmbiguous { column, value, cell, key } => fill(
                &m.date_order_ambiguous,
                &[("column", column), ("value", value), ("cell", cell), ("key", key)],
            ),
            ControlCharacters { field, codes } => {
                fill(&m.control_characters, &[("field", field), ("codes", codes)])
            }
            SettingControlCharacters { key, codes } => {
                fill(&m.setting_control_characters, &[("key", key), ("codes", codes)])
            }
            NoGlyph { field, chars, codes } => {
                let replacement = crate::glyphs::REPLACEMENT.to_string();
                let values = [
                    ("field", field.as_str()),
                    ("chars", chars),
                    ("codes", codes),
                    ("replacement", &replacement),
                ];
                fill(&m.no_glyph, &values)
            }
            AgeUnknown { column } => fill(&m.age_unknown, &[("column", column)]),
            AgeImplausible { column, value, age, reference, min, max } => {
                let (min, max) = (min.to_string(), max.to_string());
                let values = [
                    ("column", column.as_str()),
                    ("value", value),
                    ("age", age),
                    ("reference", reference),
                    ("min", &min),
                    ("max", &max),
                ];
                fill(&m.age_implausible, &values)
            }
        }
    }
}

pub use crate::text::fill;

fn list(items: &[String], m: &Messages) -> String {
    const SHOWN: usize = 12;
    let mut out: Vec<String> = items.iter().take(SHOWN).map(|s| m.quote.replace("{}", s)).collect();
    if items.len() > SHOWN {
        out.push("…".to_string());
    }
    if out.is_empty() { "–".to_string() } else { out.join(", ") }
}
