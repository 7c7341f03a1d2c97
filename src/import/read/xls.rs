//! .xls (BIFF in an OLE/CFB container): calamine parses every sheet into a
//! dense Range when the workbook is opened, and has no streaming API. So a
//! pre-scan of the BIFF records computes, exactly as calamine will see them,
//! each sheet's bounding box (cells and formulas), its DIMENSIONS reserve,
//! and the text that LabelSst cells will clone out of the shared-string
//! table, and refuses the file before calamine allocates any of it.
use super::error::ReadError;
use super::limits::*;
use super::sparse::*;
use calamine::{Reader, Xls};
use std::io::{Cursor, Read};
use std::panic::{AssertUnwindSafe, catch_unwind};

/// Dense cells calamine may allocate for the whole workbook (all sheets are
/// held at once; `worksheet_range` then clones one): 4 M x 32 B = 128 MiB.
pub const XLS_MAX_DENSE_CELLS: u64 = 4_000_000;

pub fn read(bytes: &[u8]) -> Result<Book, ReadError> {
    {
        let stream = workbook_stream(bytes)?;
        prescan(&stream)?;
    }
    let result = catch_unwind(AssertUnwindSafe(|| -> Result<Book, ReadError> {
        let mut xls = Xls::new(Cursor::new(bytes)).map_err(|e| match e {
            calamine::XlsError::Password => ReadError::Encrypted,
            e => ReadError::Malformed(e.to_string()),
        })?;
        let mut book = Book::default();
        let mut budget = Budget::default();
        for name in xls.sheet_names() {
            let range = xls.worksheet_range(&name).map_err(|e| ReadError::Malformed(e.to_string()))?;
            let mut sheet = Sheet { name, ..Default::default() };
            for (r, c, v) in range.used_cells() {
                budget.cell()?;
                if let calamine::Data::String(s) = v {
                    budget.text(s.len())?;
                }
                let (r0, c0) = range.start().unwrap_or((0, 0));
                sheet.cells.push((r0 + r as u32, c0 + c as u32, Value::Own(v.clone())));
            }
            sheet.finish();
            book.sheets.push(sheet);
        }
        Ok(book)
    }));
    result.unwrap_or_else(|_| Err(ReadError::Malformed("the .xls reader failed on this file".into())))
}

fn workbook_stream(bytes: &[u8]) -> Result<Vec<u8>, ReadError> {
    let mut comp =
        cfb::CompoundFile::open(Cursor::new(bytes)).map_err(|e| ReadError::Malformed(e.to_string()))?;
    if comp.exists("/EncryptedPackage") {
        return Err(ReadError::Encrypted);
    }
    let name = if comp.is_stream("/Workbook") { "/Workbook" } else { "/Book" };
    let s = comp.open_stream(name).map_err(|e| ReadError::Malformed(e.to_string()))?;
    let mut v = Vec::new();
    s.take(MAX_FILE_BYTES + 1).read_to_end(&mut v)?;
    if v.len() as u64 > MAX_FILE_BYTES {
        return Err(ReadError::Malformed("workbook stream larger than the file".into()));
    }
    Ok(v)
}

fn u16le(d: &[u8], at: usize) -> Option<u32> {
    Some(u16::from_le_bytes(d.get(at..at + 2)?.try_into().ok()?) as u32)
}
fn u32le(d: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(d.get(at..at + 4)?.try_into().ok()?))
}

/// A BIFF record: its type, its data and the data of the CONTINUE records
/// that follow it.
type Record<'a> = (u16, &'a [u8], Vec<&'a [u8]>);

/// Records as calamine's RecordIter yields them: a record plus the CONTINUE
/// records that follow it.
fn records(mut s: &[u8]) -> impl Iterator<Item = Result<Record<'_>, ReadError>> {
    std::iter::from_fn(move || {
        if s.len() < 4 {
            return if s.is_empty() {
                None
            } else {
                Some(Err(ReadError::Malformed("truncated record".into())))
            };
        }
        let typ = u16::from_le_bytes([s[0], s[1]]);
        let len = u16::from_le_bytes([s[2], s[3]]) as usize;
        if s.len() < 4 + len {
            s = &[];
            return Some(Err(ReadError::Malformed("record runs past the stream".into())));
        }
        let data = &s[4..4 + len];
        s = &s[4 + len..];
        let mut cont = Vec::new();
        while s.len() > 4 && u16::from_le_bytes([s[0], s[1]]) == 0x003C {
            let l = u16::from_le_bytes([s[2], s[3]]) as usize;
            if s.len() < 4 + l {
                s = &[];
                return Some(Err(ReadError::Malformed("continue record runs past the stream".into())));
            }
            cont.push(&s[4..4 + l]);
            s = &s[4 + l..];
        }
        Some(Ok((typ, data, cont)))
    })
}

