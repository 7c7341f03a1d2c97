//! `manifest.json`: what a version folder holds and what it was made from,
//! with a SHA-256 for every file, so that `verify` can tell whether the
//! archive is as it was written.

use crate::config::sources::{Sources, hex};
use crate::model::{Edition, EnterpriseNumber, Language, Stage};
use crate::outputs::{OutputFile, OutputKind};
use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The manifest's name in every version folder.
pub const MANIFEST_FILE: &str = "manifest.json";
/// Bumped when the manifest's shape changes. 1: release 0.1.0; 2: each
/// output records its kind and edition; 3: the SHA-256 of the version
/// before it; 4: the plan's stage.
pub const FORMAT: u32 = 4;
/// A manifest lists a few dozen files; anything near this is not one.
const MANIFEST_LIMIT: u64 = 16 * 1024 * 1024;

/// What a version folder holds and what it was made from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    /// [`FORMAT`] of the release that wrote it.
    pub format: u32,
    /// The tool that wrote it.
    pub tool: Tool,
    /// The organisation's name.
    pub organisation: String,
    /// The organisation's enterprise number.
    pub(crate) enterprise_number: EnterpriseNumber,
    /// The plan year.
    pub year: i16,
    /// The N of the `vN` folder.
    pub version: u32,
    /// The SHA-256 of the previous version's `manifest.json` (format 3 and
    /// later; `null` for version 1): versions form a chain, so a version
    /// deleted, swapped or renamed shows.
    #[serde(default)]
    pub previous: Option<String>,
    /// The plan's language.
    pub language: Language,
    /// The editions in the folder.
    pub editions: Vec<Edition>,
    /// Draft or final (format 4 and later; `null` before).
    #[serde(default)]
    pub stage: Option<Stage>,
    /// The date written inside the PDF and XLSX (from the plan, or
    /// `SOURCE_DATE_EPOCH`): never the clock.
    pub document_date: Date,
    /// When the build ran, by the clock: for people, not for the files.
    pub built_at: Timestamp,
    /// The SHA-256 of this manifest as written with an empty seal (format 3
    /// and later): an edit of any field shows, unless whoever made it
    /// sealed it again.
    #[serde(default)]
    pub seal: String,
    /// SHA-256 over the tool, the editions and every input: equal
    /// fingerprints build equal plans.
    pub fingerprint: String,
    /// The input files the version was built from (`plan.toml`, the
    /// workbooks, assets), with their hashes.
    pub inputs: Vec<FileEntry>,
    /// The files the version folder holds, with their hashes.
    pub outputs: Vec<FileEntry>,
}

/// The tool that wrote a version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tool {
    /// `opleidingsplan`.
    pub name: String,
    /// Its version.
    pub version: String,
    /// Hash of the sources the tool was built from.
    pub source: String,
}

/// One file of a version, or one input it was built from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEntry {
    /// Its path in the version folder (or in the plan folder, for inputs).
    pub path: String,
    /// Its size in bytes.
    pub size: u64,
    /// Its SHA-256, in hex.
    pub sha256: String,
    /// What it is (outputs of format 2 and later).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<OutputKind>,
    /// The edition it belongs to (outputs of format 2 and later).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edition: Option<Edition>,
}

/// The SHA-256 of `bytes`, in hex.
pub fn sha256(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

impl FileEntry {
    /// The entry of an input at `path` holding `bytes`.
    pub fn of(path: &str, bytes: &[u8]) -> Self {
        Self {
            path: path.to_string(),
            size: bytes.len() as u64,
            sha256: hex(&Sha256::digest(bytes)),
            kind: None,
            edition: None,
        }
    }

    /// The entry of an output file.
    pub fn output(file: &OutputFile) -> Self {
        Self { kind: Some(file.kind), edition: Some(file.edition), ..Self::of(&file.name, &file.bytes) }
    }
}

/// What the caller knows about the plan; the rest the manifest computes.
pub(crate) struct Facts<'a> {
    /// The organisation's name.
    pub organisation: &'a str,
    /// Its enterprise number.
    pub enterprise_number: EnterpriseNumber,
    /// The plan year.
    pub year: i16,
    /// The plan's language.
    pub language: Language,
    /// The editions written.
    pub editions: Vec<Edition>,
    /// Draft or final.
    pub stage: Stage,
    /// The date written inside the files.
    pub document_date: Date,
    /// The plan's fingerprint.
    pub fingerprint: String,
    /// The files it was built from.
    pub sources: &'a Sources,
    /// The files written.
    pub outputs: &'a [OutputFile],
}

impl Manifest {
    /// The manifest of version `version` of the plan `facts` describe;
    /// `previous` is the SHA-256 of version `version − 1`'s manifest.
    pub(crate) fn new(facts: Facts, version: u32, previous: Option<String>) -> Self {
        let identity = crate::config::sources::tool_identity();
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
            enterprise_number: facts.enterprise_number,
            year: facts.year,
            version,
            previous,
            language: facts.language,
            editions: facts.editions,
            stage: Some(facts.stage),
            document_date: facts.document_date,
            built_at: Timestamp::now().round(jiff::Unit::Second).unwrap_or_else(|_| Timestamp::now()),
            fingerprint: facts.fingerprint,
            inputs,
            outputs: facts.outputs.iter().map(FileEntry::output).collect(),
            seal: String::new(),
        }
        .sealed()
    }

    /// This manifest with its seal computed.
    fn sealed(mut self) -> Self {
        self.seal = self.expected_seal();
        self
    }

    /// The seal this manifest's content should carry.
    pub fn expected_seal(&self) -> String {
        let unsealed = Self { seal: String::new(), ..self.clone() };
        sha256(&unsealed.bytes())
    }

    /// The manifest as its file's bytes.
    pub fn bytes(&self) -> Vec<u8> {
        // Plain data always serialises.
        serde_json::to_vec_pretty(self).unwrap_or_default()
    }

    /// The manifest of the version folder `folder`, when it can be read.
    pub fn read(folder: &std::path::Path) -> Option<Self> {
        let bytes = crate::files::read_regular(&folder.join(MANIFEST_FILE), MANIFEST_LIMIT).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    /// Whether `outputs` are exactly this version's files, byte for byte.
    pub fn same_outputs(&self, outputs: &[OutputFile]) -> bool {
        let mut mine: Vec<(&str, &str)> =
            self.outputs.iter().map(|e| (e.path.as_str(), e.sha256.as_str())).collect();
        let theirs: Vec<FileEntry> = outputs.iter().map(FileEntry::output).collect();
        let mut theirs: Vec<(&str, &str)> =
            theirs.iter().map(|e| (e.path.as_str(), e.sha256.as_str())).collect();
        mine.sort_unstable();
        theirs.sort_unstable();
        mine == theirs
    }
}
