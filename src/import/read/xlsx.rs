//! A bounded, sparse xlsx reader on quick-xml: only what the product needs
//! (sheet names, shared strings, which styles are dates, cell values).
//!
//! Memory is bounded by construction: one XML token at a time (Guard), the
//! shared-string table (count, per-string and total text limits), one byte
//! per cell format, and the sparse cells (cell budget). Nothing is sized from
//! a number in the file (no `uniqueCount` reserve, no `<dimension>` use).
use super::error::ReadError;
use super::limits::*;
use super::sparse::*;
use super::xml::{Xml, attr, attrs, text_of, unescape_x};
use calamine::{CellErrorType, Data, ExcelDateTime, ExcelDateTimeType};
use quick_xml::events::Event;
use std::collections::HashMap;
use std::io::{Cursor, Read, Seek};
use zip::ZipArchive;

#[derive(Clone, Copy, PartialEq)]
enum Fmt {
    Other,
    Date,
    Duration,
}

struct Rel {
    typ: String,
    target: String,
}

pub fn read(bytes: &[u8]) -> Result<Book, ReadError> {
    let mut zip = ZipArchive::new(Cursor::new(bytes)).map_err(|e| ReadError::Malformed(e.to_string()))?;
    if zip.index_for_name("EncryptedPackage").is_some() {
        return Err(ReadError::Encrypted);
    }
    // _rels/.rels -> the workbook part (usually xl/workbook.xml)
    let root = read_rels(&mut zip, "_rels/.rels", "")?;
    let wb_path = root
        .values()
        .find(|r| r.typ.ends_with("/officeDocument"))
        .map(|r| r.target.clone())
        .unwrap_or_else(|| "xl/workbook.xml".into());
    let dir = wb_path.rfind('/').map_or("", |i| &wb_path[..=i]).to_string();
    let rels_path = format!("{dir}_rels/{}.rels", &wb_path[dir.len()..]);
    let rels = read_rels(&mut zip, &rels_path, &dir)?;
    let (sheets, is_1904) = read_workbook(&mut zip, &wb_path)?;
    let by_type = |suffix: &str, default: &str| {
        rels.values()
            .find(|r| r.typ.ends_with(suffix))
            .map(|r| r.target.clone())
            .unwrap_or_else(|| format!("{dir}{default}"))
    };
    let mut budget = Budget::default();
    let strings =
        read_shared_strings(&mut zip, &by_type("/sharedStrings", "sharedStrings.xml"), &mut budget)?;
    let formats = read_styles(&mut zip, &by_type("/styles", "styles.xml"))?;
    let mut book = Book { sheets: Vec::new(), strings };
    for (name, rid) in sheets {
        let Some(rel) = rels.get(&rid) else { continue };
        if !rel.typ.ends_with("/worksheet") {
            continue; // chartsheet, dialogsheet, macrosheet: no cells for us
        }
        let mut sheet = Sheet { name, ..Default::default() };
        read_sheet(&mut zip, &rel.target, &book.strings, &formats, is_1904, &mut budget, &mut sheet)
            .map_err(|e| e.in_sheet(&sheet.name))?;
        sheet.finish();
        book.sheets.push(sheet);
    }
    Ok(book)
}

