//! The author's to-do list, printed by `check` (worded in `view::todo`).

use crate::i18n::Messages;
use crate::terminal::say;
use crate::view::PlanView;

/// Prints the to-do list for `view` (the internal edition), if any.
pub fn print(view: &PlanView, m: &Messages) {
    let items = crate::view::todo::todos(view, m);
    if items.is_empty() {
        return;
    }
    say!();
    say!("{}", m.todo.title);
    for item in items {
        say!("  - {item}");
    }
}
