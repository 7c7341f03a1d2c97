//! No input may crash the tool. Seeded random workbooks, random bytes,
//! damaged files and mutated plan.toml texts must each end in a plan or in
//! a list of problems, never in a panic. When a random workbook does import,
//! its figures must be consistent.

mod common;

use common::*;
use opleidingsplan::aggregate::aggregate;
use opleidingsplan::import;
use opleidingsplan::synthetic::Random;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

const HEADERS: &[&[&str]] = &[
    &[
        "Personeelsnummer",
        "Naam",
        "Geslacht",
        "Geboortedatum",
        "VTE",
        "Datum in dienst",
        "Datum uit dienst",
        "Afdeling",
        "Statuut",
        "Handicap",
        "Nationaliteit",
        "Knelpuntberoep",
        "Leeftijd",
        "rommel",
    ],
    &[
        "Code",
        "Titel",
        "Soort",
        "Duur (uren)",
        "Budget",
        "Risicogroep",
        "Doelstelling",
        "Startdatum",
        "Einddatum",
        "Pijler",
        "Inschrijvingen",
        "???",
    ],
    &["Personeelsnummer", "Opleidingscode", "Uren", "Status", "Datum", "Kosten"],
];

const WORDS: &[&str] = &[
    "M",
    "V",
    "X",
    "vrouw",
    "ja",
    "nee",
    "formeel",
    "informeel",
    "initieel",
    "gepland",
    "gevolgd",
    "geannuleerd",
    "BE",
    "MA",
    "Marokko",
    "50+",
    "niet-EU",
    "D1",
    "D9",
    "Totaal",
    "#N/A",
    "1,5",
    "0,8",
    "80%",
    "31/12/1980",
    "1980-02-30",
    "2030-01-01",
    "-3",
    "",
    " ",
    "\u{a0}",
    "E1",
    "E2",
    "T1",
    "T2",
    "🙂",
    "=1/0",
    "arbeider",
    "kader",
    "hoog",
    "laag",
    "strategie",
];

fn random_cell(random: &mut Random) -> Cell {
    match random.range(0, 6) {
        0 => Empty,
        1 => Number(random.range(-5, 5) as f64 * random.unit()),
        2 => Number(random.range(0, 60_000) as f64),
        3 => Date(random.range(1900, 2100) as u16, random.range(1, 13) as u8, random.range(1, 29) as u8),
        _ => Text(random.pick::<&str>(WORDS)),
    }
}

fn random_sheet(random: &mut Random, name: &'static str, headers: &'static [&'static str]) -> Sheet {
    let mut rows = Vec::new();
    if random.chance(0.2) {
        rows.push(vec![Text("titel")]);
    }
    // Headers in random order, some left out.
    let mut header = Vec::new();
    for h in headers {
        if random.chance(0.9) {
            header.push(Text(h));
        }
    }
    let width = header.len();
    rows.push(header);
    for _ in 0..random.range(0, 12) {
        rows.push((0..width).map(|_| random_cell(random)).collect());
    }
    Sheet { name, rows }
}

fn no_panic(what: &str, f: impl FnOnce()) {
    if catch_unwind(AssertUnwindSafe(f)).is_err() {
        panic!("{what} panicked");
    }
}

fn check_figures(dir: &Path) {
    if let Ok(imported) = import::load(dir) {
        let figures = aggregate(&imported.plan);
        let w = &figures.workforce;
        let by_gender: u32 = w.by_gender.iter().map(|c| c.heads).sum();
        assert_eq!(by_gender, w.total.heads);
        let by_band: u32 = w.by_age_band.iter().flatten().chain(&w.age_unknown).map(|c| c.heads).sum();
        assert_eq!(by_band, w.total.heads);
        assert!(figures.participation.overall.participants <= w.total.heads);
        assert!(figures.training.hours >= 0.0 && figures.training.budget >= 0.0);
        assert!(w.total.fte <= f64::from(w.total.heads) + 1e-9);
    }
}

#[test]
fn random_workbooks_never_crash_the_import() {
    let mut random = Random::new(7);
    for round in 0..150 {
        let sheets = vec![
            random_sheet(&mut random, "Medewerkers", HEADERS[0]),
            random_sheet(&mut random, "Opleidingen", HEADERS[1]),
            random_sheet(&mut random, "Deelnames", HEADERS[2]),
        ];
        let dir = plan_folder(PLAN_TOML, &sheets);
        no_panic(&format!("random workbook {round}"), || check_figures(dir.path()));
    }
}

#[test]
fn random_and_damaged_files_never_crash_the_import() {
    let mut random = Random::new(11);
    let dir = plan_folder(PLAN_TOML, &fixture_sheets());
    let path = dir.path().join("gegevens.xlsx");
    let valid = std::fs::read(&path).unwrap();
    for round in 0..120 {
        let bytes: Vec<u8> = match round % 3 {
            // Random bytes, sometimes behind a zip or OLE signature.
            0 => {
                let mut b: Vec<u8> = (0..random.range(0, 4000)).map(|_| random.next_u64() as u8).collect();
                if random.chance(0.5) {
                    let magic: &[u8] = if random.chance(0.5) {
                        b"PK\x03\x04"
                    } else {
                        &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
                    };
                    b.splice(0..0, magic.iter().copied());
                }
                b
            }
            // Truncated.
            1 => valid[..random.range(0, valid.len() as i64) as usize].to_vec(),
            // Bits flipped.
            _ => {
                let mut b = valid.clone();
                for _ in 0..random.range(1, 20) {
                    let at = random.range(0, b.len() as i64) as usize;
                    b[at] ^= 1 << random.range(0, 8);
                }
                b
            }
        };
        std::fs::write(&path, &bytes).unwrap();
        no_panic(&format!("damaged file {round}"), || {
            let _ = import::load(dir.path());
        });
    }
}

#[test]
fn mutated_plan_files_never_crash() {
    let mut random = Random::new(13);
    let dir = plan_folder(PLAN_TOML, &fixture_sheets());
    for round in 0..300 {
        let mut text: Vec<char> = PLAN_TOML.chars().collect();
        for _ in 0..random.range(1, 6) {
            let at = random.range(0, text.len() as i64) as usize;
            match random.range(0, 3) {
                0 => {
                    text.remove(at);
                }
                1 => text.insert(
                    at,
                    *random.pick(&['"', '[', ']', '=', '\n', '#', 'x', '9', '.', '\u{feff}', 'é']),
                ),
                _ => text[at] = *random.pick(&['0', '"', ' ', '{', '-']),
            }
        }
        let text: String = text.into_iter().collect();
        std::fs::write(dir.path().join("plan.toml"), &text).unwrap();
        no_panic(&format!("plan.toml mutation {round}:\n{text}"), || {
            let _ = import::load(dir.path());
        });
    }
}
