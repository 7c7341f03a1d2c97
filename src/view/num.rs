use crate::disclose::Cell;
use crate::i18n::Strings;
use jiff::civil::Date;
use serde::Serialize;

/// A figure as the renderers need it: the value for charts and
/// spreadsheets, the text as the plan's language writes it, and why a
/// figure without a value has none.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Num {
    /// The number; `null` when the figure is missing or withheld.
    pub value: Option<f64>,
    /// The figure as printed: "12,5", "< 5", "•", "–".
    pub text: String,
    /// Whether the figure is shown, missing or withheld.
    pub(crate) status: Status,
}

/// Why a figure has a value or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Shown with its value.
    Shown,
    /// There is no such figure (nothing to divide by, no data): "–".
    Missing,
    /// A group smaller than the minimum group size: "< 5".
    Small,
    /// Withheld with a small group: "•".
    Hidden,
}

impl Num {
    /// No figure at all ("–"), as opposed to one withheld in the council edition.
    pub fn is_missing(&self) -> bool {
        self.status == Status::Missing
    }
}

/// A date in the three forms the layout uses.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DateText {
    /// `2026-12-31`.
    pub iso: String,
    /// `31/12/2026`.
    pub short: String,
    /// `31 december 2026`.
    pub long: String,
}

/// Formats figures in the plan's language.
#[derive(Clone, Copy)]
pub struct Fmt<'s> {
    /// The plan's wording.
    pub strings: &'s Strings,
    /// The minimum group size of the edition, for "< 5".
    pub min_group_size: Option<u32>,
}

const MISSING: &str = "–";

impl<'s> Fmt<'s> {
    /// A formatter for `strings`, withholding groups below `min_group_size`.
    pub fn new(strings: &'s Strings, min_group_size: Option<u32>) -> Self {
        Self { strings, min_group_size }
    }

    fn shown(value: f64, text: String) -> Num {
        Num { value: Some(value), text, status: Status::Shown }
    }

    /// A whole number ("1.234").
    pub fn count(&self, n: u32) -> Num {
        let value = f64::from(n);
        Self::shown(value, self.strings.number.integer(value))
    }

    /// `x` with `digits` decimals.
    pub fn decimal(&self, x: f64, digits: usize) -> Num {
        Self::shown(x, self.strings.number.decimal(x, digits))
    }

    /// `x` with `digits` decimals, or "–".
    pub fn maybe_decimal(&self, x: Option<f64>, digits: usize) -> Num {
        x.map_or_else(missing, |x| self.decimal(x, digits))
    }

    /// FTE: always one decimal ("138,4").
    pub fn fte(&self, x: f64) -> Num {
        self.decimal(x, 1)
    }

    /// Hours, whole.
    pub fn hours(&self, x: f64) -> Num {
        self.decimal(x, 0)
    }

    /// A ratio as a percentage ("12,5%"), or "–".
    pub fn percent(&self, ratio: Option<f64>) -> Num {
        ratio.map_or_else(missing, |r| Self::shown(r, self.strings.number.percent(r, 1)))
    }

    /// An amount in whole euros, or "–".
    pub fn euro(&self, amount: Option<f64>) -> Num {
        amount.map_or_else(missing, |a| Self::shown(a, self.strings.number.euro(a)))
    }

    /// A count of people too small to show, e.g. "< 5".
    pub fn small(&self) -> Num {
        let k = self.min_group_size.unwrap_or_default().to_string();
        let text = crate::text::fill(&self.strings.labels.hidden_count, &[("k", &k)]);
        Num { value: None, text, status: Status::Small }
    }

    /// A figure the data does not record (a risk group without its column):
    /// "onbekend", never 0.
    pub fn unrecorded(&self) -> Num {
        Num { value: None, text: self.strings.labels.unrecorded.clone(), status: Status::Missing }
    }

    /// A figure withheld with a small group (its FTE, rate or hours).
    pub fn hidden(&self) -> Num {
        Num { value: None, text: self.strings.labels.hidden.clone(), status: Status::Hidden }
    }

    /// A disclosed figure, formatted with `shown` when the edition shows it.
    pub fn cell<T>(&self, cell: Cell<T>, shown: impl FnOnce(T) -> Num) -> Num {
        match cell {
            Cell::Shown(value) => shown(value),
            Cell::Small => self.small(),
            Cell::Hidden => self.hidden(),
        }
    }

    /// A disclosed count of people.
    pub fn count_cell(&self, cell: Cell<u32>) -> Num {
        self.cell(cell, |n| self.count(n))
    }

    /// A date as the layout writes it.
    pub fn date(&self, date: Date) -> DateText {
        let style = &self.strings.date;
        DateText { iso: date.to_string(), short: style.short(date), long: style.long(date) }
    }
}

/// "–": no such figure.
pub fn missing() -> Num {
    Num { value: None, text: MISSING.to_string(), status: Status::Missing }
}