#[derive(Default)]
struct BBox {
    min: Option<(u32, u32)>,
    max: (u32, u32),
}
impl BBox {
    fn add(&mut self, r: u32, c: u32) {
        let (r0, c0) = self.min.unwrap_or((r, c));
        self.min = Some((r0.min(r), c0.min(c)));
        self.max = (self.max.0.max(r), self.max.1.max(c));
    }
    fn cells(&self) -> u64 {
        self.min.map_or(0, |(r0, c0)| (self.max.0 - r0 + 1) as u64 * (self.max.1 - c0 + 1) as u64)
    }
    fn dims(&self) -> (u64, u64) {
        self.min.map_or((0, 0), |(r0, c0)| ((self.max.0 - r0 + 1) as u64, (self.max.1 - c0 + 1) as u64))
    }
}

fn prescan(stream: &[u8]) -> Result<(), ReadError> {
    let mut sheets: Vec<(usize, String)> = Vec::new();
    let mut sst: Vec<u16> = Vec::new();
    for rec in records(stream) {
        let (typ, data, cont) = rec?;
        match typ {
            0x0085 => {
                if data.len() < 8 {
                    return Err(ReadError::Malformed("short BoundSheet record".into()));
                }
                let pos = u32le(data, 0).unwrap() as usize;
                if pos >= stream.len() {
                    return Err(ReadError::Malformed(format!(
                        "sheet at offset {pos}, past the end of the workbook stream"
                    )));
                }
                if sheets.len() >= MAX_SHEETS {
                    return Err(ReadError::TooManySheets { limit: MAX_SHEETS });
                }
                let name = String::from_utf8_lossy(&data[8..]).chars().take(31).collect();
                sheets.push((pos, name));
            }
            0x00FC => sst = sst_lengths(data, &cont)?,
            0x000A => break,
            _ => {}
        }
    }
    let mut dense_total: u64 = 0;
    let mut text_total: u64 = 0;
    for (pos, name) in &sheets {
        let (mut cells, mut formulas) = (BBox::default(), BBox::default());
        let mut reserve: u64 = 0;
        let mut dims = (0u64, 0u64);
        let (mut seen_bof, mut depth) = (false, 0usize);
        let mut fmla_pos = (0u32, 0u32);
        for rec in records(&stream[*pos..]) {
            let (typ, d, _) = rec?;
            if depth > 0 {
                match typ {
                    0x0809 => depth += 1,
                    0x000A => depth -= 1,
                    _ => {}
                }
                continue;
            }
            let rc = || Some((u16le(d, 0)?, u16le(d, 2)?));
            match typ {
                0x0809 if seen_bof => depth += 1,
                0x0809 => seen_bof = true,
                0x0200 => {
                    // mirror calamine's parse_dimensions, then its `reserve(rows * cols)`
                    let (rf, rl, mut cf, cl) = match d.len() {
                        10 => (
                            u16le(d, 0).unwrap(),
                            u16le(d, 2).unwrap(),
                            u16le(d, 4).unwrap(),
                            u16le(d, 6).unwrap(),
                        ),
                        14 | 16 => (
                            u32le(d, 0).unwrap(),
                            u32le(d, 4).unwrap(),
                            u16le(d, 8).unwrap(),
                            u16le(d, 10).unwrap(),
                        ),
                        _ => continue, // calamine returns an error
                    };
                    if 0xFF < cf || cl < cf {
                        cf = 0;
                    }
                    if rl >= 1 && cl >= 1 {
                        if rf > rl - 1 || cf > cl - 1 {
                            return Err(ReadError::Malformed(format!(
                                "sheet {name:?} has inverted DIMENSIONS"
                            )));
                        }
                        reserve = (rl - rf) as u64 * (cl - cf) as u64;
                        dims = ((rl - rf) as u64, (cl - cf) as u64);
                    }
                }
                0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E => {
                    if let Some((r, c)) = rc() {
                        cells.add(r, c);
                    }
                }
                0x0207 => cells.add(fmla_pos.0, fmla_pos.1),
                0x00FD => {
                    if let (Some((r, c)), Some(i)) = (rc(), u32le(d, 6))
                        && let Some(&len) = sst.get(i as usize)
                    {
                        cells.add(r, c);
                        // calamine clones the shared string into every cell
                        text_total += len as u64 * 3;
                    }
                }
                0x00BD => {
                    if let (Some((r, first)), Some(last)) =
                        (rc(), d.len().checked_sub(2).and_then(|at| u16le(d, at)))
                    {
                        if last < first {
                            return Err(ReadError::Malformed(format!(
                                "sheet {name:?} has an inverted MulRk record"
                            )));
                        }
                        cells.add(r, first);
                        cells.add(r, last);
                    }
                }
                0x0006 if d.len() >= 20 => {
                    let (r, c) = rc().unwrap();
                    fmla_pos = (r, c);
                    cells.add(r, c);
                    formulas.add(r, c);
                }
                0x000A => break,
                _ => {}
            }
        }
        dense_total += cells.cells() + formulas.cells() + reserve;
        if dense_total > XLS_MAX_DENSE_CELLS {
            let (rows, cols) = if reserve > cells.cells() { dims } else { cells.dims() };
            return Err(ReadError::XlsTooSparse { rows, cols }.in_sheet(name));
        }
    }
    if text_total > MAX_TEXT_BYTES as u64 {
        return Err(ReadError::TooMuchText { limit: MAX_TEXT_BYTES });
    }
    Ok(())
}

