//! Dates written as text, the way exports write them: `31/12/1975`,
//! `12/31/75`, `1975-12-31`. Whether the day or the month comes first is
//! decided once per column, from the values that can only be read one way,
//! never guessed per cell; a two-digit year is completed so that a birth
//! date never falls after the reference date and any other date lies
//! nearest the plan year.

use jiff::civil::Date;

/// Which of a date's first two numbers is the day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    /// 31/12/1975: the Belgian way, and the default.
    DayFirst,
    /// 12/31/1975: the American way.
    MonthFirst,
}

/// How a column's text dates are read, decided once for the whole column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ColumnOrder {
    /// In this order. `evidence` is the first value (row, column, text)
    /// that can only be read this way; `None` when there are no text dates
    /// (and the order does not matter).
    Decided {
        /// The order.
        order: Order,
        /// Why.
        evidence: Option<(u32, u32, String)>,
    },
    /// Every text date in it reads both ways (4/5/1987): an example.
    Ambiguous {
        /// The first ambiguous value, with its row and column.
        example: (u32, u32, String),
    },
}

/// A date as written: year first, or three numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Written {
    /// 1975-12-31.
    YearFirst { year: i16, month: u8, day: u8 },
    /// 31/12/1975 or 12/31/75: which is the day depends on the order.
    Numbers { first: u8, second: u8, year: i16, short_year: bool },
}

/// How a two-digit year is completed.
#[derive(Clone, Copy, Debug)]
pub enum Century {
    /// A birth date: the latest year that puts it on or before this date.
    NotAfter(Date),
    /// Any other date: the year nearest to this one.
    Near(i16),
}

impl Century {
    /// The full year of `short` (0-99) for a date on `month`/`day`.
    fn complete(self, short: i16, month: i8, day: i8) -> i16 {
        match self {
            Century::NotAfter(limit) => {
                let this = limit.year() - limit.year().rem_euclid(100) + short;
                let fits = Date::new(this, month, day).is_ok_and(|d| d <= limit);
                if fits { this } else { this - 100 }
            }
            Century::Near(year) => {
                let base = year - year.rem_euclid(100) + short;
                [base - 100, base, base + 100].into_iter().min_by_key(|y| (y - year).abs()).unwrap_or(base)
            }
        }
    }
}

/// The parts of a text date, or `None` when it is not written as one.
fn written(text: &str) -> Option<Written> {
    let date_part = text.trim().split([' ', 'T']).next()?;
    let parts: Vec<&str> = date_part.split(['/', '-', '.']).collect();
    let [a, b, c] = parts[..] else { return None };
    let number = |s: &str| s.parse::<u16>().ok().filter(|_| (1..=4).contains(&s.len()));
    if a.len() == 4 {
        let (year, month, day) = (number(a)?, number(b)?, number(c)?);
        return Some(Written::YearFirst {
            year: year as i16,
            month: u8::try_from(month).ok()?,
            day: u8::try_from(day).ok()?,
        });
    }
    let (first, second) = (u8::try_from(number(a)?).ok()?, u8::try_from(number(b)?).ok()?);
    if a.len() > 2 || b.len() > 2 {
        return None;
    }
    match c.len() {
        4 => Some(Written::Numbers { first, second, year: number(c)? as i16, short_year: false }),
        2 => Some(Written::Numbers { first, second, year: number(c)? as i16, short_year: true }),
        _ => None,
    }
}

/// `text` as a date read in `order`, or `None` when it is none.
pub fn parse(text: &str, order: Order, century: Century) -> Option<Date> {
    let (year, month, day, short) = match written(text)? {
        Written::YearFirst { year, month, day } => (year, month, day, false),
        Written::Numbers { first, second, year, short_year } => match order {
            Order::DayFirst => (year, second, first, short_year),
            Order::MonthFirst => (year, first, second, short_year),
        },
    };
    let (month, day) = (i8::try_from(month).ok()?, i8::try_from(day).ok()?);
    let year = if short { century.complete(year, month, day) } else { year };
    Date::new(year, month, day).ok()
}

/// A date a pattern read, with a year written in two digits (`%y`, or
/// `%Y` given `83`) completed by `century`.
pub fn complete_year(date: Date, pattern: &str, century: Century) -> Option<Date> {
    if pattern.contains("%y") || date.year() < 100 {
        let year = century.complete(date.year().rem_euclid(100), date.month(), date.day());
        return Date::new(year, date.month(), date.day()).ok();
    }
    Some(date)
}

