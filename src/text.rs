//! Text normalisation shared by header matching, code vocabularies and
//! country lookup: HR exports spell the same word in many ways.

/// Folds `s` to a comparison key: lower case, accents removed, every run of
/// punctuation or whitespace (including non-breaking spaces) turned into a
/// single space, trimmed. `"  Duur (uren) "` and `"duur-uren"` both become
/// `"duur uren"`; `"Nationalité"` becomes `"nationalite"`.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() || c == '+' || c == '<' || c == '>' {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            push_without_accent(c, &mut out);
        } else {
            pending_space = true;
        }
    }
    out
}

fn push_without_accent(c: char, out: &mut String) {
    let base = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ą' | 'ă' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' | 'ė' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => 'i',
        'ł' | 'ľ' | 'ĺ' => 'l',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ř' | 'ŕ' => 'r',
        'ś' | 'š' | 'ş' | 'ș' => 's',
        'ť' | 'ţ' | 'ț' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        'ß' => return out.push_str("ss"),
        'æ' => return out.push_str("ae"),
        'œ' => return out.push_str("oe"),
        other => other,
    };
    out.push(base);
}

/// Whether a count as shown takes the singular: it is one. (French also
/// puts zero in the singular; messages never count zero things.)
fn is_one(shown: &str) -> bool {
    shown.trim() == "1"
}

