//! The optional sheet of FTE declared to the RSZ/ONSS at each quarter's end.

use super::reader::RowReader;
use super::table::Table;
use crate::config::fields::QuarterField as F;
use crate::model::{QuarterFte, Settings};
use crate::problem::{ProblemKind, Problems};

/// The quarters; `people` is how many employees the employees sheet holds:
/// a quarter declaring more FTE than that is said (a sum over several
/// entities, or another company's figures?).
pub fn read(
    table: &Table<F>,
    settings: &Settings,
    people: usize,
    problems: &mut Problems,
) -> Vec<QuarterFte> {
    let mut quarters: Vec<QuarterFte> = Vec::new();
    for row in table.rows() {
        let mut r = RowReader::new(&row, problems, settings);
        let text = r.required_text(F::Quarter);
        let year = if r.is_empty(F::Year) { None } else { r.whole_number(F::Year) };
        let quarter =
            text.as_deref().and_then(|t| parse_quarter(t, year.and_then(|y| i16::try_from(y).ok())));
        if let (Some(t), None) = (&text, quarter) {
            let kind = ProblemKind::UnknownCode {
                column: r.header(F::Quarter),
                value: t.clone(),
                expected: vec!["2025-Q4".into(), "Q1 2026".into(), "4/2025".into()],
            };
            r.fail(F::Quarter, kind);
        }
        let fte = r.amount(F::Fte);
        if r.is_empty(F::Fte) {
            r.missing(F::Fte);
        }
        if let Some(declared) = fte.filter(|f| people > 0 && *f > people as f64) {
            let kind = ProblemKind::QuarterAboveWorkforce {
                value: r.shown(F::Fte),
                people: people.to_string(),
                declared: declared.to_string(),
            };
            r.warn(F::Fte, kind);
        }
        if let (true, Some((year, quarter)), Some(fte)) = (r.ok(), quarter, fte) {
            match quarters.iter_mut().find(|q| q.year == year && q.quarter == quarter) {
                // A quarter listed twice (e.g. per establishment unit) is summed.
                Some(q) => q.fte += fte,
                None => quarters.push(QuarterFte { year, quarter, fte }),
            }
        }
    }
    quarters
}

/// "2025-Q4", "Q4 2025", "T4 2025", "4/2025", "4e kwartaal 2025", or a bare
/// quarter number when the year is in a column of its own.
pub fn parse_quarter(text: &str, year: Option<i16>) -> Option<(i16, u8)> {
    let digits: Vec<&str> = text.split(|c: char| !c.is_ascii_digit()).filter(|s| !s.is_empty()).collect();
    let (year, rest): (i16, Vec<&str>) = match year {
        Some(y) => (y, digits),
        None => {
            let y = digits.iter().find(|d| d.len() == 4)?;
            (y.parse().ok()?, digits.iter().copied().filter(|d| d != y).collect())
        }
    };
    let [quarter] = rest[..] else { return None };
    let quarter: u8 = quarter.parse().ok()?;
    ((1..=4).contains(&quarter) && (1990..=2100).contains(&year)).then_some((year, quarter))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarters_in_many_notations() {
        for text in ["2025-Q4", "Q4 2025", "T4 2025", "4/2025", "2025/4", "4e kwartaal 2025", "K4-2025"] {
            assert_eq!(parse_quarter(text, None), Some((2025, 4)), "{text}");
        }
        assert_eq!(parse_quarter("Q2", Some(2026)), Some((2026, 2)));
        assert_eq!(parse_quarter("2", Some(2026)), Some((2026, 2)));
        assert_eq!(parse_quarter("Q5 2025", None), None);
        assert_eq!(parse_quarter("2025", None), None);
        assert_eq!(parse_quarter("Q4", None), None);
    }
}
