//! Embeds the default layout (`layouts/default/**`), the bundled fonts
//! (`layouts/fonts/*.otf|ttf`) and the sector rules (`rules/*.toml`) in
//! the binary, so the tool renders the same document wherever it runs,
//! without looking for files next to itself.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("layouts");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut code = String::new();
    code.push_str("pub static DEFAULT_LAYOUT: &[(&str, &[u8])] = &[\n");
    for (virtual_path, path) in files(&root.join("default"), |_| true) {
        writeln!(code, "    ({virtual_path:?}, include_bytes!({:?})),", path.display()).unwrap();
    }
    code.push_str("];\n");
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").unwrap());
    std::fs::write(out.join("embedded.rs"), code).unwrap();
    let mut fonts = String::from("pub static BUNDLED_FONTS: &[&[u8]] = &[\n");
    let is_font = |p: &Path| matches!(p.extension().and_then(|e| e.to_str()), Some("otf" | "ttf"));
    for (_, path) in files(&root.join("fonts"), is_font) {
        writeln!(fonts, "    include_bytes!({:?}),", path.display()).unwrap();
    }
    fonts.push_str("];\n");
    std::fs::write(out.join("bundled_fonts.rs"), fonts).unwrap();
    let rules_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    println!("cargo:rerun-if-changed={}", rules_dir.display());
    let mut rules = String::from("pub static BUNDLED_RULES: &[(&str, &str)] = &[\n");
    let is_rule = |p: &Path| p.extension().and_then(|e| e.to_str()) == Some("toml");
    for (name, path) in files(&rules_dir, is_rule) {
        writeln!(rules, "    ({:?}, include_str!({:?})),", name.trim_start_matches('/'), path.display())
            .unwrap();
    }
    rules.push_str("];\n");
    std::fs::write(out.join("bundled_rules.rs"), rules).unwrap();
    source_identity();
}

/// A hash of everything the tool is built from (its sources, layout, fonts
/// and locked dependencies), so a batch can tell that a plan built by
/// another version of the tool must be built again. FNV-1a: stable across
/// machines and compiler versions, which is all this needs.
fn source_identity() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for byte in bytes {
            hash ^= u64::from(*byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    for dir in ["src", "layouts", "rules"] {
        println!("cargo:rerun-if-changed={}", root.join(dir).display());
        for (relative, path) in files(&root.join(dir), |_| true) {
            feed(format!("{dir}{relative}").as_bytes());
            feed(&std::fs::read(path).unwrap());
        }
    }
    for file in ["Cargo.toml", "Cargo.lock"] {
        println!("cargo:rerun-if-changed={}", root.join(file).display());
        feed(file.as_bytes());
        feed(&std::fs::read(root.join(file)).unwrap_or_default());
    }
    println!("cargo:rustc-env=OPLEIDINGSPLAN_SOURCE_HASH={hash:016x}");
}

/// Files under `dir`, sorted, with their path relative to `dir` ("/main.typ").
fn files(dir: &Path, keep: impl Fn(&Path) -> bool) -> Vec<(String, std::path::PathBuf)> {
    let mut found: Vec<_> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && keep(e.path()))
        .map(|e| {
            println!("cargo:rerun-if-changed={}", e.path().display());
            let relative = e.path().strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/");
            (format!("/{relative}"), e.path().to_path_buf())
        })
        .collect();
    found.sort();
    found
}
