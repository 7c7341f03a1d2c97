//! The training-policy readiness check: 30 statements in five aspects of a
//! training policy plus leadership behaviour that stimulates informal
//! learning, after Cobbaut & Gielen, "Opleiden met resultaat" (Cevora, 2007).
//! The statements' wording is ours and lives in the strings files.

use serde::Serialize;
use std::collections::BTreeSet;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Aspect {
    Vision,
    Needs,
    Planning,
    Organising,
    Anchoring,
    Leadership,
}

impl Aspect {
    pub const ALL: [Aspect; 6] = [
        Aspect::Vision,
        Aspect::Needs,
        Aspect::Planning,
        Aspect::Organising,
        Aspect::Anchoring,
        Aspect::Leadership,
    ];

    /// The letter that starts the ids of this aspect's statements.
    pub fn prefix(self) -> char {
        match self {
            Aspect::Vision => 'V',
            Aspect::Needs => 'N',
            Aspect::Planning => 'P',
            Aspect::Organising => 'O',
            Aspect::Anchoring => 'A',
            Aspect::Leadership => 'L',
        }
    }
}

/// Statement ids per aspect: V1-V4, N1-N5, P1-P6, O1-O5, A1-A5, L1-L5.
pub const STATEMENTS: [&str; 30] = [
    "V1", "V2", "V3", "V4", "N1", "N2", "N3", "N4", "N5", "P1", "P2", "P3", "P4", "P5", "P6", "O1", "O2",
    "O3", "O4", "O5", "A1", "A2", "A3", "A4", "A5", "L1", "L2", "L3", "L4", "L5",
];

pub(crate) fn aspect_of(id: &str) -> Option<Aspect> {
    let first = id.chars().next()?;
    Aspect::ALL.into_iter().find(|a| a.prefix() == first).filter(|_| STATEMENTS.contains(&id))
}

/// The statements that apply to the organisation, as it answered them.
#[derive(Debug, Clone, Default)]
pub(crate) struct Readiness {
    pub applies: BTreeSet<&'static str>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thirty_statements_in_six_aspects() {
        let per_aspect: Vec<usize> = Aspect::ALL
            .iter()
            .map(|a| STATEMENTS.iter().filter(|s| aspect_of(s) == Some(*a)).count())
            .collect();
        assert_eq!(per_aspect, [4, 5, 6, 5, 5, 5]);
        assert_eq!(aspect_of("P6"), Some(Aspect::Planning));
        assert_eq!(aspect_of("P7"), None);
        assert_eq!(aspect_of("X1"), None);
    }
}
