//! The data file: the view the PDF was typeset from, as JSON, beside it.

use super::{Context, FileNames, Made, Output, OutputError, OutputFile, OutputKind};

/// The view as JSON.
pub struct Data;

impl Output for Data {
    fn kind(&self) -> OutputKind {
        OutputKind::Data
    }

    fn file_name(&self, names: &FileNames) -> String {
        names.file(Some(&names.words.data_file), "json")
    }

    fn render(&self, context: &Context<'_>, _: &[OutputFile]) -> Result<Made, OutputError> {
        Ok(Made { files: vec![self.file(context, context.view_json.to_vec())], ..Made::default() })
    }
}
