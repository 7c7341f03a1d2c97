/// What is wrong, with the values the message needs. The wording lives in
/// the strings files, so every problem reads in the plan's language.
#[derive(Debug, Clone, PartialEq)]
pub enum ProblemKind {
    /// The plan folder given does not exist.
    PlanFolderMissing,
    /// A file was given where the plan folder was expected.
    PlanFolderIsFile {
        /// The folder the file is in.
        folder: String,
    },
    /// The plan folder holds no `plan.toml`.
    PlanFileMissing,
    /// `plan.toml` is there but cannot be read.
    PlanFileUnreadable {
        /// Why.
        fault: super::FileFault,
    },
    /// `plan.toml` is not valid TOML, or has a key it does not know.
    PlanSyntax {
        /// The file: `plan.toml` or `batch.toml`.
        file: &'static str,
        /// The parser's description of what is wrong.
        detail: String,
    },
    /// A setting in `plan.toml` holds a value it cannot take.
    PlanValue {
        /// The setting, as `section.key`.
        key: String,
        /// The value written there.
        value: String,
        /// What it should have held.
        expected: super::Expected,
    },
    /// A text in a settings file longer than any output can hold.
    TextTooLong {
        /// The setting, as `section.key`.
        key: String,
        /// Its length, in characters.
        count: usize,
        /// The most it may hold.
        limit: usize,
    },
    /// An enterprise number that is not ten digits starting with 0 or 1, or
    /// whose check digits do not match.
    EnterpriseNumber {
        /// The number as written.
        value: String,
    },
    /// Warning: the template's example number is still in place.
    EnterpriseNumberExample,
    /// Warning: a consultation date in plan.toml misses its legal deadline.
    DeadlineMissed {
        /// The consultation step, in the plan's language.
        step: String,
        /// The date it was done.
        done: String,
        /// The date it was due by law.
        due: String,
    },
    /// The workbook `plan.toml` names does not exist.
    WorkbookMissing,
    /// The workbook is protected with a password.
    WorkbookEncrypted,
    /// The workbook cannot be read: too large, damaged, not a workbook.
    Workbook(super::WorkbookFault),
    /// A sheet the plan needs is not in the workbook.
    SheetMissing {
        /// The sheet looked for.
        sheet: String,
        /// The sheets the workbook does have.
        available: Vec<String>,
        /// The sheet's section in plan.toml (`trainings`), for the setting
        /// that names another file.
        key: String,
    },
    /// A sheet has no data under its header row.
    SheetEmpty,
    /// A table looked for in a CSV or TSV file that holds another one.
    TextFileOneTable {
        /// The sheet looked for, in the plan's language.
        sheet: String,
        /// Its section in `plan.toml` (`trainings`).
        key: String,
    },
    /// A column the plan needs is not in the sheet.
    ColumnMissing {
        /// The column looked for, by its name in the plan's language or as
        /// `plan.toml` maps it.
        column: String,
        /// The column headers the sheet does have.
        found: Vec<String>,
        /// The plan.toml line that would name the column.
        mapping: String,
        /// For a field of ours, its sheet's section and its key, for the
        /// settings that place the header row or give a value for all.
        field: Option<(String, String)>,
    },
    /// Two columns hold the same field (two "VTE" columns, or "VTE" and
    /// "FTE"): which one is meant is not known.
    ColumnTwice {
        /// This column's header.
        column: String,
        /// The other column's header.
        other: String,
        /// The other column's header cell, e.g. `C1`.
        first: String,
        /// The plan.toml line that would name the right column.
        mapping: String,
    },
    /// A required cell is empty.
    ValueMissing {
        /// The column's header.
        column: String,
    },
    /// A cell that should hold a number holds something else.
    NotANumber {
        /// The column's header.
        column: String,
        /// The cell's value as shown.
        value: String,
    },
    /// A number no field can hold: infinite, or beyond a trillion.
    NumberImplausible {
        /// The column's header.
        column: String,
        /// The cell's value as shown.
        value: String,
    },
    /// A cell that should hold a whole number holds a fraction or text.
    NotAWholeNumber {
        /// The column's header.
        column: String,
        /// The cell's value as shown.
        value: String,
    },
    /// A cell that should hold a date holds something else.
    NotADate {
        /// The column's header.
        column: String,
        /// The cell's value as shown.
        value: String,
        /// The setting that says how dates are written,
        /// `[input.employees.formats] birth_date`.
        setting: String,
    },
    /// A work regime (FTE) outside (0, 1].
    FteOutOfRange {
        /// The column's header.
        column: String,
        /// The cell's value as shown.
        value: String,
    },
    /// A negative number where only zero or more makes sense (hours,
    /// budgets, costs).
    Negative {
        /// The column's header.
        column: String,
        /// The cell's value as shown.
        value: String,
    },
    /// A code (gender, statute, kind of training, quarter, ...) the column
    /// does not know.
    UnknownCode {
        /// The column's header.
        column: String,
        /// The code as written.
        value: String,
        /// The codes the column accepts.
        expected: Vec<String>,
    },
    /// A nationality that is no known country code or name.
    UnknownCountry {
        /// The column's header.
        column: String,
        /// The cell's value as shown.
        value: String,
    },
    /// A value that must be unique (a personnel number, a training code)
    /// occurs a second time.
    Duplicate {
        /// The column's header.
        column: String,
        /// The repeated value.
        value: String,
        /// The cell where it first occurs, e.g. `A3`.
        first: String,
    },
    /// A participation names an employee the employees sheet does not have.
    UnknownEmployee {
        /// The personnel number as written.
        value: String,
        /// The name of the employees sheet.
        sheet: String,
    },
    /// A participation names a training the trainings sheet does not have.
    UnknownTraining {
        /// The training code as written.
        value: String,
        /// The name of the trainings sheet.
        sheet: String,
    },
    /// A training serves a strategic goal `plan.toml` does not define.
    UnknownGoal {
        /// The goal id as written.
        value: String,
        /// The goal ids `plan.toml` defines.
        known: Vec<String>,
    },
    /// A period that ends before it starts.
    EndBeforeStart {
        /// The start date, in the plan's language.
        start: String,
        /// The end date, in the plan's language.
        end: String,
    },
    /// A birth date after the reference date.
    BirthAfterReference {
        /// The birth date, in the plan's language.
        value: String,
        /// The reference date, in the plan's language.
        reference: String,
    },
    /// A cell holding a spreadsheet error such as `#N/A` or `#VALUE!`.
    CellError {
        /// The column's header.
        column: String,
        /// The error as the spreadsheet shows it.
        value: String,
    },
    /// Warning: a column of text dates is read month first, because a value
    /// can only be read so.
    DateOrderMonthFirst {
        /// The column's header.
        column: String,
        /// The value that decided it.
        value: String,
        /// Its cell.
        cell: String,
    },
    /// A column of text dates that all read both ways, with no format set.
    DateOrderAmbiguous {
        /// The column's header.
        column: String,
        /// An ambiguous value.
        value: String,
        /// Its cell.
        cell: String,
        /// The plan.toml setting that decides it.
        key: String,
    },
    /// A proposal, shown with the problems of a sheet that lacks columns: the
    /// plan.toml block that would read it.
    MappingProposal {
        /// The block, ready to paste.
        block: String,
    },
    /// Warning: a quarter declares more FTE than the employees sheet holds
    /// people.
    QuarterAboveWorkforce {
        /// The FTE as shown.
        value: String,
        /// How many employees the sheet holds.
        people: String,
        /// The FTE as read.
        declared: String,
    },
    /// Warning: the participation costs of a training exceed its budget.
    CostsAboveBudget {
        /// The training's code.
        code: String,
        /// Its participations' costs added up, as printed.
        costs: String,
        /// Its budget, as printed.
        budget: String,
    },
    /// Warning: a training's title reads as one language while its
    /// Language column names another.
    TitleLanguage {
        /// The training's code.
        code: String,
        /// The language the title is written in, in words.
        written: String,
        /// The language the column names, in words.
        said: String,
    },
    /// Error: a training balance of another year than the one before the
    /// plan year: only last year's balance carries over.
    BalanceYear {
        /// The balance's year.
        year: String,
        /// The year before the plan year.
        last_year: String,
    },
    /// Warning: last year's balances come from a version dated before the
    /// end of its year.
    BalanceEarly {
        /// The version's number.
        version: String,
        /// Its date, as printed.
        date: String,
    },
    /// Error: a job requirement names neither a job nor a department.
    RequirementScope,
    /// Error: a job requirement names neither a certificate nor a competence.
    RequirementNeed,
    /// Warning: a job requirement for a job or department nobody has.
    RequirementNobody {
        /// The job or department as written.
        value: String,
    },
    /// Error: a certificate that expires before it was obtained.
    ExpiresBeforeObtained {
        /// The date obtained, as printed.
        obtained: String,
        /// The last valid day, as printed.
        valid_until: String,
    },
    /// Warning: a certificate no job requirement asks for.
    CertificateNotRequired {
        /// The certificate as written.
        value: String,
    },
    /// Error: a competence level outside 1-4.
    LevelOutOfRange {
        /// The column's header.
        column: String,
        /// The value as written.
        value: String,
    },
    /// Error: a sector rule file that cannot be used.
    RuleFile {
        /// What is wrong, as the parser or the check says.
        detail: String,
    },
    /// Warning: the plan names joint committees with different sector
    /// rules, but the workbook does not say who falls under which.
    CommitteesUnassigned {
        /// The committees, listed.
        committees: String,
    },
    /// Warning: a training balance of someone the employees sheet does not
    /// hold.
    BalanceNotEmployed {
        /// The personnel number.
        value: String,
    },
    /// Warning: an employee's language is one the documents are not
    /// written in; their statement is in the plan's language.
    LanguageNotWritten {
        /// The value as written.
        value: String,
    },
    /// Warning: a works council in a company far below the size that
    /// requires one.
    WorksCouncilSmall {
        /// Active employees.
        heads: String,
    },
    /// Warning: a row left out by the sheet's exclusion rules.
    RowExcluded {
        /// The export's header the rule names.
        column: String,
        /// The value that left the row out.
        value: String,
        /// The setting, `[input.employees] exclude`.
        key: String,
    },
    /// Warning: a row with a problem, left out as `invalid_rows =
    /// "exclude"` asks.
    RowLeftOut {
        /// The problem.
        reason: Box<ProblemKind>,
        /// The sheet's section, `input.employees`.
        key: String,
    },
    /// Warning: a text holds control characters; they are left out.
    ControlCharacters {
        /// The column (or, in plan.toml, the setting) holding them.
        field: String,
        /// The characters, as "U+0007".
        codes: String,
    },
    /// A setting holds control characters (written as escapes).
    SettingControlCharacters {
        /// The setting, as `section.key`.
        key: String,
        /// The characters, as "U+0007".
        codes: String,
    },
    /// Warning: a text holds characters no bundled font has; the PDF shows
    /// a white square in their place.
    NoGlyph {
        /// The column (or, in plan.toml, the setting) holding them.
        field: String,
        /// The characters themselves.
        chars: String,
        /// The same, as "U+10FFFD".
        codes: String,
    },
    /// A formula saved without its result (written by a program that does
    /// not calculate): its value is unknown, not empty.
    FormulaNotCalculated {
        /// The column's header.
        column: String,
    },
    /// Warning: no birth date and no age; counted as "age unknown".
    AgeUnknown {
        /// The header of the birth date (or age) column.
        column: String,
    },
    /// Warning: an age outside working life, probably a typo.
    AgeImplausible {
        /// The column's header.
        column: String,
        /// The birth date or age as shown.
        value: String,
        /// The age it gives on the reference date, in years.
        age: String,
        /// The reference date, in the plan's language.
        reference: String,
        /// The youngest plausible age.
        min: u16,
        /// The oldest plausible age.
        max: u16,
    },
}

