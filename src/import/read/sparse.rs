//! Sparse sheets: only the filled cells, each with its position.
use super::error::ReadError;
use super::limits::*;
use calamine::Data;

/// A cell's value. Shared strings stay in the workbook's table and are
/// referenced by index, so 1 M cells pointing at one 32 K text cost 1 M x 16
/// bytes, not 1 M x 32 KB (calamine's `worksheet_range` clones the text into
/// every cell).
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Own(Data),
    Shared(u32),
}

#[derive(Debug, Default)]
pub struct Sheet {
    pub name: String,
    /// (row, col, value), sorted by (row, col) once the sheet is read.
    pub cells: Vec<(u32, u32, Value)>,
}

#[derive(Debug, Default)]
pub struct Book {
    pub sheets: Vec<Sheet>,
    pub strings: Vec<Data>,
}

impl Book {
    pub fn data<'a>(&'a self, v: &'a Value) -> &'a Data {
        match v {
            Value::Own(d) => d,
            Value::Shared(i) => &self.strings[*i as usize],
        }
    }
}

impl Sheet {
    pub fn finish(&mut self) {
        // Writers emit cells in order; sort only if needed (stable: a later
        // duplicate of the same cell stays after the earlier one).
        if !self.cells.windows(2).all(|w| (w[0].0, w[0].1) <= (w[1].0, w[1].1)) {
            self.cells.sort_by_key(|c| (c.0, c.1));
        }
        // a cell written twice: the later one wins, as in calamine's Range
        if self.cells.windows(2).any(|w| (w[0].0, w[0].1) == (w[1].0, w[1].1)) {
            let mut out: Vec<(u32, u32, Value)> = Vec::with_capacity(self.cells.len());
            for c in self.cells.drain(..) {
                match out.last_mut() {
                    Some(l) if (l.0, l.1) == (c.0, c.1) => *l = c,
                    _ => out.push(c),
                }
            }
            self.cells = out;
        }
        // Giving back spare capacity copies every cell: only worth it when
        // much is spare.
        if self.cells.capacity() > self.cells.len() + self.cells.len() / 2 {
            self.cells.shrink_to_fit();
        }
    }

    /// Rows that have cells, each as a slice of its cells: what the product's
    /// `Table` would walk instead of `Range::rows()`.
    pub fn rows(&self) -> impl Iterator<Item = (u32, &[(u32, u32, Value)])> {
        let mut rest = &self.cells[..];
        std::iter::from_fn(move || {
            let row = rest.first()?.0;
            let n = rest.iter().take_while(|c| c.0 == row).count();
            let (now, later) = rest.split_at(n);
            rest = later;
            Some((row, now))
        })
    }
}

/// Workbook-wide budgets.
#[derive(Default)]
pub struct Budget {
    cells: usize,
    text: usize,
}

impl Budget {
    pub fn cell(&mut self) -> Result<(), ReadError> {
        self.cells += 1;
        if self.cells > MAX_CELLS { Err(ReadError::TooManyCells { limit: MAX_CELLS }) } else { Ok(()) }
    }
    pub fn cells(&mut self, n: u64) -> Result<(), ReadError> {
        self.cells = self.cells.saturating_add(n as usize);
        if self.cells > MAX_CELLS { Err(ReadError::TooManyCells { limit: MAX_CELLS }) } else { Ok(()) }
    }
    pub fn text(&mut self, bytes: usize) -> Result<(), ReadError> {
        self.text = self.text.saturating_add(bytes);
        if self.text > MAX_TEXT_BYTES {
            Err(ReadError::TooMuchText { limit: MAX_TEXT_BYTES })
        } else {
            Ok(())
        }
    }
}

/// Appends `piece` to `out` unless that would pass MAX_CELL_CHARS characters;
/// `chars` tracks the count so far. Returns false when over the limit.
#[inline]
pub fn push_capped(out: &mut String, chars: &mut usize, piece: &str) -> bool {
    *chars += piece.chars().count();
    if *chars > MAX_CELL_CHARS {
        return false;
    }
    out.push_str(piece);
    true
}
