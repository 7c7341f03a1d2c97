//! Reading a workbook within bounds: the file read once (a regular file,
//! never more than a stated size), a zip's parts checked before anything is
//! unpacked, and only the filled cells kept, each with its place. No
//! number in the file sizes an allocation: a cell at XFD1048576, a part that
//! unpacks to gigabytes of white space or a shared string of two gigabytes
//! is refused with the file and the limit named, not allocated.
//!
//! xlsx and ods are read by our own streaming readers (on quick-xml); xls by
//! calamine, after a scan of its records has worked out what calamine will
//! allocate and refused the file when that is too much; CSV and TSV exports
//! by the csv crate, as a book of one sheet.

mod error;
mod guard;
pub(crate) mod limits;
mod ods;
mod sparse;
mod text;
mod xls;
mod xlsx;
mod xml;
mod zip_check;

pub(crate) use error::ReadError;
pub(crate) use sparse::{Book, Sheet, Value};
pub(crate) use text::TextOptions;

/// Whether a file of this name is read as a text export (CSV or TSV) when
/// its bytes are not a workbook.
pub(crate) fn is_text_name(name: &str) -> bool {
    let extension = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    matches!(extension.as_deref(), Some("csv" | "tsv" | "txt"))
}

/// The book in `bytes`, by what the bytes are: a workbook (xlsx, ods, xls),
/// or, when `name` says CSV or TSV, a text export read with `options`.
pub(crate) fn read_named(bytes: &[u8], name: &str, options: TextOptions) -> Result<Book, ReadError> {
    match read(bytes) {
        Err(ReadError::NotAWorkbook) if is_text_name(name) => text::read(bytes, "", options),
        other => other,
    }
}

/// Every sheet of the workbook `bytes`, read by what the bytes are (not by
/// the file's name): xlsx, ods or xls.
pub(crate) fn read(bytes: &[u8]) -> Result<Book, ReadError> {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        let entries = zip_check::check_zip(bytes)?;
        let ods =
            entries.iter().any(|e| e.name == "mimetype") && entries.iter().any(|e| e.name == "content.xml");
        if ods { ods::read(bytes) } else { xlsx::read(bytes) }
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        xls::read(bytes)
    } else {
        Err(ReadError::NotAWorkbook)
    }
}

#[cfg(test)]
mod tests;
