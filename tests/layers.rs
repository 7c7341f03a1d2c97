//! The stages run one way: no module uses one that comes after it in the
//! pipeline (comments may mention any). See the crate's documentation for
//! the order.

use std::collections::BTreeSet;
use std::path::Path;

/// Each top-level module with its place: a module may use only modules of
/// a lower rank. The leaves (text, files, glyphs, privacy) use nothing of ours.
const RANKS: &[(&str, u8)] = &[
    ("text", 0),
    ("files", 0),
    ("glyphs", 0),
    ("terminal", 0),
    ("privacy", 0),
    ("model", 1),
    ("i18n", 2),
    ("problem", 3),
    ("config", 4),
    ("import", 5),
    ("aggregate", 6),
    ("disclose", 7),
    ("view", 8),
    ("outputs", 9),
    ("archive", 10),
    ("pipeline", 11),
    ("batch", 12),
    ("template", 12),
    ("synthetic", 12),
    // A plan kept open (batch settings read as a batch reads them), the web
    // application on it, and the command line over everything.
    ("live", 13),
    ("serve", 14),
    ("cli", 15),
];

fn rank(module: &str) -> Option<u8> {
    RANKS.iter().find(|(m, _)| *m == module).map(|(_, r)| *r)
}

/// The crate's own modules a source file names, outside comments.
fn used(source: &str) -> BTreeSet<String> {
    let code: String = source
        .lines()
        .map(|line| match line.find("//") {
            // A `//` inside a string is rare in this code base and only
            // hides the rest of that line.
            Some(at) => &line[..at],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n");
    let mut found = BTreeSet::new();
    let mut rest = code.as_str();
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        if let Some(list) = rest.strip_prefix('{') {
            // `use crate::{a, b::c}`: every first segment.
            let end = list.find('}').unwrap_or(list.len());
            for item in list[..end].split(',') {
                let name: String =
                    item.trim().chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                found.insert(name);
            }
        } else {
            found.insert(rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect());
        }
    }
    found
}

#[test]
fn no_stage_uses_a_later_one() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut wrong = Vec::new();
    let mut files = 0;
    for entry in walkdir::WalkDir::new(&src).into_iter().filter_map(Result::ok) {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let relative = path.strip_prefix(&src).unwrap();
        let first = relative.components().next().unwrap().as_os_str().to_string_lossy().into_owned();
        let module = first.trim_end_matches(".rs");
        let Some(own) = rank(module) else { continue };
        files += 1;
        for other in used(&std::fs::read_to_string(path).unwrap()) {
            if let Some(theirs) = rank(&other)
                && other != module
                && theirs >= own
            {
                wrong.push(format!("{} ({module}) uses {other}", relative.display()));
            }
        }
    }
    assert!(files > 80, "only {files} source files found");
    assert!(wrong.is_empty(), "stages used against the flow:\n{}", wrong.join("\n"));
}

#[test]
fn the_check_sees_a_use_against_the_flow() {
    let names = used(
        "use crate::{model::Plan, view::PlanView};\n// crate::cli in a comment\nlet x = crate::archive::f();",
    );
    assert_eq!(names.into_iter().collect::<Vec<_>>(), ["archive", "model", "view"]);
}
