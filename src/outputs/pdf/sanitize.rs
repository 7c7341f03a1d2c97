//! The view's JSON made safe to typeset: whatever a workbook or plan.toml
//! holds, the layout receives only text the bundled fonts can show. `check`
//! has already reported each such character at its cell or line; this is
//! where the promise "one character never fails a build" is kept. (Words
//! too long for a line are the layout's concern: the theme breaks them,
//! which touches only text that is shown, never a path or a MIME type.)

use crate::glyphs::{self, REPLACEMENT};

/// `json` (as serde_json writes it) with, inside its strings, control
/// characters removed, characters no bundled font has replaced by
/// [`REPLACEMENT`]. Paths the layout reads files by are left alone.
pub fn for_typesetting(json: &[u8]) -> Vec<u8> {
    let Ok(text) = std::str::from_utf8(json) else { return json.to_vec() };
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('"') {
        out.push_str(&rest[..=open]);
        let body = &rest[open + 1..];
        let close = closing_quote(body);
        out_string(&body[..close], &mut out);
        rest = &body[close..];
        if let Some(after) = rest.strip_prefix('"') {
            out.push('"');
            rest = after;
        }
    }
    out.push_str(rest);
    out.into_bytes()
}

/// Where the string that `body` starts ends: its closing quote, past any
/// escaped ones.
fn closing_quote(body: &str) -> usize {
    let bytes = body.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'\\' => at += 2,
            b'"' => return at,
            _ => at += 1,
        }
    }
    bytes.len()
}

fn out_string(body: &str, out: &mut String) {
    let plain = body.bytes().all(|b| (0x20..0x7f).contains(&b) && b != b'\\');
    if plain || is_path(body) {
        out.push_str(body);
        return;
    }
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            let escape = escape(&mut chars);
            if !escape.is_control {
                out.push('\\');
                out.push_str(&escape.text);
            }
        } else if !glyphs::is_control(c) {
            out.push(if glyphs::covered(c) { c } else { REPLACEMENT });
        }
    }
}

/// A virtual path such as "/branding/logo.png": read by the layout, never
/// shown, so never changed.
fn is_path(body: &str) -> bool {
    body.starts_with('/')
        && body.len() <= 255
        && body.chars().all(|c| c != '\\' && !c.is_whitespace() && glyphs::covered(c))
}

/// One escape after its backslash: what to write back, and whether it
/// stands for a control character.
struct Escape {
    text: String,
    is_control: bool,
}

fn escape(chars: &mut std::str::Chars<'_>) -> Escape {
    let Some(kind) = chars.next() else {
        return Escape { text: String::new(), is_control: true };
    };
    match kind {
        'u' => {
            let hex: String = chars.by_ref().take(4).collect();
            let code = u32::from_str_radix(&hex, 16).unwrap_or(0);
            let c = char::from_u32(code).unwrap_or('\0');
            Escape { is_control: glyphs::is_control(c), text: format!("u{hex}") }
        }
        'b' | 'f' => Escape { text: String::new(), is_control: true },
        _ => Escape { text: kind.to_string(), is_control: false },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(value: &serde_json::Value) -> serde_json::Value {
        let json = serde_json::to_vec(value).unwrap();
        serde_json::from_slice(&for_typesetting(&json)).expect("still JSON")
    }

    #[test]
    fn text_the_fonts_cannot_show_is_replaced_or_removed() {
        let value = serde_json::json!({
            "name": "Ana\u{7}is \u{10FFFD} \"quoted\" \\ back\u{1b}slash\u{85}",
            "list": ["محمد", "王芳", "a\nb\tc"],
        });
        let cleaned = clean(&value);
        assert_eq!(cleaned["name"], "Anais \u{25A1} \"quoted\" \\ backslash");
        assert_eq!(cleaned["list"], serde_json::json!(["محمد", "王芳", "a\nb\tc"]));
    }

    #[test]
    fn paths_and_identifiers_are_left_alone() {
        let path = format!("/branding/{}.png", "l".repeat(60));
        let mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        let value = serde_json::json!({ "logo": path, "mime": mime });
        assert_eq!(clean(&value), value);
    }

    proptest::proptest! {
        #[test]
        fn any_text_stays_valid_json_and_keeps_what_can_be_shown(text in "\\PC*|[\\u{0}-\\u{ff}]*") {
            let cleaned = clean(&serde_json::json!([text, 1]));
            let out = cleaned[0].as_str().unwrap();
            let expected: String = text
                .chars()
                .filter(|c| !glyphs::is_control(*c))
                .map(|c| if glyphs::covered(c) { c } else { REPLACEMENT })
                .collect();
            proptest::prop_assert_eq!(out, expected);
            proptest::prop_assert_eq!(&cleaned[1], 1);
        }
    }
}
