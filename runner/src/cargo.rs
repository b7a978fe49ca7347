//! Runs `cargo test -p NAME` as a child process.
//!
//! Its output is captured, to be read by `libtest.rs`. It gets real-time
//! limits, because a kata must never hang its learner or CI, and two of
//! them, because a build and a test run take very different times. The
//! build gets minutes: a cold build of every dependency fits well within
//! them. Each test binary then gets seconds: the tests run on virtual time,
//! and the harness's own watchdog stops a hung test after about 3 s, so a
//! binary still running after [`RUN_LIMIT`] is stuck where that watchdog
//! could not reach. cargo says when the build is done, on the stderr we
//! read anyway: it prints `Running <binary>` (or `Doc-tests <crate>`)
//! before each test binary, and builds everything before the first. (A
//! `cargo test --no-run` first would tell the same at the cost of a second
//! cargo, 0.12 s on a warm build whose test run takes 0.18 s.)
//!
//! Everything cargo starts shares the process group it is started in: the
//! compilers, the test binary (the likely culprit of a hang), and whatever
//! a test spawns. The whole group is killed when a limit passes, when the
//! learner presses Ctrl-C (or the runner gets SIGTERM or SIGHUP), and also
//! when cargo is done: a process a test left running (a `sleep 45` it never
//! waited for) holds our pipes open, and would keep us waiting after cargo
//! itself has finished. What the tests reported by then is shown, and no
//! process is left behind.
//!
//! `KATA_RUN_LIMIT` (seconds, default 30) sets the limit per test binary:
//! for the runner's own tests, which must not wait 30 s to see it pass.

use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex, Once};
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

use crate::libtest::{self, Outcome};
use crate::messages::{Check, text, tr};
use crate::tty;

/// How long the build may take.
const BUILD_LIMIT: Duration = Duration::from_secs(300);
/// How long each test binary may run once the build is done, unless
/// `KATA_RUN_LIMIT` says otherwise.
const RUN_LIMIT: Duration = Duration::from_secs(30);
/// How long the pipes may stay open once the process group is killed: only
/// a process that left the group (`setsid`) can hold them longer, and we
/// do not wait for it.
const PIPE_GRACE: Duration = Duration::from_secs(2);

/// What a finished `cargo test` said.
pub struct Output {
    pub success: bool,
    /// libtest's report.
    pub stdout: String,
    /// cargo's progress and the compiler's diagnostics.
    pub stderr: String,
}

/// `cargo test -p package`, run in `dir` (so that its `.cargo/config.toml`
/// applies), building into `target_dir` when given. `columns` is the width
/// the harness may draw timelines in (it reads `COLUMNS`): the child's own
/// terminal is a pipe. `lang` is the language the tests' failure messages
/// are written in (`kata_protocol::LANG_ENV`).
pub fn test(
    dir: &Path,
    package: &str,
    target_dir: Option<&Path>,
    columns: Option<usize>,
    lang: kata_protocol::Lang,
) -> Result<Output> {
    let mut command = test_command(dir, package, target_dir, columns);
    command.env(kata_protocol::LANG_ENV, lang.code());
    let limits = Limits {
        build: BUILD_LIMIT,
        run: run_limit(),
    };
    run(command, package, limits)
}

/// The world's test that every stored snapshot of the crate `test_crate`
/// (a kata's lib name) reads back as a timeline, run in the workspace at
/// `dir`: the runner asks the world, which alone can parse a timeline,
/// rather than build tokio itself.
pub fn snapshots_read_back(dir: &Path, test_crate: &str, target_dir: &Path) -> Result<Output> {
    let mut command = test_command(dir, "world", Some(target_dir), None);
    command
        .args(["--test", "snapshots"])
        .env(kata_protocol::SNAPSHOTS_OF_ENV, test_crate);
    let limits = Limits {
        build: BUILD_LIMIT,
        run: run_limit(),
    };
    run(command, "world", limits)
}

/// `cargo test -p package` in `dir`, its output piped.
fn test_command(
    dir: &Path,
    package: &str,
    target_dir: Option<&Path>,
    columns: Option<usize>,
) -> Command {
    // When run by `cargo kata`, this is the cargo that ran us.
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = Command::new(cargo);
    command
        .args(["test", "--color", "never", "-p", package])
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    // What is read is each panic's message, from libtest's report: a
    // learner's `RUST_BACKTRACE=1` would bury it under backtraces, and
    // `RUST_TEST_NOCAPTURE` take it out of the report.
    command
        .env("RUST_BACKTRACE", "0")
        .env("RUST_LIB_BACKTRACE", "0")
        .env_remove("RUST_TEST_NOCAPTURE");
    if let Some(target_dir) = target_dir {
        command.env("CARGO_TARGET_DIR", target_dir);
    }
    if let Some(columns) = columns {
        command.env("COLUMNS", columns.to_string());
    }
    command
}

struct Limits {
    build: Duration,
    run: Duration,
}

/// The limit a child was stopped at.
enum Stopped {
    Building,
    Running,
}

