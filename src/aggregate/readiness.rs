//! Scores of the readiness check: per aspect, the share of its statements
//! that apply; the others are the priorities.

use crate::model::Readiness;
use crate::model::readiness::{Aspect, STATEMENTS, aspect_of};

#[derive(Debug, Clone, PartialEq)]
pub struct AspectScore {
    pub aspect: Aspect,
    pub applies: u32,
    pub total: u32,
    /// Statements of this aspect that do not apply yet, by id.
    pub priorities: Vec<&'static str>,
}

impl AspectScore {
    pub fn share(&self) -> f64 {
        f64::from(self.applies) / f64::from(self.total.max(1))
    }
}

pub fn scores(readiness: &Readiness) -> Vec<AspectScore> {
    Aspect::ALL
        .iter()
        .map(|&aspect| {
            let ids: Vec<&'static str> =
                STATEMENTS.iter().copied().filter(|s| aspect_of(s) == Some(aspect)).collect();
            let priorities: Vec<&'static str> =
                ids.iter().copied().filter(|s| !readiness.applies.contains(s)).collect();
            AspectScore {
                aspect,
                applies: (ids.len() - priorities.len()) as u32,
                total: ids.len() as u32,
                priorities,
            }
        })
        .collect()
}
