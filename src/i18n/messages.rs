use serde::Deserialize;

/// Terminal messages: problems in the user's data and the build summary.
/// Placeholders in braces are filled by `problem::ProblemKind::describe`.
#[derive(Debug, Deserialize)]
pub struct Messages {
    /// Between a place or label and its message (": ", or "\u{a0}: " in French).
    pub separator: String,
    /// How a value in a list is quoted, with `{}` for the value.
    pub quote: String,
    pub error: String,
    pub warning: String,
    pub problems_found: String,
    pub more_like_this: String,
    pub nothing_written: String,
    pub built: String,
    pub check_ok: String,
    pub check_warnings: String,
    pub layout_warning: String,
    pub plan_folder_missing: String,
    pub plan_file_missing: String,
    pub plan_file_unreadable: String,
    pub plan_syntax: String,
    pub plan_value: String,
    pub enterprise_number: String,
    pub workbook_missing: String,
    pub workbook_unreadable: String,
    pub sheet_missing: String,
    pub sheet_empty: String,
    pub column_missing: String,
    pub value_missing: String,
    pub not_a_number: String,
    pub not_a_whole_number: String,
    pub not_a_date: String,
    pub fte_out_of_range: String,
    pub negative: String,
    pub unknown_code: String,
    pub unknown_country: String,
    pub duplicate: String,
    pub unknown_employee: String,
    pub unknown_training: String,
    pub unknown_goal: String,
    pub end_before_start: String,
    pub birth_after_reference: String,
    pub cell_error: String,
    pub age_unknown: String,
    pub age_implausible: String,
}
