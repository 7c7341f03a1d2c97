use jiff::civil::Date;

/// Age in whole years on `on`; `None` when `birth` lies after `on`.
pub fn age_on(birth: Date, on: Date) -> Option<u16> {
    let mut years = on.year() - birth.year();
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        years -= 1;
    }
    u16::try_from(years).ok()
}

/// Age bands given by their lower boundaries: `[25, 35, 45, 50, 55]` means
/// <25, 25-34, 35-44, 45-49, 50-54, 55+.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgeBands {
    bounds: Vec<u16>,
}

/// One band: `[from, to)` in whole years, open at either end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AgeBand {
    pub from: Option<u16>,
    pub to: Option<u16>,
}

impl AgeBands {
    /// The boundaries must be strictly increasing and at least one.
    pub fn new(bounds: Vec<u16>) -> Option<Self> {
        let increasing = bounds.windows(2).all(|w| w[0] < w[1]);
        (!bounds.is_empty() && increasing && bounds[0] > 0).then_some(Self { bounds })
    }

    pub fn len(&self) -> usize {
        self.bounds.len() + 1
    }

    /// Index of the band holding `age`.
    pub fn index_of(&self, age: u16) -> usize {
        self.bounds.partition_point(|&b| b <= age)
    }

    pub fn bands(&self) -> impl Iterator<Item = AgeBand> + '_ {
        (0..self.len()).map(|i| AgeBand {
            from: i.checked_sub(1).map(|j| self.bounds[j]),
            to: self.bounds.get(i).copied(),
        })
    }
}

impl Default for AgeBands {
    fn default() -> Self {
        Self { bounds: vec![25, 35, 45, 50, 55] }
    }
}

impl AgeBand {
    /// Language-neutral label: "< 25", "25-34", "55+".
    pub fn label(&self) -> String {
        match (self.from, self.to) {
            (None, Some(to)) => format!("< {to}"),
            (Some(from), Some(to)) => format!("{from}–{}", to - 1),
            (Some(from), None) => format!("{from}+"),
            (None, None) => String::from("–"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn age_counts_whole_years() {
        let on = date(2026, 12, 31);
        assert_eq!(age_on(date(1976, 12, 31), on), Some(50));
        assert_eq!(age_on(date(1977, 1, 1), on), Some(49));
        assert_eq!(age_on(date(2000, 2, 29), date(2026, 2, 28)), Some(25));
        assert_eq!(age_on(date(2027, 1, 1), on), None);
    }

    #[test]
    fn bands_split_at_lower_bounds() {
        let bands = AgeBands::default();
        assert_eq!(bands.len(), 6);
        assert_eq!(bands.index_of(18), 0);
        assert_eq!(bands.index_of(25), 1);
        assert_eq!(bands.index_of(49), 3);
        assert_eq!(bands.index_of(50), 4);
        assert_eq!(bands.index_of(70), 5);
        let labels: Vec<_> = bands.bands().map(|b| b.label()).collect();
        assert_eq!(labels, ["< 25", "25–34", "35–44", "45–49", "50–54", "55+"]);
    }

    #[test]
    fn bands_reject_unsorted_bounds() {
        assert!(AgeBands::new(vec![35, 25]).is_none());
        assert!(AgeBands::new(vec![]).is_none());
    }
}
