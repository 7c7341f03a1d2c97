//! CSV and TSV exports, read as one sheet: the delimiter and the encoding
//! are detected unless `plan.toml` sets them, quoted fields and CRLF line
//! ends are read as a spreadsheet program reads them, and only filled
//! fields are kept, each at its (row, column), so title lines above the
//! header row are found and skipped as in a workbook.

use super::error::ReadError;
use super::limits::{MAX_CELL_CHARS, MAX_COLS, MAX_ROWS};
use super::sparse::{Book, Budget, Sheet, Value};
use calamine::Data;
use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How to read a text export, as `plan.toml` may set it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TextOptions {
    /// `,`, `;`, a tab or `|`; detected when `None`.
    pub delimiter: Option<u8>,
    /// Detected when `None`: a byte-order mark, else UTF-8 when the bytes
    /// are valid UTF-8, else Windows-1252 (what Excel writes on Windows).
    pub encoding: Option<&'static Encoding>,
}

/// The delimiters tried, in order of preference when two fit equally.
pub const DELIMITERS: [u8; 4] = [b';', b',', b'\t', b'|'];

/// Lines looked at to find the delimiter.
const SAMPLE_LINES: usize = 50;

/// The export `bytes` as a book of one sheet called `name`.
pub fn read(bytes: &[u8], name: &str, options: TextOptions) -> Result<Book, ReadError> {
    let text = decode(bytes, options.encoding)?;
    let delimiter = options.delimiter.unwrap_or_else(|| detect_delimiter(&text));
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut sheet = Sheet { name: name.to_string(), cells: Vec::new() };
    let mut budget = Budget::default();
    let mut record = csv::StringRecord::new();
    // A spreadsheet program shows a blank line as an empty row and a quoted
    // field over several lines as one row, so a record's row is its line
    // less the line breaks inside the fields before it.
    let mut breaks_inside: u64 = 0;
    let (mut lines_before, mut counted) = (0u64, 0usize);
    loop {
        // Where the reader stands: just past the previous record, before
        // any blank lines, which it skips but a spreadsheet shows as rows.
        let mut start = (reader.position().byte() as usize).min(text.len());
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => return Err(ReadError::Malformed(e.to_string())),
        }
        while matches!(text.as_bytes().get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        lines_before += bytecount(&text.as_bytes()[counted..start]);
        counted = start;
        let row = u32::try_from(lines_before - breaks_inside)
            .ok()
            .filter(|r| *r < MAX_ROWS)
            .ok_or(ReadError::OutsideGrid)?;
        breaks_inside += record.iter().map(|f| bytecount(f.as_bytes())).sum::<u64>();
        for (column, field) in record.iter().enumerate() {
            if field.trim().is_empty() {
                continue;
            }
            let column =
                u32::try_from(column).ok().filter(|c| *c < MAX_COLS).ok_or(ReadError::OutsideGrid)?;
            if field.chars().count() > MAX_CELL_CHARS {
                return Err(ReadError::CellTooLong { at: (row, column) });
            }
            budget.cell()?;
            budget.text(field.len())?;
            sheet.cells.push((row, column, Value::Own(Data::String(field.to_string()))));
        }
    }
    Ok(Book { sheets: vec![sheet], strings: Vec::new() })
}

/// Line breaks in `bytes`.
fn bytecount(bytes: &[u8]) -> u64 {
    bytes.iter().filter(|b| **b == b'\n').count() as u64
}

/// The text of `bytes`: by its byte-order mark, else as `encoding` says,
/// else UTF-8 when valid, else Windows-1252.
fn decode(bytes: &[u8], encoding: Option<&'static Encoding>) -> Result<String, ReadError> {
    if let Some((found, bom)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = found.decode_without_bom_handling(&bytes[bom..]);
        return if had_errors { Err(not_in(found)) } else { Ok(text.into_owned()) };
    }
    let encoding = match encoding {
        Some(encoding) => encoding,
        None if std::str::from_utf8(bytes).is_ok() => UTF_8,
        None => WINDOWS_1252,
    };
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors { Err(not_in(encoding)) } else { Ok(text.into_owned()) }
}

