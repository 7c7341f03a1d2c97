//! Which characters a document can show: those the bundled fonts have a
//! glyph for. `check` reports the others at their cell or line, and the PDF
//! shows [`REPLACEMENT`] in their place, so that one character never fails
//! a build.

use std::sync::LazyLock;

mod bundled {
    include!(concat!(env!("OUT_DIR"), "/bundled_fonts.rs"));
}

/// The fonts compiled into the tool (`layouts/fonts/**`), in file order.
pub(crate) use bundled::BUNDLED_FONTS;

/// What the PDF shows instead of a character no bundled font has: a white
/// square, visibly not a letter, which Inter has.
pub const REPLACEMENT: char = '\u{25A1}';

/// The bundled fonts, parsed once per process: the PDF's font set and the
/// coverage below share them.
pub(crate) static FONTS: LazyLock<Vec<typst::text::Font>> = LazyLock::new(|| {
    BUNDLED_FONTS
        .iter()
        .flat_map(|data| typst::text::Font::iter(typst::foundations::Bytes::new(*data)))
        .collect()
});

/// The code points covered by any bundled font, as sorted, disjoint,
/// inclusive ranges. Built once per process (a few milliseconds).
static COVERED: LazyLock<Vec<(u32, u32)>> = LazyLock::new(|| {
    let mut points: Vec<u32> =
        FONTS.iter().flat_map(|font| font.info().coverage.iter().collect::<Vec<_>>()).collect();
    points.sort_unstable();
    points.dedup();
    let mut ranges: Vec<(u32, u32)> = Vec::new();
    for point in points {
        match ranges.last_mut() {
            Some((_, end)) if *end + 1 == point => *end = point,
            _ => ranges.push((point, point)),
        }
    }
    ranges
});

/// Whether some bundled font has a glyph for `c`. Spaces, line breaks and
/// the invisible format characters text shaping handles are shown whatever
/// the fonts hold.
pub fn covered(c: char) -> bool {
    if c.is_ascii() {
        return !c.is_ascii_control() || matches!(c, '\n' | '\t' | '\r');
    }
    if is_invisible(c) {
        return true;
    }
    let point = c as u32;
    let ranges = &*COVERED;
    let at = ranges.partition_point(|(start, _)| *start <= point);
    at > 0 && ranges[at - 1].1 >= point
}

/// Joiners, variation selectors and directional marks: they change how
/// their neighbours are shaped and have no glyph of their own.
fn is_invisible(c: char) -> bool {
    matches!(c as u32, 0x200B..=0x200F | 0x2028..=0x202E | 0x2060..=0x2064 | 0xFE00..=0xFE0F | 0xE0100..=0xE01EF)
}

/// A control character (other than a tab or a line break): never meant to
/// be shown, and some break the PDF or the annex.
pub fn is_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\n' | '\t' | '\r')
}

/// What of `text` cannot be shown: its control characters and the
/// characters no bundled font has, each once, in order of appearance.
pub fn unshowable(text: &str) -> Unshowable {
    let mut found = Unshowable::default();
    for c in text.chars() {
        if is_control(c) {
            if !found.controls.contains(&c) {
                found.controls.push(c);
            }
        } else if !covered(c) && !found.missing.contains(&c) {
            found.missing.push(c);
        }
    }
    found
}

/// The characters of a text that cannot be shown, by why.
#[derive(Debug, Default, PartialEq)]
pub struct Unshowable {
    /// Control characters: removed.
    pub controls: Vec<char>,
    /// Characters no bundled font has: shown as [`REPLACEMENT`].
    pub missing: Vec<char>,
}

/// `text` without its control characters.
pub fn without_controls(text: &str) -> String {
    text.chars().filter(|c| !is_control(*c)).collect()
}

/// "U+0007", how a message names a character that cannot be printed.
pub fn code_point(c: char) -> String {
    format!("U+{:04X}", c as u32)
}

/// "U+0007, U+001F": several characters, as messages name them.
pub fn code_points(chars: &[char]) -> String {
    chars.iter().map(|c| code_point(*c)).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scripts_of_a_belgian_workforce_are_covered() {
        for text in [
            "Çağlar Ñúñez Đặng",
            "Παπαδόπουλος",
            "Иванова",
            "محمد",
            "כהן",
            "राज",
            "สมชาย",
            "王芳",
            "山田",
            "김민준",
            "✔ ☐ ★ 😀 € …",
        ] {
            assert_eq!(unshowable(text), Unshowable::default(), "{text}");
        }
        assert!(covered(REPLACEMENT));
        // French typography's narrow no-break space.
        assert!(covered('\u{202F}'));
    }

    #[test]
    fn controls_and_characters_without_a_glyph_are_found_once_each() {
        let found = unshowable("a\u{7}b\u{7}\u{1F}c\u{10FFFD}\u{10FFFD}\td\n");
        assert_eq!(found.controls, vec!['\u{7}', '\u{1F}']);
        assert_eq!(found.missing, vec!['\u{10FFFD}']);
        assert_eq!(without_controls("a\u{7}b\tc"), "ab\tc");
        assert_eq!(code_point('\u{7}'), "U+0007");
    }
}
