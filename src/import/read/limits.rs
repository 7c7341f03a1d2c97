//! Every limit in one place. Each is far above what a real HR export needs
//! and low enough that, together, they keep a run under ~1 GiB.

/// The workbook file itself, read once into memory (a snapshot that cannot
/// change under us, shared with the archive/fingerprint code).
/// Real exports: < 20 MB for xlsx/ods, < 40 MB for xls.
pub const MAX_FILE_BYTES: u64 = crate::files::INPUT_FILE_LIMIT;
/// Zip entries in an xlsx/ods. Excel writes ~10-30 plus one per sheet,
/// drawing, comment, etc.
pub const MAX_ZIP_ENTRIES: usize = 10_000;
/// Uncompressed size of one zip part (a sheet's XML, sharedStrings.xml, ...).
/// 100k rows x 40 columns of typical XML is ~150-200 MB.
pub const MAX_PART_BYTES: u64 = 256 << 20;
/// Sum of all uncompressed parts: bounds CPU time (decompression), not memory.
pub const MAX_TOTAL_BYTES: u64 = 1 << 30;
/// Longest XML token (a text node, a tag with its attributes, a comment)
/// the parser may buffer. A 32,767-character cell written with entities
/// (`&amp;` = 5 bytes, `&#x10FFFF;` = 10 bytes per character) is < 330 KB.
pub const MAX_XML_TOKEN_BYTES: u64 = 1 << 20;
/// Characters in one cell or one shared string: Excel's own limit.
pub const MAX_CELL_CHARS: usize = 32_767;
/// Shared strings (unique texts) per workbook.
pub const MAX_SHARED_STRINGS: usize = 4_000_000;
/// Non-empty cells per workbook (~40 bytes each, text counted separately).
pub const MAX_CELLS: usize = 8_000_000;
/// Bytes of text held for the whole workbook (shared + inline strings).
pub const MAX_TEXT_BYTES: usize = 256 << 20;
/// Cell formats (cellXfs): Excel's own limit is 64,000.
pub const MAX_CELL_FORMATS: usize = 64_000;
/// Excel's grid.
pub const MAX_ROWS: u32 = 1_048_576;
pub const MAX_COLS: u32 = 16_384;
/// Sheets per workbook.
pub const MAX_SHEETS: usize = 1_000;
