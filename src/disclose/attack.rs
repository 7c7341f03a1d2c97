//! An attacker's solver against the council edition.
//!
//! A reader of the council edition knows every figure it shows, what "< 5"
//! means (between 1 and 4 people), what "•" next to a count means (a count
//! withheld with a small one: none of the small ones, so at least 5), and
//! how the tables add up: rows and columns to their totals, groups to the
//! headcount, participants to at most their group. [`System`] holds that
//! knowledge as whole-number unknowns with bounds and sums; [`System::can_differ`]
//! asks whether a withheld figure could take any other value than its true
//! one. When it cannot, the publication gives it away.
//!
//! The search is exact: interval propagation over the sums, then splitting
//! a domain in halves until every unknown is fixed or a sum fails.

/// Larger than any count in a test.
pub const UNBOUNDED: i64 = 1_000_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Domain {
    lo: i64,
    hi: i64,
}

/// What a reader knows: whole-number unknowns and sums among them.
#[derive(Debug, Clone, Default)]
pub struct System {
    domains: Vec<Domain>,
    /// `parts` add up to `total`.
    sums: Vec<(Vec<usize>, usize)>,
}

/// Search steps before the solver gives up (a test's systems need a few
/// hundred).
const BUDGET: usize = 2_000_000;

impl System {
    /// An unknown known to lie in `lo..=hi`.
    pub fn unknown(&mut self, lo: i64, hi: i64) -> usize {
        self.domains.push(Domain { lo, hi });
        self.domains.len() - 1
    }

    /// A figure the reader sees.
    pub fn known(&mut self, value: i64) -> usize {
        self.unknown(value, value)
    }

    /// Narrows what the reader knows of `var` (the same figure shown twice,
    /// withheld differently in two places, is known as both say).
    pub fn narrow(&mut self, var: usize, lo: i64, hi: i64) {
        let d = &mut self.domains[var];
        d.lo = d.lo.max(lo);
        d.hi = d.hi.min(hi);
    }

    /// The reader knows that `parts` add up to `total`.
    pub fn sum(&mut self, parts: Vec<usize>, total: usize) {
        self.sums.push((parts, total));
    }

    /// The reader knows that `part` is at most `whole` (participants of a group).
    pub fn at_most(&mut self, part: usize, whole: usize) {
        let rest = self.unknown(0, UNBOUNDED);
        self.sum(vec![part, rest], whole);
    }

    /// Whether the publication leaves `var` any value but `value`.
    pub fn can_differ(&self, var: usize, value: i64) -> bool {
        let mut steps = 0;
        let below = {
            let mut domains = self.domains.clone();
            domains[var].hi = domains[var].hi.min(value - 1);
            self.feasible(domains, &mut steps)
        };
        below || {
            let mut domains = self.domains.clone();
            domains[var].lo = domains[var].lo.max(value + 1);
            self.feasible(domains, &mut steps)
        }
    }

    /// Whether the true values satisfy what the reader knows (a check on
    /// the test's own model).
    pub fn admits(&self, values: &[(usize, i64)]) -> bool {
        let mut domains = self.domains.clone();
        for &(var, value) in values {
            domains[var].lo = domains[var].lo.max(value);
            domains[var].hi = domains[var].hi.min(value);
        }
        let mut steps = 0;
        self.feasible(domains, &mut steps)
    }

    fn feasible(&self, mut domains: Vec<Domain>, steps: &mut usize) -> bool {
        *steps += 1;
        assert!(*steps < BUDGET, "the attacker's search ran out of budget");
        if !self.propagate(&mut domains) {
            return false;
        }
        let open = domains.iter().enumerate().filter(|(_, d)| d.lo < d.hi).min_by_key(|(_, d)| d.hi - d.lo);
        let Some((var, d)) = open else { return true };
        let middle = d.lo + (d.hi - d.lo) / 2;
        let mut lower = domains.clone();
        lower[var].hi = middle;
        if self.feasible(lower, steps) {
            return true;
        }
        domains[var].lo = middle + 1;
        self.feasible(domains, steps)
    }

    /// Tightens every domain against every sum until nothing changes;
    /// `false` when a domain runs empty.
    fn propagate(&self, domains: &mut [Domain]) -> bool {
        loop {
            let mut changed = false;
            for (parts, total) in &self.sums {
                let low: i64 = parts.iter().map(|&p| domains[p].lo).sum();
                let high: i64 = parts.iter().map(|&p| domains[p].hi).sum();
                let t = domains[*total];
                let tightened = Domain { lo: t.lo.max(low), hi: t.hi.min(high) };
                if tightened != t {
                    domains[*total] = tightened;
                    changed = true;
                }
                let t = domains[*total];
                for &p in parts {
                    let d = domains[p];
                    let tightened =
                        Domain { lo: d.lo.max(t.lo - (high - d.hi)), hi: d.hi.min(t.hi - (low - d.lo)) };
                    if tightened != d {
                        domains[p] = tightened;
                        changed = true;
                    }
                }
            }
            if domains.iter().any(|d| d.lo > d.hi) {
                return false;
            }
            if !changed {
                return true;
            }
        }
    }
}

impl System {
    /// Why the true `values` do not fit (for a failing test's message).
    pub fn misfit(&self, values: &[(usize, i64)]) -> String {
        let mut out = String::new();
        for &(var, value) in values {
            let d = self.domains[var];
            if value < d.lo || value > d.hi {
                out.push_str(&format!("var {var} = {value} outside {}..={}; ", d.lo, d.hi));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_solver_finds_a_figure_given_away_by_a_total() {
        // Men 134 shown, women "< 5", X 0 shown, total 137 shown.
        let mut s = System::default();
        let (men, women, x, total) = (s.known(134), s.unknown(1, 4), s.known(0), s.known(137));
        s.sum(vec![men, women, x], total);
        assert!(!s.can_differ(women, 3));
        // With the men withheld too ("•": at least 5), the women could be 1 to 4.
        let mut s = System::default();
        let (men, women, x, total) = (s.unknown(5, UNBOUNDED), s.unknown(1, 4), s.known(0), s.known(137));
        s.sum(vec![men, women, x], total);
        assert!(s.can_differ(women, 3));
        assert!(s.admits(&[(men, 134), (women, 3)]));
    }

    #[test]
    fn participants_at_most_their_group() {
        // A group of "< 5" with 100% participation and a known overall: the
        // overall participants give the group's away through the others.
        let mut s = System::default();
        let (a, b) = (s.known(20), s.unknown(1, 4));
        let (pa, pb, total) = (s.known(12), s.unknown(0, UNBOUNDED), s.known(15));
        s.at_most(pa, a);
        s.at_most(pb, b);
        s.sum(vec![pa, pb], total);
        assert!(!s.can_differ(pb, 3));
        assert!(s.can_differ(b, 3));
    }
}
