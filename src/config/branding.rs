//! `[branding]` in `plan.toml` or `batch.toml`: colours, logo, font, cover
//! text and who prepared the plan. Files are read here, once, and must lie
//! inside the folder of the file that names them.

use super::{Source, invalid_in};
use crate::model::{Asset, AssetKind, Branding, PreparedBy};
use crate::problem::{AssetProblem, AssetWanted, Expected, Problems};
use serde::Deserialize;
use std::sync::Arc;
use toml::Spanned;

/// Larger files are surely a mistake (a logo of 20 MB slows every build).
const MAX_ASSET_BYTES: u64 = 10 * 1024 * 1024;

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(crate) struct BrandingSection {
    logo: Option<Spanned<String>>,
    primary: Option<Spanned<String>>,
    accent: Option<Spanned<String>>,
    font: Option<Spanned<FontFiles>>,
    cover_text: Option<String>,
    prepared_by: Option<PreparedBySection>,
}

/// One font file, or several of one family (regular, bold, ...).
#[derive(Deserialize)]
#[serde(untagged)]
enum FontFiles {
    One(String),
    Many(Vec<String>),
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct PreparedBySection {
    name: Option<String>,
    logo: Option<Spanned<String>>,
    address: Option<String>,
    email: Option<String>,
    phone: Option<String>,
    website: Option<String>,
}

/// A prepared-by block before merging: its name may come from the batch.
#[derive(Debug, Clone, Default)]
pub struct PartialPreparedBy {
    pub name: Option<String>,
    pub logo: Option<Asset>,
    pub address: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub website: Option<String>,
}

/// Branding as one file gives it; merged with the batch's into a
/// [`Branding`] by [`merge`].
#[derive(Debug, Clone, Default)]
pub struct PartialBranding {
    pub primary: Option<String>,
    pub accent: Option<String>,
    pub logo: Option<Asset>,
    pub fonts: Vec<Asset>,
    pub font_family: Option<String>,
    pub cover_text: Option<String>,
    pub prepared_by: Option<PartialPreparedBy>,
}

pub(crate) fn read(section: BrandingSection, source: &Source, problems: &mut Problems) -> PartialBranding {
    let colour = |value: &Option<Spanned<String>>, key: &str, problems: &mut Problems| {
        let value = value.as_ref()?;
        let parsed = parse_colour(value.get_ref());
        if parsed.is_none() {
            let expected = Expected::Colour;
            problems.push(invalid_in(source, value.span(), key, format!("{:?}", value.get_ref()), expected));
        }
        parsed
    };
    let fonts: Vec<(Spanned<String>, Option<Asset>)> = match &section.font {
        None => Vec::new(),
        Some(files) => {
            let names = match files.get_ref() {
                FontFiles::One(name) => vec![name.clone()],
                FontFiles::Many(names) => names.clone(),
            };
            names
                .into_iter()
                .map(|name| {
                    let spanned = Spanned::new(files.span(), name);
                    let asset = asset(&spanned, "branding.font", Wanted::Font, source, problems);
                    (spanned, asset)
                })
                .collect()
        }
    };
    let fonts: Vec<Asset> = fonts.into_iter().filter_map(|(_, a)| a).collect();
    PartialBranding {
        primary: colour(&section.primary, "branding.primary", problems),
        accent: colour(&section.accent, "branding.accent", problems),
        logo: section.logo.as_ref().and_then(|l| asset(l, "branding.logo", Wanted::Image, source, problems)),
        font_family: fonts.first().and_then(|f| font_family(&f.bytes)),
        fonts,
        cover_text: non_empty(section.cover_text),
        prepared_by: section.prepared_by.map(|p| PartialPreparedBy {
            name: non_empty(p.name),
            logo: p
                .logo
                .as_ref()
                .and_then(|l| asset(l, "branding.prepared_by.logo", Wanted::Image, source, problems)),
            address: non_empty(p.address),
            email: non_empty(p.email),
            phone: non_empty(p.phone),
            website: non_empty(p.website),
        }),
    }
}

/// A plan's branding over the batch's: each key the plan sets wins.
pub fn merge(own: PartialBranding, batch: &PartialBranding) -> (Branding, Option<PartialPreparedBy>) {
    let (fonts, font_family) = match own.fonts.is_empty() {
        true => (batch.fonts.clone(), batch.font_family.clone()),
        false => (own.fonts, own.font_family),
    };
    let prepared_by = match (own.prepared_by, &batch.prepared_by) {
        (None, None) => None,
        (Some(p), None) => Some(p),
        (None, Some(b)) => Some(b.clone()),
        (Some(p), Some(b)) => Some(PartialPreparedBy {
            name: p.name.or_else(|| b.name.clone()),
            logo: p.logo.or_else(|| b.logo.clone()),
            address: p.address.or_else(|| b.address.clone()),
            email: p.email.or_else(|| b.email.clone()),
            phone: p.phone.or_else(|| b.phone.clone()),
            website: p.website.or_else(|| b.website.clone()),
        }),
    };
    // A block without a name is returned for the caller to report.
    let (complete, nameless) = match prepared_by {
        Some(PartialPreparedBy { name: Some(name), logo, address, email, phone, website }) => {
            (Some(PreparedBy { name, logo, address, email, phone, website }), None)
        }
        other => (None, other),
    };
    let branding = Branding {
        primary: own.primary.or_else(|| batch.primary.clone()),
        accent: own.accent.or_else(|| batch.accent.clone()),
        logo: own.logo.or_else(|| batch.logo.clone()),
        fonts,
        font_family,
        cover_text: own.cover_text.or_else(|| batch.cover_text.clone()),
        prepared_by: complete,
    };
    (branding, nameless)
}

fn non_empty(text: Option<String>) -> Option<String> {
    text.map(|t| t.trim().to_string()).filter(|t| !t.is_empty())
}

/// `#1F4E79`, `1f4e79` or `#17A` → `#1f4e79`.
pub fn parse_colour(text: &str) -> Option<String> {
    let hex = text.trim().trim_start_matches('#');
    if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let full = match hex.len() {
        6 => hex.to_string(),
        3 => hex.chars().flat_map(|c| [c, c]).collect(),
        _ => return None,
    };
    Some(format!("#{}", full.to_lowercase()))
}

#[derive(Clone, Copy, PartialEq)]
enum Wanted {
    Image,
    Font,
}

/// Reads the file `name` (relative to the folder of the file naming it),
/// which must stay inside that folder and be of the wanted kind.
fn asset(
    name: &Spanned<String>,
    key: &str,
    wanted: Wanted,
    source: &Source,
    problems: &mut Problems,
) -> Option<Asset> {
    let shown = format!("{:?}", name.get_ref());
    let kind = match wanted {
        Wanted::Image => AssetWanted::Image,
        Wanted::Font => AssetWanted::Font,
    };
    let mut fail = |problem: AssetProblem| {
        let expected = Expected::Asset { kind, problem };
        problems.push(invalid_in(source, name.span(), key, shown.clone(), expected));
        None
    };
    let base = match source.dir.canonicalize() {
        Ok(base) => base,
        Err(e) => {
            let folder = source.dir.display().to_string();
            return fail(AssetProblem::FolderUnreadable { folder, reason: e.to_string() });
        }
    };
    let folder = base.display().to_string();
    let path = match base.join(name.get_ref()).canonicalize() {
        Ok(path) => path,
        Err(_) => return fail(AssetProblem::NoSuchFile { folder }),
    };
    if !path.starts_with(&base) {
        return fail(AssetProblem::OutsideFolder { folder });
    }
    let limit_mb = MAX_ASSET_BYTES / (1024 * 1024);
    let bytes = match crate::files::read_regular(&path, MAX_ASSET_BYTES) {
        Ok(bytes) => bytes,
        Err(crate::files::ReadError::TooLarge { .. }) => {
            let size_mb = std::fs::metadata(&path).map_or(0, |m| m.len()) / (1024 * 1024);
            return fail(AssetProblem::TooLarge { limit_mb, size_mb });
        }
        Err(e) => return fail(AssetProblem::Unreadable { reason: e.to_string() }),
    };
    let kind = match wanted {
        Wanted::Image => AssetKind::image(&bytes),
        Wanted::Font => font_family(&bytes).map(|_| AssetKind::Font),
    };
    let Some(kind) = kind else { return fail(AssetProblem::WrongKind) };
    if let Err(problem) = super::images::drawable(kind, &bytes) {
        return fail(problem);
    }
    Some(Asset { path, kind, bytes: Arc::from(bytes) })
}

/// The family name inside a font file; `None` when it is not a font.
fn font_family(bytes: &[u8]) -> Option<String> {
    let data = typst::foundations::Bytes::new(bytes.to_vec());
    typst::text::Font::iter(data).next().map(|font| font.info().family.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn colours_are_normalised() {
        assert_eq!(parse_colour("#1F4E79").as_deref(), Some("#1f4e79"));
        assert_eq!(parse_colour("1f4e79").as_deref(), Some("#1f4e79"));
        assert_eq!(parse_colour("#17A").as_deref(), Some("#1177aa"));
        assert_eq!(parse_colour("blue"), None);
        assert_eq!(parse_colour("#12345"), None);
    }

    #[test]
    fn images_are_known_by_their_content() {
        assert_eq!(AssetKind::image(b"\x89PNG\r\n\x1a\n...."), Some(AssetKind::Png));
        assert_eq!(AssetKind::image(&[0xFF, 0xD8, 0xFF, 0xE0]), Some(AssetKind::Jpeg));
        assert_eq!(AssetKind::image(b"<?xml version=\"1.0\"?>\n<svg xmlns=..."), Some(AssetKind::Svg));
        assert_eq!(AssetKind::image(b"GIF89a"), None);
    }

    fn read_toml(dir: &Path, text: &str) -> (PartialBranding, Problems) {
        #[derive(Deserialize)]
        struct File {
            branding: BrandingSection,
        }
        let file: File = toml::from_str(text).unwrap();
        let source = Source { file: "plan.toml", text, dir };
        let mut problems = Problems::default();
        (read(file.branding, &source, &mut problems), problems)
    }

    fn messages(problems: &Problems) -> Vec<String> {
        let m = &crate::model::Language::En.strings().messages;
        problems.sorted().iter().map(|p| format!("{}: {}", p.location, p.kind.describe(m))).collect()
    }

    #[test]
    fn files_are_read_by_content_and_stay_inside_the_folder() {
        let root = tempfile::tempdir().unwrap();
        let plan = root.path().join("client");
        std::fs::create_dir(&plan).unwrap();
        std::fs::write(plan.join("logo.png"), super::super::images::tests::png(4, 2)).unwrap();
        std::fs::write(plan.join("logo.gif"), b"GIF89a").unwrap();
        std::fs::write(root.path().join("outside.png"), b"\x89PNG\r\n\x1a\n").unwrap();
        let (branding, problems) =
            read_toml(&plan, "[branding]\nlogo = \"logo.png\"\nprimary = \"#0B5563\"\n");
        assert!(problems.is_empty(), "{:?}", messages(&problems));
        assert_eq!(branding.logo.unwrap().kind, AssetKind::Png);
        assert_eq!(branding.primary.as_deref(), Some("#0b5563"));
        let text = "[branding]\nlogo = \"../outside.png\"\naccent = \"orange\"\nfont = \"logo.gif\"\n";
        let (branding, problems) = read_toml(&plan, text);
        assert!(branding.logo.is_none() && branding.accent.is_none() && branding.fonts.is_empty());
        let messages = messages(&problems);
        assert_eq!(messages.len(), 3, "{messages:?}");
        assert!(messages[0].starts_with("plan.toml:2:8: branding.logo = \"../outside.png\""), "{messages:?}");
        assert!(messages[0].contains("a path may not lead out of it"), "{messages:?}");
        assert!(messages[1].contains("branding.accent = \"orange\""), "{messages:?}");
        assert!(messages[2].contains("not one"), "{messages:?}");
    }

    #[test]
    fn a_plan_overrides_the_batch_key_by_key() {
        let batch = PartialBranding {
            primary: Some("#111111".into()),
            accent: Some("#222222".into()),
            cover_text: Some("Batch".into()),
            prepared_by: Some(PartialPreparedBy {
                name: Some("Advies BV".into()),
                email: Some("a@b.be".into()),
                ..Default::default()
            }),
            ..Default::default()
        };
        let own = PartialBranding {
            primary: Some("#333333".into()),
            prepared_by: Some(PartialPreparedBy { email: Some("client@b.be".into()), ..Default::default() }),
            ..Default::default()
        };
        let (merged, nameless) = merge(own, &batch);
        assert!(nameless.is_none());
        assert_eq!(merged.primary.as_deref(), Some("#333333"));
        assert_eq!(merged.accent.as_deref(), Some("#222222"));
        assert_eq!(merged.cover_text.as_deref(), Some("Batch"));
        let by = merged.prepared_by.unwrap();
        assert_eq!((by.name.as_str(), by.email.as_deref()), ("Advies BV", Some("client@b.be")));
        // A block nobody names is handed back to be reported.
        let own = PartialBranding { prepared_by: Some(PartialPreparedBy::default()), ..Default::default() };
        let (merged, nameless) = merge(own, &PartialBranding::default());
        assert!(merged.prepared_by.is_none() && nameless.is_some());
    }
}
