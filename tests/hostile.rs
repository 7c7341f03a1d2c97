//! Hostile and odd workbooks, end to end: the fixture's own xlsx with one
//! part edited the way an attacker or a careless export would. Each either
//! builds with the right figures or is refused with a message at its place,
//! and nothing is written.

mod common;

use common::*;
use opleidingsplan::model::{Edition, Language};
use opleidingsplan::pipeline::{self, BuildError, BuildOptions};
use opleidingsplan::problem::Severity;
use std::io::{Read, Write};
use std::path::Path;
use std::time::Duration;

const EMPLOYEES: &str = "xl/worksheets/sheet1.xml";
const TRAININGS: &str = "xl/worksheets/sheet2.xml";

/// The fixture workbook's bytes.
fn fixture_bytes() -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.xlsx");
    write_workbook(&path, &fixture_sheets());
    std::fs::read(path).unwrap()
}

/// `bytes` with the zip part `name` passed through `edit`.
fn edited(bytes: &[u8], name: &str, edit: impl FnOnce(String) -> String) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let mut edit = Some(edit);
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let part = file.name().unwrap().into_owned();
        let mut content = Vec::new();
        file.read_to_end(&mut content).unwrap();
        if part == name {
            let text = String::from_utf8(content).unwrap();
            content = (edit.take().unwrap())(text).into_bytes();
        }
        out.start_file(part, zip::write::SimpleFileOptions::default()).unwrap();
        out.write_all(&content).unwrap();
    }
    assert!(edit.is_none(), "no part {name}");
    out.finish().unwrap().into_inner()
}

/// `xml` with the cell at `reference` replaced by `cell`.
fn with_cell(xml: String, reference: &str, cell: &str) -> String {
    let start = xml.find(&format!("<c r=\"{reference}\"")).unwrap_or_else(|| panic!("no cell {reference}"));
    let rest = &xml[start..];
    let open_end = rest.find('>').unwrap();
    let end = if rest[..open_end].ends_with('/') { open_end + 1 } else { rest.find("</c>").unwrap() + 4 };
    format!("{}{cell}{}", &xml[..start], &xml[start + end..])
}

/// `xml` with `rows` added at the end of its sheet data.
fn with_rows(xml: String, rows: &str) -> String {
    xml.replace("</sheetData>", &format!("{rows}</sheetData>"))
}

/// A plan folder whose workbook holds `bytes`.
fn folder_with(bytes: &[u8], name: &str) -> tempfile::TempDir {
    let dir = plan_folder(&PLAN_TOML.replace("gegevens.xlsx", name), &fixture_sheets());
    std::fs::remove_file(dir.path().join("gegevens.xlsx")).unwrap();
    std::fs::write(dir.path().join(name), bytes).unwrap();
    dir
}

/// The errors a build of `dir` reports in Dutch, or `None` when it built.
/// Fails when the build writes anything despite errors.
fn errors(dir: &Path) -> Option<Vec<String>> {
    let out = dir.join("out");
    let options = BuildOptions {
        out: out.clone(),
        layout: None,
        editions: Some(vec![Edition::Internal]),
        new_version: false,
        stage: None,
    };
    let messages = &Language::Nl.strings().messages;
    match pipeline::build(dir, &options) {
        Ok(_) => None,
        Err(BuildError::Problems(problems)) => {
            assert!(!out.exists(), "wrote {}", out.display());
            let sorted = problems.sorted();
            let errors =
                sorted.iter().filter(|p| p.severity == Severity::Error).map(|p| p.describe(messages));
            Some(errors.collect())
        }
        Err(other) => panic!("{other}"),
    }
}

/// Asserts that building `dir` fails with a line containing `fragment`.
fn refused(dir: &Path, fragment: &str) {
    let lines = errors(dir).unwrap_or_else(|| panic!("built, expected {fragment:?}"));
    assert!(
        lines.iter().any(|l| l.contains(fragment)),
        "no line contains {fragment:?}:\n{}",
        lines.join("\n")
    );
}

