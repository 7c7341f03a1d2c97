//! The files a plan is built from, read once: hashed into the manifest and
//! the fingerprint, and embedded in the internal edition's PDF so that the
//! PDF alone can rebuild the plan.

use super::PlanConfig;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Where embedded batch files go, so that they cannot be mistaken for the
/// plan folder's own.
pub const BATCH_PREFIX: &str = "batch/";
/// Where last year's archived data goes among the sources.
pub const PREVIOUS_PREFIX: &str = "previous-year";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    PlanToml,
    Workbook,
    Branding,
    Layout,
    Batch,
    /// Last year's archived figures, for the year-over-year chapter.
    PreviousYear,
}

#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Relative to the plan folder (`plan.toml`, `exports/hr.xlsx`), or under
    /// `batch/` for a batch root's files.
    pub name: String,
    pub kind: SourceKind,
    pub bytes: Arc<[u8]>,
}

/// A batch root whose defaults, files and layouts a plan was built with.
pub struct BatchContext<'a> {
    /// The batch root.
    pub root: &'a Path,
    /// Its defaults for every plan.
    pub defaults: &'a crate::config::Defaults,
    pub toml: &'a [u8],
    pub layout: Option<&'a Path>,
}

#[derive(Debug, Clone, Default)]
pub struct Sources {
    pub files: Vec<SourceFile>,
}

impl Sources {
    /// Everything `config` reads: `plan.toml`, its workbooks, branding
    /// files, the layout folders laid over the default one, and the batch's
    /// files. Files that cannot be read are left out (import reports them).
    pub fn collect(
        plan_dir: &Path,
        config: &PlanConfig,
        batch: Option<&BatchContext>,
        layouts: &[&Path],
    ) -> Self {
        let mut sources = Sources::default();
        sources.add(SourceKind::PlanToml, "plan.toml".into(), &plan_dir.join(crate::config::PLAN_FILE));
        let input = &config.input;
        let mut workbooks: Vec<&PathBuf> = [
            &input.employees,
            &input.trainings,
            &input.participations,
            &input.quarterly_fte,
            &input.training_balance,
            &input.job_requirements,
            &input.certificates,
            &input.competences,
        ]
        .iter()
        .map(|m| &m.workbook)
        .collect();
        workbooks.sort();
        workbooks.dedup();
        for workbook in workbooks {
            sources.add(SourceKind::Workbook, relative(plan_dir, workbook), workbook);
        }
        let batch_root = batch.and_then(|b| b.root.canonicalize().ok());
        let plan_root = plan_dir.canonicalize().unwrap_or_else(|_| plan_dir.to_path_buf());
        let branding = &config.branding;
        let assets = branding
            .logo
            .iter()
            .chain(&branding.fonts)
            .chain(branding.prepared_by.iter().flat_map(|p| &p.logo));
        for asset in assets {
            let name = match (asset.path.strip_prefix(&plan_root), &batch_root) {
                (Ok(inside), _) => slashed(inside),
                (Err(_), Some(root)) => {
                    format!("{BATCH_PREFIX}{}", slashed(asset.path.strip_prefix(root).unwrap_or(&asset.path)))
                }
                (Err(_), None) => slashed(&asset.path),
            };
            sources.push(SourceKind::Branding, name, asset.bytes.clone());
        }
        if let Some(batch) = batch {
            sources.push(
                SourceKind::Batch,
                format!("{BATCH_PREFIX}{}", crate::config::BATCH_FILE),
                Arc::from(batch.toml),
            );
            if let Some(dir) = batch.layout {
                sources.add_folder(
                    SourceKind::Batch,
                    &format!("{BATCH_PREFIX}{}", crate::config::LAYOUT_FOLDER),
                    dir,
                );
            }
        }
        for dir in layouts {
            let name = relative(plan_dir, dir);
            sources.add_folder(SourceKind::Layout, &name, dir);
        }
        sources
    }

    pub fn push(&mut self, kind: SourceKind, name: String, bytes: Arc<[u8]>) {
        if !self.files.iter().any(|f| f.name == name) {
            self.files.push(SourceFile { name, kind, bytes });
        }
    }

    fn add(&mut self, kind: SourceKind, name: String, path: &Path) {
        if let Ok(bytes) = crate::files::read_regular(path, crate::files::INPUT_FILE_LIMIT) {
            self.push(kind, name, Arc::from(bytes));
        }
    }

    /// Every file under `dir`, named `<prefix>/<relative path>`.
    pub fn add_folder(&mut self, kind: SourceKind, prefix: &str, dir: &Path) {
        let mut files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| e.into_path())
            .collect();
        files.sort();
        for file in files {
            let inside = file.strip_prefix(dir).unwrap_or(&file);
            self.add(kind, format!("{prefix}/{}", slashed(inside)), &file);
        }
    }

    /// A SHA-256 over the tool, the build's settings (editions, the date in
    /// the files) and every source by name: equal fingerprints, equal plans.
    pub fn fingerprint(&self, tool: &str, settings: &[(&str, &str)]) -> String {
        let mut hasher = Sha256::new();
        let mut part = |label: &str, bytes: &[u8]| {
            hasher.update((label.len() as u64).to_le_bytes());
            hasher.update(label.as_bytes());
            hasher.update((bytes.len() as u64).to_le_bytes());
            hasher.update(bytes);
        };
        part("tool", tool.as_bytes());
        for (name, value) in settings {
            part(name, value.as_bytes());
        }
        let mut files: Vec<&SourceFile> = self.files.iter().collect();
        files.sort_by(|a, b| a.name.cmp(&b.name));
        for file in files {
            part(&file.name, &file.bytes);
        }
        hex(&hasher.finalize())
    }
}

/// `path` relative to `dir`, with forward slashes.
fn relative(dir: &Path, path: &Path) -> String {
    slashed(path.strip_prefix(dir).unwrap_or(path))
}

fn slashed(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The tool itself: its version and a hash of the sources, layout and
/// locked dependencies it was built from (see `build.rs`); another build of
/// the tool may lay out the same data differently.
pub fn tool_identity() -> String {
    format!("{} {}", env!("CARGO_PKG_VERSION"), env!("OPLEIDINGSPLAN_SOURCE_HASH"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str, bytes: &[u8]) -> SourceFile {
        SourceFile { name: name.into(), kind: SourceKind::Workbook, bytes: Arc::from(bytes) }
    }

    #[test]
    fn the_fingerprint_follows_content_names_tool_and_editions() {
        let sources = |files: Vec<SourceFile>| Sources { files };
        let council: &[(&str, &str)] = &[("editions", "council")];
        let a = sources(vec![file("a.xlsx", b"xy"), file("plan.toml", b"1")]);
        let reordered = sources(vec![file("plan.toml", b"1"), file("a.xlsx", b"xy")]);
        assert_eq!(a.fingerprint("t", council), reordered.fingerprint("t", council));
        let moved = sources(vec![file("a.xlsx", b"x"), file("plan.toml", b"y1")]);
        assert_ne!(a.fingerprint("t", council), moved.fingerprint("t", council));
        assert_ne!(a.fingerprint("t", council), a.fingerprint("t2", council));
        assert_ne!(a.fingerprint("t", council), a.fingerprint("t", &[("editions", "council,internal")]));
        assert_ne!(
            a.fingerprint("t", council),
            a.fingerprint("t", &[("editions", "council"), ("date", "2027-01-01")])
        );
        assert_eq!(a.fingerprint("t", council).len(), 64);
    }
}
