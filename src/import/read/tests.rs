//! The readers against hostile and damaged workbooks, built in memory part
//! by part, and a property test over random damage to every part.

use super::error::ReadError;
use super::{Book, read};
use calamine::{CellErrorType, Data};
use proptest::prelude::*;
use std::io::Write;
use zip::write::SimpleFileOptions;

const NS: &str = r#"xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main""#;
const RELS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// A zip of the given parts, deflated.
fn zip(parts: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in parts {
        let stored = *name == "mimetype";
        let method = if stored { zip::CompressionMethod::Stored } else { zip::CompressionMethod::Deflated };
        z.start_file(*name, SimpleFileOptions::default().compression_method(method)).unwrap();
        z.write_all(bytes).unwrap();
    }
    z.finish().unwrap().into_inner()
}

/// The parts of a one-sheet xlsx: `cells` inside `<sheetData>`, and
/// optional shared strings and styles parts.
fn xlsx_parts(cells: &str, strings: Option<String>, styles: Option<String>) -> Vec<(&'static str, Vec<u8>)> {
    let root = format!(
        r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
    );
    let workbook = format!(
        r#"<workbook {NS} xmlns:r="{RELS}"><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>"#
    );
    let rels = format!(
        r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{RELS}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{RELS}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="{RELS}/styles" Target="styles.xml"/></Relationships>"#
    );
    let sheet = format!(r#"<worksheet {NS}><sheetData>{cells}</sheetData></worksheet>"#);
    let mut parts = vec![
        ("_rels/.rels", root.into_bytes()),
        ("xl/workbook.xml", workbook.into_bytes()),
        ("xl/_rels/workbook.xml.rels", rels.into_bytes()),
        ("xl/worksheets/sheet1.xml", sheet.into_bytes()),
    ];
    if let Some(strings) = strings {
        parts.push(("xl/sharedStrings.xml", strings.into_bytes()));
    }
    if let Some(styles) = styles {
        parts.push(("xl/styles.xml", styles.into_bytes()));
    }
    parts
}

fn xlsx(cells: &str) -> Vec<u8> {
    zip(&xlsx_parts(cells, Some(shared(&["Naam", "Uren"], "2")), None))
}

fn shared(texts: &[&str], unique: &str) -> String {
    let items: String = texts.iter().map(|t| format!("<si><t>{t}</t></si>")).collect();
    format!(r#"<sst {NS} count="{}" uniqueCount="{unique}">{items}</sst>"#, texts.len())
}

const GRID: &str = r#"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>An</t></is></c><c r="B2"><v>7.5</v></c></row>"#;

fn cells(book: &Book) -> Vec<(u32, u32, Data)> {
    book.sheets[0].cells.iter().map(|(r, c, v)| (*r, *c, book.data(v).clone())).collect()
}

#[test]
fn a_stray_cell_far_away_is_one_more_cell() {
    let book =
        read(&xlsx(&format!(r#"{GRID}<row r="1048576"><c r="XFD1048576"><v>9</v></c></row>"#))).unwrap();
    let cells = cells(&book);
    assert_eq!(cells.len(), 5);
    assert_eq!(cells[0], (0, 0, Data::String("Naam".into())));
    assert_eq!(cells[3], (1, 1, Data::Float(7.5)));
    assert_eq!(cells[4], (1_048_575, 16_383, Data::Float(9.0)));
}

#[test]
fn a_formula_without_its_result_is_kept_as_unknown() {
    let book = read(&xlsx(r#"<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f>A1*2</f></c><c r="C1"><f>A1*3</f><v>3</v></c></row>"#)).unwrap();
    let cells = cells(&book);
    assert_eq!(cells[1], (0, 1, Data::Error(CellErrorType::GettingData)));
    assert_eq!(cells[2], (0, 2, Data::Float(3.0)));
}

#[test]
fn damaged_references_and_values_are_refused_at_their_cell() {
    let cases = [
        (r#"<row r="1"><c r="A99999999999"><v>1</v></c></row>"#, "reference"),
        (r#"<row r="1"><c r="AAAAAAAAAAAA1"><v>1</v></c></row>"#, "reference"),
        (r#"<row r="99999999999"><c><v>1</v></c></row>"#, "reference"),
        (r#"<row r="1"><c r="B1" t="s"><v>-1</v></c></row>"#, "string index"),
        (r#"<row r="1"><c r="B1" t="s"><v>abc</v></c></row>"#, "string index"),
        (r#"<row r="1"><c r="B1" t="s"><v>7</v></c></row>"#, "string index"),
        (r#"<row r="1"><c r="B1" t="n"><v>1e</v></c></row>"#, "value"),
    ];
    for (cells, what) in cases {
        let error = read(&xlsx(cells)).expect_err(cells);
        let ReadError::InSheet { sheet, error } = error else { panic!("{cells}: no sheet in {error}") };
        assert_eq!(sheet, "Blad1");
        match (what, *error) {
            ("reference", ReadError::BadReference { .. }) => {}
            ("string index", ReadError::BadStringIndex { at }) => assert_eq!(at, (0, 1)),
            ("value", ReadError::BadValue { at, .. }) => assert_eq!(at, (0, 1)),
            (what, error) => panic!("{cells}: expected a bad {what}, got {error}"),
        }
    }
}

#[test]
fn texts_beyond_excels_limit_are_refused() {
    let long = "a".repeat(32_768);
    let inline = format!(r#"<row r="3"><c r="C3" t="inlineStr"><is><t>{long}</t></is></c></row>"#);
    let error = read(&xlsx(&inline)).unwrap_err();
    assert_eq!(error.at(), Some((2, 2)), "{error}");
    let parts = xlsx_parts(GRID, Some(shared(&["Naam", &long], "2")), None);
    assert!(matches!(read(&zip(&parts)), Err(ReadError::SharedStringTooLong)));
    // Exactly Excel's limit is fine.
    let fits = format!(r#"<row r="3"><c r="C3" t="inlineStr"><is><t>{}</t></is></c></row>"#, &long[1..]);
    assert!(read(&xlsx(&fits)).is_ok());
}

#[test]
fn a_run_of_white_space_is_refused_before_it_is_buffered() {
    let blank = " ".repeat(2 << 20);
    let error = read(&xlsx(&format!("{GRID}{blank}"))).unwrap_err();
    assert!(
        matches!(error, ReadError::InSheet { ref error, .. } if matches!(**error, ReadError::TokenTooLarge { .. })),
        "{error}"
    );
}

#[test]
fn a_part_that_claims_to_unpack_beyond_the_limit_is_refused_unread() {
    let mut bytes = xlsx(GRID);
    claim_size(&mut bytes, "xl/worksheets/sheet1.xml", 300 << 20);
    assert!(matches!(read(&bytes), Err(ReadError::PartTooLarge { .. })));
}

#[test]
fn format_and_string_counts_in_the_file_size_nothing() {
    // 70,000 cell formats: beyond Excel's 64,000.
    let xfs = "<xf/>".repeat(70_000);
    let styles = format!(r#"<styleSheet {NS}><cellXfs>{xfs}</cellXfs></styleSheet>"#);
    let parts = xlsx_parts(GRID, Some(shared(&["Naam", "Uren"], "2")), Some(styles));
    assert!(matches!(read(&zip(&parts)), Err(ReadError::TooManyFormats { .. })));
    // A shared-string count of a trillion reserves nothing.
    let parts = xlsx_parts(GRID, Some(shared(&["Naam", "Uren"], "1000000000000")), None);
    assert_eq!(cells(&read(&zip(&parts)).unwrap()).len(), 4);
}

#[test]
fn what_is_no_workbook_is_said() {
    assert!(matches!(read(b"Naam;Uren\nAn;7,5\n"), Err(ReadError::NotAWorkbook)));
    assert!(matches!(read(&zip(&[("a.txt", b"hello".to_vec())])), Err(ReadError::Malformed(_))));
    let half = xlsx(GRID);
    assert!(read(&half[..half.len() / 2]).is_err());
}

const ODS_HEAD: &str = r#"<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="Blad1">"#;
const ODS_TAIL: &str = "</table:table></office:spreadsheet></office:body></office:document-content>";

fn ods(rows: &str) -> Vec<u8> {
    let content = format!("{ODS_HEAD}{rows}{ODS_TAIL}");
    zip(&[
        ("mimetype", b"application/vnd.oasis.opendocument.spreadsheet".to_vec()),
        ("content.xml", content.into_bytes()),
    ])
}

#[test]
fn ods_repeats_cost_only_their_filled_cells() {
    let head = r#"<table:table-row><table:table-cell office:value-type="string"><text:p>Naam</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="7.5"/><table:table-cell table:formula="of:=1+1"/></table:table-row>"#;
    let far = r#"<table:table-row table:number-rows-repeated="1048574"><table:table-cell table:number-columns-repeated="16384"/></table:table-row><table:table-row><table:table-cell table:number-columns-repeated="16383"/><table:table-cell office:value-type="float" office:value="9"/></table:table-row>"#;
    let book = read(&ods(&format!("{head}{far}"))).unwrap();
    let cells = cells(&book);
    assert_eq!(cells.len(), 4);
    assert_eq!(cells[1], (0, 1, Data::Float(7.5)));
    assert_eq!(cells[2], (0, 2, Data::Error(CellErrorType::GettingData)));
    assert_eq!(cells[3], (1_048_575, 16_383, Data::Float(9.0)));
    // A filled cell repeated over the whole grid is refused before it is made.
    let bomb = r#"<table:table-row table:number-rows-repeated="1048576"><table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="16384"/></table:table-row>"#;
    assert!(
        matches!(read(&ods(bomb)), Err(ReadError::InSheet { ref error, .. }) if matches!(**error, ReadError::TooManyCells { .. }))
    );
}

fn xls(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/xls").join(name);
    std::fs::read(path).unwrap()
}

#[test]
fn xls_is_read_unless_its_used_area_is_too_large() {
    let grid = read(&xls("grid.xls")).unwrap();
    assert_eq!(cells(&grid).len(), 9);
    assert_eq!(cells(&grid)[4], (1, 1, Data::Float(4.0)));
    for name in ["far.xls", "far2.xls"] {
        let error = read(&xls(name)).unwrap_err();
        assert!(
            matches!(error, ReadError::InSheet { ref error, .. } if matches!(**error, ReadError::XlsTooSparse { .. })),
            "{name}: {error}"
        );
    }
    // A DIMENSIONS record that claims four billion rows would size
    // calamine's grid: refused before calamine sees it.
    let dims = read(&xls("dims.xls")).unwrap_err();
    assert!(
        matches!(dims, ReadError::InSheet { ref error, .. } if matches!(**error, ReadError::XlsTooSparse { rows: 4_294_967_280, .. })),
        "{dims}"
    );
}

/// Rewrites the uncompressed size `entry` declares, in its local header and
/// in the central directory.
fn claim_size(bytes: &mut [u8], entry: &str, size: u32) {
    let name = entry.as_bytes();
    let mut patched = 0;
    for i in 0..bytes.len().saturating_sub(46) {
        let (signature, name_at, size_at) = match bytes[i..i + 4] {
            [0x50, 0x4b, 0x03, 0x04] => (true, 30, 22),
            [0x50, 0x4b, 0x01, 0x02] => (true, 46, 24),
            _ => (false, 0, 0),
        };
        let length_at = if name_at == 30 { 26 } else { 28 };
        if signature {
            let n = u16::from_le_bytes([bytes[i + length_at], bytes[i + length_at + 1]]) as usize;
            if bytes.get(i + name_at..i + name_at + n) == Some(name) {
                bytes[i + size_at..i + size_at + 4].copy_from_slice(&size.to_le_bytes());
                patched += 1;
            }
        }
    }
    assert_eq!(patched, 2);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Any damage to any part (bytes replaced, cut, repeated) is read or
    /// refused: never a panic, never more cells than the text could hold.
    #[test]
    fn damaged_parts_never_break_the_reader(
        part in 0usize..5,
        edits in proptest::collection::vec((any::<prop::sample::Index>(), 0u8..4, any::<u8>()), 1..6),
    ) {
        let mut parts = xlsx_parts(
            r#"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>An</t></is></c><c r="B2" s="1"><v>45000</v></c><c r="C2"><f>B2</f></c></row>"#,
            Some(shared(&["Naam", "Datum"], "2")),
            Some(format!(r#"<styleSheet {NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs><xf/><xf numFmtId="164"/></cellXfs></styleSheet>"#)),
        );
        let count = parts.len();
        let bytes = &mut parts[part % count].1;
        for (at, kind, byte) in edits {
            if bytes.is_empty() { break; }
            let i = at.index(bytes.len());
            match kind {
                0 => bytes[i] = byte,
                1 => bytes.truncate(i),
                2 => { let piece = bytes[i..].iter().take(40).copied().collect::<Vec<_>>(); bytes.splice(i..i, piece); }
                _ => bytes.insert(i, byte),
            }
        }
        let source_len: usize = parts.iter().map(|p| p.1.len()).sum();
        if let Ok(book) = read(&zip(&parts)) {
            let cells: usize = book.sheets.iter().map(|s| s.cells.len()).sum();
            prop_assert!(cells <= source_len);
        }
    }

    /// Damage to the zip itself, byte by byte.
    #[test]
    fn damaged_zips_never_break_the_reader(edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8)) {
        let mut bytes = xlsx(GRID);
        for (at, byte) in edits {
            let i = at.index(bytes.len());
            bytes[i] = byte;
        }
        let _ = read(&bytes);
    }
}
