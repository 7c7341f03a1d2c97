//! A bounded, sparse ods reader: content.xml streamed with quick-xml.
//! Values are explicit attributes in ODF (no style lookup for dates), so this
//! is simpler than xlsx. Repeated rows/cells are expanded only for filled
//! cells, after checking the expansion against the cell budget.
use super::error::ReadError;
use super::limits::*;
use super::sparse::*;
use super::xml::{Xml, attr, text_of};
use calamine::{CellErrorType, Data};
use quick_xml::events::Event;
use std::io::{Cursor, Read};
use zip::ZipArchive;

const MIME: &[u8] = b"application/vnd.oasis.opendocument.spreadsheet";

pub fn read(bytes: &[u8]) -> Result<Book, ReadError> {
    let mut zip = ZipArchive::new(Cursor::new(bytes)).map_err(|e| ReadError::Malformed(e.to_string()))?;
    {
        let mut m = Vec::new();
        let f = zip.by_name("mimetype").map_err(|_| ReadError::NotAWorkbook)?;
        f.take(200).read_to_end(&mut m)?;
        if m != MIME {
            return Err(ReadError::NotAWorkbook);
        }
    }
    if let Some(mut x) = Xml::open(&mut zip, "META-INF/manifest.xml")? {
        loop {
            match x.next()? {
                Event::Start(e) if e.local_name().as_ref() == "encryption-data" => {
                    return Err(ReadError::Encrypted);
                }
                Event::Eof => break,
                _ => {}
            }
        }
    }
    let mut x =
        Xml::open(&mut zip, "content.xml")?.ok_or_else(|| ReadError::Malformed("no content.xml".into()))?;
    let mut book = Book::default();
    let mut sheet: Option<Sheet> = None;
    match read_tables(&mut x, &mut book, &mut sheet) {
        Ok(()) => Ok(book),
        Err(e) => Err(match &sheet {
            Some(s) => e.in_sheet(&s.name),
            None => e,
        }),
    }
}

