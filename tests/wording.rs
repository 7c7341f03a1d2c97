//! Every wording the code or the layouts ask for exists in Dutch, French
//! and English: a mistyped key would otherwise print as nothing.

use opleidingsplan::model::Language;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn files(dir: &str, extension: &str) -> Vec<(String, String)> {
    walkdir::WalkDir::new(root().join(dir))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == extension))
        .map(|e| (e.path().display().to_string(), std::fs::read_to_string(e.path()).unwrap()))
        .collect()
}

/// The values a placeholder in a dynamic key takes, by the key's pattern.
fn expand(pattern: &str) -> Vec<String> {
    let edition = ["council", "internal"];
    let values: &[&str] = match pattern {
        "/pdf/edition/{}/name" | "/pdf/edition/{edition}/audience" => &edition,
        "/pdf/consultation/{}" => &["works_council", "union_delegation", "employees"],
        "/pdf/comparison/rows/{key}" => &[
            "headcount",
            "fte",
            "female_share",
            "group_heads",
            "days_per_fte",
            "budget",
            "budget_per_fte",
            "participation_rate",
            "group_rate",
        ],
        "/pdf/attachments/{key}" => {
            &["annex", "plan_toml", "workbook", "branding", "layout", "batch", "previous_year"]
        }
        "breakdown_{key}" => &["total", "gender", "age", "risk_group", "statute", "education", "department"],
        "/pdf/versions/{key}" => &["since_none", "added", "removed", "changed", "figures"],
        "/pdf/versions/stages/{}" => &["draft", "final"],
        "/pdf/social_balance/item_{}" => &["gross", "funds", "subsidies"],
        "/sections/{section}" => &[
            "organisation",
            "strategy",
            "goals",
            "annual",
            "roles",
            "actions",
            "consultation",
            "readiness",
            "branding",
        ],
        "/texts/refused_{}" => &["date", "choice"],
        // Every form field's label and choice: the web forms' own test
        // (`serve::form::tests`) walks the fields.
        "/fields/{section}/{}" | "/choices/{code}" => return Vec::new(),
        "/pdf/versions/fields/{}" => &[
            "title",
            "planned",
            "kind",
            "hours",
            "budget",
            "start",
            "end",
            "provider",
            "target_group",
            "risk_groups",
            "goal",
        ],
        other => {
            panic!("a key built at run time that this test does not know: {other:?}; add its values here")
        }
    };
    let (before, after) = pattern.split_at(pattern.find('{').unwrap());
    let after = &after[after.find('}').unwrap() + 1..];
    values.iter().map(|v| format!("{before}{v}{after}")).collect()
}

/// The web application's wording, as its file has it.
fn web_wording(language: Language) -> Value {
    let file = root().join(format!("src/i18n/ui/{}.toml", language.code()));
    let table: toml::Table = toml::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    serde_json::to_value(table).unwrap()
}

/// Keys the Rust code asks for: `layout("/pdf/...")` pointers and
/// `annex("...")` names, literal or built with `format!`.
fn code_keys() -> BTreeSet<(String, String)> {
    let mut keys = BTreeSet::new();
    for (_, source) in files("src", "rs") {
        let calls = [("layout(", "pointer"), ("annex(", "annex"), ("t(language, ", "ui"), ("tr(", "ui")];
        for (call, kind) in calls {
            let mut rest = source.as_str();
            while let Some(at) = rest.find(call) {
                rest = &rest[at + call.len()..];
                let argument = rest.trim_start_matches('&');
                let (literal, dynamic) = if let Some(r) = argument.strip_prefix("format!(\"") {
                    (r, true)
                } else if let Some(r) = argument.strip_prefix('"') {
                    (r, false)
                } else {
                    continue;
                };
                let Some(end) = literal.find('"') else { continue };
                let literal = &literal[..end];
                // `tr(` also ends other calls; the web wording's keys start with `/`.
                if kind == "ui" && !literal.starts_with('/') {
                    continue;
                }
                let found = if dynamic { expand(literal) } else { vec![literal.to_string()] };
                keys.extend(found.into_iter().map(|k| (kind.to_string(), k)));
            }
        }
    }
    keys
}

