//! Whether a logo can be drawn, checked when plan.toml is read: a damaged
//! image or one with millions of pixels is refused at its setting, instead
//! of failing inside the layout or taking gigabytes to decode.

use crate::model::AssetKind;
use crate::problem::AssetProblem;

/// The most pixels a logo may have: 25 million (5000 × 5000), far more than
/// print needs, and about 100 MB once decoded.
pub const MAX_PIXELS: u64 = 25_000_000;

/// What decoding may allocate beyond the pixels themselves.
const MAX_DECODE_BYTES: u64 = 4 * MAX_PIXELS + 64 * 1024 * 1024;

/// `Ok` when the image `bytes` (of `kind`) decodes within the limits.
pub fn drawable(kind: AssetKind, bytes: &[u8]) -> Result<(), AssetProblem> {
    match kind {
        AssetKind::Png => raster(bytes, image::ImageFormat::Png),
        AssetKind::Jpeg => raster(bytes, image::ImageFormat::Jpeg),
        AssetKind::Svg => vector(bytes),
        AssetKind::Font => Ok(()),
    }
}

fn raster(bytes: &[u8], format: image::ImageFormat) -> Result<(), AssetProblem> {
    let damaged = |e: image::ImageError| AssetProblem::Damaged { reason: e.to_string() };
    let reader = || image::ImageReader::with_format(std::io::Cursor::new(bytes), format);
    // The header first: its size decides whether decoding is attempted.
    let (width, height) = reader().into_dimensions().map_err(damaged)?;
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(AssetProblem::TooManyPixels { width, height, limit_mp: MAX_PIXELS / 1_000_000 });
    }
    let mut limits = image::Limits::default();
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    let mut reader = reader();
    reader.limits(limits);
    reader.decode().map(drop).map_err(damaged)
}

fn vector(bytes: &[u8]) -> Result<(), AssetProblem> {
    let options = usvg::Options::default();
    usvg::Tree::from_data(bytes, &options)
        .map(drop)
        .map_err(|e| AssetProblem::Damaged { reason: e.to_string() })
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// A black PNG of `width` × `height` pixels.
    pub(in crate::config) fn png(width: u32, height: u32) -> Vec<u8> {
        let mut out = Vec::new();
        let pixels = image::RgbImage::new(width, height);
        pixels.write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png).unwrap();
        out
    }

    #[test]
    fn a_sound_logo_passes_and_a_cut_one_is_damaged() {
        let sound = png(40, 20);
        assert_eq!(drawable(AssetKind::Png, &sound), Ok(()));
        let cut = &sound[..sound.len() - 20];
        assert!(matches!(drawable(AssetKind::Png, cut), Err(AssetProblem::Damaged { .. })));
        let jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, b'J', b'F'];
        assert!(matches!(drawable(AssetKind::Jpeg, &jpeg), Err(AssetProblem::Damaged { .. })));
        assert!(matches!(drawable(AssetKind::Svg, b"<svg xmlns="), Err(AssetProblem::Damaged { .. })));
        let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="5" height="5"/></svg>"#;
        assert_eq!(drawable(AssetKind::Svg, svg), Ok(()));
    }

    #[test]
    fn a_giant_is_refused_from_its_header_without_decoding() {
        // A PNG header claiming 30000 × 30000 pixels, with no pixel data.
        let mut header = png(1, 1);
        header[16..20].copy_from_slice(&30_000u32.to_be_bytes());
        header[20..24].copy_from_slice(&30_000u32.to_be_bytes());
        let crc = crc32(&header[12..29]);
        header[29..33].copy_from_slice(&crc.to_be_bytes());
        let problem = drawable(AssetKind::Png, &header).unwrap_err();
        assert!(
            matches!(problem, AssetProblem::TooManyPixels { width: 30_000, height: 30_000, limit_mp: 25 }),
            "{problem:?}"
        );
    }

    /// The CRC-32 a PNG chunk ends with (over its type and data).
    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = !0u32;
        for byte in bytes {
            crc ^= u32::from(*byte);
            for _ in 0..8 {
                crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
            }
        }
        !crc
    }
}