/// The process id, and so the process group id, of the running child; 0
/// when there is none.
static CHILD: AtomicU32 = AtomicU32::new(0);
/// Set by the signal handler: the learner pressed Ctrl-C (or we got
/// SIGTERM or SIGHUP) while a child ran.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// The limit per test binary: `KATA_RUN_LIMIT` seconds when it is set to a
/// whole number from 1 to 3600, else [`RUN_LIMIT`].
fn run_limit() -> Duration {
    let Some(text) = std::env::var_os("KATA_RUN_LIMIT") else {
        return RUN_LIMIT;
    };
    match text.to_str().and_then(|t| t.parse::<u64>().ok()) {
        Some(seconds @ 1..=3600) => Duration::from_secs(seconds),
        _ => {
            eprintln!(
                "warning: KATA_RUN_LIMIT={} is not a number of seconds from 1 to 3600; \
                 the limit is {} s",
                text.to_string_lossy(),
                RUN_LIMIT.as_secs()
            );
            RUN_LIMIT
        }
    }
}

fn run(mut command: Command, package: &str, limits: Limits) -> Result<Output> {
    handle_signals();
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut command, 0);

    let mut child = command
        .spawn()
        .with_context(|| tr(Check::CannotStart, &[("package", &package)]))?;
    CHILD.store(child.id(), Ordering::SeqCst);
    let (binary_started, binaries) = mpsc::channel();
    let stdout = Drain::start(child.stdout.take(), None);
    let stderr = Drain::start(child.stderr.take(), Some(binary_started));

    let status = wait(&mut child, &binaries, &limits);
    // cargo is done, or stopped: whatever it started and left running goes
    // with it. (The group outlives cargo while a member lives, so its id
    // cannot have been reused.)
    kill(&mut child);
    CHILD.store(0, Ordering::SeqCst);
    let (stdout, stderr) = (stdout.finish(PIPE_GRACE), stderr.finish(PIPE_GRACE));
    if INTERRUPTED.load(Ordering::SeqCst) {
        show_what_ran(&stdout, &stderr, "Stopped by Ctrl-C.");
        tty::restore();
        std::process::exit(130);
    }
    match status? {
        Ok(status) => Ok(Output {
            success: status.success(),
            stdout,
            stderr,
        }),
        Err(Stopped::Running) => {
            show_what_ran(&stdout, &stderr, text(Check::StoppedAtLimit));
            let secs = limits.run.as_secs();
            bail!(
                "{}",
                tr(
                    Check::StillRunning,
                    &[("package", &package), ("secs", &secs)]
                )
            )
        }
        Err(Stopped::Building) => {
            let secs = limits.build.as_secs();
            bail!(
                "{}",
                tr(
                    Check::StillBuilding,
                    &[("package", &package), ("secs", &secs)]
                )
            )
        }
    }
}

/// Waits for `child` to exit, or for a limit to pass (then kills its group
/// and reaps it). The build's limit runs from the start, each test
/// binary's from the moment cargo announced it.
fn wait(
    child: &mut Child,
    binaries: &Receiver<Instant>,
    limits: &Limits,
) -> std::io::Result<Result<std::process::ExitStatus, Stopped>> {
    let started = Instant::now();
    // Since when the test binary now running has run; none while building.
    let mut running: Option<Instant> = None;
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(Ok(status));
        }
        running = last(binaries).or(running);
        let stopped = match running {
            Some(since) if since.elapsed() > limits.run => Some(Stopped::Running),
            None if started.elapsed() > limits.build => Some(Stopped::Building),
            _ => None,
        };
        if let Some(stopped) = stopped {
            kill(child);
            child.wait()?;
            return Ok(Err(stopped));
        }
        thread::sleep(Duration::from_millis(20));
    }
}

/// After a stop, the tests that reported before it, one line each, so that
/// what ran is not lost with the rest.
fn show_what_ran(stdout: &str, stderr: &str, why: &str) {
    let report = libtest::parse(stdout, stderr);
    let finished: Vec<_> = report
        .tests
        .iter()
        .filter(|t| matches!(t.outcome, Outcome::Passed | Outcome::Failed))
        .collect();
    if finished.is_empty() {
        println!("\n{}", tr(Check::NoneFinished, &[("why", &why)]));
        return;
    }
    println!("\n{}", tr(Check::SomeFinished, &[("why", &why)]));
    for test in finished {
        let word = match test.outcome {
            Outcome::Passed => Check::Ok,
            _ => Check::Failed,
        };
        // Seven columns, as `check` marks its tests.
        let mark = crate::style::pad(text(word), 7);
        println!("  {mark} {}", test.name);
    }
}

/// The latest of the instants sent so far, if any.
fn last(instants: &Receiver<Instant>) -> Option<Instant> {
    instants.try_iter().last()
}

/// A pipe read to its end on a thread of its own, so that neither pipe
/// fills up and blocks the child while we wait for it. On cargo's stderr,
/// each line that starts a test binary is also reported, when it is read.
struct Drain {
    bytes: Arc<Mutex<Vec<u8>>>,
    ended: Receiver<()>,
}

