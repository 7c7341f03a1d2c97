//! Why a workbook could not be read at all: too large, damaged, not a
//! workbook. Kept apart from the cell problems because each names a limit
//! or a fault of the file, not of one value.

use crate::i18n::Messages;
use crate::text::fill;

/// What is wrong with a workbook as a file.
#[derive(Debug, Clone, PartialEq)]
pub enum WorkbookFault {
    /// A folder, a named pipe or a device where a file was expected.
    NotAFile,
    /// The system could not read it.
    Io {
        /// The kind of failure, for the wording.
        kind: std::io::ErrorKind,
        /// The system's own words.
        detail: String,
    },
    /// Beyond one of the reader's limits.
    Limit(Limit),
    /// A text longer than Excel's 32,767 characters.
    TextTooLong,
    /// An .xls sheet whose used area is too large to read: usually a stray
    /// cell far from the data.
    Sparse {
        /// Rows from the first to the last used one.
        rows: u64,
        /// Columns from the first to the last used one.
        columns: u64,
    },
    /// Not an xlsx, xls or ods file.
    NotAWorkbook,
    /// A CSV or TSV file whose bytes are not in its encoding.
    NotInEncoding {
        /// The encoding it was read in, e.g. "UTF-8".
        encoding: &'static str,
    },
    /// Damaged; the detail is the parser's.
    Damaged {
        /// What the parser met, in its own (technical) words.
        detail: String,
    },
}

/// A limit of the workbook reader, with its value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Limit {
    /// The file's size, in MiB.
    FileMib(u64),
    /// One part of the zip, unpacked, in MiB.
    PartMib(u64),
    /// All parts unpacked, in MiB.
    UnpackedMib(u64),
    /// All text held, in MiB.
    TextMib(u64),
    /// One XML text or tag, in KiB.
    TokenKib(u64),
    /// Parts in the zip.
    Parts(u64),
    /// Filled cells.
    Cells(u64),
    /// Distinct texts.
    Texts(u64),
    /// Cell formats.
    Formats(u64),
    /// Sheets.
    Sheets(u64),
}

impl WorkbookFault {
    pub(crate) fn describe(&self, m: &Messages) -> String {
        match self {
            WorkbookFault::NotAFile => m.workbook_not_a_file.clone(),
            WorkbookFault::Io { kind, detail } => {
                let error = std::io::Error::new(*kind, detail.clone());
                fill(&m.workbook_io, &[("reason", &super::errors::io_reason(&error, m))])
            }
            WorkbookFault::Limit(limit) => fill(&m.workbook_limit, &[("limit", &limit.describe(m))]),
            WorkbookFault::TextTooLong => m.workbook_text_too_long.clone(),
            WorkbookFault::Sparse { rows, columns } => fill(
                &m.workbook_sparse,
                &[("rows", &group(*rows, &m.group)), ("columns", &group(*columns, &m.group))],
            ),
            WorkbookFault::NotAWorkbook => m.workbook_not_a_workbook.clone(),
            WorkbookFault::NotInEncoding { encoding } => {
                fill(&m.workbook_not_in_encoding, &[("encoding", encoding)])
            }
            WorkbookFault::Damaged { detail } => fill(&m.workbook_unreadable, &[("reason", detail)]),
        }
    }
}

impl Limit {
    fn describe(&self, m: &Messages) -> String {
        let l = &m.limits;
        let (template, n) = match *self {
            Limit::FileMib(n) => (&l.file, n),
            Limit::PartMib(n) => (&l.part, n),
            Limit::UnpackedMib(n) => (&l.unpacked, n),
            Limit::TextMib(n) => (&l.text, n),
            Limit::TokenKib(n) => (&l.token, n),
            Limit::Parts(n) => (&l.parts, n),
            Limit::Cells(n) => (&l.cells, n),
            Limit::Texts(n) => (&l.texts, n),
            Limit::Formats(n) => (&l.formats, n),
            Limit::Sheets(n) => (&l.sheets, n),
        };
        fill(template, &[("n", &group(n, &m.group))])
    }
}

/// `n` with its thousands grouped the language's way.
fn group(n: u64, separator: &str) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + 8);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(separator);
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(group(8_000_000, "."), "8.000.000");
        assert_eq!(group(999, ","), "999");
        assert_eq!(group(1000, "\u{202f}"), "1\u{202f}000");
    }
}
