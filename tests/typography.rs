//! Typography read from the laid-out document: no heading is the last
//! thing on its page (it always keeps at least a line of what it heads),
//! in the example's editions in every language.

mod common;

use opleidingsplan::model::Edition;
use opleidingsplan::outputs::pdf::{CachePolicy, Resources};
use opleidingsplan::pipeline;
use typst::foundations::{Element, Selector};
use typst::introspection::Introspector as _;
use typst::layout::{Abs, Frame, FrameItem, Point};
use typst::model::HeadingElem;

/// The tops of every text run on `frame` (placed at `origin`).
fn text_tops(frame: &Frame, origin: Point, out: &mut Vec<Abs>) {
    for (position, item) in frame.items() {
        let at = origin + *position;
        match item {
            FrameItem::Group(group) => {
                text_tops(&group.frame, at + Point::new(group.transform.tx, group.transform.ty), out)
            }
            FrameItem::Text(_) => out.push(at.y),
            _ => {}
        }
    }
}

/// Headings with nothing of their own below them on their page.
fn stranded(language: &str, edition: Edition) -> Vec<String> {
    let dir = common::example_in(language);
    let prepared = pipeline::prepare(dir.path()).unwrap_or_else(|e| panic!("{e:?}"));
    let typeset = prepared.typeset(edition, &Resources::bundled(CachePolicy::KeepUntilExit)).unwrap();
    let document = &typeset.document;
    let introspector = document.introspector();
    let headings = introspector.query(&Selector::Elem(Element::of::<HeadingElem>(), None));
    let positions: Vec<_> =
        headings.iter().filter_map(|h| Some((h, introspector.position(h.location()?)?))).collect();
    let mut found = Vec::new();
    for (i, (heading, position)) in positions.iter().enumerate() {
        // A section that ends on its page (the next heading follows there)
        // keeps everything it has. Chapters flow on (no page of their
        // own), so a chapter heading is checked like any other.
        let next = positions.get(i + 1);
        if next.is_some_and(|(_, next)| next.page == position.page) {
            continue;
        }
        // The one-page summary's headings (not in the contents) head
        // sections of a line or two that end with their page.
        let outlined = heading
            .to_packed::<HeadingElem>()
            .is_none_or(|h| h.outlined.get(typst::foundations::StyleChain::default()));
        if !outlined {
            continue;
        }
        let page = &document.pages()[position.page.get() - 1];
        let mut tops = Vec::new();
        text_tops(&page.frame, Point::zero(), &mut tops);
        // The footer sits in the bottom margin (2,2 cm). The first line
        // at or below the heading's top is its own; below it, at least two
        // more (a paragraph's first two, a table's header and first row).
        let body_end = page.frame.height() - Abs::cm(2.2);
        let mut lines: Vec<i64> = tops
            .iter()
            .filter(|y| **y >= position.point.y && **y < body_end)
            .map(|y| y.to_pt().round() as i64)
            .collect();
        lines.sort_unstable();
        lines.dedup();
        let lines: Vec<i64> = lines.into_iter().skip(1).collect();
        if lines.len() < 2 {
            found.push(format!(
                "p. {}: {} ({} line below)",
                position.page,
                heading.plain_text(),
                lines.len()
            ));
        }
    }
    found
}

#[test]
fn no_heading_is_the_last_line_of_its_page() {
    for language in ["nl", "fr", "en"] {
        for edition in [Edition::Council, Edition::Internal] {
            let found = stranded(language, edition);
            assert!(found.is_empty(), "{language} {edition:?}: stranded headings {found:#?}");
        }
    }
}

/// A chart whose figures are mostly withheld (a small company's council
/// edition) is not drawn: a sentence says why, and the table shows what
/// can be shown. The internal edition draws it.
#[test]
fn a_mostly_withheld_chart_is_said_not_drawn() {
    use common::*;
    use opleidingsplan::outputs::pdf::page_texts;
    let dir = plan_folder(PLAN_TOML, &fixture_sheets());
    let prepared = pipeline::prepare(dir.path()).unwrap_or_else(|e| panic!("{e:?}"));
    let resources = Resources::bundled(CachePolicy::KeepUntilExit);
    let text =
        |edition| squeeze(&page_texts(&prepared.typeset(edition, &resources).unwrap().document).join(" "));
    let sentence =
        squeeze("Geen grafiek: de meeste cijfers ervan gaan over groepen van minder dan 5 personen");
    // The age pyramid, the departments and participation by gender and by age.
    assert!(text(Edition::Council).matches(&sentence).count() >= 3, "council edition");
    assert!(!text(Edition::Internal).contains(&sentence), "internal edition");
}

/// Words of a heading broken over two lines with a hyphen, on the page the
/// heading is on: "opleidingsin-" / "spanning" reads as "opleidingsin".
fn hyphenated_headings(language: &str) -> Vec<String> {
    use opleidingsplan::outputs::pdf::page_texts;
    let dir = common::example_in(language);
    let prepared = pipeline::prepare(dir.path()).unwrap_or_else(|e| panic!("{e:?}"));
    let typeset =
        prepared.typeset(Edition::Council, &Resources::bundled(CachePolicy::KeepUntilExit)).unwrap();
    let document = &typeset.document;
    let pages = page_texts(document);
    let introspector = document.introspector();
    let mut found = Vec::new();
    for heading in introspector.query(&Selector::Elem(Element::of::<HeadingElem>(), None)) {
        let Some(position) = heading.location().and_then(|l| introspector.position(l)) else { continue };
        let page = &pages[position.page.get() - 1];
        for word in heading.plain_text().split_whitespace() {
            let chars: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
            for split in 2..chars.len().saturating_sub(1) {
                let (a, b): (String, String) =
                    (chars[..split].iter().collect(), chars[split..].iter().collect());
                // Typst's hyphen at a line end is a soft hyphen in the text.
                if page.contains(&format!("{a}\u{ad} {b}")) || page.contains(&format!("{a}- {b}")) {
                    found.push(format!("p. {}: {word} as {a}-/{b}", position.page));
                }
            }
        }
    }
    found
}

#[test]
fn no_heading_is_hyphenated() {
    for language in ["nl", "fr", "en"] {
        let found = hyphenated_headings(language);
        assert!(found.is_empty(), "{language}: hyphenated headings {found:#?}");
    }
}

/// A table of mostly withheld counts tells a council member nothing: the
/// example's movements per department (nearly all under 5) are a sentence
/// in the council edition and a table in the internal one.
#[test]
fn a_mostly_withheld_table_is_said_not_printed() {
    use opleidingsplan::outputs::pdf::page_texts;
    let dir = common::example_in("nl");
    let prepared = pipeline::prepare(dir.path()).unwrap_or_else(|e| panic!("{e:?}"));
    let resources = Resources::bundled(CachePolicy::KeepUntilExit);
    let text = |edition| {
        common::squeeze(&page_texts(&prepared.typeset(edition, &resources).unwrap().document).join(" "))
    };
    let council = text(Edition::Council);
    assert!(council.contains(&common::squeeze("de tabel per afdeling is daarom weggelaten")));
    assert!(!council.contains("Doorstroomuit"), "the movements table is printed");
    let internal = text(Edition::Internal);
    assert!(internal.contains("Doorstroomuit") && !internal.contains("daaromweggelaten"));
}
