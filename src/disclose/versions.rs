//! The document's place among this year's versions: its stage and number,
//! the versions before it and, in a final plan, what changed since the
//! draft the advisory body received. Trainings describe the offer and pass
//! as they are; key figures are compared as each edition recorded them.

use super::Disclosed;
use crate::aggregate::key_figures::{NotCompared, PreviousYear, TrainingRecord};
use crate::aggregate::revision::{Revision, Snapshot, revision};
use crate::model::{Stage, VersionRecord};

/// Where this document stands among this year's versions.
#[derive(Debug, Clone, PartialEq)]
pub struct Versions {
    /// Draft or final.
    pub stage: Stage,
    /// The N of `vN`.
    pub version: u32,
    /// This year's earlier versions, oldest first.
    pub history: Vec<VersionRecord>,
    /// In a final plan with an archived draft: what changed since it.
    pub since_draft: Option<SinceDraft>,
}

/// A final plan beside the latest draft before it.
#[derive(Debug, Clone, PartialEq)]
pub struct SinceDraft {
    /// The draft's version number.
    pub version: u32,
    /// The changes, or why the draft could not be read.
    pub revision: Result<Revision, NotCompared>,
}

impl Default for Versions {
    fn default() -> Self {
        Versions { stage: Stage::Final, version: 1, history: Vec::new(), since_draft: None }
    }
}

impl Disclosed<'_> {
    /// The plan's trainings as this edition records them.
    pub fn training_records(&self) -> Vec<TrainingRecord> {
        let p = &self.public;
        let shown = |cell: super::Cell<u32>| match cell {
            super::Cell::Shown(n) => Some(n),
            _ => None,
        };
        p.trainings
            .iter()
            .zip(p.usage)
            .zip(&self.usage)
            .map(|((t, u), cells)| TrainingRecord {
                planned: shown(cells.planned),
                completed: shown(cells.completed),
                ..TrainingRecord::of(t, u)
            })
            .collect()
    }

    /// What changed since `draft` (the draft's figures as the same
    /// edition recorded them).
    pub(crate) fn since(&self, version: u32, draft: Result<&PreviousYear, NotCompared>) -> SinceDraft {
        let trainings = self.training_records();
        let now = Snapshot { figures: &self.key_figures, trainings: &trainings };
        let revision = draft.map(|d| revision(Snapshot { figures: &d.values, trainings: &d.trainings }, now));
        SinceDraft { version, revision }
    }
}