/// Replaces each `{name}` in `template` by its value, in one pass: a value
/// that itself holds `{name}` (an organisation called "{pages} BV") stays
/// as written. A placeholder without a value stays as it is.
/// `{count|rij|rijen}` is the word for one or for more, after `count`.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        // `{count|opleiding|opleidingen}`: the word for one or for more,
        // after the value of `count`.
        if let Some((inner, len)) = after.find('}').map(|close| (&after[..close], close))
            && let Some((name, forms)) = inner.split_once('|')
            && let Some((one, other)) = forms.split_once('|')
            && let Some((_, value)) = values.iter().find(|(n, _)| *n == name)
        {
            out.push_str(if is_one(value) { one } else { other });
            rest = &after[len + 1..];
            continue;
        }
        let name = after
            .find('}')
            .map(|close| &after[..close])
            .filter(|name| !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'));
        match name {
            Some(name) => {
                match values.iter().find(|(n, _)| *n == name) {
                    Some((_, value)) => out.push_str(value),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[name.len() + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Trims a cell's text, treating non-breaking and other Unicode spaces as
/// whitespace; returns `None` for text that is empty after trimming.
pub fn clean(s: &str) -> Option<&str> {
    let trimmed = s.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    (!trimmed.is_empty()).then_some(trimmed)
}

/// The longest slug: a file name holds it with room to spare (a year, a
/// word, an extension), on every file system.
const SLUG_LIMIT: usize = 80;

/// A file-name-safe, lower-case, ASCII slug: `"Voorbeeld NV"` →
/// `"voorbeeld-nv"`, cut after a whole word at [`SLUG_LIMIT`] characters.
pub fn slug(s: &str) -> String {
    let full = full_slug(s);
    if full.len() <= SLUG_LIMIT {
        return full;
    }
    let cut = full[..=SLUG_LIMIT].rfind('-').filter(|&i| i > 0).unwrap_or(SLUG_LIMIT);
    full[..cut].to_string()
}

/// [`slug`] without a length limit, as release 0.1.0 named its folders.
pub fn full_slug(s: &str) -> String {
    let folded = fold(s);
    let slug: String = folded.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
    let mut out = String::with_capacity(slug.len());
    for part in slug.split('-').filter(|p| !p.is_empty()) {
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(part);
    }
    if out.is_empty() {
        out.push_str("plan");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counted_words_agree_with_their_count() {
        let template = "{count} {count|rij|rijen}";
        assert_eq!(fill(template, &[("count", "1")]), "1 rij");
        assert_eq!(fill(template, &[("count", "2")]), "2 rijen");
        assert_eq!(fill(template, &[("count", "< 5")]), "< 5 rijen");
        assert_eq!(fill("{n|a|b}", &[]), "{n|a|b}");
    }

    #[test]
    fn fill_substitutes_in_one_pass() {
        let values = [("organisation", "{pages} & {title} BV"), ("pages", "22"), ("title", "Plan")];
        assert_eq!(fill("{organisation}: {pages} pages", &values), "{pages} & {title} BV: 22 pages");
        assert_eq!(fill("{unknown} {pages}", &values), "{unknown} 22");
        assert_eq!(fill("a { b } {} {pages", &values), "a { b } {} {pages");
        assert_eq!(fill("< {k}", &[("k", "5")]), "< 5");
        assert_eq!(fill("ü{pages}ü", &values), "ü22ü");
    }

    #[test]
    fn fold_ignores_case_accents_and_punctuation() {
        assert_eq!(fold("  Duur (uren) "), "duur uren");
        assert_eq!(fold("duur-uren"), "duur uren");
        assert_eq!(fold("Nationalité"), "nationalite");
        assert_eq!(fold("DATUM\u{a0}IN  DIENST"), "datum in dienst");
        assert_eq!(fold("50+"), "50+");
        assert_eq!(fold("Œuvre"), "oeuvre");
    }

    #[test]
    fn clean_trims_unicode_spaces() {
        assert_eq!(clean("\u{a0} Jan \u{2007}"), Some("Jan"));
        assert_eq!(clean(" \u{a0} "), None);
    }

    #[test]
    fn long_slugs_are_cut_after_a_word() {
        let name = "Vereniging zonder winstoogmerk ".repeat(8);
        let slug = slug(&name);
        assert!(slug.len() <= 80 && slug.starts_with("vereniging-zonder"), "{slug}");
        assert!(!slug.ends_with('-') && full_slug(&name).starts_with(&slug));
        assert!(full_slug(&name).len() > 200);
        let one_word = "x".repeat(300);
        assert_eq!(super::slug(&one_word).len(), 80);
    }

    #[test]
    fn slug_is_ascii_and_dashed() {
        assert_eq!(slug("Voorbeeld NV"), "voorbeeld-nv");
        assert_eq!(slug("Société Générale (Gent)"), "societe-generale-gent");
        assert_eq!(slug("***"), "plan");
    }
}

/// A plain-text table for the terminal: columns as wide as their widest
/// cell, two spaces apart, the columns in `right` aligned right (figures),
/// the last column unpadded. Ends with a newline.
pub fn table(header: &[String], rows: &[Vec<String>], right: &[usize]) -> String {
    let columns = header.len();
    let width = |c: usize| {
        std::iter::once(header)
            .chain(rows.iter().map(Vec::as_slice))
            .map(|r| r.get(c).map_or(0, |t| t.chars().count()))
            .max()
            .unwrap_or(0)
    };
    let widths: Vec<usize> = (0..columns).map(width).collect();
    let line = |cells: &[String]| {
        let mut out = String::new();
        for (c, cell) in cells.iter().enumerate().take(columns) {
            let pad = " ".repeat(widths[c].saturating_sub(cell.chars().count()));
            match (c + 1 == columns, right.contains(&c)) {
                (_, true) => out.push_str(&format!("{pad}{cell}")),
                (true, false) => out.push_str(cell),
                (false, false) => out.push_str(&format!("{cell}{pad}")),
            }
            if c + 1 < columns {
                out.push_str("  ");
            }
        }
        out.trim_end().to_string() + "\n"
    };
    std::iter::once(line(header)).chain(rows.iter().map(|r| line(r))).collect()
}

#[cfg(test)]
mod table_tests {
    #[test]
    fn columns_line_up() {
        let header = vec!["Naam".to_string(), "Pagina's".to_string(), "Map".to_string()];
        let rows = vec![
            vec!["Bakkerij".to_string(), "22".to_string(), "out/a".to_string()],
            vec!["X".to_string(), "3".to_string(), "out/bb".to_string()],
        ];
        let text = super::table(&header, &rows, &[1]);
        assert_eq!(text, "Naam      Pagina's  Map\nBakkerij        22  out/a\nX                3  out/bb\n");
    }
}