/// Character count of each SST string ([MS-XLS] 2.4.265), following strings
/// across CONTINUE records (where character data resumes with a new flags byte).
fn sst_lengths(data: &[u8], cont: &[&[u8]]) -> Result<Vec<u16>, ReadError> {
    let bad = || ReadError::Malformed("damaged shared-string table".into());
    let mut segs: Vec<&[u8]> = vec![data.get(8..).ok_or_else(bad)?];
    segs.extend_from_slice(cont);
    let (mut i, mut off) = (0usize, 0usize);
    let mut out = Vec::new();
    macro_rules! byte {
        () => {{
            loop {
                let s = segs.get(i).ok_or_else(bad)?;
                if off < s.len() {
                    off += 1;
                    break s[off - 1];
                }
                i += 1;
                off = 0;
            }
        }};
    }
    loop {
        // end of data?
        while i < segs.len() && off >= segs[i].len() {
            i += 1;
            off = 0;
        }
        if i >= segs.len() {
            break;
        }
        let cch = u16::from_le_bytes([byte!(), byte!()]);
        let flags = byte!();
        let mut skip: u64 = 0;
        if flags & 0x8 != 0 {
            skip += u16::from_le_bytes([byte!(), byte!()]) as u64 * 4;
        }
        if flags & 0x4 != 0 {
            skip += u32::from_le_bytes([byte!(), byte!(), byte!(), byte!()]) as u64;
        }
        let mut high = flags & 1 != 0;
        let mut left = cch as usize;
        while left > 0 {
            let s = segs.get(i).ok_or_else(bad)?;
            if off >= s.len() {
                i += 1;
                off = 0;
                high = byte!() & 1 != 0; // a continued string restates its width
                continue;
            }
            let per = if high { 2 } else { 1 };
            let n = left.min((s.len() - off) / per);
            if n == 0 {
                return Err(bad());
            }
            off += n * per;
            left -= n;
        }
        while skip > 0 {
            let s = segs.get(i).ok_or_else(bad)?;
            let n = (skip as usize).min(s.len() - off);
            off += n;
            skip -= n as u64;
            if skip > 0 {
                i += 1;
                off = 0;
            }
        }
        if out.len() >= MAX_SHARED_STRINGS {
            return Err(ReadError::TooManySharedStrings { limit: MAX_SHARED_STRINGS });
        }
        out.push(cch);
    }
    Ok(out)
}
