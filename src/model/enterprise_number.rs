use std::fmt;

/// A Belgian enterprise number (KBO/BCE): ten digits, the last two a mod-97
/// check on the first eight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EnterpriseNumber(u64);

impl EnterpriseNumber {
    /// 0000.000.097, which passes the check but belongs to no one; used only
    /// while problems are collected, never in a plan.
    pub const STAND_IN: EnterpriseNumber = EnterpriseNumber(97);

    /// Accepts the usual spellings ("0403.019.261", "BE 0403 019 261",
    /// "403019261"); `None` unless the digits pass the check.
    pub fn parse(input: &str) -> Option<Self> {
        let trimmed = input.trim();
        let without_country =
            trimmed.strip_prefix("BE").or_else(|| trimmed.strip_prefix("be")).unwrap_or(trimmed);
        let mut digits = String::with_capacity(10);
        for c in without_country.chars() {
            match c {
                '0'..='9' => digits.push(c),
                '.' | ' ' | '-' | '\u{a0}' => {}
                _ => return None,
            }
        }
        if digits.len() == 9 {
            digits.insert(0, '0');
        }
        if digits.len() != 10 || !digits.starts_with(['0', '1']) {
            return None;
        }
        let number: u64 = digits.parse().ok()?;
        let (base, check) = (number / 100, number % 100);
        (97 - base % 97 == check).then_some(Self(number))
    }
}

impl EnterpriseNumber {
    /// [`EnterpriseNumber::parse`] of ten plain digits, usable in constants.
    pub const fn parse_const(digits: &str) -> Option<Self> {
        let bytes = digits.as_bytes();
        if bytes.len() != 10 {
            return None;
        }
        let mut number: u64 = 0;
        let mut i = 0;
        while i < 10 {
            if !bytes[i].is_ascii_digit() {
                return None;
            }
            number = number * 10 + (bytes[i] - b'0') as u64;
            i += 1;
        }
        let (base, check) = (number / 100, number % 100);
        if 97 - base % 97 == check && (bytes[0] == b'0' || bytes[0] == b'1') {
            Some(Self(number))
        } else {
            None
        }
    }

    /// The ten digits, as archive folders start with them: `0403019261`.
    pub fn digits(self) -> String {
        format!("{:010}", self.0)
    }
}

impl serde::Serialize for EnterpriseNumber {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for EnterpriseNumber {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("not an enterprise number: {text}")))
    }
}

impl fmt::Display for EnterpriseNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let digits = format!("{:010}", self.0);
        write!(f, "{}.{}.{}", &digits[..4], &digits[4..7], &digits[7..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_valid_numbers_in_any_spelling() {
        for spelling in ["0403.019.261", "BE 0403 019 261", "403019261", "0403019261"] {
            let number = EnterpriseNumber::parse(spelling).expect(spelling);
            assert_eq!(number.to_string(), "0403.019.261");
        }
    }

    #[test]
    fn rejects_bad_check_digits_and_shapes() {
        assert!(EnterpriseNumber::parse("0403.019.262").is_none());
        assert!(EnterpriseNumber::parse("2403.019.261").is_none());
        assert!(EnterpriseNumber::parse("0403.019.26").is_none());
        assert!(EnterpriseNumber::parse("0403/019/261").is_none());
        assert!(EnterpriseNumber::parse("").is_none());
    }
}
