//! The batch's side of its worker processes: each plan goes to a worker
//! with a time limit and a memory limit. A worker that runs past the time
//! limit, grows past the memory limit or dies takes only its plan down: that
//! plan's row says what happened, the worker is replaced, and the others go
//! on.

use super::worker::{Reply, Request};
use super::{ClientReport, Failure, Outcome, Parsed, Progress};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::Mutex;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

/// How plans are kept apart.
#[derive(Debug, Clone)]
pub struct Processes {
    /// The program to start workers with: this binary.
    pub program: PathBuf,
    /// How long one plan may take.
    pub time_limit: Duration,
    /// How much memory (resident) a worker may use, in MiB.
    pub memory_limit_mib: u64,
    /// The arguments that tell a worker the batch's root and options.
    pub arguments: Vec<String>,
}

/// How often a waiting batch looks at its workers.
const TICK: Duration = Duration::from_millis(50);

/// A running worker: its process, its input, and its replies as they come.
struct Worker {
    child: Child,
    input: ChildStdin,
    replies: Receiver<String>,
}

impl Worker {
    fn start(processes: &Processes) -> std::io::Result<Self> {
        let mut child = Command::new(&processes.program)
            .args(&processes.arguments)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()?;
        let input = child.stdin.take().ok_or_else(|| std::io::Error::other("no input"))?;
        let output = child.stdout.take().ok_or_else(|| std::io::Error::other("no output"))?;
        let (send, replies) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(output).lines().map_while(Result::ok) {
                if send.send(line).is_err() {
                    break;
                }
            }
        });
        Ok(Self { child, input, replies })
    }

    fn stop(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Builds every parsed plan in worker processes, `jobs` at a time; one
/// report per plan, in their order.
pub(super) fn run(
    plans: Vec<Parsed>,
    jobs: usize,
    processes: &Processes,
    progress: &dyn Progress,
) -> Vec<ClientReport> {
    let count = plans.len();
    let queue: Mutex<Vec<(usize, Parsed)>> = Mutex::new(plans.into_iter().enumerate().rev().collect());
    let results: Vec<Mutex<Option<ClientReport>>> = (0..count).map(|_| Mutex::new(None)).collect();
    std::thread::scope(|scope| {
        for _ in 0..jobs.min(count.max(1)) {
            scope.spawn(|| {
                let mut worker: Option<Worker> = None;
                loop {
                    let next = queue.lock().ok().and_then(|mut q| q.pop());
                    let Some((i, plan)) = next else { break };
                    let report = build(plan, &mut worker, processes, progress);
                    progress.finished(&report);
                    if let Ok(mut slot) = results[i].lock() {
                        *slot = Some(report);
                    }
                }
                if let Some(worker) = worker {
                    // Closing its input ends a worker; it has nothing left to do.
                    drop(worker.input);
                    let mut child = worker.child;
                    let _ = child.wait();
                }
            });
        }
    });
    results.into_iter().filter_map(|r| r.into_inner().ok().flatten()).collect()
}

/// One plan in a worker, started if there is none.
fn build(
    plan: Parsed,
    worker: &mut Option<Worker>,
    processes: &Processes,
    progress: &dyn Progress,
) -> ClientReport {
    let client = plan.config.organisation.name.clone();
    progress.started(&client);
    let started = Instant::now();
    let failed = |failure: Failure| ClientReport {
        folder: plan.folder.clone(),
        client: client.clone(),
        outcome: Outcome::Failed(failure),
        elapsed: started.elapsed() + plan.elapsed,
    };
    if worker.is_none() {
        match Worker::start(processes) {
            Ok(started) => *worker = Some(started),
            Err(e) => return failed(Failure::Crashed(e.to_string())),
        }
    }
    let Some(running) = worker.as_mut() else { return failed(Failure::Crashed(String::new())) };
    let request = serde_json::to_string(&Request { folder: plan.folder.clone() }).unwrap_or_default();
    if writeln!(running.input, "{request}").and_then(|()| running.input.flush()).is_err() {
        let status = ended(worker.take());
        return failed(Failure::Crashed(status));
    }
    loop {
        match running.replies.recv_timeout(TICK) {
            Ok(line) => {
                return match serde_json::from_str::<Reply>(&line) {
                    Ok(reply) => {
                        let mut report = reply.into_report(plan.folder.clone());
                        report.elapsed += plan.elapsed;
                        report
                    }
                    Err(_) => continue,
                };
            }
            Err(RecvTimeoutError::Disconnected) => {
                let status = ended(worker.take());
                return failed(Failure::Crashed(status));
            }
            Err(RecvTimeoutError::Timeout) => {
                if started.elapsed() > processes.time_limit {
                    if let Some(w) = worker.take() {
                        w.stop();
                    }
                    return failed(Failure::TimedOut(processes.time_limit));
                }
                let resident = resident_mib(running.child.id());
                if resident.is_some_and(|mib| mib > processes.memory_limit_mib) {
                    if let Some(w) = worker.take() {
                        w.stop();
                    }
                    return failed(Failure::OutOfMemory(processes.memory_limit_mib));
                }
            }
        }
    }
}

/// How a worker that stopped answering ended: its exit status or signal.
fn ended(worker: Option<Worker>) -> String {
    let Some(mut worker) = worker else { return String::new() };
    let status = worker.child.wait();
    match status {
        Ok(status) => {
            #[cfg(unix)]
            {
                use std::os::unix::process::ExitStatusExt;
                if let Some(signal) = status.signal() {
                    return format!("signal {signal}");
                }
            }
            status.code().map(|c| format!("exit status {c}")).unwrap_or_default()
        }
        Err(e) => e.to_string(),
    }
}

/// The resident memory of process `pid` in MiB (Linux: from
/// `/proc/<pid>/status`; elsewhere unknown, and no memory limit applies).
fn resident_mib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(Path::new("/proc").join(pid.to_string()).join("status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024)
}
