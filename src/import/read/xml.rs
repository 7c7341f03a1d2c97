//! Reading one part of a zipped workbook as XML, a token at a time within
//! the guard's bounds, and its attributes and texts: shared by the xlsx and
//! ods readers.

use super::error::ReadError;
use super::guard::Guard;
use super::zip_check::{open_part, xml_error};
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use std::io::{BufReader, Read, Seek};
use zip::ZipArchive;

/// One part of the zip, as XML events.
pub struct Xml<'z, R: Read> {
    r: Reader<Guard<BufReader<zip::read::ZipFile<'z, R>>>>,
    buf: Vec<u8>,
    pub part: String,
}

impl<'z, R: Read + Seek> Xml<'z, R> {
    pub fn open(zip: &'z mut ZipArchive<R>, name: &str) -> Result<Option<Self>, ReadError> {
        let Some(g) = open_part(zip, name)? else { return Ok(None) };
        let mut r = Reader::from_reader(g);
        let c = r.config_mut();
        c.expand_empty_elements = true;
        c.trim_text(false);
        c.check_end_names = false;
        Ok(Some(Self { r, buf: Vec::with_capacity(16 << 10), part: name.to_string() }))
    }

    pub fn next(&mut self) -> Result<Event<'_>, ReadError> {
        self.buf.clear();
        let ev = self.r.read_event_into(&mut self.buf);
        self.r.get_mut().event_done();
        ev.map_err(|e| xml_error(e, self.r.get_ref().tripped, &self.part))
    }
}

/// Appends the text of a Text / CData / GeneralRef event; false for other events.
pub fn text_of(ev: &Event<'_>, out: &mut String) -> Result<bool, ReadError> {
    match ev {
        Event::Text(t) => out.push_str(&t.xml10_content()),
        Event::CData(t) => out.push_str(t.as_ref()),
        Event::GeneralRef(r) => {
            if let Some(ch) = r.resolve_char_ref().map_err(|e| ReadError::Malformed(e.to_string()))? {
                out.push(ch);
            } else {
                let name = r.xml10_content();
                match quick_xml::escape::resolve_predefined_entity(&name) {
                    Some(s) => out.push_str(s),
                    None => return Err(ReadError::Malformed(format!("unknown entity &{name};"))),
                }
            }
        }
        _ => return Ok(false),
    }
    Ok(true)
}

/// The unprefixed attributes `names` of `e`, in one pass and without
/// copying the plain ones: what every cell and row element is read with.
/// (Attribute names are not checked for duplicates: a later one wins.)
pub fn attrs<'e, const N: usize>(
    e: &'e BytesStart<'_>,
    names: [&str; N],
) -> Result<[Option<std::borrow::Cow<'e, str>>; N], ReadError> {
    let mut found: [Option<std::borrow::Cow<'e, str>>; N] = std::array::from_fn(|_| None);
    for a in e.attributes().with_checks(false) {
        let a = a.map_err(|e| ReadError::Malformed(e.to_string()))?;
        if a.key.prefix().is_some() {
            continue;
        }
        let Some(i) = names.iter().position(|n| a.key.local_name().as_ref() == *n) else { continue };
        let value = match a.value {
            std::borrow::Cow::Borrowed(raw) if !raw.contains('&') => std::borrow::Cow::Borrowed(raw),
            _ => std::borrow::Cow::Owned(
                a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .map_err(|e| ReadError::Malformed(e.to_string()))?
                    .into_owned(),
            ),
        };
        found[i] = Some(value);
    }
    Ok(found)
}

pub fn attr(e: &BytesStart<'_>, local: &str, prefixed: bool) -> Result<Option<String>, ReadError> {
    for a in e.attributes() {
        let a = a.map_err(|e| ReadError::Malformed(e.to_string()))?;
        if a.key.local_name().as_ref() == local && a.key.prefix().is_some() == prefixed {
            let v = a
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_err(|e| ReadError::Malformed(e.to_string()))?;
            return Ok(Some(v.into_owned()));
        }
    }
    Ok(None)
}

/// Excel's `_xHHHH_` escapes (e.g. `_x000D_` for a carriage return).
pub fn unescape_x(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains("_x") {
        return s.into();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("_x") {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let hex = tail.get(2..6).filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()));
        match (hex, tail.as_bytes().get(6)) {
            (Some(h), Some(b'_')) => {
                let ch = u32::from_str_radix(h, 16).ok().and_then(char::from_u32).unwrap_or('\u{FFFD}');
                out.push(ch);
                rest = &tail[7..];
            }
            _ => {
                out.push_str("_x");
                rest = &tail[2..];
            }
        }
    }
    out.push_str(rest);
    out.into()
}
