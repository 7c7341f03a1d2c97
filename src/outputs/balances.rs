//! The balances file (internal edition only): each employee's days of the
//! training right not yet taken when the version was built, so that next
//! year's plan carries them over without a sheet. Matched by personnel
//! number; it names people's balances, so the council edition never has it.

use super::{Context, FileNames, Made, Output, OutputError, OutputKind};
use crate::model::Edition;
use serde::{Deserialize, Serialize};

/// Bumped when the file's shape changes.
pub const BALANCES_FORMAT: u32 = 1;

/// The file as written and read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BalancesFile {
    /// [`BALANCES_FORMAT`] of the release that wrote it.
    pub format: u32,
    /// The plan year: the balances are those at its end, as far as the
    /// version knew the participations followed.
    pub year: i16,
    /// One per employee employed in the plan year.
    pub balances: Vec<BalanceRecord>,
}

/// One employee's balance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BalanceRecord {
    /// Personnel number.
    pub id: String,
    /// Days of the right not taken.
    pub days: f64,
}

/// The balances output.
pub struct Balances;

impl Output for Balances {
    fn kind(&self) -> OutputKind {
        OutputKind::Balances
    }

    fn file_name(&self, names: &FileNames) -> String {
        names.file(Some(&names.words.balances_file), "json")
    }

    fn editions(&self) -> &'static [Edition] {
        &[Edition::Internal]
    }

    fn render(&self, context: &Context<'_>, _: &[super::OutputFile]) -> Result<Made, OutputError> {
        let Some(personal) = &context.disclosed.personal else { return Ok(Made::default()) };
        let balances = personal
            .accounts
            .iter()
            .map(|a| BalanceRecord { id: personal.employees[a.employee].id.clone(), days: a.remaining })
            .collect();
        let file =
            BalancesFile { format: BALANCES_FORMAT, year: context.disclosed.public.settings.year, balances };
        // Plain data always serialises.
        let bytes = serde_json::to_vec_pretty(&file).unwrap_or_default();
        Ok(Made { files: vec![self.file(context, bytes)], ..Made::default() })
    }
}
