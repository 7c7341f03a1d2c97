//! Writing to the terminal: a closed pipe (`opleidingsplan history | head`)
//! ends the program quietly instead of with a panic, and a message that
//! cannot reach standard error is not worth failing over.

use std::fmt;
use std::io::{ErrorKind, Write};

/// Writes to standard output; a reader that went away ends the program
/// quietly (the work is done by the time anything is printed).
pub fn out(args: fmt::Arguments<'_>) {
    let mut stdout = std::io::stdout().lock();
    if let Err(e) = stdout.write_fmt(args).and_then(|()| stdout.flush())
        && e.kind() == ErrorKind::BrokenPipe
    {
        std::process::exit(0);
    }
}

/// Writes to standard error, ignoring a closed stream.
pub fn err(args: fmt::Arguments<'_>) {
    let _ = std::io::stderr().lock().write_fmt(args);
}

/// `println!` that ends quietly on a closed pipe.
macro_rules! say {
    () => { $crate::terminal::out(format_args!("\n")) };
    ($($arg:tt)*) => { $crate::terminal::out(format_args!("{}\n", format_args!($($arg)*))) };
}

/// `print!` that ends quietly on a closed pipe.
macro_rules! say_raw {
    ($($arg:tt)*) => { $crate::terminal::out(format_args!($($arg)*)) };
}

/// `eprintln!` that ignores a closed stream.
macro_rules! tell {
    () => { $crate::terminal::err(format_args!("\n")) };
    ($($arg:tt)*) => { $crate::terminal::err(format_args!("{}\n", format_args!($($arg)*))) };
}

pub(crate) use {say, say_raw, tell};
