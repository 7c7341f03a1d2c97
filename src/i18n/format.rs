use jiff::civil::Date;
use serde::Deserialize;

/// How a language writes numbers: `1.234,5` (nl), `1 234,5` (fr), `1,234.5` (en).
#[derive(Debug, Clone, Deserialize)]
pub struct NumberStyle {
    pub decimal: String,
    pub group: String,
    /// Pattern with `{}` for the number, e.g. `"{}%"` or `"{} %"`.
    pub percent: String,
    /// Pattern with `{}` for the amount, e.g. `"€ {}"` or `"{} €"`.
    pub currency: String,
}

impl NumberStyle {
    /// `x` with `digits` decimals and grouped thousands.
    pub fn decimal(&self, x: f64, digits: usize) -> String {
        let rounded = format!("{:.*}", digits, x.abs());
        let (int_part, frac_part) = rounded.split_once('.').unwrap_or((&rounded, ""));
        let mut out = String::with_capacity(rounded.len() + 4);
        let is_zero = rounded.bytes().all(|b| b == b'0' || b == b'.');
        if x.is_sign_negative() && !is_zero {
            out.push('-');
        }
        let len = int_part.len();
        for (i, c) in int_part.chars().enumerate() {
            if i > 0 && (len - i) % 3 == 0 {
                out.push_str(&self.group);
            }
            out.push(c);
        }
        if !frac_part.is_empty() {
            out.push_str(&self.decimal);
            out.push_str(frac_part);
        }
        out
    }

    pub fn integer(&self, x: f64) -> String {
        self.decimal(x, 0)
    }

    /// A ratio (0.125) as a percentage ("12,5%").
    pub fn percent(&self, ratio: f64, digits: usize) -> String {
        self.percent.replace("{}", &self.decimal(ratio * 100.0, digits))
    }

    /// Whole euros ("€ 12.500").
    pub fn euro(&self, amount: f64) -> String {
        self.currency.replace("{}", &self.decimal(amount, 0))
    }
}

/// How one language writes dates: its month names and long date pattern.
#[derive(Debug, Clone, Deserialize)]
pub struct DateStyle {
    pub(crate) months: [String; 12],
    /// Pattern with `{day}`, `{month}` and `{year}`.
    pub(crate) long: String,
    /// How the first day of a month is written (`1er` in French).
    #[serde(default)]
    pub(crate) first_day: Option<String>,
}

impl DateStyle {
    /// "31 december 2026", "1er janvier 2027".
    pub fn long(&self, date: Date) -> String {
        let day = match (&self.first_day, date.day()) {
            (Some(first), 1) => first.clone(),
            (_, day) => day.to_string(),
        };
        let month = &self.months[usize::from(date.month().unsigned_abs()) - 1];
        self.long.replace("{day}", &day).replace("{month}", month).replace("{year}", &date.year().to_string())
    }

    /// "31/12/2026": the Belgian short form, in every language.
    pub fn short(&self, date: Date) -> String {
        format!("{:02}/{:02}/{}", date.day(), date.month(), date.year())
    }
}

#[cfg(test)]
mod tests {
    use crate::model::Language;
    use jiff::civil::date;

    #[test]
    fn numbers_follow_the_language() {
        let nl = &Language::Nl.strings().number;
        let fr = &Language::Fr.strings().number;
        let en = &Language::En.strings().number;
        assert_eq!(nl.decimal(1234.5, 1), "1.234,5");
        assert_eq!(fr.decimal(1234.5, 1), "1\u{202f}234,5");
        assert_eq!(en.decimal(1234.5, 1), "1,234.5");
        assert_eq!(nl.decimal(1234567.0, 0), "1.234.567");
        assert_eq!(nl.decimal(999.96, 1), "1.000,0");
        assert_eq!(nl.decimal(-0.01, 1), "0,0");
        assert_eq!(nl.decimal(-12.26, 1), "-12,3");
        assert_eq!(nl.percent(0.125, 1), "12,5%");
        assert_eq!(fr.percent(0.125, 1), "12,5\u{a0}%");
        assert_eq!(nl.euro(12500.0), "€\u{a0}12.500");
        assert_eq!(fr.euro(12500.0), "12\u{202f}500\u{a0}€");
        assert_eq!(en.euro(12500.0), "€12,500");
    }

    #[test]
    fn dates_follow_the_language() {
        let day = date(2026, 12, 31);
        assert_eq!(Language::Nl.strings().date.long(day), "31 december 2026");
        assert_eq!(Language::En.strings().date.long(day), "31 December 2026");
        assert_eq!(Language::Fr.strings().date.long(date(2027, 1, 1)), "1er janvier 2027");
        assert_eq!(Language::Fr.strings().date.short(day), "31/12/2026");
    }
}