impl Drain {
    fn start(
        pipe: Option<impl Read + Send + 'static>,
        binary_started: Option<Sender<Instant>>,
    ) -> Drain {
        let bytes = Arc::new(Mutex::new(Vec::new()));
        let (end, ended) = mpsc::channel();
        let shared = Arc::clone(&bytes);
        thread::spawn(move || {
            if let Some(pipe) = pipe {
                let mut reader = BufReader::new(pipe);
                let mut line = Vec::new();
                while reader.read_until(b'\n', &mut line).is_ok_and(|n| n > 0) {
                    if let Some(sender) = &binary_started {
                        if starts_a_test_binary(&String::from_utf8_lossy(&line)) {
                            let _ = sender.send(Instant::now());
                        }
                    }
                    shared
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .append(&mut line);
                }
            }
            let _ = end.send(());
        });
        Drain { bytes, ended }
    }

    /// What was read, once the pipe has ended or `grace` has passed.
    fn finish(self, grace: Duration) -> String {
        let _ = self.ended.recv_timeout(grace);
        let bytes = self.bytes.lock().unwrap_or_else(|e| e.into_inner());
        String::from_utf8_lossy(&bytes).into_owned()
    }
}

/// cargo's `     Running tests/lock-race.rs (target/debug/deps/...)` or
/// `   Doc-tests lock_race`: the build is done, a test binary starts.
fn starts_a_test_binary(line: &str) -> bool {
    let line = line.trim_start();
    line.starts_with("Running ") || line.starts_with("Doc-tests ")
}

/// The child runs in a process group of its own, out of reach of the
/// terminal's Ctrl-C; so we catch Ctrl-C (and SIGTERM and SIGHUP: the
/// `termination` feature of ctrlc) for every command, once. With a child
/// running, its group is killed and the command shows what ran before it
/// exits; otherwise, or if it does not within a few seconds, we exit at
/// once. Either way the terminal is given back as it was, should `watch`
/// or `interview` have changed its modes (`exit` skips destructors).
pub fn handle_signals() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        // Without the handler a signal still stops us, only not the child.
        let _ = ctrlc::set_handler(|| {
            INTERRUPTED.store(true, Ordering::SeqCst);
            let pid = CHILD.load(Ordering::SeqCst);
            if pid != 0 {
                kill_group(pid);
                // `run` shows what ran, then exits; this is the fallback.
                thread::sleep(PIPE_GRACE + Duration::from_secs(1));
            }
            tty::restore();
            std::process::exit(130);
        });
    });
}

fn kill(child: &mut Child) {
    if cfg!(unix) {
        kill_group(child.id());
    } else {
        let _ = child.kill();
    }
}

#[cfg(unix)]
fn kill_group(pid: u32) {
    use nix::sys::signal::{Signal, killpg};
    use nix::unistd::Pid;
    if let Ok(pid) = i32::try_from(pid) {
        let _ = killpg(Pid::from_raw(pid), Signal::SIGKILL);
    }
}

#[cfg(not(unix))]
fn kill_group(_pid: u32) {}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    /// `sh -c script`, as `run` would start cargo.
    fn shell(script: &str) -> Command {
        let mut command = Command::new("sh");
        command
            .args(["-c", script])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        command
    }

    fn limits(build_ms: u64, run_ms: u64) -> Limits {
        Limits {
            build: Duration::from_millis(build_ms),
            run: Duration::from_millis(run_ms),
        }
    }

    #[test]
    fn a_finished_run_is_read_whole() {
        let script = "echo '     Running tests/x.rs (target/x)' >&2; echo 'test a ... ok'";
        let output = run(shell(script), "x", limits(5000, 5000)).unwrap();
        assert!(output.success);
        assert_eq!(output.stdout, "test a ... ok\n");
        assert!(output.stderr.contains("Running tests/x.rs"));
    }

    #[test]
    fn a_test_binary_that_hangs_gets_the_short_limit() {
        let script = "echo '     Running tests/x.rs (target/x)' >&2; sleep 10";
        let started = Instant::now();
        let error = run(shell(script), "x", limits(60_000, 200)).err().unwrap();
        assert!(started.elapsed() < Duration::from_secs(5));
        let error = error.to_string();
        assert!(error.contains("after the build finished"), "{error}");
        assert!(error.contains("a busy loop?"), "{error}");
        assert!(error.contains("`cargo test -p x` shows more"), "{error}");
    }

    #[test]
    fn a_build_gets_the_long_limit_and_says_it_was_building() {
        let script = "echo '   Compiling x v0.1.0' >&2; sleep 10";
        let error = run(shell(script), "x", limits(300, 60_000)).err().unwrap();
        assert!(
            error.to_string().contains("still building after"),
            "{error}"
        );
    }

    #[test]
    fn cargo_announces_each_test_binary() {
        assert!(starts_a_test_binary(
            "     Running tests/lock-race.rs (target/debug/deps/lock_race-1f2e)\n"
        ));
        assert!(starts_a_test_binary("   Doc-tests lock_race\n"));
        assert!(!starts_a_test_binary("   Compiling lock-race v0.1.0\n"));
        assert!(!starts_a_test_binary("test step1 ... ok\n"));
    }
}
