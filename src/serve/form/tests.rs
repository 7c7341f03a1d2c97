use super::*;

fn doc(text: &str) -> DocumentMut {
    text.parse().unwrap()
}

fn posted(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

const PLAN: &str = r#"# The plan.
[strategy]
mission = "Old"   # why we exist
vision = "Far"

[[strategy.goals]]
id = "D1"
title = "Safe"

[[strategy.goals]]
id = "D2"
title = "Digital"

[consultation]
meeting = 2027-03-04
"#;

#[test]
fn a_table_keeps_its_comments_and_drops_emptied_keys() {
    let mut d = doc(PLAN);
    let section = section("strategy").unwrap();
    apply(
        &mut d,
        section,
        &posted(&[("mission", "New \"quoted\" text"), ("vision", ""), ("needs.team", "MES")]),
    )
    .unwrap();
    let text = d.to_string();
    assert!(text.starts_with("# The plan.\n[strategy]\nmission = "), "{text}");
    assert!(
        text.lines().nth(2).unwrap().ends_with("text'   # why we exist"),
        "the line's comment stays: {text}"
    );
    assert!(!text.contains("vision"), "an emptied field is removed: {text}");
    assert!(text.contains("[strategy.needs]\nteam = \"MES\""), "{text}");
    let parsed: toml::Table = toml::from_str(&text).unwrap();
    assert_eq!(parsed["strategy"]["mission"].as_str(), Some("New \"quoted\" text"));
    assert_eq!(parsed["strategy"]["goals"].as_array().unwrap().len(), 2, "the goals stay");
}

#[test]
fn array_entries_are_edited_removed_and_added() {
    let mut d = doc(PLAN);
    let section = section("goals").unwrap();
    let form = posted(&[
        ("0.id", "D1"),
        ("0.title", "Safe work"),
        ("1._remove", "on"),
        ("1.id", "D2"),
        ("new.id", "D3"),
        ("new.title", "Leadership"),
        ("new.description", ""),
    ]);
    apply(&mut d, section, &form).unwrap();
    let parsed: toml::Table = toml::from_str(&d.to_string()).unwrap();
    let goals = parsed["strategy"]["goals"].as_array().unwrap();
    let titles: Vec<&str> = goals.iter().map(|g| g["title"].as_str().unwrap()).collect();
    assert_eq!(titles, ["Safe work", "Leadership"]);
    assert!(goals[1].get("description").is_none(), "an empty field of a new entry is left out");
}

#[test]
fn dates_choices_and_codes_are_checked() {
    let mut d = doc(PLAN);
    let consultation = section("consultation").unwrap();
    let refused =
        apply(&mut d, consultation, &posted(&[("meeting", "2027-02-30"), ("fixed_on", "20/03/2027")]))
            .unwrap_err();
    let fields: Vec<&str> = refused.iter().map(|r| r.field.as_str()).collect();
    assert_eq!(fields, ["meeting", "fixed_on"]);
    let mut d = doc(PLAN);
    apply(&mut d, consultation, &posted(&[("meeting", "2027-03-05"), ("fixed_on", "2027-03-20")])).unwrap();
    let parsed: toml::Table = toml::from_str(&d.to_string()).unwrap();
    assert_eq!(parsed["consultation"]["meeting"].as_datetime().unwrap().to_string(), "2027-03-05");
    let actions = section("actions").unwrap();
    let refused =
        apply(&mut d, actions, &posted(&[("new.group", "everyone"), ("new.action", "x")])).unwrap_err();
    assert_eq!(refused[0].reason, "choice");
    let readiness = section("readiness").unwrap();
    apply(&mut d, readiness, &posted(&[("applies", "V2"), ("applies", "V1"), ("applies", "ZZ")])).unwrap();
    let parsed: toml::Table = toml::from_str(&d.to_string()).unwrap();
    let codes: Vec<&str> =
        parsed["readiness"]["applies"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    assert_eq!(codes, ["V1", "V2"], "in the list's order, unknown codes dropped");
}

#[test]
fn a_checkbox_left_unticked_is_false() {
    let mut d = doc("[organisation]\nname = \"X\"\nworks_council = true\n");
    apply(&mut d, section("organisation").unwrap(), &posted(&[("name", "X")])).unwrap();
    assert!(d.to_string().contains("works_council = false"));
}

#[test]
fn every_field_has_its_label_in_every_language() {
    for language in crate::model::Language::ALL {
        let strings = language.strings();
        for section in SECTIONS {
            assert!(
                strings.ui.pointer(&format!("/sections/{}", section.id)).is_some(),
                "{language:?} {}",
                section.id
            );
            for field in section.fields {
                let key = format!("/fields/{}/{}", section.id, field.key.replace('.', "_"));
                assert!(strings.ui.pointer(&key).is_some(), "{language:?} {key}");
                if let Kind::Choice(codes) = field.kind {
                    for code in codes {
                        assert!(
                            strings.ui.pointer(&format!("/choices/{code}")).is_some(),
                            "{language:?} {code}"
                        );
                    }
                }
            }
        }
        for reason in ["date", "choice"] {
            assert!(strings.ui.pointer(&format!("/texts/refused_{reason}")).is_some());
        }
        for code in READINESS {
            let statement = format!("/pdf/readiness/statements/{code}");
            assert!(strings.for_layout.pointer(&statement).is_some(), "{language:?} {code}");
        }
    }
}

#[test]
fn a_line_of_plan_toml_leads_to_the_form_that_edits_it() {
    let at = |line| section_at_line(PLAN, line).map(|s| s.id);
    assert_eq!(at(3), Some("strategy"), "mission");
    assert_eq!(at(8), Some("goals"), "the first goal's title");
    assert_eq!(at(11), Some("goals"), "the second goal's id");
    assert_eq!(at(15), Some("consultation"));
    assert_eq!(at(9), None, "a blank line");
    assert_eq!(at(1), None, "a comment");
    assert!(section_at_line("not = [toml", 1).is_none());
}