/// `data.strings.a.b` chains in the layouts, with `let x = data.strings.a`
/// aliases followed within the same file. A chain stops at `.at(`, where
/// the key comes from the data.
fn layout_paths() -> BTreeSet<(String, String)> {
    let mut paths = BTreeSet::new();
    let chain = |text: &str| -> String {
        text.chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '.').collect::<String>()
    };
    for (file, source) in files("layouts", "typ") {
        let mut aliases: Vec<(String, String)> = Vec::new();
        for line in source.lines() {
            let code = line.split("//").next().unwrap_or_default();
            if let Some(rest) = code.trim_start().strip_prefix("let ")
                && let Some((name, value)) = rest.split_once(" = ")
                && let Some(path) = value.trim().strip_prefix("data.strings.")
            {
                let path = chain(path);
                let path = path.trim_end_matches('.');
                // `let x = data.strings.a.at(key)`: x is any entry of a.
                let path = match path.strip_suffix(".at") {
                    Some(parent) => format!("{parent}.*"),
                    None => path.to_string(),
                };
                aliases.push((name.trim().to_string(), path));
            }
            let mut rest = code;
            while let Some(at) = rest.find("data.strings.") {
                rest = &rest[at + "data.strings.".len()..];
                let path = chain(rest);
                paths.insert((file.clone(), path.trim_end_matches('.').to_string()));
            }
            for (alias, base) in &aliases {
                let needle = format!("{alias}.");
                let mut rest = code;
                while let Some(at) = rest.find(&needle) {
                    let before = rest[..at].chars().last();
                    rest = &rest[at + needle.len()..];
                    if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.') {
                        continue;
                    }
                    let tail = chain(rest);
                    if tail.starts_with("at") && rest[tail.len()..].starts_with('(') || tail.is_empty() {
                        continue;
                    }
                    paths.insert((file.clone(), format!("{base}.{}", tail.trim_end_matches('.'))));
                }
            }
        }
    }
    paths
}

fn layout_wording(language: Language) -> Value {
    language.strings().for_layout.clone()
}

/// The wording at a dotted path; `*` stands for every entry of a table,
/// each of which must have the rest of the path.
fn lookup<'v>(value: &'v Value, dotted: &str) -> Option<&'v Value> {
    let parts: Vec<&str> = dotted.split('.').filter(|p| !p.is_empty()).collect();
    let mut value = value;
    for (i, part) in parts.iter().enumerate() {
        // Typst methods on a string or array end the path.
        if matches!(*part, "at" | "len" | "map" | "join" | "keys" | "values" | "pairs") {
            return Some(value);
        }
        if *part == "*" {
            let rest = parts[i + 1..].join(".");
            let entries = value.as_object()?;
            return entries.values().all(|entry| lookup(entry, &rest).is_some()).then_some(value);
        }
        value = value.get(*part)?;
    }
    Some(value)
}

#[test]
fn every_wording_the_code_asks_for_exists_in_every_language() {
    let keys = code_keys();
    assert!(keys.len() > 60, "only {} keys found: the scan is broken", keys.len());
    let mut missing = Vec::new();
    for language in Language::ALL {
        let strings = language.strings();
        for (kind, key) in &keys {
            let present = match kind.as_str() {
                "pointer" => strings.for_layout.pointer(key).is_some_and(Value::is_string),
                "ui" => web_wording(language).pointer(key).is_some_and(Value::is_string),
                _ => strings.annex.contains_key(key.as_str()),
            };
            if !present {
                missing.push(format!("{language:?}: {kind} {key}"));
            }
        }
    }
    assert!(missing.is_empty(), "missing wording:\n{}", missing.join("\n"));
}

