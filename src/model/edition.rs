use serde::{Deserialize, Serialize};

/// Which edition of the plan is being built: who it is for decides what it
/// may show (see `crate::disclose`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, clap::ValueEnum,
)]
#[serde(rename_all = "snake_case")]
pub enum Edition {
    /// For the works council, the union delegation, the employees and the
    /// upload to the FOD WASO: no personal data, small groups hidden.
    Council,
    /// For HR: every figure, and per-employee detail in the annex.
    Internal,
}

impl Edition {
    /// Both editions, council first.
    pub const ALL: [Edition; 2] = [Edition::Council, Edition::Internal];

    /// The edition's name in files and data: `council` or `internal`.
    pub fn key(self) -> &'static str {
        match self {
            Edition::Council => "council",
            Edition::Internal => "internal",
        }
    }
}

/// The editions a build writes: one of them, or both side by side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum EditionChoice {
    /// For the works council and the FOD upload: no personal data, small
    /// groups hidden (the default: privacy by default).
    #[default]
    Council,
    /// For HR: every figure, and per-employee sheets in the annex.
    Internal,
    /// Both, side by side in the same folder.
    Both,
}

impl EditionChoice {
    /// The editions this choice stands for, council first.
    pub fn editions(self) -> Vec<Edition> {
        match self {
            EditionChoice::Council => vec![Edition::Council],
            EditionChoice::Internal => vec![Edition::Internal],
            EditionChoice::Both => vec![Edition::Council, Edition::Internal],
        }
    }
}
