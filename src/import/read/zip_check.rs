//! Checking an xlsx/ods (a zip) before anything unpacks it.
use super::error::ReadError;
use super::guard::{Guard, Tripped};
use super::limits::*;
use std::io::{BufReader, Cursor};
use zip::{CompressionMethod, ZipArchive};

/// A part of the zip, as listed in its directory.
pub struct Entry {
    /// Its path inside the zip.
    pub name: String,
}

/// Entry count, per-part and total declared sizes, methods, encryption.
/// Costs no decompression.
pub fn check_zip(bytes: &[u8]) -> Result<Vec<Entry>, ReadError> {
    // The central directory is parsed whole by ZipArchive::new (a few hundred
    // bytes of metadata per entry), so bound the entry count first from the
    // end-of-central-directory record.
    if let Some(count) = eocd_entry_count(bytes)
        && count > MAX_ZIP_ENTRIES as u64
    {
        return Err(ReadError::TooManyEntries { limit: MAX_ZIP_ENTRIES });
    }
    let mut zip = ZipArchive::new(Cursor::new(bytes)).map_err(|e| ReadError::Malformed(e.to_string()))?;
    if zip.len() > MAX_ZIP_ENTRIES {
        return Err(ReadError::TooManyEntries { limit: MAX_ZIP_ENTRIES });
    }
    let mut entries = Vec::with_capacity(zip.len());
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let f = zip.by_index_raw(i).map_err(|e| ReadError::Malformed(e.to_string()))?;
        let name = f.name().map_err(|e| ReadError::Malformed(e.to_string()))?.into_owned();
        if f.encrypted() {
            return Err(ReadError::Encrypted);
        }
        if !matches!(f.compression(), CompressionMethod::Stored | CompressionMethod::Deflated) {
            return Err(ReadError::Malformed(format!("part {name} uses compression {:?}", f.compression())));
        }
        // zip >= 9.0.1 fails any read past the declared size, so checking
        // it bounds the real size too; the `Guard` around every part checks
        // again.
        let size = f.size();
        if size > MAX_PART_BYTES {
            return Err(ReadError::PartTooLarge { limit: MAX_PART_BYTES });
        }
        total = total.saturating_add(size);
        if total > MAX_TOTAL_BYTES {
            return Err(ReadError::TotalTooLarge { limit: MAX_TOTAL_BYTES });
        }
        entries.push(Entry { name });
    }
    Ok(entries)
}

/// Total entries from the (ZIP64) end-of-central-directory record, if found.
fn eocd_entry_count(b: &[u8]) -> Option<u64> {
    let from = b.len().saturating_sub(22 + 65_535);
    let at = (from..=b.len().checked_sub(22)?).rev().find(|&i| b[i..i + 4] == *b"PK\x05\x06")?;
    let n16 = u16::from_le_bytes([b[at + 10], b[at + 11]]);
    if n16 != 0xFFFF {
        return Some(n16 as u64);
    }
    // ZIP64: locator just before the EOCD, pointing at the ZIP64 EOCD record.
    let loc = at.checked_sub(20)?;
    if b[loc..loc + 4] != *b"PK\x06\x07" {
        return Some(u64::MAX);
    }
    let off = u64::from_le_bytes(b[loc + 8..loc + 16].try_into().ok()?) as usize;
    let rec = b.get(off..off + 56)?;
    if rec[..4] != *b"PK\x06\x06" {
        return Some(u64::MAX);
    }
    Some(u64::from_le_bytes(rec[32..40].try_into().ok()?))
}

/// Opens `name` (exact, else ASCII-case-insensitive like Excel) behind a Guard.
pub fn open_part<'z, R: std::io::Read + std::io::Seek>(
    zip: &'z mut ZipArchive<R>,
    name: &str,
) -> Result<Option<Guard<BufReader<zip::read::ZipFile<'z, R>>>>, ReadError> {
    let index = match zip.index_for_name(name) {
        Some(i) => i,
        None => match zip.file_names().flatten().position(|n| n.eq_ignore_ascii_case(name)) {
            Some(i) => i,
            None => return Ok(None),
        },
    };
    let f = zip.by_index(index).map_err(|e| ReadError::Malformed(e.to_string()))?;
    Ok(Some(Guard::new(BufReader::with_capacity(64 << 10, f), MAX_XML_TOKEN_BYTES, MAX_PART_BYTES)))
}

/// Maps a quick-xml error to ours, naming the limit when the guard tripped.
pub fn xml_error(e: quick_xml::Error, tripped: Option<Tripped>, part: &str) -> ReadError {
    match tripped {
        Some(Tripped::Token) => ReadError::TokenTooLarge { limit: MAX_XML_TOKEN_BYTES },
        Some(Tripped::Part) => ReadError::PartTooLarge { limit: MAX_PART_BYTES },
        None => {
            let s = e.to_string();
            if s.contains("larger than its declared uncompressed size") {
                ReadError::Malformed(format!("part {part} is larger than its zip header says"))
            } else {
                ReadError::Malformed(format!("part {part}: {s}"))
            }
        }
    }
}