#[test]
fn a_formula_saved_without_its_result_is_an_error_at_its_cell() {
    // Tom's end date as =DATE(2026,6,30), saved by a tool that does not calculate.
    let bytes = edited(&fixture_bytes(), EMPLOYEES, |x| {
        with_cell(x, "G6", r#"<c r="G6"><f>DATE(2026,6,30)</f></c>"#)
    });
    let dir = folder_with(&bytes, "gegevens.xlsx");
    refused(
        dir.path(),
        "Medewerkers › G6: Datum uit dienst bevat een formule waarvan het resultaat niet mee is opgeslagen",
    );
}

#[test]
fn spreadsheet_errors_in_text_columns_are_errors_not_departments() {
    for error in ["#REF!", "#N/A"] {
        let cell = format!(r#"<c r="H2" t="e"><v>{error}</v></c>"#);
        let bytes = edited(&fixture_bytes(), EMPLOYEES, |x| with_cell(x, "H2", &cell));
        let dir = folder_with(&bytes, "gegevens.xlsx");
        refused(dir.path(), &format!("Medewerkers › H2: Afdeling bevat de Excel-fout {error}"));
    }
}

#[test]
fn absurd_numbers_are_errors_at_their_cell() {
    let bytes = edited(&fixture_bytes(), TRAININGS, |x| with_cell(x, "F2", r#"<c r="F2"><v>1E+308</v></c>"#));
    let dir = folder_with(&bytes, "gegevens.xlsx");
    refused(dir.path(), "Opleidingen › F2: Budget \"1e308\" is geen aannemelijk getal");
}

#[test]
fn a_text_longer_than_excel_allows_is_refused_at_its_cell() {
    let cell = format!(r#"<c r="B3" t="inlineStr"><is><t>{}</t></is></c>"#, "ب".repeat(40_000));
    let bytes = edited(&fixture_bytes(), EMPLOYEES, |x| with_cell(x, "B3", &cell));
    let dir = folder_with(&bytes, "gegevens.xlsx");
    refused(dir.path(), "gegevens.xlsx › Medewerkers › B3: hier staat een tekst van meer dan 32.767 tekens");
}

#[test]
fn damaged_cells_are_refused_without_a_panic() {
    let cases = [
        (
            r#"<c r="A99999999999"><v>1</v></c>"#,
            "Medewerkers: dit bestand is geen leesbare werkmap (r=\"A99999999999\")",
        ),
        (r#"<c r="B2" t="s"><v>-1</v></c>"#, "Medewerkers › B2: dit bestand is geen leesbare werkmap"),
        (r#"<c r="B2" t="s"><v>abc</v></c>"#, "Medewerkers › B2: dit bestand is geen leesbare werkmap"),
    ];
    for (cell, expected) in cases {
        let bytes = edited(&fixture_bytes(), EMPLOYEES, |x| with_cell(x, "B2", cell));
        let dir = folder_with(&bytes, "gegevens.xlsx");
        refused(dir.path(), expected);
    }
}

#[test]
fn a_part_inflated_with_white_space_is_refused_before_it_is_held() {
    let blank = " ".repeat(3 << 20);
    let bytes =
        edited(&fixture_bytes(), EMPLOYEES, |x| x.replace("<sheetData>", &format!("<sheetData>{blank}")));
    assert!(bytes.len() < 100_000, "the test workbook itself stays small");
    let dir = folder_with(&bytes, "gegevens.xlsx");
    refused(
        dir.path(),
        "gegevens.xlsx › Medewerkers: deze werkmap gaat verder dan wat het programma leest: één tekst of tag erin is langer dan 1.024 KiB",
    );
}

#[test]
fn duplicate_headers_are_reported_not_guessed() {
    for second in ["VTE", "FTE"] {
        let mut sheets = fixture_sheets();
        for (i, row) in sheets[0].rows.iter_mut().enumerate() {
            row.push(if i == 0 { Text(second) } else { Number(0.5) });
        }
        let dir = plan_folder(PLAN_TOML, &sheets);
        refused(
            dir.path(),
            &format!(
                "Medewerkers › O1: kolom \"{second}\" bevat hetzelfde gegeven als kolom \"VTE\" in cel E1"
            ),
        );
    }
}

/// The head count a build of `dir` finds, to compare odd files with the
/// fixture.
fn heads(dir: &Path) -> u32 {
    let imported = opleidingsplan::import::load(dir).unwrap_or_else(|p| panic!("{:?}", p.sorted()));
    opleidingsplan::aggregate::aggregate(&imported.plan).workforce.total.heads
}

#[test]
fn a_stray_cell_at_the_end_of_the_grid_changes_nothing() {
    let far = r#"<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>"#;
    let bytes = edited(&fixture_bytes(), EMPLOYEES, |x| with_rows(x, far));
    let bytes = edited(&bytes, TRAININGS, |x| with_rows(x, far));
    let dir = folder_with(&bytes, "gegevens.xlsx");
    let clean = plan_folder(PLAN_TOML, &fixture_sheets());
    assert_eq!(heads(dir.path()), heads(clean.path()));
    assert_eq!(errors(dir.path()), None, "the plan builds");
}

#[test]
fn an_ods_export_reads_like_the_xlsx_even_with_a_stray_cell() {
    let far = r#"<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="16384"/></table:table-row><table:table-row><table:table-cell table:number-columns-repeated="16383"/><table:table-cell office:value-type="float" office:value="9"/></table:table-row>"#;
    let dir = folder_with(&ods(&fixture_sheets(), far), "gegevens.ods");
    let clean = plan_folder(PLAN_TOML, &fixture_sheets());
    assert_eq!(heads(dir.path()), heads(clean.path()));
    assert_eq!(errors(dir.path()), None, "the plan builds");
}

/// The sheets as an OpenDocument spreadsheet, with `extra` rows at the end
/// of the first sheet.
fn ods(sheets: &[Sheet], extra: &str) -> Vec<u8> {
    let mut content = String::from(
        r#"<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>"#,
    );
    for (i, sheet) in sheets.iter().enumerate() {
        content.push_str(&format!(r#"<table:table table:name="{}">"#, sheet.name));
        for row in &sheet.rows {
            content.push_str("<table:table-row>");
            for cell in row {
                content.push_str(&match cell {
                    Text(t) => {
                        let t = t.replace('&', "&amp;").replace('<', "&lt;");
                        format!(r#"<table:table-cell office:value-type="string"><text:p>{t}</text:p></table:table-cell>"#)
                    }
                    Number(n) => format!(r#"<table:table-cell office:value-type="float" office:value="{n}"/>"#),
                    Date(y, m, d) => format!(
                        r#"<table:table-cell office:value-type="date" office:date-value="{y:04}-{m:02}-{d:02}"/>"#
                    ),
                    Empty => "<table:table-cell/>".to_string(),
                });
            }
            content.push_str("</table:table-row>");
        }
        if i == 0 {
            content.push_str(extra);
        }
        content.push_str("</table:table>");
    }
    content.push_str("</office:spreadsheet></office:body></office:document-content>");
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    out.start_file("mimetype", stored).unwrap();
    out.write_all(b"application/vnd.oasis.opendocument.spreadsheet").unwrap();
    out.start_file("content.xml", zip::write::SimpleFileOptions::default()).unwrap();
    out.write_all(content.as_bytes()).unwrap();
    out.finish().unwrap().into_inner()
}

/// Runs `f` on another thread and fails if it takes longer than a minute:
/// a FIFO must be refused, not waited on.
fn within_a_minute<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let (send, receive) = std::sync::mpsc::channel();
    std::thread::spawn(move || send.send(f()));
    receive.recv_timeout(Duration::from_secs(60)).expect("still waiting after a minute: a hang")
}

#[cfg(unix)]
#[test]
fn special_files_are_refused_at_once() {
    let dir = plan_folder(PLAN_TOML, &fixture_sheets());
    let workbook = dir.path().join("gegevens.xlsx");
    std::fs::remove_file(&workbook).unwrap();
    std::os::unix::fs::symlink("/dev/zero", &workbook).unwrap();
    let path = dir.path().to_path_buf();
    let lines = within_a_minute(move || errors(&path)).expect("refused");
    assert!(
        lines.iter().any(|l| l.contains("dit is geen bestand maar een map, een pijp of een apparaat")),
        "{lines:?}"
    );

    std::fs::remove_file(&workbook).unwrap();
    let fifo = std::ffi::CString::new(workbook.to_str().unwrap()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);
    let path = dir.path().to_path_buf();
    let lines = within_a_minute(move || errors(&path)).expect("refused");
    assert!(
        lines.iter().any(|l| l.contains("dit is geen bestand maar een map, een pijp of een apparaat")),
        "{lines:?}"
    );
}

#[test]
fn a_file_beyond_the_size_limit_is_refused_unread() {
    let dir = plan_folder(PLAN_TOML, &fixture_sheets());
    // Sparse on disk: 200 MiB that cost nothing to write.
    let file = std::fs::OpenOptions::new().write(true).open(dir.path().join("gegevens.xlsx")).unwrap();
    file.set_len(200 << 20).unwrap();
    refused(
        dir.path(),
        "gegevens.xlsx: deze werkmap gaat verder dan wat het programma leest: het bestand is groter dan 128 MiB",
    );
}

#[test]
fn layout_files_are_checked_and_named() {
    let plan = plan_folder(PLAN_TOML, &fixture_sheets());
    let messages = &Language::Nl.strings().messages;
    let build_with = |layout: &Path| {
        let options = BuildOptions {
            out: plan.path().join("out"),
            layout: Some(layout.to_path_buf()),
            editions: Some(vec![Edition::Internal]),
            new_version: false,
            stage: None,
        };
        match pipeline::build(plan.path(), &options) {
            Err(error) => error.describe(messages),
            Ok(_) => panic!("built with the layout {}", layout.display()),
        }
    };
    // A part that is not UTF-8 is named, not reported as an anonymous
    // Typst error.
    let layout = tempfile::tempdir().unwrap();
    std::fs::create_dir(layout.path().join("parts")).unwrap();
    let cover = layout.path().join("parts/cover.typ");
    std::fs::write(&cover, b"#let cover(data) = [\xff\xfe]\n").unwrap();
    let message = build_with(layout.path());
    assert!(message.contains("parts/cover.typ") && message.contains("geen UTF-8-tekst"), "{message}");
    // A hard link may reach a file outside the folder.
    std::fs::remove_file(&cover).unwrap();
    let outside = plan.path().join("plan.toml");
    std::fs::hard_link(&outside, layout.path().join("parts/secret.typ")).unwrap();
    let message = build_with(layout.path());
    assert!(message.contains("secret.typ") && message.contains("harde koppeling"), "{message}");
    assert!(!plan.path().join("out").exists());
}

/// A logo whose header claims 30000 × 30000 pixels, and one cut short: both
/// refused at their plan.toml line before anything is decoded or written.
#[test]
fn logos_that_cannot_be_drawn_are_refused_at_their_setting() {
    let mut sound = Vec::new();
    let pixels = image::RgbImage::new(8, 4);
    pixels.write_to(&mut std::io::Cursor::new(&mut sound), image::ImageFormat::Png).unwrap();
    let mut giant = sound.clone();
    giant[16..24].copy_from_slice(&[0, 0, 0x75, 0x30, 0, 0, 0x75, 0x30]);
    let crc = crc32(&giant[12..29]);
    giant[29..33].copy_from_slice(&crc.to_be_bytes());
    let cut = sound[..sound.len() - 16].to_vec();
    for (bytes, fragment) in [(giant, "30000 × 30000"), (cut, "beschadigd")] {
        let plan = format!("{PLAN_TOML}\n[branding]\nlogo = \"logo.png\"\n");
        let dir = plan_folder(&plan, &fixture_sheets());
        std::fs::write(dir.path().join("logo.png"), bytes).unwrap();
        refused(dir.path(), fragment);
        refused(dir.path(), "branding.logo");
    }
}

/// The CRC-32 a PNG chunk ends with.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for byte in bytes {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}
