//! What a setting in `plan.toml` or `batch.toml` should have held, named
//! by the problem and worded in the user's language.

use crate::i18n::Messages;
use crate::text::fill;

/// What a setting should have held.
#[derive(Debug, Clone, PartialEq)]
pub enum Expected {
    /// The organisation's name.
    Name,
    /// A year such as 2027.
    Year,
    /// A date such as 2026-12-31.
    Date,
    /// A number in `(min, max]`.
    Number {
        /// Exclusive lower bound.
        min: f64,
        /// Inclusive upper bound.
        max: f64,
    },
    /// Increasing ages such as [25, 35, 45, 50, 55].
    AgeBands,
    /// Two ages, the youngest and the oldest: `[14, 80]`.
    WorkingAges,
    /// "nl", "fr" or "en".
    Language,
    /// A whole number of people from 1 to 100.
    GroupSize,
    /// A unique, non-empty goal id.
    GoalId,
    /// Readiness statement ids.
    StatementIds,
    /// The group of an action: a risk group's key or `gender`.
    ActionGroup,
    /// A colour such as "#1F4E79".
    Colour,
    /// The name of whoever prepared the plan.
    PreparedByName,
    /// A workbook path that stays inside the plan folder.
    WorkbookInside {
        /// The plan folder.
        folder: String,
    },
    /// `"refuse"` or `"exclude"`.
    InvalidRows,
    /// A CSV delimiter: `;`, `,`, a tab or `|`.
    Delimiter,
    /// A text encoding such as `utf-8` or `windows-1252`.
    Encoding,
    /// `workbook = "..."` under `[input]`.
    Workbook,
    /// One of these keys.
    OneOf(Vec<String>),
    /// An FTE format: "percent", "fraction" or "hours/38".
    FteFormat,
    /// A date pattern such as "%d/%m/%Y".
    DatePattern,
    /// A row number, 1 or more.
    RowNumber,
    /// A file the plan brings along, and what is wrong with the one named.
    Asset {
        /// An image or a font.
        kind: AssetWanted,
        /// What is wrong.
        problem: AssetProblem,
    },
}

/// The kind of file a branding setting names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AssetWanted {
    /// A PNG, JPEG or SVG image.
    Image,
    /// A TrueType or OpenType font.
    Font,
}

/// What is wrong with a file a branding setting names.
#[derive(Debug, Clone, PartialEq)]
pub enum AssetProblem {
    /// The folder it is in cannot be read.
    FolderUnreadable {
        /// The folder.
        folder: String,
        /// Why.
        reason: String,
    },
    /// There is no such file.
    NoSuchFile {
        /// The folder it was looked for in.
        folder: String,
    },
    /// The path leads out of the plan's folder.
    OutsideFolder {
        /// The folder it must stay in.
        folder: String,
    },
    /// Larger than allowed.
    TooLarge {
        /// The limit, in MB.
        limit_mb: u64,
        /// Its size, in MB.
        size_mb: u64,
    },
    /// It cannot be read.
    Unreadable {
        /// Why.
        reason: String,
    },
    /// It is not a file of the wanted kind.
    WrongKind,
    /// An image that cannot be drawn: damaged or cut short.
    Damaged {
        /// What the decoder found.
        reason: String,
    },
    /// An image with more pixels than a logo needs or memory allows.
    TooManyPixels {
        /// Its width, in pixels.
        width: u32,
        /// Its height, in pixels.
        height: u32,
        /// The most it may have, in millions of pixels.
        limit_mp: u64,
    },
}

impl Expected {
    /// The expectation in the user's language.
    pub fn describe(&self, m: &Messages) -> String {
        let e = &m.expected;
        match self {
            Expected::Name => e.name.clone(),
            Expected::Year => e.year.clone(),
            Expected::Date => e.date.clone(),
            Expected::Number { min, max } => {
                let (min, max) = (min.to_string(), max.to_string());
                fill(&e.number, &[("min", &min), ("max", &max)])
            }
            Expected::AgeBands => e.age_bands.clone(),
            Expected::WorkingAges => e.working_ages.clone(),
            Expected::Language => e.language.clone(),
            Expected::GroupSize => e.group_size.clone(),
            Expected::GoalId => e.goal_id.clone(),
            Expected::StatementIds => e.statement_ids.clone(),
            Expected::ActionGroup => e.action_group.clone(),
            Expected::Colour => e.colour.clone(),
            Expected::PreparedByName => e.prepared_by_name.clone(),
            Expected::Workbook => e.workbook.clone(),
            Expected::Delimiter => e.delimiter.clone(),
            Expected::InvalidRows => e.invalid_rows.clone(),
            Expected::Encoding => e.encoding.clone(),
            Expected::WorkbookInside { folder } => fill(&e.workbook_inside, &[("folder", folder)]),
            Expected::OneOf(keys) => fill(&e.one_of, &[("keys", &keys.join(", "))]),
            Expected::FteFormat => e.fte_format.clone(),
            Expected::DatePattern => e.date_pattern.clone(),
            Expected::RowNumber => e.row_number.clone(),
            Expected::Asset { kind, problem } => {
                let what = match kind {
                    AssetWanted::Image => &e.image,
                    AssetWanted::Font => &e.font,
                };
                let why = match problem {
                    AssetProblem::FolderUnreadable { folder, reason } => {
                        fill(&e.asset_folder_unreadable, &[("folder", folder), ("reason", reason)])
                    }
                    AssetProblem::NoSuchFile { folder } => fill(&e.asset_missing, &[("folder", folder)]),
                    AssetProblem::OutsideFolder { folder } => fill(&e.asset_outside, &[("folder", folder)]),
                    AssetProblem::TooLarge { limit_mb, size_mb } => fill(
                        &e.asset_too_large,
                        &[("limit", &limit_mb.to_string()), ("size", &size_mb.to_string())],
                    ),
                    AssetProblem::Unreadable { reason } => fill(&e.asset_unreadable, &[("reason", reason)]),
                    AssetProblem::Damaged { reason } => fill(&e.asset_damaged, &[("reason", reason)]),
                    AssetProblem::TooManyPixels { width, height, limit_mp } => fill(
                        &e.asset_too_many_pixels,
                        &[
                            ("width", &width.to_string()),
                            ("height", &height.to_string()),
                            ("limit", &limit_mp.to_string()),
                        ],
                    ),
                    AssetProblem::WrongKind => e.asset_wrong_kind.clone(),
                };
                fill(&e.asset, &[("what", what), ("why", &why)])
            }
        }
    }
}
