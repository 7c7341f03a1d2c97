//! The house style of one plan: the client's logo and colours, an optional
//! font, a line on the cover and the consultancy that prepared it. Set in
//! `plan.toml`, or for a whole batch in `batch.toml`.

use std::path::PathBuf;
use std::sync::Arc;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Branding {
    /// Colours as `#rrggbb`.
    pub primary: Option<String>,
    pub accent: Option<String>,
    pub logo: Option<Asset>,
    /// Font files brought along with the plan (regular, bold, ...), all of
    /// one family.
    pub fonts: Vec<Asset>,
    /// The family name inside those files, for the layout.
    pub font_family: Option<String>,
    /// A line under the organisation's name on the cover.
    pub cover_text: Option<String>,
    pub prepared_by: Option<PreparedBy>,
}

/// Who prepared the plan (a training consultancy), on the cover.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PreparedBy {
    pub name: String,
    pub logo: Option<Asset>,
    pub address: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub website: Option<String>,
}

/// A file the plan brings along: read once, shared by every plan that uses
/// it (a batch's logo is on every cover).
#[derive(Debug, Clone, PartialEq)]
pub struct Asset {
    /// Where it was read from (for messages and change detection).
    pub path: PathBuf,
    pub kind: AssetKind,
    pub bytes: Arc<[u8]>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AssetKind {
    Png,
    Jpeg,
    Svg,
    Font,
}

impl AssetKind {
    pub fn extension(self) -> &'static str {
        match self {
            AssetKind::Png => "png",
            AssetKind::Jpeg => "jpg",
            AssetKind::Svg => "svg",
            AssetKind::Font => "otf",
        }
    }

    /// The kind of image `bytes` hold, by their content, not their name.
    pub fn image(bytes: &[u8]) -> Option<Self> {
        if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            return Some(AssetKind::Png);
        }
        if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            return Some(AssetKind::Jpeg);
        }
        let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_lowercase();
        head.contains("<svg").then_some(AssetKind::Svg)
    }
}
