use crate::i18n::Messages;

/// What is wrong, with the values the message needs. The wording lives in
/// the strings files, so every problem reads in the plan's language.
#[derive(Debug, Clone, PartialEq)]
pub enum ProblemKind {
    PlanFolderMissing,
    PlanFileMissing,
    PlanFileUnreadable {
        reason: String,
    },
    PlanSyntax {
        detail: String,
    },
    PlanValue {
        key: String,
        value: String,
        expected: super::Expected,
    },
    EnterpriseNumber {
        value: String,
    },
    /// Warning: the template's example number is still in place.
    EnterpriseNumberExample,
    /// Warning: a consultation date in plan.toml misses its legal deadline.
    DeadlineMissed {
        step: String,
        done: String,
        due: String,
    },
    WorkbookMissing,
    WorkbookEncrypted,
    WorkbookUnreadable {
        reason: String,
    },
    SheetMissing {
        sheet: String,
        available: Vec<String>,
    },
    SheetEmpty,
    /// `mapping` is the plan.toml line that would name the column.
    ColumnMissing {
        column: String,
        found: Vec<String>,
        mapping: String,
    },
    ValueMissing {
        column: String,
    },
    NotANumber {
        column: String,
        value: String,
    },
    NotAWholeNumber {
        column: String,
        value: String,
    },
    NotADate {
        column: String,
        value: String,
    },
    FteOutOfRange {
        column: String,
        value: String,
    },
    Negative {
        column: String,
        value: String,
    },
    UnknownCode {
        column: String,
        value: String,
        expected: Vec<String>,
    },
    UnknownCountry {
        column: String,
        value: String,
    },
    Duplicate {
        column: String,
        value: String,
        first: String,
    },
    UnknownEmployee {
        value: String,
        sheet: String,
    },
    UnknownTraining {
        value: String,
        sheet: String,
    },
    UnknownGoal {
        value: String,
        known: Vec<String>,
    },
    EndBeforeStart {
        start: String,
        end: String,
    },
    BirthAfterReference {
        value: String,
        reference: String,
    },
    /// A cell holding a spreadsheet error such as `#N/A` or `#VALUE!`.
    CellError {
        column: String,
        value: String,
    },
    /// Warning: no birth date and no age; counted as "age unknown".
    AgeUnknown {
        column: String,
    },
    /// Warning: an age outside working life, probably a typo.
    AgeImplausible {
        value: String,
        age: String,
        reference: String,
    },
}

impl ProblemKind {
    /// Problems with `plan.toml` or the folder, rather than the workbook's data.
    pub fn is_configuration(&self) -> bool {
        use ProblemKind::*;
        matches!(
            self,
            PlanFolderMissing
                | PlanFileMissing
                | PlanFileUnreadable { .. }
                | PlanSyntax { .. }
                | PlanValue { .. }
                | EnterpriseNumber { .. }
                | WorkbookMissing
        )
    }

    /// The column a cell problem is about, so repeated problems in one
    /// column can be summarised.
    pub fn column(&self) -> Option<&str> {
        use ProblemKind::*;
        match self {
            ValueMissing { column }
            | NotANumber { column, .. }
            | NotAWholeNumber { column, .. }
            | NotADate { column, .. }
            | FteOutOfRange { column, .. }
            | Negative { column, .. }
            | UnknownCode { column, .. }
            | UnknownCountry { column, .. }
            | Duplicate { column, .. }
            | CellError { column, .. }
            | AgeUnknown { column } => Some(column),
            _ => None,
        }
    }

    pub fn describe(&self, m: &Messages) -> String {
        use ProblemKind::*;
        match self {
            PlanFolderMissing => m.plan_folder_missing.clone(),
            PlanFileMissing => m.plan_file_missing.clone(),
            PlanFileUnreadable { reason } => fill(&m.plan_file_unreadable, &[("reason", reason)]),
            PlanSyntax { detail } => fill(&m.plan_syntax, &[("detail", detail)]),
            PlanValue { key, value, expected } => {
                let expected = expected.describe(m);
                fill(&m.plan_value, &[("key", key), ("value", value), ("expected", &expected)])
            }
            EnterpriseNumber { value } => fill(&m.enterprise_number, &[("value", value)]),
            EnterpriseNumberExample => m.enterprise_number_example.clone(),
            DeadlineMissed { step, done, due } => {
                fill(&m.deadline_missed, &[("step", step), ("done", done), ("due", due)])
            }
            WorkbookMissing => m.workbook_missing.clone(),
            WorkbookEncrypted => m.workbook_encrypted.clone(),
            WorkbookUnreadable { reason } => fill(&m.workbook_unreadable, &[("reason", reason)]),
            SheetMissing { sheet, available } => {
                fill(&m.sheet_missing, &[("sheet", sheet), ("available", &list(available, m))])
            }
            SheetEmpty => m.sheet_empty.clone(),
            ColumnMissing { column, found, mapping } => fill(
                &m.column_missing,
                &[("column", column), ("found", &list(found, m)), ("mapping", mapping)],
            ),
            ValueMissing { column } => fill(&m.value_missing, &[("column", column)]),
            NotANumber { column, value } => fill(&m.not_a_number, &[("column", column), ("value", value)]),
            NotAWholeNumber { column, value } => {
                fill(&m.not_a_whole_number, &[("column", column), ("value", value)])
            }
            NotADate { column, value } => fill(&m.not_a_date, &[("column", column), ("value", value)]),
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
            AgeUnknown { column } => fill(&m.age_unknown, &[("column", column)]),
            AgeImplausible { value, age, reference } => {
                fill(&m.age_implausible, &[("value", value), ("age", age), ("reference", reference)])
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Language;

    #[test]
    fn every_message_fills_its_placeholders() {
        let kinds = [
            ProblemKind::FteOutOfRange { column: "VTE".into(), value: "1,5".into() },
            ProblemKind::SheetMissing { sheet: "Medewerkers".into(), available: vec!["Blad1".into()] },
            ProblemKind::Duplicate { column: "Code".into(), value: "OPL-1".into(), first: "A3".into() },
            ProblemKind::UnknownCode {
                column: "Geslacht".into(),
                value: "Q".into(),
                expected: vec!["M".into(), "V".into()],
            },
        ];
        for language in Language::ALL {
            let messages = &language.strings().messages;
            for kind in &kinds {
                let text = kind.describe(messages);
                assert!(!text.contains('{'), "{language:?}: unfilled placeholder in {text}");
            }
        }
        let text = kinds[0].describe(&Language::Nl.strings().messages);
        assert!(text.contains("VTE \"1,5\""), "{text}");
    }
}