fn not_in(encoding: &'static Encoding) -> ReadError {
    ReadError::NotInEncoding { encoding: encoding.name() }
}

/// The delimiter that splits the first lines into the same number of
/// fields most often (more than one field); `;` when nothing fits, which is
/// what Excel writes in Belgium.
fn detect_delimiter(text: &str) -> u8 {
    let sample: String = text.lines().take(SAMPLE_LINES).collect::<Vec<_>>().join("\n");
    let score = |delimiter: u8| -> (usize, usize) {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(sample.as_bytes());
        let mut counts: Vec<usize> = Vec::new();
        for record in reader.records().map_while(Result::ok) {
            if record.len() > 1 {
                counts.push(record.len());
            }
        }
        // The most common field count, and how many lines have it.
        let mut best = (0, 0);
        for &count in &counts {
            let lines = counts.iter().filter(|c| **c == count).count();
            best = best.max((lines, count));
        }
        best
    };
    let mut best = (b';', (0, 0));
    for delimiter in DELIMITERS {
        let found = score(delimiter);
        if found > best.1 {
            best = (delimiter, found);
        }
    }
    best.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(book: &Book) -> Vec<(u32, u32, String)> {
        book.sheets[0].cells.iter().map(|(r, c, v)| (*r, *c, book.data(v).to_string())).collect()
    }

    #[test]
    fn delimiters_are_found_from_the_lines_that_agree() {
        assert_eq!(detect_delimiter("Export 2026\nid;name;fte\n1;An;0,8\n2;Bo;1\n"), b';');
        assert_eq!(detect_delimiter("id,name,fte\n1,An,\"0,8\"\n2,Bo,1\n"), b',');
        assert_eq!(detect_delimiter("id\tname, first\tfte\n1\tAn, B\t0,8\n"), b'\t');
        assert_eq!(detect_delimiter("just one column\n"), b';');
    }

    #[test]
    fn quotes_line_breaks_and_title_lines_are_read_as_a_spreadsheet_would() {
        let text = "HR export, 1 Jan 2027\r\n\r\nEmpID;Name;Dept\r\n7;\"Claes; Ann\";\"R&D\r\nlab\"\r\n8;;Sales \r\n\r\n9\r\n";
        let book = read(text.as_bytes(), "export", TextOptions::default()).unwrap();
        assert_eq!(
            cells(&book),
            vec![
                (0, 0, "HR export, 1 Jan 2027".into()),
                (2, 0, "EmpID".into()),
                (2, 1, "Name".into()),
                (2, 2, "Dept".into()),
                (3, 0, "7".into()),
                (3, 1, "Claes; Ann".into()),
                (3, 2, "R&D\r\nlab".into()),
                (4, 0, "8".into()),
                (4, 2, "Sales ".into()),
                (6, 0, "9".into()),
            ]
        );
    }

    #[test]
    fn encodings_are_detected_or_set() {
        // "Müller" in Windows-1252, in UTF-8 with a byte-order mark, in UTF-16.
        let latin = b"id;naam\n1;M\xfcller\n";
        let bom = "\u{feff}id;naam\n1;Müller\n".as_bytes().to_vec();
        let utf16: Vec<u8> =
            "\u{feff}id\tnaam\n1\tMüller\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
        for bytes in [latin.to_vec(), bom, utf16] {
            let book = read(&bytes, "x", TextOptions::default()).unwrap();
            assert_eq!(cells(&book)[3].2, "Müller");
        }
        let forced = TextOptions { encoding: Some(UTF_8), ..TextOptions::default() };
        assert!(matches!(read(latin, "x", forced), Err(ReadError::NotInEncoding { encoding: "UTF-8" })));
    }

    #[test]
    fn limits_hold_for_text_files_too() {
        let long = format!("a;{}\n", "b".repeat(MAX_CELL_CHARS + 1));
        assert!(matches!(
            read(long.as_bytes(), "x", TextOptions::default()),
            Err(ReadError::CellTooLong { at: (0, 1) })
        ));
    }
}
