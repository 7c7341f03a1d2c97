//! Writing a plan's files: all of them or none.
//!
//! Every file is rendered in memory first; only then is anything written,
//! into a hidden staging folder inside the output folder, which is renamed
//! into place in one step. A build that fails, or is killed, leaves no
//! half-written plan behind.

use std::io;
use std::path::{Path, PathBuf};

pub struct OutputFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Writes `files` as the folder `target` (inside `out`), replacing an
/// earlier build of the same plan. Returns the paths written.
pub fn write_folder(out: &Path, target: &Path, files: &[OutputFile]) -> io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(out)?;
    let staging = tempfile::Builder::new().prefix(".staging-").tempdir_in(out)?;
    for file in files {
        std::fs::write(staging.path().join(&file.name), &file.bytes)?;
    }
    if let Some(parent) = target.parent() {
        std::fs::create_dir_all(parent)?;
    }
    replace_dir(staging.keep(), target)?;
    Ok(files.iter().map(|f| target.join(&f.name)).collect())
}

/// Moves `staged` to `target`; an existing `target` is set aside first and
/// restored if the move fails.
fn replace_dir(staged: PathBuf, target: &Path) -> io::Result<()> {
    if !target.exists() {
        return std::fs::rename(&staged, target).inspect_err(|_| {
            let _ = std::fs::remove_dir_all(&staged);
        });
    }
    let aside = target.with_extension(format!("replaced-{}", std::process::id()));
    std::fs::rename(target, &aside)?;
    match std::fs::rename(&staged, target) {
        Ok(()) => {
            let _ = std::fs::remove_dir_all(&aside);
            Ok(())
        }
        Err(e) => {
            let _ = std::fs::rename(&aside, target);
            let _ = std::fs::remove_dir_all(&staged);
            Err(e)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str, text: &str) -> OutputFile {
        OutputFile { name: name.into(), bytes: text.as_bytes().to_vec() }
    }

    #[test]
    fn writes_all_files_and_leaves_no_staging_folder() {
        let out = tempfile::tempdir().unwrap();
        let target = out.path().join("org/2027");
        let written = write_folder(out.path(), &target, &[file("a.pdf", "A"), file("b.xlsx", "B")]).unwrap();
        assert_eq!(written.len(), 2);
        assert_eq!(std::fs::read_to_string(target.join("a.pdf")).unwrap(), "A");
        let names: Vec<_> = std::fs::read_dir(out.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, ["org"]);
    }

    #[test]
    fn a_rebuild_replaces_the_whole_folder() {
        let out = tempfile::tempdir().unwrap();
        let target = out.path().join("org/2027");
        write_folder(out.path(), &target, &[file("old.pdf", "1")]).unwrap();
        write_folder(out.path(), &target, &[file("new.pdf", "2")]).unwrap();
        assert!(!target.join("old.pdf").exists());
        assert_eq!(std::fs::read_to_string(target.join("new.pdf")).unwrap(), "2");
        assert_eq!(std::fs::read_dir(out.path().join("org")).unwrap().count(), 1);
    }
}