/// The order for text values `values` (row, column, text): a column's, or
/// a whole sheet's (an export writes all its dates one way).
pub fn decide<'a>(values: impl Iterator<Item = (u32, u32, &'a str)>) -> ColumnOrder {
    let (mut day_first, mut month_first) = (Vec::new(), Vec::new());
    let mut ambiguous = None;
    for (row, column, text) in values {
        let Some(Written::Numbers { first, second, .. }) = written(text) else { continue };
        let as_day = (1..=31).contains(&first) && (1..=12).contains(&second);
        let as_month = (1..=12).contains(&first) && (1..=31).contains(&second);
        match (as_day, as_month) {
            (true, false) => day_first.push((row, column, text.trim().to_string())),
            (false, true) => month_first.push((row, column, text.trim().to_string())),
            (true, true) if first != second && ambiguous.is_none() => {
                ambiguous = Some((row, column, text.trim().to_string()));
            }
            _ => {}
        }
    }
    // Where both kinds occur, the more common one decides and the others
    // are errors at their cells; a tie keeps the Belgian order.
    if month_first.len() > day_first.len() {
        return ColumnOrder::Decided { order: Order::MonthFirst, evidence: month_first.into_iter().next() };
    }
    if !day_first.is_empty() {
        return ColumnOrder::Decided { order: Order::DayFirst, evidence: day_first.into_iter().next() };
    }
    match ambiguous {
        Some(example) => ColumnOrder::Ambiguous { example },
        None => ColumnOrder::Decided { order: Order::DayFirst, evidence: None },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    const BIRTH: Century = Century::NotAfter(date(2026, 12, 31));

    #[test]
    fn a_column_is_month_first_when_a_value_can_only_be_so() {
        let values = [(1, 0, "4/5/1987"), (2, 0, "12/31/1975"), (3, 0, "1/1/2000")];
        let evidence = Some((2, 0, "12/31/1975".into()));
        assert_eq!(decide(values.into_iter()), ColumnOrder::Decided { order: Order::MonthFirst, evidence });
        let belgian = [(1, 0, "04/05/1987"), (2, 0, "31/12/1975")];
        let evidence = Some((2, 0, "31/12/1975".into()));
        assert_eq!(decide(belgian.into_iter()), ColumnOrder::Decided { order: Order::DayFirst, evidence });
        let unclear = [(1, 0, "1/1/2000"), (2, 0, "4/5/1987"), (3, 0, "6/7/1990")];
        assert_eq!(
            decide(unclear.into_iter()),
            ColumnOrder::Ambiguous { example: (2, 0, "4/5/1987".into()) }
        );
        let iso = decide([(1, 0, "1975-12-31")].into_iter());
        assert_eq!(iso, ColumnOrder::Decided { order: Order::DayFirst, evidence: None });
    }

    #[test]
    fn two_digit_years_never_put_a_birth_after_the_reference_date() {
        assert_eq!(parse("07/10/83", Order::MonthFirst, BIRTH), Some(date(1983, 7, 10)));
        assert_eq!(parse("1/1/51", Order::MonthFirst, BIRTH), Some(date(1951, 1, 1)));
        assert_eq!(parse("1/1/05", Order::DayFirst, BIRTH), Some(date(2005, 1, 1)));
        // 31 December 26 is the reference date itself; 1 January 27 is after it.
        assert_eq!(parse("31/12/26", Order::DayFirst, BIRTH), Some(date(2026, 12, 31)));
        assert_eq!(parse("01/01/27", Order::DayFirst, BIRTH), Some(date(1927, 1, 1)));
        let hired = Century::Near(2027);
        assert_eq!(parse("3/4/99", Order::DayFirst, hired), Some(date(1999, 4, 3)));
        assert_eq!(parse("3/4/14", Order::DayFirst, hired), Some(date(2014, 4, 3)));
        assert_eq!(parse("30/6/28", Order::DayFirst, hired), Some(date(2028, 6, 30)));
        assert_eq!(parse("31/2/1999", Order::DayFirst, hired), None);
        assert_eq!(parse("2026-06-30", Order::MonthFirst, hired), Some(date(2026, 6, 30)));
        assert_eq!(parse("12/31/75", Order::DayFirst, BIRTH), None);
    }

    #[test]
    fn a_pattern_with_a_two_digit_year_is_completed_the_same_way() {
        let read = date(2068, 7, 10); // jiff's %y for "68"
        assert_eq!(complete_year(read, "%m/%d/%y", BIRTH), Some(date(1968, 7, 10)));
        assert_eq!(complete_year(date(83, 7, 10), "%m/%d/%Y", BIRTH), Some(date(1983, 7, 10)));
        assert_eq!(complete_year(date(1983, 7, 10), "%m/%d/%Y", BIRTH), Some(date(1983, 7, 10)));
    }
}
