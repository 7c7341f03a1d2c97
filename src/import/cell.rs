//! Reading one cell as text, number, date or yes/no, whatever way the
//! spreadsheet stored it.

use calamine::Data;
use jiff::civil::Date;
use std::borrow::Cow;

/// Why a cell could not be read; the caller adds the location.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unreadable {
    NotANumber,
    NotADate,
}

/// The cell as the user sees it, for messages.
pub fn shown(cell: &Data) -> String {
    match cell {
        Data::Float(f) => shown_float(*f),
        Data::DateTime(dt) => excel_date(dt).map_or_else(|| dt.as_f64().to_string(), |d| d.to_string()),
        other => other.to_string().trim().to_string(),
    }
}

fn shown_float(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else if f.abs() >= 1e15 {
        // 1E+308 as "1e308", not as 309 digits.
        format!("{f:e}")
    } else {
        f.to_string()
    }
}

/// Text of a cell, trimmed; numbers as written (a personnel number 1001
/// stored as 1001.0 reads "1001"). `None` for an empty cell.
pub fn text(cell: &Data) -> Option<String> {
    text_ref(cell).map(Cow::into_owned)
}

/// `text`, borrowing the cell's own string where it has one.
pub fn text_ref(cell: &Data) -> Option<Cow<'_, str>> {
    match cell {
        Data::Empty => None,
        Data::String(s) => crate::text::clean(s).map(Cow::Borrowed),
        Data::Float(f) => Some(Cow::Owned(shown_float(*f))),
        Data::Int(i) => Some(Cow::Owned(i.to_string())),
        other => Some(Cow::Owned(shown(other))),
    }
}

/// Whether the cell holds nothing but white space: what `text` reads as `None`.
pub fn is_blank(cell: &Data) -> bool {
    match cell {
        Data::Empty => true,
        Data::String(s) => crate::text::clean(s).is_none(),
        _ => false,
    }
}

/// A number from a numeric cell or from text such as "1.234,5", "0,8",
/// "1,234.5", "€ 250" or "80%" (which reads 0.8).
pub fn number(cell: &Data) -> Result<Option<f64>, Unreadable> {
    match cell {
        Data::Empty => Ok(None),
        Data::Float(f) if f.is_finite() => Ok(Some(*f)),
        Data::Int(i) => Ok(Some(*i as f64)),
        Data::String(s) => match crate::text::clean(s) {
            None => Ok(None),
            Some(t) => parse_number(t).map(Some).ok_or(Unreadable::NotANumber),
        },
        _ => Err(Unreadable::NotANumber),
    }
}

pub fn parse_number(text: &str) -> Option<f64> {
    let mut t: String = text.chars().filter(|c| !c.is_whitespace() && *c != '€' && *c != '\'').collect();
    for suffix in ["EUR", "eur"] {
        if let Some(stripped) = t.strip_suffix(suffix) {
            t = stripped.to_string();
        }
    }
    let percent = t.ends_with('%');
    let t = t.trim_end_matches('%');
    let normalised = normalise_separators(t)?;
    let value: f64 = normalised.parse().ok()?;
    value.is_finite().then_some(if percent { value / 100.0 } else { value })
}

/// Decides which of `.` and `,` is the decimal separator: the last one
/// when both occur; a separator that occurs more than once groups thousands.
fn normalise_separators(t: &str) -> Option<String> {
    if t.is_empty() || !t.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '+')) {
        return None;
    }
    let dots = t.matches('.').count();
    let commas = t.matches(',').count();
    let decimal = match (dots, commas) {
        (0, 0) => None,
        (_, 0) if dots > 1 => None,
        (0, _) if commas > 1 => None,
        (_, 0) => Some('.'),
        (0, _) => Some(','),
        _ => t.rfind(['.', ',']).and_then(|i| t[i..].chars().next()),
    };
    Some(
        t.chars()
            .filter_map(|c| match c {
                '.' | ',' if Some(c) == decimal => Some('.'),
                '.' | ',' => None,
                other => Some(other),
            })
            .collect(),
    )
}