fn resolve(base_dir: &str, target: &str) -> String {
    let joined = match target.strip_prefix('/') {
        Some(abs) => abs.to_string(),
        None => format!("{base_dir}{target}"),
    };
    let mut parts: Vec<&str> = Vec::new();
    for p in joined.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

fn read_rels<R: Read + Seek>(
    zip: &mut ZipArchive<R>,
    path: &str,
    base: &str,
) -> Result<HashMap<String, Rel>, ReadError> {
    let mut rels = HashMap::new();
    let Some(mut x) = Xml::open(zip, path)? else { return Ok(rels) };
    loop {
        match x.next()? {
            Event::Start(e) if e.local_name().as_ref() == "Relationship" => {
                let (Some(id), Some(typ), Some(target)) =
                    (attr(&e, "Id", false)?, attr(&e, "Type", false)?, attr(&e, "Target", false)?)
                else {
                    continue;
                };
                if attr(&e, "TargetMode", false)?.as_deref() == Some("External") {
                    continue;
                }
                if rels.len() >= MAX_ZIP_ENTRIES * 4 {
                    return Err(ReadError::Malformed(format!("{path} lists too many relationships")));
                }
                rels.insert(id, Rel { typ, target: resolve(base, &target) });
            }
            Event::Eof => return Ok(rels),
            _ => {}
        }
    }
}

fn read_workbook<R: Read + Seek>(
    zip: &mut ZipArchive<R>,
    path: &str,
) -> Result<(Vec<(String, String)>, bool), ReadError> {
    let mut x = Xml::open(zip, path)?.ok_or_else(|| ReadError::Malformed(format!("no {path}")))?;
    let mut sheets = Vec::new();
    let mut is_1904 = false;
    loop {
        match x.next()? {
            Event::Start(e) if e.local_name().as_ref() == "workbookPr" => {
                is_1904 = matches!(attr(&e, "date1904", false)?.as_deref(), Some("1" | "true"));
            }
            Event::Start(e) if e.local_name().as_ref() == "sheet" => {
                let name = attr(&e, "name", false)?.unwrap_or_default();
                let rid = attr(&e, "id", true)?.unwrap_or_default();
                if sheets.len() >= MAX_SHEETS {
                    return Err(ReadError::TooManySheets { limit: MAX_SHEETS });
                }
                sheets.push((name, rid));
            }
            Event::Eof => return Ok((sheets, is_1904)),
            _ => {}
        }
    }
}

/// `<si>` entries: plain `<t>`, or rich runs `<r><t>`; phonetic `<rPh>` skipped.
fn read_shared_strings<R: Read + Seek>(
    zip: &mut ZipArchive<R>,
    path: &str,
    budget: &mut Budget,
) -> Result<Vec<Data>, ReadError> {
    let mut strings = Vec::new(); // never sized from uniqueCount
    let Some(mut x) = Xml::open(zip, path)? else { return Ok(strings) };
    let (mut in_si, mut in_t, mut preserve, mut rph) = (false, false, false, 0u32);
    let mut s = String::new();
    let mut t = String::new();
    let mut chars = 0usize;
    loop {
        let ev = x.next()?;
        if in_t && rph == 0 && text_of(&ev, &mut t)? {
            if t.len() > 4 * MAX_CELL_CHARS + 64 && t.chars().count() > MAX_CELL_CHARS {
                return Err(ReadError::SharedStringTooLong);
            }
            continue;
        }
        match ev {
            Event::Start(e) => match e.local_name().as_ref() {
                "si" => {
                    in_si = true;
                    s.clear();
                    chars = 0;
                }
                "rPh" => rph += 1,
                "t" if in_si => {
                    in_t = true;
                    preserve = attr(&e, "space", true)?.as_deref() == Some("preserve");
                    t.clear();
                }
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                "t" if in_t => {
                    in_t = false;
                    if rph == 0 {
                        let piece = if preserve { &t[..] } else { t.trim_matches([' ', '\t', '\r', '\n']) };
                        let piece = unescape_x(piece);
                        if !push_capped(&mut s, &mut chars, &piece) {
                            return Err(ReadError::SharedStringTooLong);
                        }
                    }
                }
                "rPh" => rph = rph.saturating_sub(1),
                "si" if in_si => {
                    in_si = false;
                    if strings.len() >= MAX_SHARED_STRINGS {
                        return Err(ReadError::TooManySharedStrings { limit: MAX_SHARED_STRINGS });
                    }
                    // a String's heap plus the Data slot in the table
                    budget.text(s.len() + std::mem::size_of::<Data>())?;
                    strings.push(Data::String(std::mem::take(&mut s)));
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    strings.shrink_to_fit();
    Ok(strings)
}

/// One byte per cell format (cellXfs): Date, Duration or Other.
fn read_styles<R: Read + Seek>(zip: &mut ZipArchive<R>, path: &str) -> Result<Vec<Fmt>, ReadError> {
    let mut formats = Vec::new();
    let Some(mut x) = Xml::open(zip, path)? else { return Ok(formats) };
    let mut custom: HashMap<u32, Fmt> = HashMap::new();
    let mut in_xfs = false;
    loop {
        match x.next()? {
            Event::Start(e) => match e.local_name().as_ref() {
                "numFmt" => {
                    if custom.len() >= MAX_CELL_FORMATS {
                        return Err(ReadError::TooManyFormats { limit: MAX_CELL_FORMATS });
                    }
                    let id = attr(&e, "numFmtId", false)?.and_then(|v| v.parse::<u32>().ok());
                    let code = attr(&e, "formatCode", false)?.unwrap_or_default();
                    if let Some(id) = id {
                        custom.insert(id, detect_custom(&code));
                    }
                }
                "cellXfs" => in_xfs = true,
                "xf" if in_xfs => {
                    if formats.len() >= MAX_CELL_FORMATS {
                        return Err(ReadError::TooManyFormats { limit: MAX_CELL_FORMATS });
                    }
                    let id = attr(&e, "numFmtId", false)?.and_then(|v| v.parse::<u32>().ok()).unwrap_or(0);
                    formats.push(custom.get(&id).copied().unwrap_or_else(|| builtin(id)));
                }
                _ => {}
            },
            Event::End(e) if e.local_name().as_ref() == "cellXfs" => in_xfs = false,
            Event::Eof => return Ok(formats),
            _ => {}
        }
    }
}

fn builtin(id: u32) -> Fmt {
    match id {
        14..=22 | 27..=36 | 45 | 47 | 50..=58 => Fmt::Date,
        46 => Fmt::Duration,
        _ => Fmt::Other,
    }
}

/// Same rules as calamine's `detect_custom_number_format` (MIT), so dates
/// come out as they do today.
fn detect_custom(format: &str) -> Fmt {
    let (mut escaped, mut is_quote, mut brackets, mut prev, mut hms, mut ap) =
        (false, false, 0u8, ' ', false, false);
    for s in format.chars() {
        match (s, escaped, is_quote, ap, brackets) {
            (_, true, ..) => escaped = false,
            ('_' | '\\' | '*', ..) => escaped = true,
            ('"', _, true, _, _) => is_quote = false,
            (_, _, true, _, _) => (),
            ('"', _, _, _, _) => is_quote = true,
            (';', ..) => return Fmt::Other,
            ('[', ..) => brackets += 1,
            (']', .., 1) if hms => return Fmt::Duration,
            (']', ..) => brackets = brackets.saturating_sub(1),
            ('a' | 'A', _, _, false, 0) => ap = true,
            ('p' | 'm' | '/' | 'P' | 'M', _, _, true, 0) => return Fmt::Date,
            ('d' | 'm' | 'h' | 'y' | 's' | 'D' | 'M' | 'H' | 'Y' | 'S', _, _, false, 0) => return Fmt::Date,
            _ => {
                if !(hms && s.eq_ignore_ascii_case(&prev)) {
                    hms = prev == '[' && matches!(s, 'm' | 'h' | 's' | 'M' | 'H' | 'S');
                }
            }
        }
        prev = s;
    }
    Fmt::Other
}

/// Strict "A1": 1-3 letters, then 1-7 digits, inside Excel's grid.
pub fn parse_a1(s: &str) -> Option<(u32, u32)> {
    let b = s.as_bytes();
    let letters = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    let digits = &b[letters..];
    if !(1..=3).contains(&letters)
        || digits.is_empty()
        || digits.len() > 7
        || !digits.iter().all(u8::is_ascii_digit)
    {
        return None;
    }
    let col = b[..letters].iter().fold(0u32, |n, c| n * 26 + (c.to_ascii_uppercase() - b'A' + 1) as u32) - 1;
    let row = digits.iter().fold(0u32, |n, d| n * 10 + (d - b'0') as u32);
    ((1..=MAX_ROWS).contains(&row) && col < MAX_COLS).then(|| (row - 1, col))
}

fn parse_row(s: &str) -> Option<u32> {
    let b = s.as_bytes();
    if b.is_empty() || b.len() > 7 || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let r: u32 = s.parse().ok()?;
    (1..=MAX_ROWS).contains(&r).then_some(r - 1)
}

#[derive(Default)]
struct CellState {
    row: u32,
    col: u32,
    t: Option<String>,
    s: usize,
    has_f: bool,
    has_v: bool,
    v: String,
    v_chars: usize,
    is: String,
    is_chars: usize,
}

impl CellState {
    /// Ready for the next cell at (`row`, `col`), keeping the text buffers'
    /// memory.
    fn reset(&mut self, row: u32, col: u32) {
        let (mut v, mut is) = (std::mem::take(&mut self.v), std::mem::take(&mut self.is));
        v.clear();
        is.clear();
        *self = CellState { row, col, v, is, ..Default::default() };
    }
}

fn read_sheet<R: Read + Seek>(
    zip: &mut ZipArchive<R>,
    path: &str,
    strings: &[Data],
    formats: &[Fmt],
    is_1904: bool,
    budget: &mut Budget,
    sheet: &mut Sheet,
) -> Result<(), ReadError> {
    let Some(mut x) = Xml::open(zip, path)? else { return Err(ReadError::Malformed(format!("no {path}"))) };
    let (mut in_data, mut in_c, mut in_v, mut in_is, mut in_t, mut in_f, mut rph) =
        (false, false, false, false, false, false, 0u32);
    let (mut next_row, mut next_col) = (0u32, 0u32);
    let mut row = 0u32;
    let mut c = CellState::default();
    let mut t_piece = String::new();
    let mut t_preserve = false;
    loop {
        let ev = x.next()?;
        // text inside <v>, <is><t>
        if in_v {
            let before = c.v.len();
            if text_of(&ev, &mut c.v)? {
                c.v_chars += c.v[before..].chars().count();
                if c.v_chars > MAX_CELL_CHARS {
                    return Err(ReadError::CellTooLong { at: (c.row, c.col) });
                }
                continue;
            }
        } else if in_t && rph == 0 && text_of(&ev, &mut t_piece)? {
            if t_piece.len() > 4 * MAX_CELL_CHARS + 64 {
                return Err(ReadError::CellTooLong { at: (c.row, c.col) });
            }
            continue;
        }
        match ev {
            Event::Start(e) => match e.local_name().as_ref() {
                "sheetData" => in_data = true,
                "row" if in_data => {
                    let [r] = attrs(&e, ["r"])?;
                    row = match r {
                        Some(r) => parse_row(&r)
                            .ok_or_else(|| ReadError::BadReference { reference: r.into_owned() })?,
                        None => next_row,
                    };
                    if row >= MAX_ROWS {
                        return Err(ReadError::OutsideGrid);
                    }
                    next_col = 0;
                }
                "c" if in_data => {
                    in_c = true;
                    let [a1, t, s] = attrs(&e, ["r", "t", "s"])?;
                    let (r, col) = match a1 {
                        Some(a1) => parse_a1(&a1)
                            .ok_or_else(|| ReadError::BadReference { reference: a1.into_owned() })?,
                        None => (row, next_col),
                    };
                    if col >= MAX_COLS {
                        return Err(ReadError::OutsideGrid);
                    }
                    c.reset(r, col);
                    c.t = t.map(|t| t.into_owned());
                    c.s = s.and_then(|s| s.parse().ok()).unwrap_or(0);
                }
                "v" if in_c => {
                    in_v = true;
                    c.has_v = true;
                }
                "f" if in_c => {
                    in_f = true;
                    c.has_f = true;
                }
                "is" if in_c => in_is = true,
                "rPh" if in_is => rph += 1,
                "t" if in_is => {
                    in_t = true;
                    t_piece.clear();
                    t_preserve = attr(&e, "space", true)?.as_deref() == Some("preserve");
                }
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                "v" => in_v = false,
                "f" => in_f = false,
                "t" if in_t => {
                    in_t = false;
                    if rph == 0 {
                        let piece = if t_preserve {
                            &t_piece[..]
                        } else {
                            t_piece.trim_matches([' ', '\t', '\r', '\n'])
                        };
                        let piece = unescape_x(piece);
                        if !push_capped(&mut c.is, &mut c.is_chars, &piece) {
                            return Err(ReadError::CellTooLong { at: (c.row, c.col) });
                        }
                    }
                }
                "rPh" => rph = rph.saturating_sub(1),
                "is" => in_is = false,
                "c" if in_c => {
                    in_c = false;
                    next_col = c.col + 1;
                    let mut value = cell_value(&mut c, strings, formats, is_1904)?;
                    if c.has_f && value.is_none() {
                        // A formula saved without its result: kept, so that
                        // reading it is an error at its cell, not a blank.
                        value = Some(Value::Own(Data::Error(CellErrorType::GettingData)));
                    }
                    if let Some(v) = value {
                        budget.cell()?;
                        if let Value::Own(Data::String(s)) = &v {
                            budget.text(s.len())?;
                        }
                        sheet.cells.push((c.row, c.col, v));
                    }
                }
                "row" => next_row = row + 1,
                "sheetData" => in_data = false,
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        let _ = in_f;
    }
    Ok(())
}

/// The cell's value, or None when empty.
fn cell_value(
    c: &mut CellState,
    strings: &[Data],
    formats: &[Fmt],
    is_1904: bool,
) -> Result<Option<Value>, ReadError> {
    let (row, col) = (c.row, c.col);
    let cell = move || (row, col);
    let v = c.v.trim();
    Ok(match c.t.as_deref() {
        // the text is in <is>; a <v> beside it is ignored, as calamine does
        Some("inlineStr") | Some("is") => {
            (!c.is.is_empty()).then(|| Value::Own(Data::String(std::mem::take(&mut c.is))))
        }
        _ if !c.has_v || c.v.is_empty() => None,
        Some("s") => {
            // strictly a decimal index into the table: "-1", "abc", "1e3", "" are errors
            let idx = (!v.is_empty() && v.len() <= 10 && v.bytes().all(|b| b.is_ascii_digit()))
                .then(|| v.parse::<u64>().ok())
                .flatten()
                .filter(|&i| (i as usize) < strings.len())
                .ok_or_else(|| ReadError::BadStringIndex { at: cell() })?;
            Some(Value::Shared(idx as u32))
        }
        Some("str") => Some(Value::Own(Data::String(unescape_x(&c.v).into_owned()))),
        Some("b") => Some(Value::Own(Data::Bool(match v {
            "1" | "true" | "TRUE" => true,
            "0" | "false" | "FALSE" => false,
            _ => return Err(ReadError::BadValue { at: cell(), raw: v.chars().take(20).collect() }),
        }))),
        Some("e") => Some(Value::Own(Data::Error(
            v.parse::<CellErrorType>()
                .map_err(|_| ReadError::BadValue { at: cell(), raw: v.chars().take(20).collect() })?,
        ))),
        Some("d") => Some(Value::Own(Data::DateTimeIso(v.to_string()))),
        Some("n") | None => match v.parse::<f64>() {
            Ok(f) => Some(Value::Own(match formats.get(c.s).copied().unwrap_or(Fmt::Other) {
                Fmt::Date => Data::DateTime(ExcelDateTime::new(f, ExcelDateTimeType::DateTime, is_1904)),
                Fmt::Duration => Data::DateTime(ExcelDateTime::new(f, ExcelDateTimeType::TimeDelta, is_1904)),
                Fmt::Other => Data::Float(f),
            })),
            Err(_) if c.t.is_none() => Some(Value::Own(Data::String(v.to_string()))),
            Err(_) => return Err(ReadError::BadValue { at: cell(), raw: v.chars().take(20).collect() }),
        },
        Some(other) => return Err(ReadError::BadValue { at: cell(), raw: format!("t={other}") }),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn a1_is_strict() {
        assert_eq!(parse_a1("A1"), Some((0, 0)));
        assert_eq!(parse_a1("XFD1048576"), Some((1_048_575, 16_383)));
        for bad in ["XFE1", "A1048577", "A0", "A99999999999", "AAAA1", "1A", "A", "", "A-1", "A1 "] {
            assert_eq!(parse_a1(bad), None, "{bad}");
        }
    }
    #[test]
    fn custom_formats() {
        assert!(detect_custom("dd/mm/yyyy") == Fmt::Date);
        assert!(detect_custom("[h]:mm") == Fmt::Duration);
        assert!(detect_custom("0.00\" d\"") == Fmt::Other);
    }
}
