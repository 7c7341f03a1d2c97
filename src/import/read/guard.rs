//! A `BufRead` wrapper that bounds what an XML parser can make us buffer.
//!
//! quick-xml accumulates one whole event (a text node, a tag with all its
//! attributes, a comment) in the caller's buffer before returning it, so a
//! part that is 3 GB of whitespace becomes one 3 GB text event. The guard
//! counts the bytes handed to the parser since the caller last called
//! [`Guard::event_done`] and fails the read once that exceeds the token limit;
//! it also fails once the whole part exceeds the part limit (in case the zip
//! layer's own check is ever missing).
use std::io::{self, BufRead, Read};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tripped {
    Token,
    Part,
}

pub struct Guard<R> {
    inner: R,
    since_event: u64,
    total: u64,
    token_limit: u64,
    part_limit: u64,
    pub tripped: Option<Tripped>,
}

impl<R: BufRead> Guard<R> {
    pub fn new(inner: R, token_limit: u64, part_limit: u64) -> Self {
        Self { inner, since_event: 0, total: 0, token_limit, part_limit, tripped: None }
    }

    /// The parser returned an event: its buffer is free again.
    #[inline]
    pub fn event_done(&mut self) {
        self.since_event = 0;
    }

    fn check(&mut self) -> io::Result<()> {
        if self.since_event > self.token_limit {
            self.tripped = Some(Tripped::Token);
            return Err(io::Error::other("XML token too long"));
        }
        if self.total > self.part_limit {
            self.tripped = Some(Tripped::Part);
            return Err(io::Error::other("part too large"));
        }
        Ok(())
    }
}

impl<R: BufRead> Read for Guard<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = {
            let avail = self.fill_buf()?;
            let n = avail.len().min(buf.len());
            buf[..n].copy_from_slice(&avail[..n]);
            n
        };
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Guard<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.check()?;
        self.inner.fill_buf()
    }
    fn consume(&mut self, n: usize) {
        self.since_event += n as u64;
        self.total += n as u64;
        self.inner.consume(n);
    }
}