impl ProblemKind {
    /// Problems with `plan.toml` or the folder, rather than the workbook's data.
    pub(crate) fn is_configuration(&self) -> bool {
        use ProblemKind::*;
        matches!(
            self,
            PlanFolderMissing
                | PlanFolderIsFile { .. }
                | PlanFileMissing
                | PlanFileUnreadable { .. }
                | PlanSyntax { .. }
                | PlanValue { .. }
                | TextTooLong { .. }
                | SettingControlCharacters { .. }
                | Workbook(_)
                | WorkbookEncrypted
                | EnterpriseNumber { .. }
                | WorkbookMissing
        )
    }

    /// The column a cell problem is about, so repeated problems in one
    /// column can be summarised.
    pub(crate) fn column(&self) -> Option<&str> {
        use ProblemKind::*;
        match self {
            ValueMissing { column }
            | NotANumber { column, .. }
            | NumberImplausible { column, .. }
            | NotAWholeNumber { column, .. }
            | NotADate { column, .. }
            | FteOutOfRange { column, .. }
            | Negative { column, .. }
            | UnknownCode { column, .. }
            | UnknownCountry { column, .. }
            | Duplicate { column, .. }
            | CellError { column, .. }
            | FormulaNotCalculated { column }
            | ControlCharacters { field: column, .. }
            | RowExcluded { column, .. }
            | NoGlyph { field: column, .. }
            | AgeUnknown { column } => Some(column),
            // The same missing employee or training down the participations
            // is one group, keyed by the sheet it is missing from.
            UnknownEmployee { sheet, .. } | UnknownTraining { sheet, .. } => Some(sheet),
            RowLeftOut { reason, .. } => reason.column(),
            _ => None,
        }
    }
}

#[cfg(test)]
#[path = "describe_tests.rs"]
mod tests;
