//! `manifest.json`: what a version folder holds and what it was made from,
//! with a SHA-256 for every file, so that `verify` can tell whether the
//! archive is as it was written.

use super::sources::{Sources, hex};
use crate::output::OutputFile;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

pub const MANIFEST_FILE: &str = "manifest.json";
/// Bumped when the manifest's shape changes.
const FORMAT: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: u32,
    pub tool: Tool,
    pub organisation: String,
    pub enterprise_number: String,
    pub year: i16,
    /// The N of the `vN` folder.
    pub version: u32,
    pub language: String,
    pub editions: Vec<String>,
    /// The date written inside the PDF and XLSX (from the plan, or
    /// `SOURCE_DATE_EPOCH`): never the clock.
    pub document_date: String,
    /// When the build ran, by the clock: for people, not for the files.
    pub built_at: String,
    /// SHA-256 over the tool, the editions and every input: equal
    /// fingerprints build equal plans.
    pub fingerprint: String,
    pub inputs: Vec<FileEntry>,
    pub outputs: Vec<FileEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tool {
    pub name: String,
    pub version: String,
    /// Hash of the sources the tool was built from.
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEntry {
    pub path: String,
    pub size: u64,
    pub sha256: String,
}

impl FileEntry {
    pub fn of(path: &str, bytes: &[u8]) -> Self {
        Self { path: path.to_string(), size: bytes.len() as u64, sha256: hex(&Sha256::digest(bytes)) }
    }
}

/// What the caller knows about the plan; the rest the manifest computes.
pub struct Facts<'a> {
    pub organisation: &'a str,
    pub enterprise_number: &'a str,
    pub year: i16,
    pub language: &'a str,
    pub editions: Vec<String>,
    pub document_date: String,
    pub fingerprint: String,
    pub sources: &'a Sources,
    pub outputs: &'a [OutputFile],
}

impl Manifest {
    pub fn new(facts: Facts, version: u32) -> Self {
        let identity = super::sources::tool_identity();
        let (version_text, source) = identity.split_once(' ').unwrap_or((&identity, ""));
        let mut inputs: Vec<FileEntry> =
            facts.sources.files.iter().map(|f| FileEntry::of(&f.name, &f.bytes)).collect();
        inputs.sort_by(|a, b| a.path.cmp(&b.path));
        Self {
            format: FORMAT,
            tool: Tool {
                name: env!("CARGO_PKG_NAME").into(),
                version: version_text.into(),
                source: source.into(),
            },
            organisation: facts.organisation.into(),
            enterprise_number: facts.enterprise_number.into(),
            year: facts.year,
            version,
            language: facts.language.into(),
            editions: facts.editions,
            document_date: facts.document_date,
            built_at: jiff::Timestamp::now()
                .round(jiff::Unit::Second)
                .unwrap_or_else(|_| jiff::Timestamp::now())
                .to_string(),
            fingerprint: facts.fingerprint,
            inputs,
            outputs: facts.outputs.iter().map(|f| FileEntry::of(&f.name, &f.bytes)).collect(),
        }
    }

    pub fn file(&self) -> OutputFile {
        // Plain data always serialises.
        OutputFile { name: MANIFEST_FILE.into(), bytes: serde_json::to_vec_pretty(self).unwrap_or_default() }
    }

    pub fn read(folder: &std::path::Path) -> Option<Self> {
        serde_json::from_slice(&std::fs::read(folder.join(MANIFEST_FILE)).ok()?).ok()
    }

    /// Whether `outputs` are exactly this version's files, byte for byte.
    pub fn same_outputs(&self, outputs: &[OutputFile]) -> bool {
        let mut mine: Vec<&FileEntry> = self.outputs.iter().collect();
        let theirs: Vec<FileEntry> = outputs.iter().map(|f| FileEntry::of(&f.name, &f.bytes)).collect();
        let mut theirs: Vec<&FileEntry> = theirs.iter().collect();
        mine.sort_by(|a, b| a.path.cmp(&b.path));
        theirs.sort_by(|a, b| a.path.cmp(&b.path));
        mine == theirs
    }
}
