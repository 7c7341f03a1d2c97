//! Every message fills its placeholders, in every language.
use super::*;
use crate::model::Language;

#[test]
fn every_message_fills_its_placeholders() {
    let kinds = [
        ProblemKind::FteOutOfRange { column: "VTE".into(), value: "1,5".into() },
        ProblemKind::SheetMissing {
            sheet: "Medewerkers".into(),
            available: vec!["Blad1".into()],
            key: "employees".into(),
        },
        ProblemKind::ColumnMissing {
            column: "VTE".into(),
            found: vec!["Naam".into()],
            mapping: "[input.employees.columns] fte = \"…\"".into(),
            field: Some(("employees".into(), "fte".into())),
        },
        ProblemKind::NotADate {
            column: "DOB".into(),
            value: "gisteren".into(),
            setting: "[input.employees.formats] birth_date".into(),
        },
        ProblemKind::AgeImplausible {
            column: "DOB".into(),
            value: "1/1/0083".into(),
            age: "1943".into(),
            reference: "31/12/2026".into(),
            min: 14,
            max: 80,
        },
        ProblemKind::Duplicate { column: "Code".into(), value: "OPL-1".into(), first: "A3".into() },
        ProblemKind::UnknownCode {
            column: "Geslacht".into(),
            value: "Q".into(),
            expected: vec!["M".into(), "V".into()],
        },
    ];
    for language in Language::ALL {
        let messages = &language.strings().messages;
        for kind in &kinds {
            let text = kind.describe(messages);
            assert!(!text.contains('{'), "{language:?}: unfilled placeholder in {text}");
        }
    }
    let text = kinds[0].describe(&Language::Nl.strings().messages);
    assert!(text.contains("VTE \"1,5\""), "{text}");
}