#[test]
fn every_wording_the_layouts_ask_for_exists_in_every_language() {
    let paths = layout_paths();
    assert!(paths.len() > 150, "only {} paths found: the scan is broken", paths.len());
    let mut missing = Vec::new();
    for language in Language::ALL {
        let wording = layout_wording(language);
        for (file, path) in &paths {
            if lookup(&wording, path).is_none() {
                missing.push(format!("{language:?}: {path} (asked for in {file})"));
            }
        }
    }
    assert!(missing.is_empty(), "missing wording:\n{}", missing.join("\n"));
}

#[test]
fn the_scans_see_a_missing_key() {
    assert!(lookup(&layout_wording(Language::Nl), "pdf.checklist.verdicts.present").is_some());
    assert!(lookup(&layout_wording(Language::Nl), "pdf.checklist.verdicts.presnt").is_none());
    assert_eq!(expand("/pdf/edition/{}/name"), ["/pdf/edition/council/name", "/pdf/edition/internal/name"]);
}

/// The plan.toml templates `init` writes point to README sections that exist.
#[test]
fn the_templates_point_to_readme_sections_that_exist() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let headings: Vec<&str> = readme
        .lines()
        .filter_map(|l| l.strip_prefix('#'))
        .map(|l| l.trim_start_matches('#').trim())
        .collect();
    for (path, text) in files("src/template", "toml") {
        for line in text.lines().filter(|l| l.contains("README")) {
            let after = &line[line.find("README").unwrap()..];
            let quoted = after
                .split(['"', '«', '»'])
                .nth(1)
                .map(|q| q.trim())
                .unwrap_or_else(|| panic!("{path}: {line}"));
            assert!(headings.contains(&quoted), "{path}: no README section {quoted:?}");
        }
    }
}

/// French typography: a narrow no-break space before `:` `;` `!` `?` and
/// inside « », in every French text (placeholders, settings and quoted code
/// aside).
#[test]
fn french_punctuation_has_its_narrow_no_break_space() {
    let mut wrong = Vec::new();
    let mut stack: Vec<toml::Value> = ["src/i18n/fr.toml", "src/i18n/ui/fr.toml"]
        .iter()
        .map(|file| toml::from_str(&std::fs::read_to_string(root().join(file)).unwrap()).unwrap())
        .collect();
    while let Some(value) = stack.pop() {
        match value {
            toml::Value::Table(table) => stack.extend(table.into_iter().map(|(_, v)| v)),
            toml::Value::Array(items) => stack.extend(items),
            toml::Value::String(s) => {
                let prose = strip(&s);
                let chars: Vec<char> = prose.chars().collect();
                for (i, c) in chars.iter().enumerate() {
                    let before = if i > 0 { chars[i - 1] } else { ' ' };
                    let after = chars.get(i + 1).copied().unwrap_or(' ');
                    let bad = (matches!(c, ':' | ';' | '!' | '?') && i > 0 && before != '\u{202F}')
                        || (*c == '«' && after != '\u{202F}')
                        || (*c == '»' && before != '\u{202F}');
                    if bad {
                        wrong.push(s.clone());
                        break;
                    }
                }
            }
            _ => {}
        }
    }
    assert!(
        wrong.is_empty(),
        "{} French texts lack the space: {:#?}",
        wrong.len(),
        &wrong[..wrong.len().min(5)]
    );
}

/// `s` without what is not French prose: placeholders, plan.toml settings
/// in brackets, quoted code, addresses.
fn strip(s: &str) -> String {
    let mut out = String::new();
    let mut depth = (0, 0, false);
    for c in s.chars() {
        match c {
            '{' => depth.0 += 1,
            '}' => depth.0 -= 1,
            '[' => depth.1 += 1,
            ']' => depth.1 -= 1,
            '"' => depth.2 = !depth.2,
            _ if depth == (0, 0, false) => out.push(c),
            _ => {}
        }
    }
    // Split on plain spaces only: the no-break ones are what is checked.
    out.split(' ').filter(|w| !w.contains("://") && !w.contains(".toml")).collect::<Vec<_>>().join(" ")
}
