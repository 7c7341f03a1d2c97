//! Every script a Belgian workforce writes its names in is typeset; a
//! character no bundled font has, a control character or an endless word
//! never fails a build: `check` names its cell or line, and the PDF shows a
//! square, leaves the control character out, or breaks the word.

mod common;

use common::*;
use opleidingsplan::model::{Edition, Language};
use opleidingsplan::outputs::pdf::{CachePolicy, Resources, page_texts};
use opleidingsplan::pipeline::{self, BuildOptions};
use opleidingsplan::problem::ProblemKind;
use typst::layout::{Abs, Frame, FrameItem, Point};

/// Hieroglyphs: no bundled font has them.
const NO_GLYPH: &str = "\u{13000}";

/// The fixture with names, a department and titles in many scripts, a bell
/// character, a hieroglyph and a 10,000-letter word.
fn sheets() -> Vec<Sheet> {
    let mut sheets = fixture_sheets();
    let names = ["محمد العلي", "王芳", "Ελένη Παπαδοπούλου", "Дмитрий Иванов", "Nguyễn Văn Đức"];
    for (row, name) in sheets[0].rows.iter_mut().skip(1).zip(names) {
        row[1] = Text(Box::leak(name.to_string().into_boxed_str()));
    }
    sheets[0].rows[1][7] = Text("ייצור ✔ 😀");
    sheets[0].rows[2][7] = Text(Box::leak(format!("Administratie\u{7}{NO_GLYPH}").into_boxed_str()));
    sheets[1].rows[3][1] = Text(Box::leak("W".repeat(10_000).into_boxed_str()));
    sheets[1].rows[1][7] = Text("प्रशिक्षण केंद्र ศูนย์ฝึกอบรม 연수원");
    sheets
}

#[test]
fn check_names_the_cells_that_cannot_be_shown_and_builds_anyway() {
    let dir = plan_folder(PLAN_TOML, &sheets());
    let prepared = pipeline::prepare(dir.path()).unwrap_or_else(|e| panic!("{e:?}"));
    let messages = &Language::Nl.strings().messages;
    let warnings: Vec<String> = prepared.warnings.sorted().iter().map(|p| p.describe(messages)).collect();
    let about = |kind: fn(&ProblemKind) -> bool| {
        prepared.warnings.iter().filter(|p| kind(&p.kind)).map(|p| p.describe(messages)).collect::<Vec<_>>()
    };
    let glyph = about(|k| matches!(k, ProblemKind::NoGlyph { .. }));
    assert_eq!(glyph.len(), 1, "{warnings:#?}");
    assert!(glyph[0].contains("Medewerkers") && glyph[0].contains("H3"), "{}", glyph[0]);
    assert!(glyph[0].contains("U+13000") && glyph[0].contains('\u{25A1}'), "{}", glyph[0]);
    let control = about(|k| matches!(k, ProblemKind::ControlCharacters { .. }));
    assert_eq!(control.len(), 1, "{warnings:#?}");
    assert!(control[0].contains("H3") && control[0].contains("U+0007"), "{}", control[0]);

    let out = dir.path().join("out");
    let options =
        BuildOptions { out: out.clone(), layout: None, editions: None, new_version: false, stage: None };
    pipeline::build(dir.path(), &options).unwrap_or_else(|e| panic!("{e:?}"));
}

#[test]
fn every_script_reaches_the_page_and_nothing_runs_off_it() {
    let dir = plan_folder(PLAN_TOML, &sheets());
    let prepared = pipeline::prepare(dir.path()).unwrap_or_else(|e| panic!("{e:?}"));
    let typeset =
        prepared.typeset(Edition::Internal, &Resources::bundled(CachePolicy::KeepUntilExit)).unwrap();
    let text = squeeze(&page_texts(&typeset.document).join(" "));
    for shown in ["ייצור", "😀", "प्रशिक्षण", "ศูนย์ฝึกอบรม", "연수원", "✔", "Administratie\u{25A1}"]
    {
        assert!(text.contains(shown), "the document lacks {shown:?}");
    }
    assert!(!text.contains('\u{7}'));
    assert!(text.matches('W').count() >= 10_000, "the long word is missing");
    for (number, page) in typeset.document.pages().iter().enumerate() {
        let width = page.frame.width();
        let widest = rightmost(&page.frame, Point::zero());
        assert!(widest <= width, "page {} has text up to {widest:?}, beyond its width {width:?}", number + 1);
    }
}

/// How far right any text on `frame` (placed at `origin`) reaches.
fn rightmost(frame: &Frame, origin: Point) -> Abs {
    let mut reach = Abs::zero();
    for (position, item) in frame.items() {
        let at = origin + *position;
        let end = match item {
            FrameItem::Group(group) => {
                rightmost(&group.frame, at + Point::new(group.transform.tx, group.transform.ty))
            }
            FrameItem::Text(text) => at.x + text.width(),
            _ => Abs::zero(),
        };
        reach = reach.max(end);
    }
    reach
}

#[test]
fn plan_toml_texts_are_checked_at_their_line() {
    let plan = PLAN_TOML
        .replace("Missie van de fixture.", "Missie \\u0007 van de fixture.")
        .replace("Nul ongevallen.", "Nul ongevallen \u{13000}.");
    let dir = plan_folder(&plan, &fixture_sheets());
    let Err(pipeline::BuildError::Problems(problems)) = pipeline::prepare(dir.path()) else {
        panic!("a control character in plan.toml was accepted")
    };
    let messages = &Language::En.strings().messages;
    let lines: Vec<String> = problems.sorted().iter().map(|p| p.describe(messages)).collect();
    let control = lines.iter().find(|l| l.contains("U+0007")).expect("control character named");
    assert!(control.contains("plan.toml:20:") && control.contains("strategy.mission"), "{control}");
    let glyph = lines.iter().find(|l| l.contains("U+13000")).expect("missing glyph named");
    assert!(glyph.contains("plan.toml") && glyph.contains("strategy.goals.measure"), "{glyph}");

    let fine = PLAN_TOML.replace("Missie van de fixture.", "Missie: محمد, 王芳, ✔");
    let dir = plan_folder(&fine, &fixture_sheets());
    let prepared = pipeline::prepare(dir.path()).unwrap_or_else(|e| panic!("{e:?}"));
    assert!(!prepared.warnings.iter().any(|p| matches!(p.kind, ProblemKind::NoGlyph { .. })));
}