/// A date from an Excel date, an unformatted date serial, or text as
/// dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy or yyyy-mm-dd (a time part is ignored).
pub fn date(cell: &Data) -> Result<Option<Date>, Unreadable> {
    match cell {
        Data::Empty => Ok(None),
        Data::DateTime(dt) => excel_date(dt).map(Some).ok_or(Unreadable::NotADate),
        Data::DateTimeIso(s) => parse_date(s).map(Some).ok_or(Unreadable::NotADate),
        // A bare number in a date column is a date whose cell lost its format;
        // small numbers are more likely years or typos than dates before 1908.
        Data::Float(f) if *f >= 3000.0 => serial_to_date(*f).map(Some).ok_or(Unreadable::NotADate),
        Data::Int(i) if *i >= 3000 => serial_to_date(*i as f64).map(Some).ok_or(Unreadable::NotADate),
        Data::String(s) => match crate::text::clean(s) {
            None => Ok(None),
            Some(t) => parse_date(t).map(Some).ok_or(Unreadable::NotADate),
        },
        _ => Err(Unreadable::NotADate),
    }
}

/// A date cell, in either of Excel's date systems (calamine knows which).
fn excel_date(cell: &calamine::ExcelDateTime) -> Option<Date> {
    if !(1.0..2_958_466.0).contains(&cell.as_f64()) {
        return None;
    }
    let (year, month, day, ..) = cell.to_ymd_hms_milli();
    Date::new(i16::try_from(year).ok()?, month as i8, day as i8).ok()
}

