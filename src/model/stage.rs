use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// Where the plan stands in its consultation: the draft the advisory body
/// receives before its meeting, or the final plan the employer fixes after
/// the advice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// For the advisory body, before its advice: marked as a draft on
    /// every page; the consultation steps still to come are pending.
    Draft,
    /// Fixed by the employer after the advice, with the advice, the
    /// employer's response and what changed since the draft.
    Final,
}

impl Stage {
    /// The stage's name in files and data: `draft` or `final`.
    pub fn key(self) -> &'static str {
        match self {
            Stage::Draft => "draft",
            Stage::Final => "final",
        }
    }
}

/// An earlier version of the same plan (same enterprise, same year), as
/// its archived manifest records it: the document's version history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VersionRecord {
    /// The N of `vN`.
    pub version: u32,
    /// Its stage; `None` for versions of releases that did not record one.
    pub stage: Option<Stage>,
    /// The date the version carries.
    pub date: Date,
}
