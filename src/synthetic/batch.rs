//! A consultancy's batch of fictional clients: a root with `batch.toml` (the
//! consultancy's name and logo on every cover) and one plan folder per
//! client, some with a house style of their own.

use super::random::Random;
use super::{Spec, write_plan_folder};
use crate::model::Language;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// What batch to generate: how many clients, for which year, from which
/// seed.
pub struct BatchSpec {
    /// Number of client plan folders.
    pub clients: usize,
    /// Seed of the random draws: the same seed writes the same batch.
    pub seed: u64,
    /// The plan year of every client.
    pub year: i16,
    /// Employees per client, drawn between these bounds.
    pub employees: (usize, usize),
}

const TRADES: [&str; 14] = [
    "Bakkerij",
    "Garage",
    "Drukkerij",
    "Schrijnwerkerij",
    "Transport",
    "Brouwerij",
    "Kwekerij",
    "Metaalbouw",
    "Zorggroep",
    "Ingenieursbureau",
    "Schoonmaak",
    "Logistiek",
    "Elektro",
    "Tuinaanleg",
];
// Not `names::SURNAMES`: the client names stay distinct only while this list
// is as long as TRADES (see `names` and the test `client_names_are_distinct`).
const FAMILIES: [&str; 14] = [
    "Peeters",
    "Janssens",
    "Maes",
    "Jacobs",
    "Mertens",
    "Willems",
    "Claes",
    "Goossens",
    "Wouters",
    "De Smet",
    "Dubois",
    "Lambert",
    "Vermeulen",
    "Hermans",
];
const FORMS: [&str; 3] = ["NV", "BV", "CV"];
const TOWNS: [&str; 8] = [
    "9000 Gent",
    "2000 Antwerpen",
    "3000 Leuven",
    "8000 Brugge",
    "3500 Hasselt",
    "2800 Mechelen",
    "1000 Brussel",
    "8500 Kortrijk",
];
/// Primary and accent colours of the clients with a house style.
const STYLES: [(&str, &str); 5] = [
    ("#0B6E4F", "#F2C14E"),
    ("#7A1F3D", "#E8A87C"),
    ("#2B4162", "#FA9F42"),
    ("#3D405B", "#81B29A"),
    ("#005F73", "#EE9B00"),
];

/// The fictional consultancy that prepares the plans; `batch.toml` puts
/// its name on every cover.
pub const CONSULTANCY: &str = "Leerwerk Advies BV";

/// Writes the batch under `root`; returns the plan folders.
pub fn write_batch(root: &Path, spec: &BatchSpec) -> Result<Vec<PathBuf>, Box<dyn std::error::Error>> {
    std::fs::create_dir_all(root)?;
    std::fs::write(root.join(crate::config::BATCH_FILE), batch_toml())?;
    std::fs::write(root.join("leerwerk.svg"), logo("LA", "#5B2A86", "#FFFFFF"))?;
    let mut random = Random::new(spec.seed);
    let mut folders = Vec::new();
    for (i, name) in names(spec.clients).into_iter().enumerate() {
        let folder = root.join(format!("{:02}-{}", i + 1, crate::text::slug(&name)));
        let (low, high) = spec.employees;
        let employees = random.range(low as i64, high.max(low) as i64) as usize;
        let client = Spec {
            organisation: name.clone(),
            enterprise_number: enterprise_number(2_000_000 + 7919 * i as u32 + (spec.seed % 1000) as u32),
            registered_office: format!("Industrieweg {}, {}", 1 + i % 90, random.pick(&TOWNS)),
            employees,
            seed: spec.seed.wrapping_add(i as u64 * 101),
            year: spec.year,
            language: Language::Nl,
        };
        write_plan_folder(&folder, &client)?;
        if i % 4 == 1 {
            let (primary, accent) = STYLES[(i / 4) % STYLES.len()];
            std::fs::write(folder.join("logo.svg"), logo(&initials(&name), primary, accent))?;
            let mut plan = std::fs::read_to_string(folder.join(crate::config::PLAN_FILE))?;
            write!(
                plan,
                "\n[branding]\nlogo = \"logo.svg\"\nprimary = \"{primary}\"\naccent = \"{accent}\"\ncover_text = \"Vakmanschap dat groeit\"\n"
            )?;
            std::fs::write(folder.join(crate::config::PLAN_FILE), plan)?;
        }
        folders.push(folder);
    }
    Ok(folders)
}

/// Distinct names: "Bakkerij Peeters NV", "Garage Janssens BV", ...
fn names(count: usize) -> Vec<String> {
    (0..count)
        .map(|i| {
            let trade = TRADES[i % TRADES.len()];
            let family = FAMILIES[(i / TRADES.len() + i) % FAMILIES.len()];
            let form = FORMS[i % FORMS.len()];
            let round = i / (TRADES.len() * FAMILIES.len());
            if round == 0 {
                format!("{trade} {family} {form}")
            } else {
                format!("{trade} {family} {} {form}", round + 1)
            }
        })
        .collect()
}

fn initials(name: &str) -> String {
    name.split_whitespace().take(2).filter_map(|w| w.chars().next()).collect()
}

/// A valid KBO/BCE number from an eight-digit base (its first digit 0 or 1,
/// as the register's are): the check digits are 97 minus the base modulo 97.
pub fn enterprise_number(base: u32) -> String {
    let base = base % 20_000_000;
    let digits = format!("{base:08}{:02}", 97 - base % 97);
    format!("{}.{}.{}", &digits[..4], &digits[4..7], &digits[7..])
}

/// A square with initials: enough to tell covers apart.
fn logo(initials: &str, background: &str, foreground: &str) -> String {
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="80" viewBox="0 0 200 80">
  <rect x="0" y="4" width="72" height="72" rx="16" fill="{background}"/>
  <text x="36" y="52" text-anchor="middle" font-family="Inter, sans-serif" font-size="30" font-weight="700" fill="{foreground}">{initials}</text>
  <rect x="84" y="30" width="110" height="8" rx="4" fill="{background}"/>
  <rect x="84" y="46" width="80" height="8" rx="4" fill="{foreground}"/>
</svg>
"##
    )
}

fn batch_toml() -> String {
    format!(
        r#"# Defaults for every plan folder below this one, written by
# `opleidingsplan demo --clients`. A client's plan.toml overrides any key.

[defaults]
language = "nl"
edition = "council"
# min_group_size = 5

[branding.prepared_by]
name = "{CONSULTANCY}"
logo = "leerwerk.svg"
address = "Coupure Links 12, 9000 Gent"
email = "plannen@leerwerk.example"
website = "www.leerwerk.example"
"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_enterprise_numbers_pass_the_check() {
        for base in [2_000_000, 2_007_919, 19_999_999, 123_456_789] {
            let number = enterprise_number(base);
            assert!(crate::model::EnterpriseNumber::parse(&number).is_some(), "{number}");
        }
        assert_eq!(enterprise_number(4_030_192), "0403.019.261");
    }

    #[test]
    fn client_names_are_distinct() {
        let names = names(500);
        let unique: std::collections::HashSet<_> = names.iter().collect();
        assert_eq!(unique.len(), 500);
    }
}
