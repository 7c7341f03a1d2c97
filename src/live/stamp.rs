//! Whether a plan's files changed: the size and time of every file a
//! build may read, compared between two looks. Looking costs a few
//! `stat` calls, so a page can ask every second.

use super::Context;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// Beyond this many files, a plan folder is not watched file by file: its
/// files stop at the limit (a plan folder holds a dozen).
const MAX_FILES: usize = 5_000;

/// The files of a plan at one moment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    files: Vec<(PathBuf, u64, Option<SystemTime>)>,
}

impl Stamp {
    /// Every file under the plan folder (its `plan.toml`, workbooks,
    /// logos, fonts and `layouts/`), and the batch root's `batch.toml`,
    /// `layouts/` and `rules/`; hidden folders, the archive and the
    /// `ignored` files left out.
    pub fn of(folder: &Path, context: &Context, ignored: &[PathBuf]) -> Self {
        let mut files = Vec::new();
        let out = context.out.canonicalize().ok();
        look(folder, out.as_deref(), &mut files);
        // Compared by file name first: a canonical path costs a system call.
        let ignored: Vec<PathBuf> = ignored.iter().filter_map(|p| p.canonicalize().ok()).collect();
        let is_ignored = |path: &Path| {
            ignored.iter().any(|i| i.file_name() == path.file_name())
                && path.canonicalize().is_ok_and(|p| ignored.contains(&p))
        };
        files.retain(|(path, _, _)| !is_ignored(path));
        if let Some((root, batch)) = &context.batch {
            push(&root.join(crate::batch::BATCH_FILE), &mut files);
            for dir in batch.layout.iter().cloned().chain([root.join(crate::config::rules::RULES_FOLDER)]) {
                look(&dir, out.as_deref(), &mut files);
            }
        }
        Self { files }
    }
}

fn look(dir: &Path, out: Option<&Path>, files: &mut Vec<(PathBuf, u64, Option<SystemTime>)>) {
    let skipped = |entry: &walkdir::DirEntry| {
        entry.depth() > 0
            && entry.file_type().is_dir()
            && (entry.file_name().to_string_lossy().starts_with('.')
                || out.is_some_and(|o| entry.path().canonicalize().ok().as_deref() == Some(o)))
    };
    let entries = walkdir::WalkDir::new(dir).sort_by_file_name().into_iter().filter_entry(|e| !skipped(e));
    for entry in entries.filter_map(Result::ok).filter(|e| e.file_type().is_file()).take(MAX_FILES) {
        push(entry.path(), files);
    }
}

fn push(path: &Path, files: &mut Vec<(PathBuf, u64, Option<SystemTime>)>) {
    if let Ok(meta) = std::fs::metadata(path) {
        files.push((path.to_path_buf(), meta.len(), meta.modified().ok()));
    }
}
