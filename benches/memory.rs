//! `cargo bench --bench memory`: peak memory of `opleidingsplan check` on
//! hostile inputs, one fresh process each, beside the same check on real
//! data of 150 and 50,000 employees (numbers in BENCHMARKS.md).
//!
//! Every hostile case is the generated 150-employee plan with one thing
//! changed: a cell at the far end of the grid, a sheet that inflates to
//! 3 GB of white space, a 2 GB cell, a 3 GB shared string, a workbook that
//! is a link to `/dev/zero` or a FIFO, a logo of 30000 × 30000 pixels.
//!
//! `OPLEIDINGSPLAN_BEFORE=<binary>` runs the same cases with another build
//! of the tool as well (e.g. the release before bounded reading), each
//! within a minute; that run needs about 10 GB of free memory.

mod common;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A gigabyte, in bytes, for the sizes of the bombs.
const GB: u64 = 1_000_000_000;

fn main() {
    let root = tempfile::tempdir().unwrap();
    let cases = cases(root.path());
    let mut binaries = vec![("this build".to_string(), PathBuf::from(common::binary()))];
    if let Ok(before) = std::env::var("OPLEIDINGSPLAN_BEFORE") {
        binaries.push(("before".to_string(), PathBuf::from(before)));
    }
    println!("{:<34} {:<11} {:>6} {:>10} {:>8}  first line", "case", "binary", "exit", "peak", "wall");
    for (name, plan) in &cases {
        for (label, binary) in &binaries {
            let run = measure(binary, plan);
            println!(
                "{name:<34} {label:<11} {:>6} {:>7} MB {:>6.2} s  {}",
                run.exit,
                run.peak_kb / 1024,
                run.wall.as_secs_f64(),
                run.first_line.chars().take(110).collect::<String>()
            );
        }
    }
}

/// The plan folders to check, by name.
fn cases(root: &Path) -> Vec<(String, PathBuf)> {
    let base = common::plan(150);
    let workbook = common::workbook(&base);
    let name = workbook.file_name().unwrap().to_owned();
    let variant = |case: &str, write: &dyn Fn(&Path)| {
        let dir = root.join(case);
        copy_folder(&base, &dir);
        write(&dir.join(&name));
        (case.to_string(), dir)
    };
    let far_row = r#"<row r="1048576"><c r="XFD1048576"><v>9</v></c></row>"#;
    vec![
        ("real data, 150 employees".to_string(), base.clone()),
        ("real data, 50,000 employees".to_string(), common::plan(50_000)),
        variant("one cell at XFD1048576", &|path| {
            rewrite(&workbook, path, |part, text, out| {
                let text = if part == "xl/worksheets/sheet1.xml" {
                    text.replace("</sheetData>", &format!("{far_row}</sheetData>"))
                } else {
                    text
                };
                out.write_all(text.as_bytes())
            })
        }),
        variant("3 GB of white space in a sheet", &|path| {
            bomb(&workbook, path, "xl/worksheets/sheet1.xml", "<sheetData>", "", b' ', 3 * GB, "")
        }),
        variant("one cell of 2 GB", &|path| {
            let open = r#"<row r="1048000"><c r="A1048000" t="inlineStr"><is><t>"#;
            bomb(
                &workbook,
                path,
                "xl/worksheets/sheet1.xml",
                "</sheetData>",
                open,
                b'a',
                2 * GB,
                "</t></is></c></row>",
            )
        }),
        variant("one shared string of 3 GB", &|path| {
            bomb(&workbook, path, "xl/sharedStrings.xml", "</sst>", "<si><t>", b'a', 3 * GB, "</t></si>")
        }),
        variant("workbook a link to /dev/zero", &|path| {
            std::fs::remove_file(path).unwrap();
            std::os::unix::fs::symlink("/dev/zero", path).unwrap();
        }),
        variant("workbook a FIFO", &|path| {
            std::fs::remove_file(path).unwrap();
            let c = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
            assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        }),
        variant("logo of 30000 × 30000 pixels", &|path| {
            let dir = path.parent().unwrap();
            std::fs::write(dir.join("logo.png"), giant_png()).unwrap();
            let plan = dir.join("plan.toml");
            let text = std::fs::read_to_string(&plan).unwrap();
            std::fs::write(plan, format!("{text}\n[branding]\nlogo = \"logo.png\"\n")).unwrap();
        }),
    ]
}

