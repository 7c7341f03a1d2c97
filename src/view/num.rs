use crate::i18n::Strings;
use jiff::civil::Date;
use serde::Serialize;

/// A figure as the renderers need it: the value for charts and
/// spreadsheets, the text as the plan's language writes it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Num {
    pub value: Option<f64>,
    pub text: String,
}

impl Num {
    /// No figure at all ("–"), as opposed to one hidden in the council edition.
    pub fn is_missing(&self) -> bool {
        self.value.is_none() && self.text == MISSING
    }
}

/// A date in the three forms the layout uses.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DateText {
    pub iso: String,
    pub short: String,
    pub long: String,
}

/// Formats figures in the plan's language.
#[derive(Clone, Copy)]
pub struct Fmt<'s> {
    pub strings: &'s Strings,
}

const MISSING: &str = "–";

impl<'s> Fmt<'s> {
    pub fn new(strings: &'s Strings) -> Self {
        Self { strings }
    }

    pub fn count(&self, n: u32) -> Num {
        let value = f64::from(n);
        Num { value: Some(value), text: self.strings.number.integer(value) }
    }

    pub fn decimal(&self, x: f64, digits: usize) -> Num {
        Num { value: Some(x), text: self.strings.number.decimal(x, digits) }
    }

    pub fn maybe_decimal(&self, x: Option<f64>, digits: usize) -> Num {
        x.map_or_else(missing, |x| self.decimal(x, digits))
    }

    /// FTE: always one decimal ("138,4").
    pub fn fte(&self, x: f64) -> Num {
        self.decimal(x, 1)
    }

    pub fn hours(&self, x: f64) -> Num {
        self.decimal(x, 0)
    }

    pub fn percent(&self, ratio: Option<f64>) -> Num {
        ratio.map_or_else(missing, |r| Num { value: Some(r), text: self.strings.number.percent(r, 1) })
    }

    pub fn euro(&self, amount: Option<f64>) -> Num {
        amount.map_or_else(missing, |a| Num { value: Some(a), text: self.strings.number.euro(a) })
    }

    /// A count of people too small to show, e.g. "< 5".
    pub fn hidden_count(&self, k: u32) -> Num {
        Num { value: None, text: self.strings.labels.hidden_count.replace("{k}", &k.to_string()) }
    }

    /// A figure about a group too small to show (its FTE, rate or hours).
    pub fn hidden(&self) -> Num {
        Num { value: None, text: self.strings.labels.hidden.clone() }
    }

    pub fn date(&self, date: Date) -> DateText {
        let style = &self.strings.date;
        DateText { iso: date.to_string(), short: style.short(date), long: style.long(date) }
    }
}

fn missing() -> Num {
    Num { value: None, text: MISSING.to_string() }
}
