//! The key-figures file: the figures next year's plan compares itself
//! with, typed and versioned, as this edition shows them (so next year's
//! council edition never shows a figure this year's withheld).

use super::{Context, FileNames, Made, Output, OutputError, OutputFile, OutputKind};
use crate::aggregate::key_figures::{KeyFigure, TrainingRecord};

use crate::model::Edition;
use serde::{Deserialize, Serialize};

/// Bumped when the file's shape changes; readers say plainly which formats
/// they know.
/// 1: release 0.1; 2: each training's details, for the changes between
/// two versions; 3: a training's counts withheld (null) in the council
/// edition where they concern fewer people than the minimum group size.
pub const KEY_FIGURES_FORMAT: u32 = 3;

/// The file as written and read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeyFiguresFile {
    /// [`KEY_FIGURES_FORMAT`] of the release that wrote it.
    pub format: u32,
    /// The plan year.
    pub year: i16,
    /// The edition whose figures these are.
    pub edition: Edition,
    /// Every key figure, as the edition shows it.
    pub figures: Vec<KeyFigure>,
    /// The plan's trainings with their registrations.
    pub trainings: Vec<TrainingRecord>,
}

/// The key-figures output.
pub struct KeyFigures;

impl Output for KeyFigures {
    fn kind(&self) -> OutputKind {
        OutputKind::KeyFigures
    }

    fn file_name(&self, names: &FileNames) -> String {
        names.file(Some(&names.words.key_figures_file), "json")
    }

    fn render(&self, context: &Context<'_>, _: &[OutputFile]) -> Result<Made, OutputError> {
        let d = context.disclosed;
        let file = KeyFiguresFile {
            format: KEY_FIGURES_FORMAT,
            year: d.public.settings.year,
            edition: d.edition,
            figures: d.key_figures.clone(),
            trainings: d.training_records(),
        };
        // Plain data always serialises.
        let bytes = serde_json::to_vec_pretty(&file).unwrap_or_default();
        Ok(Made { files: vec![self.file(context, bytes)], ..Made::default() })
    }
}
