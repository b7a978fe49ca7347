//! Runs `cargo test -p NAME` as a child process.
//!
//! Its output is captured, to be read by `libtest.rs`. It gets a real-time
//! limit, because a kata must never hang its learner or CI: the tests run on
//! virtual time, so even a cold build of every dependency fits well within
//! it. And when it is stopped, by that limit or by Ctrl-C, so is everything
//! it started: the compilers and the test binary (the likely culprit of a
//! hang) share its process group, and the whole group is killed.

use std::io::Read;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::Once;
use std::sync::atomic::{AtomicU32, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

const TIME_LIMIT: Duration = Duration::from_secs(300);

/// What a finished `cargo test` said.
pub struct Output {
    pub success: bool,
    /// libtest's report.
    pub stdout: String,
    /// cargo's progress and the compiler's diagnostics.
    pub stderr: String,
}

/// `cargo test -p package`, run in `dir` (so that its `.cargo/config.toml`
/// applies), building into `target_dir` when given.
pub fn test(dir: &Path, package: &str, target_dir: Option<&Path>) -> Result<Output> {
    // When run by `cargo kata`, this is the cargo that ran us.
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = Command::new(cargo);
    command
        .args(["test", "--color", "never", "-p", package])
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(target_dir) = target_dir {
        command.env("CARGO_TARGET_DIR", target_dir);
    }
    run(command, &format!("`cargo test -p {package}`"))
}

/// The process id, and so the process group id, of the running child; 0
/// when there is none.
static CHILD: AtomicU32 = AtomicU32::new(0);

fn run(mut command: Command, what: &str) -> Result<Output> {
    stop_child_on_ctrl_c();
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut command, 0);

    let mut child = command
        .spawn()
        .with_context(|| format!("cannot start {what}"))?;
    CHILD.store(child.id(), Ordering::SeqCst);
    let stdout = drain(child.stdout.take());
    let stderr = drain(child.stderr.take());

    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break Some(status);
        }
        if started.elapsed() > TIME_LIMIT {
            kill(&mut child);
            child.wait()?;
            break None;
        }
        thread::sleep(Duration::from_millis(20));
    };
    CHILD.store(0, Ordering::SeqCst);

    let (stdout, stderr) = (stdout.join(), stderr.join());
    let Some(status) = status else {
        bail!(
            "{what} was still running after {} s; stopped it (a hang?)",
            TIME_LIMIT.as_secs()
        );
    };
    Ok(Output {
        success: status.success(),
        stdout: stdout.unwrap_or_default(),
        stderr: stderr.unwrap_or_default(),
    })
}

/// Reads a pipe to its end on a thread of its own, so that neither pipe
/// fills up and blocks the child while we wait for it.
fn drain(pipe: Option<impl Read + Send + 'static>) -> thread::JoinHandle<String> {
    thread::spawn(move || {
        let mut bytes = Vec::new();
        if let Some(mut pipe) = pipe {
            let _ = pipe.read_to_end(&mut bytes);
        }
        String::from_utf8_lossy(&bytes).into_owned()
    })
}

/// The child runs in a process group of its own, out of reach of the
/// terminal's Ctrl-C; so we catch Ctrl-C and pass it on, then exit.
fn stop_child_on_ctrl_c() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        // Without the handler Ctrl-C still stops us, only not the child.
        let _ = ctrlc::set_handler(|| {
            let pid = CHILD.load(Ordering::SeqCst);
            if pid != 0 {
                kill_group(pid);
            }
            // `exit` skips destructors: give the terminal back if `watch`
            // had it in raw mode.
            let _ = crossterm::terminal::disable_raw_mode();
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