/// The tables of `content.xml`; `sheet` is the one being read, so that an
/// error can name it.
fn read_tables<R: Read + std::io::Seek>(
    x: &mut Xml<'_, R>,
    book: &mut Book,
    sheet: &mut Option<Sheet>,
) -> Result<(), ReadError> {
    let mut budget = Budget::default();
    let mut row: u64 = 0;
    let mut col: u64 = 0;
    let mut row_repeat: u64 = 1;
    let mut row_cells: Vec<(u32, u32, Data)> = Vec::new(); // (col, repeat, value)
    let mut in_cell = false;
    let mut cell = OdsCell::default();
    let mut p_depth = 0u32; // inside <text:p>
    let mut skip_depth = 0u32; // inside <office:annotation>
    loop {
        let ev = x.next()?;
        if in_cell && p_depth > 0 && skip_depth == 0 {
            let before = cell.text.len();
            if text_of(&ev, &mut cell.text)? {
                cell.chars += cell.text[before..].chars().count();
                if cell.chars > MAX_CELL_CHARS {
                    return Err(cell_too_long(row, col));
                }
                continue;
            }
        }
        match ev {
            Event::Start(e) => {
                let name = e.name();
                match name.as_ref() {
                    "table:table" if sheet.is_none() => {
                        if book.sheets.len() >= MAX_SHEETS {
                            return Err(ReadError::TooManySheets { limit: MAX_SHEETS });
                        }
                        *sheet = Some(Sheet {
                            name: attr(&e, "name", true)?.unwrap_or_default(),
                            ..Default::default()
                        });
                        row = 0;
                    }
                    "table:table-row" if sheet.is_some() => {
                        row_repeat = repeat(&e, "number-rows-repeated")?;
                        col = 0;
                        row_cells.clear();
                    }
                    "table:table-cell" | "table:covered-table-cell" if sheet.is_some() && !in_cell => {
                        in_cell = true;
                        cell = OdsCell {
                            repeat: repeat(&e, "number-columns-repeated")?,
                            value_type: attr(&e, "value-type", true)?,
                            value: None,
                            formula: attr(&e, "formula", true)?.is_some(),
                            ..Default::default()
                        };
                        // the one value attribute that goes with the type
                        let key: &str = match cell.value_type.as_deref() {
                            Some("float" | "percentage" | "currency") => "value",
                            Some("date") => "date-value",
                            Some("time") => "time-value",
                            Some("boolean") => "boolean-value",
                            Some("string") => "string-value",
                            _ => "",
                        };
                        if !key.is_empty() {
                            cell.value = attr(&e, key, true)?;
                            if cell.value.as_ref().is_some_and(|v| v.chars().count() > MAX_CELL_CHARS) {
                                return Err(cell_too_long(row, col));
                            }
                        }
                        cell.error = attr(&e, "value-type", true)?.is_some()
                            && e.attributes().flatten().any(|a| {
                                a.key.as_ref() == "calcext:value-type" && a.value.as_ref() == "error"
                            });
                    }
                    "text:p" | "text:h" if in_cell => {
                        if p_depth == 0 && cell.paragraphs > 0 && skip_depth == 0 {
                            cell.text.push('\n');
                            cell.chars += 1;
                        }
                        cell.paragraphs += 1;
                        p_depth += 1;
                    }
                    "text:s" if in_cell && p_depth > 0 && skip_depth == 0 => {
                        let n = attr(&e, "c", true)?.and_then(|c| c.parse::<u64>().ok()).unwrap_or(1);
                        if cell.chars as u64 + n > MAX_CELL_CHARS as u64 {
                            return Err(cell_too_long(row, col));
                        }
                        cell.text.extend(std::iter::repeat_n(' ', n as usize));
                        cell.chars += n as usize;
                    }
                    "text:tab" if in_cell && p_depth > 0 && skip_depth == 0 => {
                        cell.text.push('\t');
                        cell.chars += 1;
                    }
                    "text:line-break" if in_cell && p_depth > 0 && skip_depth == 0 => {
                        cell.text.push('\n');
                        cell.chars += 1;
                    }
                    "office:annotation" if in_cell => skip_depth += 1,
                    _ => {}
                }
            }
            Event::End(e) => match e.name().as_ref() {
                "text:p" | "text:h" if in_cell => p_depth = p_depth.saturating_sub(1),
                "office:annotation" if in_cell => skip_depth = skip_depth.saturating_sub(1),
                "table:table-cell" | "table:covered-table-cell" if in_cell => {
                    in_cell = false;
                    if sheet.is_none() {
                        continue;
                    }
                    let value = cell.value(row, col)?;
                    if let Some(v) = value
                        && col < MAX_COLS as u64
                    {
                        // clamp a repeat that runs past the grid, as calamine does
                        let rep = cell.repeat.min(MAX_COLS as u64 - col) as u32;
                        row_cells.push((col as u32, rep, v));
                    }
                    col = col.saturating_add(cell.repeat);
                }
                "table:table-row" => {
                    let Some(s) = sheet.as_mut() else { continue };
                    if !row_cells.is_empty() && row < MAX_ROWS as u64 {
                        let rows = row_repeat.min(MAX_ROWS as u64 - row);
                        let per_row: u64 = row_cells.iter().map(|c| c.1 as u64).sum();
                        // check the whole expansion before making any of it
                        budget.cells(rows.saturating_mul(per_row))?;
                        // every repeated copy of a text is its own String: budget them all
                        let text: u64 = row_cells
                            .iter()
                            .map(
                                |(_, rep, v)| {
                                    if let Data::String(t) = v { t.len() as u64 * *rep as u64 } else { 0 }
                                },
                            )
                            .sum();
                        budget.text(rows.saturating_mul(text).min(usize::MAX as u64) as usize)?;
                        for k in 0..rows {
                            for (c0, rep, v) in &row_cells {
                                for j in 0..*rep {
                                    s.cells.push(((row + k) as u32, c0 + j, Value::Own(v.clone())));
                                }
                            }
                        }
                    }
                    row = row.saturating_add(row_repeat);
                }
                "table:table" => {
                    if let Some(mut s) = sheet.take() {
                        s.finish();
                        book.sheets.push(s);
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(())
}

fn repeat(e: &quick_xml::events::BytesStart<'_>, key: &str) -> Result<u64, ReadError> {
    Ok(match attr(e, key, true)? {
        Some(v) => {
            v.trim().parse::<u64>().map_err(|_| ReadError::Malformed(format!("repeat count {v:?}")))?.max(1)
        }
        None => 1,
    })
}

fn cell_too_long(row: u64, col: u64) -> ReadError {
    ReadError::CellTooLong { at: clamp_at(row, col) }
}

/// A position for a message; ods repeats can run past the grid.
fn clamp_at(row: u64, col: u64) -> super::error::At {
    (row.min(MAX_ROWS as u64 - 1) as u32, col.min(MAX_COLS as u64 - 1) as u32)
}

#[derive(Default)]
struct OdsCell {
    repeat: u64,
    value_type: Option<String>,
    value: Option<String>,
    formula: bool,
    error: bool,
    text: String,
    chars: usize,
    paragraphs: u32,
}

impl OdsCell {
    fn value(&mut self, row: u64, col: u64) -> Result<Option<Data>, ReadError> {
        let at = || clamp_at(row, col);
        let v = match self.value_type.as_deref() {
            Some("float" | "percentage" | "currency") => {
                let raw = self.value.as_deref().unwrap_or("");
                Data::Float(
                    raw.trim()
                        .parse()
                        .map_err(|_| ReadError::BadValue { at: at(), raw: raw.chars().take(20).collect() })?,
                )
            }
            Some("date") => Data::DateTimeIso(self.value.take().unwrap_or_default()),
            Some("time") => Data::DurationIso(self.value.take().unwrap_or_default()),
            Some("boolean") => Data::Bool(matches!(self.value.as_deref(), Some("true" | "TRUE" | "1"))),
            Some("string") if self.error => match self.text.parse::<CellErrorType>() {
                Ok(e) => Data::Error(e),
                Err(_) => Data::String(std::mem::take(&mut self.text)),
            },
            Some("string") => {
                Data::String(self.value.take().unwrap_or_else(|| std::mem::take(&mut self.text)))
            }
            // A formula saved without its result: kept, so that reading it is
            // an error at its cell rather than a silent blank.
            Some(_) | None if self.formula => Data::Error(CellErrorType::GettingData),
            Some(_) | None => return Ok(None),
        };
        Ok((!matches!(&v, Data::String(t) if t.is_empty())).then_some(v))
    }
}
