use typst::foundations::Bytes;
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;

/// The fonts a document may use: those bundled with the tool and those a
/// plan brings along, never the machine's, so the PDF is the same
/// everywhere.
pub struct FontSet {
    pub(crate) book: LazyHash<FontBook>,
    pub(crate) fonts: Vec<Font>,
}

impl FontSet {
    /// These fonts and `extra` (a plan's own), the extra ones found first
    /// by family name.
    pub(crate) fn extended(&self, extra: impl IntoIterator<Item = Bytes>) -> Self {
        let fonts: Vec<Font> =
            self.fonts.iter().cloned().chain(extra.into_iter().flat_map(Font::iter)).collect();
        Self { book: LazyHash::new(FontBook::from_fonts(&fonts)), fonts }
    }

    /// Parsed once per process.
    pub(crate) fn bundled() -> &'static FontSet {
        static BUNDLED: std::sync::LazyLock<FontSet> = std::sync::LazyLock::new(|| {
            let fonts = crate::glyphs::FONTS.clone();
            FontSet { book: LazyHash::new(FontBook::from_fonts(&fonts)), fonts }
        });
        &BUNDLED
    }
}
