//! The data the bundled example's council edition is typeset from, as a
//! reviewed file: a change of the schema or of a figure shows up as a diff
//! in review. `UPDATE_SNAPSHOTS=1 cargo test --test snapshot` writes the
//! new version after a deliberate change; read the diff before committing.

use opleidingsplan::model::Edition;
use opleidingsplan::pipeline;
use serde_json::Value;
use std::path::Path;

/// The first place two JSON values differ, as a path.
fn first_difference(a: &Value, b: &Value, path: &str) -> Option<String> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for key in x.keys().chain(y.keys()) {
                let at = format!("{path}/{key}");
                match (x.get(key), y.get(key)) {
                    (Some(p), Some(q)) => {
                        if let Some(found) = first_difference(p, q, &at) {
                            return Some(found);
                        }
                    }
                    _ => return Some(format!("{at}: only on one side")),
                }
            }
            None
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
            x.iter().zip(y).enumerate().find_map(|(i, (p, q))| first_difference(p, q, &format!("{path}/{i}")))
        }
        _ if a == b => None,
        _ => Some(format!("{path}: {} → {}", short(a), short(b))),
    }
}

fn short(value: &Value) -> String {
    let text = value.to_string();
    if text.len() > 120 { format!("{}…", &text[..120]) } else { text }
}

#[test]
fn the_example_data_matches_its_reviewed_snapshot() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let prepared = pipeline::prepare(&root.join("data/voorbeeld")).unwrap();
    let mut data: Value =
        serde_json::from_slice(&pipeline::view_json(&prepared.view(Edition::Council))).unwrap();
    // The wording is reviewed in src/i18n; the snapshot holds the figures.
    data.as_object_mut().unwrap().remove("strings");
    let file = root.join("tests/snapshots/voorbeeld-council.json");
    let text = serde_json::to_string_pretty(&data).unwrap() + "\n";
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&file, &text).unwrap();
        return;
    }
    let reviewed: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    if let Some(difference) = first_difference(&reviewed, &data, "") {
        panic!(
            "the example's data changed at {difference}\n\
             If the change is meant, run UPDATE_SNAPSHOTS=1 cargo test --test snapshot and review the diff."
        );
    }
}
