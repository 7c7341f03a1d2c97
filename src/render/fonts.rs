use typst::foundations::Bytes;
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;

/// The fonts a document may use: only those bundled with the tool (and,
/// later, fonts a plan brings along), never the machine's, so the PDF is
/// the same everywhere.
pub struct FontSet {
    pub book: LazyHash<FontBook>,
    pub fonts: Vec<Font>,
}

impl FontSet {
    pub fn from_data(data: impl IntoIterator<Item = Bytes>) -> Self {
        let fonts: Vec<Font> = data.into_iter().flat_map(Font::iter).collect();
        Self { book: LazyHash::new(FontBook::from_fonts(&fonts)), fonts }
    }

    /// Parsed once per process.
    pub fn bundled() -> &'static FontSet {
        static BUNDLED: std::sync::LazyLock<FontSet> = std::sync::LazyLock::new(|| {
            FontSet::from_data(super::embedded::BUNDLED_FONTS.iter().map(|data| Bytes::new(*data)))
        });
        &BUNDLED
    }
}
