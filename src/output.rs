//! A file of a plan, rendered in memory. Nothing reaches the disk until
//! every file of a build is ready; then the archive writes them as one new
//! version (see `crate::archive`).

pub struct OutputFile {
    pub name: String,
    pub bytes: Vec<u8>,
}
