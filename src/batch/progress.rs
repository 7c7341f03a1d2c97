//! What a person sees while a batch runs: a progress bar with the plans in
//! the making and an ETA on a terminal, a line per plan otherwise (CI, logs),
//! or nothing at all.

use super::{ClientReport, Outcome};
use crate::i18n::Messages;
use crate::terminal::tell;
use indicatif::{ProgressBar, ProgressStyle};
use std::sync::Mutex;
use std::time::Duration;

/// Told about a batch as it goes; called from the worker threads.
pub trait Progress: Sync {
    /// The batch found `plans` plan folders and begins.
    fn start(&self, _plans: usize) {}
    /// Work on one plan begins; `client` is its organisation's name.
    fn started(&self, _client: &str) {}
    /// One plan is done: built, skipped or failed.
    fn finished(&self, _report: &ClientReport) {}
    /// Every plan is done.
    fn done(&self) {}
}

/// Says nothing (`--quiet`, tests).
pub struct Silent;

impl Progress for Silent {}

/// A line per plan as it finishes, for logs.
pub(crate) struct Lines<'m> {
    pub messages: &'m Messages,
    count: Mutex<(usize, usize)>,
}

impl<'m> Lines<'m> {
    pub fn new(messages: &'m Messages) -> Self {
        Self { messages, count: Mutex::new((0, 0)) }
    }
}

impl Progress for Lines<'_> {
    fn start(&self, plans: usize) {
        if let Ok(mut count) = self.count.lock() {
            count.1 = plans;
        }
    }

    fn finished(&self, report: &ClientReport) {
        let Ok(mut count) = self.count.lock() else { return };
        count.0 += 1;
        let status = status(report, self.messages);
        let time = seconds(report.elapsed);
        tell!("[{}/{}] {status:<10} {}  ({time})", count.0, count.1, report.client);
    }
}

/// A bar with the plans being built and the time left, on a terminal.
pub(crate) struct Bar<'m> {
    bar: ProgressBar,
    messages: &'m Messages,
    active: Mutex<Vec<String>>,
}

impl<'m> Bar<'m> {
    pub fn new(messages: &'m Messages) -> Self {
        let bar = ProgressBar::new(0);
        let style = ProgressStyle::with_template(
            "{spinner} [{bar:32}] {pos}/{len}  {elapsed} (ETA {eta})  {wide_msg}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> ");
        bar.set_style(style);
        bar.enable_steady_tick(Duration::from_millis(120));
        Self { bar, messages, active: Mutex::new(Vec::new()) }
    }

    fn show_active(&self, active: &[String]) {
        self.bar.set_message(active.join(", "));
    }
}

impl Progress for Bar<'_> {
    fn start(&self, plans: usize) {
        self.bar.set_length(plans as u64);
    }

    fn started(&self, client: &str) {
        if let Ok(mut active) = self.active.lock() {
            active.push(client.to_string());
            self.show_active(&active);
        }
    }

    fn finished(&self, report: &ClientReport) {
        if let Ok(mut active) = self.active.lock() {
            if let Some(i) = active.iter().position(|c| c == &report.client) {
                active.remove(i);
            }
            self.show_active(&active);
        }
        if report.outcome.failed() {
            self.bar.println(format!("{}  {}", status(report, self.messages), report.client));
        }
        self.bar.inc(1);
    }

    fn done(&self) {
        self.bar.finish_and_clear();
    }
}

pub(crate) fn status(report: &ClientReport, m: &Messages) -> String {
    match report.outcome {
        Outcome::Built { .. } => m.batch_built.clone(),
        Outcome::Skipped { .. } => m.batch_skipped.clone(),
        Outcome::Failed(_) => m.batch_failed.clone(),
    }
}

/// "1,2 s" is not worth localising here: seconds with one decimal.
pub fn seconds(elapsed: Duration) -> String {
    format!("{:.1} s", elapsed.as_secs_f64())
}
