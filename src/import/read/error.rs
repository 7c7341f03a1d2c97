//! Why a workbook could not be read, with the sheet and cell where that is
//! known. The import stage turns each into a located problem in the user's
//! language; the `Display` here is for tests and logs only.

use std::fmt;

/// A 0-based (row, column) in a sheet.
pub(crate) type At = (u32, u32);

/// Why a workbook could not be read.
#[derive(Debug)]
pub(crate) enum ReadError {
    /// The zip holds more parts than [`MAX_ZIP_ENTRIES`](super::limits::MAX_ZIP_ENTRIES).
    TooManyEntries { limit: usize },
    /// One part unpacks to more than the limit.
    PartTooLarge { limit: u64 },
    /// All parts together unpack to more than the limit.
    TotalTooLarge { limit: u64 },
    /// One XML token (a text, a tag) is longer than the parser may buffer.
    TokenTooLarge { limit: u64 },
    /// A cell holds more than Excel's 32,767 characters.
    CellTooLong { at: At },
    /// A shared text holds more than Excel's 32,767 characters.
    SharedStringTooLong,
    /// More distinct texts than the limit.
    TooManySharedStrings { limit: usize },
    /// More filled cells than the limit.
    TooManyCells { limit: usize },
    /// More bytes of text than the limit.
    TooMuchText { limit: usize },
    /// More cell formats than Excel allows.
    TooManyFormats { limit: usize },
    /// More sheets than the limit.
    TooManySheets { limit: usize },
    /// A text export whose bytes are not in its encoding.
    NotInEncoding { encoding: &'static str },
    /// A cell reference that is no reference, e.g. `r="A0"`.
    BadReference { reference: String },
    /// A cell beyond Excel's 1,048,576 x 16,384 grid.
    OutsideGrid,
    /// A cell that points to a shared text the workbook does not have.
    BadStringIndex { at: At },
    /// A cell whose stored value cannot be read (a number that is none, an
    /// unknown type).
    BadValue { at: At, raw: String },
    /// Protected with a password.
    Encrypted,
    /// Damaged in a way only the parser can name; the detail is technical.
    Malformed(String),
    /// Neither xlsx, ods nor xls.
    NotAWorkbook,
    /// An xls sheet whose used area is too large for the dense reader:
    /// usually a stray cell far from the data.
    XlsTooSparse { rows: u64, cols: u64 },
    /// Any of the above, inside the named sheet.
    InSheet { sheet: String, error: Box<ReadError> },
}

impl ReadError {
    /// Wraps the error with the sheet it happened in.
    pub(crate) fn in_sheet(self, sheet: &str) -> Self {
        match self {
            in_sheet @ ReadError::InSheet { .. } => in_sheet,
            error => ReadError::InSheet { sheet: sheet.to_string(), error: Box::new(error) },
        }
    }

    /// The cell the error is about, when it is about one.
    pub(crate) fn at(&self) -> Option<At> {
        match self {
            ReadError::CellTooLong { at }
            | ReadError::BadStringIndex { at }
            | ReadError::BadValue { at, .. } => Some(*at),
            ReadError::InSheet { error, .. } => error.at(),
            _ => None,
        }
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::InSheet { sheet, error } => write!(f, "sheet {sheet:?}: {error}"),
            ReadError::Malformed(detail) => write!(f, "damaged: {detail}"),
            other => write!(f, "{other:?}"),
        }
    }
}

impl std::error::Error for ReadError {}

/// Reading from memory fails only on damaged data (a truncated stream, a
/// bad checksum), never on the machine.
impl From<std::io::Error> for ReadError {
    fn from(e: std::io::Error) -> Self {
        ReadError::Malformed(e.to_string())
    }
}