/// Excel's day count for a number that lost its date format: day 1 is
/// 1900-01-01, counted from 30 December 1899 because of Lotus's phantom
/// 29 February 1900.
pub fn serial_to_date(serial: f64) -> Option<Date> {
    if !serial.is_finite() || !(61.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let epoch = Date::new(1899, 12, 30).ok()?;
    epoch.checked_add(jiff::Span::new().days(serial.floor() as i64)).ok()
}

pub fn parse_date(text: &str) -> Option<Date> {
    let date_part = text.trim().split([' ', 'T']).next()?;
    let parts: Vec<&str> = date_part.split(['/', '-', '.']).collect();
    let [a, b, c] = parts[..] else { return None };
    let numbers = |s: &str| s.parse::<i16>().ok().filter(|_| !s.is_empty() && s.len() <= 4);
    let (year, month, day) = if a.len() == 4 {
        (numbers(a)?, numbers(b)?, numbers(c)?)
    } else if c.len() == 4 {
        (numbers(c)?, numbers(b)?, numbers(a)?)
    } else {
        return None;
    };
    Date::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
}

/// Yes or no, in any of the three languages, as a boolean, or as 1/0.
pub fn yes_no(cell: &Data) -> Result<Option<bool>, ()> {
    match cell {
        Data::Empty => Ok(None),
        Data::Bool(b) => Ok(Some(*b)),
        Data::Int(1) => Ok(Some(true)),
        Data::Int(0) => Ok(Some(false)),
        Data::Float(f) if *f == 1.0 => Ok(Some(true)),
        Data::Float(f) if *f == 0.0 => Ok(Some(false)),
        Data::String(s) => match crate::text::clean(s).map(crate::text::fold).as_deref() {
            None => Ok(None),
            Some("ja" | "j" | "yes" | "y" | "oui" | "o" | "1" | "true" | "waar" | "vrai" | "x") => {
                Ok(Some(true))
            }
            Some("nee" | "neen" | "n" | "no" | "non" | "0" | "false" | "onwaar" | "faux") => Ok(Some(false)),
            Some(_) => Err(()),
        },
        _ => Err(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date as d;

    #[test]
    fn numbers_in_any_notation() {
        let n = |s: &str| number(&Data::String(s.into()));
        assert_eq!(n("0,8"), Ok(Some(0.8)));
        assert_eq!(n("0.8"), Ok(Some(0.8)));
        assert_eq!(n("1.234,5"), Ok(Some(1234.5)));
        assert_eq!(n("1,234.5"), Ok(Some(1234.5)));
        assert_eq!(n("1.234.567"), Ok(Some(1234567.0)));
        assert_eq!(n("€ 2.500,00"), Ok(Some(2500.0)));
        assert_eq!(n("250 EUR"), Ok(Some(250.0)));
        assert_eq!(n("80%"), Ok(Some(0.8)));
        assert_eq!(n("1\u{a0}250"), Ok(Some(1250.0)));
        assert_eq!(n("-3"), Ok(Some(-3.0)));
        assert_eq!(n("  "), Ok(None));
        assert_eq!(n("acht"), Err(Unreadable::NotANumber));
        assert_eq!(n("1,2,3.4.5"), Err(Unreadable::NotANumber));
        assert_eq!(number(&Data::Float(0.5)), Ok(Some(0.5)));
        assert_eq!(number(&Data::Bool(true)), Err(Unreadable::NotANumber));
    }

    #[test]
    fn dates_from_serials_and_text() {
        assert_eq!(serial_to_date(46387.0), Some(d(2026, 12, 31)));
        assert_eq!(serial_to_date(46387.75), Some(d(2026, 12, 31)));
        let dt = |v, is_1904| {
            Data::DateTime(calamine::ExcelDateTime::new(v, calamine::ExcelDateTimeType::DateTime, is_1904))
        };
        assert_eq!(date(&dt(46387.0, false)), Ok(Some(d(2026, 12, 31))));
        assert_eq!(date(&dt(44925.0, true)), Ok(Some(d(2026, 12, 31))));
        let t = |s: &str| date(&Data::String(s.into()));
        assert_eq!(t("31/12/2026"), Ok(Some(d(2026, 12, 31))));
        assert_eq!(t("1-2-1970"), Ok(Some(d(1970, 2, 1))));
        assert_eq!(t("01.02.1970"), Ok(Some(d(1970, 2, 1))));
        assert_eq!(t("2026-12-31"), Ok(Some(d(2026, 12, 31))));
        assert_eq!(t("2026-12-31 00:00:00"), Ok(Some(d(2026, 12, 31))));
        assert_eq!(t("31/02/2026"), Err(Unreadable::NotADate));
        assert_eq!(t("31/12/26"), Err(Unreadable::NotADate));
        assert_eq!(t("morgen"), Err(Unreadable::NotADate));
        assert_eq!(date(&Data::Float(46387.0)), Ok(Some(d(2026, 12, 31))));
        assert_eq!(date(&Data::Int(2026)), Err(Unreadable::NotADate));
    }

    #[test]
    fn yes_no_in_three_languages() {
        let s = |v: &str| yes_no(&Data::String(v.into()));
        assert_eq!(s("Ja"), Ok(Some(true)));
        assert_eq!(s("oui"), Ok(Some(true)));
        assert_eq!(s("NEE"), Ok(Some(false)));
        assert_eq!(s("non"), Ok(Some(false)));
        assert_eq!(s("misschien"), Err(()));
        assert_eq!(yes_no(&Data::Bool(true)), Ok(Some(true)));
        assert_eq!(yes_no(&Data::Int(0)), Ok(Some(false)));
        assert_eq!(yes_no(&Data::Empty), Ok(None));
    }

    #[test]
    fn personnel_numbers_read_as_written() {
        assert_eq!(text(&Data::Float(1001.0)).as_deref(), Some("1001"));
        assert_eq!(text(&Data::String(" A-17\u{a0}".into())).as_deref(), Some("A-17"));
        assert_eq!(text(&Data::String("   ".into())), None);
    }
}
