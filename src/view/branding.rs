//! The house style as the layout receives it. Images and fonts reach the
//! Typst world as virtual files (`/assets/...`), never as paths on disk.

use crate::model::{Asset, Branding};
use serde::Serialize;

#[derive(Debug, Clone, Default, Serialize)]
pub struct BrandingView {
    /// `#rrggbb`, or `null` for the layout's own colours.
    pub primary: Option<String>,
    pub accent: Option<String>,
    /// Virtual path of the client's logo, e.g. `/assets/logo.png`.
    pub logo: Option<String>,
    /// Family of the fonts the plan brings along.
    pub font: Option<String>,
    pub cover_text: Option<String>,
    pub prepared_by: Option<PreparedByView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PreparedByView {
    pub name: String,
    pub logo: Option<String>,
    pub address: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub website: Option<String>,
}

/// Where the layout finds the client's logo and the consultancy's.
pub const LOGO: &str = "/assets/logo";
pub const PREPARED_BY_LOGO: &str = "/assets/prepared-by";

pub fn asset_path(stem: &str, asset: &Asset) -> String {
    format!("{stem}.{}", asset.kind.extension())
}

pub fn view(branding: &Branding) -> BrandingView {
    BrandingView {
        primary: branding.primary.clone(),
        accent: branding.accent.clone(),
        logo: branding.logo.as_ref().map(|a| asset_path(LOGO, a)),
        font: branding.font_family.clone(),
        cover_text: branding.cover_text.clone(),
        prepared_by: branding.prepared_by.as_ref().map(|p| PreparedByView {
            name: p.name.clone(),
            logo: p.logo.as_ref().map(|a| asset_path(PREPARED_BY_LOGO, a)),
            address: p.address.clone(),
            email: p.email.clone(),
            phone: p.phone.clone(),
            website: p.website.clone(),
        }),
    }
}

/// The images the layout may read, by their virtual path.
pub fn images(branding: &Branding) -> Vec<(String, &Asset)> {
    let mut images = Vec::new();
    if let Some(logo) = &branding.logo {
        images.push((asset_path(LOGO, logo), logo));
    }
    if let Some(logo) = branding.prepared_by.as_ref().and_then(|p| p.logo.as_ref()) {
        images.push((asset_path(PREPARED_BY_LOGO, logo), logo));
    }
    images
}
