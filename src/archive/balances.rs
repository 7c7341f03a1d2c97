//! Last year's balances of the training right, as the latest internal
//! version of last year's plan left them: the days next year's plan
//! carries over when the workbook has no balance sheet.

use super::manifest::FileEntry;
use super::{PlanKey, location, versions};
use crate::model::{Balance, CarryOver, CarrySource, EnterpriseNumber};
use crate::outputs::{BALANCES_FORMAT, BalancesFile, OutputKind};
use std::path::Path;
use std::sync::Arc;

/// Balances found in the archive, with the file they came from.
#[derive(Debug, Clone)]
pub struct Found {
    /// The balances, by personnel number.
    pub carry_over: CarryOver,
    /// The day the version was dated: balances count what it knew.
    pub dated: jiff::civil::Date,
    /// The archived file's name.
    pub file: String,
    /// Its bytes (a source of this year's plan).
    pub bytes: Arc<[u8]>,
}

/// The balances of the latest version of last year's plan (of
/// `enterprise_number`) that holds them and whose file is as its manifest
/// recorded; `None` when there is none.
pub(crate) fn find(
    out: &Path,
    organisation: &str,
    enterprise_number: EnterpriseNumber,
    year: i16,
) -> Option<Found> {
    let key = PlanKey { number: enterprise_number, name: organisation, year: year - 1 };
    location::year_dirs(out, key.number, key.name, key.year).into_iter().find_map(|dir| {
        versions(&dir).into_iter().rev().find_map(|(number, path)| {
            let manifest = super::Manifest::read(&path)?;
            if manifest.enterprise_number != key.number || manifest.year != key.year {
                return None;
            }
            let entry = manifest.outputs.iter().find(|e| e.kind == Some(OutputKind::Balances))?;
            let (file, bytes) = read(&path, entry)?;
            if file.format > BALANCES_FORMAT || file.year != key.year {
                return None;
            }
            let balances = file
                .balances
                .into_iter()
                .map(|b| (b.id, Balance { days: b.days, year: file.year }))
                .collect();
            Some(Found {
                carry_over: CarryOver {
                    source: CarrySource::Archive { year: key.year, version: number },
                    balances,
                },
                dated: manifest.document_date,
                file: entry.path.clone(),
                bytes: Arc::from(bytes),
            })
        })
    })
}

/// The file `entry` of `folder`, parsed, when it is as the manifest recorded.
fn read(folder: &Path, entry: &FileEntry) -> Option<(BalancesFile, Vec<u8>)> {
    let bytes = super::previous::read_verified(folder, entry).ok()?;
    Some((serde_json::from_slice(&bytes).ok()?, bytes))
}