/// One run of `check`, killed after a minute.
struct Run {
    exit: String,
    peak_kb: i64,
    wall: Duration,
    first_line: String,
}

/// `check` run under GNU time (`/usr/bin/time -f %M`): the peak of the
/// tool's own process. (Measured from here, a forked child's peak would
/// include this benchmark's memory up to the moment it starts the tool.)
fn measure(binary: &Path, plan: &Path) -> Run {
    let report = tempfile::NamedTempFile::new().unwrap();
    let start = Instant::now();
    let mut child = Command::new("/usr/bin/time")
        .args(["-f", "%M", "-o", report.path().to_str().unwrap()])
        .arg(binary)
        .args(["check", plan.to_str().unwrap()])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("GNU time (apt-get install -y time)");
    let mut stderr = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stderr.read_to_string(&mut text);
        text
    });
    let mut killed = false;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > Duration::from_secs(60) && !killed {
            // GNU time's child is the tool: end the whole group.
            let _ = Command::new("pkill").args(["-KILL", "-P", &child.id().to_string()]).status();
            killed = true;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let wall = start.elapsed();
    let text = reader.join().unwrap();
    let peak_kb = std::fs::read_to_string(report.path())
        .ok()
        .and_then(|t| t.lines().last().and_then(|l| l.trim().parse().ok()))
        .unwrap_or(0);
    let exit = if killed {
        "hung".to_string()
    } else if text.contains("Command terminated by signal") {
        text.lines()
            .find(|l| l.contains("terminated by signal"))
            .unwrap_or("")
            .replace("Command terminated by signal ", "sig")
    } else {
        status.code().map_or("?".into(), |c| c.to_string())
    };
    let first_line =
        text.lines().find(|l| !l.trim().is_empty() && !l.contains("terminated by")).unwrap_or("").to_string();
    Run { exit, peak_kb, wall, first_line }
}

/// `from` copied to `to` with every part passed through `edit` (name, text,
/// writer).
fn rewrite(from: &Path, to: &Path, edit: impl Fn(&str, String, &mut dyn Write) -> std::io::Result<()>) {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(from).unwrap()).unwrap();
    let mut out = zip::ZipWriter::new(std::fs::File::create(to).unwrap());
    let options = zip::write::SimpleFileOptions::default().large_file(true);
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let part = file.name().unwrap().to_string();
        let mut text = String::new();
        file.read_to_string(&mut text).unwrap();
        out.start_file(part.clone(), options).unwrap();
        edit(&part, text, &mut out).unwrap();
    }
    out.finish().unwrap();
}

/// `from` copied to `to` with `size` bytes of `fill`, between `open` and
/// `close`, written into `part` just before `at`: compressed, a bomb of a
/// few megabytes.
#[allow(clippy::too_many_arguments)]
fn bomb(from: &Path, to: &Path, part: &str, at: &str, open: &str, fill: u8, size: u64, close: &str) {
    let chunk = vec![fill; 1 << 20];
    rewrite(from, to, |name, text, out| {
        if name != part {
            return out.write_all(text.as_bytes());
        }
        let split =
            if at == "<sheetData>" { text.find(at).unwrap() + at.len() } else { text.find(at).unwrap() };
        out.write_all(&text.as_bytes()[..split])?;
        out.write_all(open.as_bytes())?;
        for _ in 0..size / chunk.len() as u64 {
            out.write_all(&chunk)?;
        }
        out.write_all(close.as_bytes())?;
        out.write_all(&text.as_bytes()[split..])
    });
}

/// A PNG of 30000 × 30000 black pixels, compressed to a few megabytes.
fn giant_png() -> Vec<u8> {
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, 30_000, 30_000);
    encoder.set_color(png::ColorType::Rgb);
    let mut writer = encoder.write_header().unwrap();
    let mut stream = writer.stream_writer().unwrap();
    let row = vec![0u8; 30_000 * 3];
    for _ in 0..30_000 {
        stream.write_all(&row).unwrap();
    }
    stream.finish().unwrap();
    drop(writer);
    out
}

fn copy_folder(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_file() {
            std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
}
