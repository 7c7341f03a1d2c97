//! A batch whose clients misbehave: one whose layout never ends, one whose
//! layout exhausts memory, one whose worker dies, and folders that cannot be
//! used. Each ends in its own row; the others are built; the summary is
//! always printed.

use opleidingsplan::batch::{self, BatchOptions, Outcome, Processes, progress::Silent};
use opleidingsplan::synthetic::batch::{BatchSpec, write_batch};
use std::path::Path;
use std::process::Command;
use std::time::Duration;

/// A layout part that replaces the cover with one that never ends.
fn hang(folder: &Path) {
    let parts = folder.join("layouts/parts");
    std::fs::create_dir_all(&parts).unwrap();
    let source = "#let cover(data) = { let n = 0; for i in range(100000) { for j in range(100000) { n += 1 } }; [#n] }\n";
    std::fs::write(parts.join("cover.typ"), source).unwrap();
}

/// A layout part that builds an ever larger array: gigabytes if let run.
fn bomb(folder: &Path) {
    let parts = folder.join("layouts/parts");
    std::fs::create_dir_all(&parts).unwrap();
    let source = "#let cover(data) = { let a = (); for i in range(400000000) { a.push(i) }; [#a.len()] }\n";
    std::fs::write(parts.join("cover.typ"), source).unwrap();
}

#[test]
fn hanging_exhausting_and_unusable_clients_fail_alone() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("klanten");
    let out = dir.path().join("plannen");
    let spec = BatchSpec { clients: 5, seed: 11, year: 2027, employees: (20, 30) };
    let folders = write_batch(&root, &spec).unwrap();
    hang(&folders[1]);
    bomb(&folders[2]);
    // A plan.toml that is a folder, and one that is a dangling link.
    std::fs::create_dir_all(root.join("90-map/plan.toml")).unwrap();
    std::fs::create_dir_all(root.join("91-link")).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink("/nowhere/plan.toml", root.join("91-link/plan.toml")).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_opleidingsplan"))
        .args(["batch", root.to_str().unwrap(), "--out", out.to_str().unwrap()])
        .args(["--jobs", "2", "--timeout", "8", "--memory", "400", "--lang", "en"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let (stdout, stderr) = (String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    assert_eq!(output.status.code(), Some(1), "stdout:\n{stdout}\nstderr:\n{stderr}");
    // Three clients built, four rows failed, all in the summary.
    assert!(stdout.contains("3 built, 0 unchanged, 4 failed"), "{stdout}");
    assert!(stderr.contains("took longer than 8 s"), "{stderr}");
    assert!(stderr.contains("more than 400 MiB"), "{stderr}");
    assert!(stderr.contains("90-map") && stderr.contains("plan.toml is not a file"), "{stderr}");
    assert!(stderr.contains("91-link"), "{stderr}");
    for i in [0, 3, 4] {
        let name = folders[i].file_name().unwrap().to_string_lossy().into_owned();
        let slug = name.split_once('-').unwrap().1.to_string();
        assert!(
            stdout
                .lines()
                .any(|l| l.contains("built") && l.contains(&slug[..8.min(slug.len())]) || l.contains(&slug))
        );
    }
}

#[test]
fn a_worker_that_dies_takes_only_its_plan_down() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("klanten");
    let spec = BatchSpec { clients: 3, seed: 12, year: 2027, employees: (20, 25) };
    let folders = write_batch(&root, &spec).unwrap();
    let doomed = folders[1].file_name().unwrap().to_string_lossy().into_owned();
    // A stand-in for the binary that dies (as on a crash) when handed the
    // doomed client, and is the real worker otherwise.
    let script = dir.path().join("worker.sh");
    let real = env!("CARGO_BIN_EXE_opleidingsplan");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nwhile IFS= read -r line; do\n  case \"$line\" in *{doomed}*) kill -9 $$ ;; esac\n  printf '%s\\n' \"$line\" | \"{real}\" \"$@\"\ndone\n"
        ),
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let out = dir.path().join("plannen");
    let processes = Processes {
        program: script,
        time_limit: Duration::from_secs(60),
        memory_limit_mib: 2048,
        arguments: vec![
            "batch-worker".into(),
            root.display().to_string(),
            "--out".into(),
            out.display().to_string(),
            "--lang".into(),
            "en".into(),
        ],
    };
    let options = BatchOptions { out, jobs: Some(1), isolation: Some(processes), ..Default::default() };
    let reports = batch::run(&root, &options, &Silent).unwrap();
    let failed: Vec<bool> = reports.iter().map(|r| r.outcome.failed()).collect();
    assert_eq!(failed, [false, true, false], "{reports:?}");
    assert!(
        matches!(&reports[1].outcome, Outcome::Failed(f) if format!("{f:?}").contains("signal 9")),
        "{reports:?}"
    );
}
