//! A real-time watchdog for the hangs that virtual time cannot catch.
//!
//! The deadline of [`within`](crate::within) is a tokio timer, and a timer
//! fires only when the runtime gets to it. Two kinds of answer never let it:
//!
//! - one that **never yields**: a loop with no `.await`, a spin on an
//!   atomic, a blocking wait the world cannot see. The runtime's only thread
//!   never comes back to the scheduler.
//! - one that **keeps the clock from moving**: a loop of `yield_now` until
//!   the clock reaches some time, or a `spawn_blocking` task that never ends
//!   (tokio holds the paused clock while one runs). The runtime is busy, or
//!   held, so the paused clock never jumps to the deadline.
//!
//! Either would hang `cargo test` forever. So `within` also arms this
//! watchdog: a thread that waits, in real time, for the call to end. A
//! healthy kata call ends in milliseconds; the limit is seconds, so the
//! watchdog is a safety net and never part of a healthy pass. When it
//! bites, it tells the two kinds apart by asking the runtime to run a tiny
//! probe task (a runtime that never yields cannot), prints a marker line for
//! the runner (see `kata-protocol`) and the explanation for the learner, and
//! ends the test binary: a thread stuck in a loop cannot be stopped any
//! other way.

use std::io::Write as _;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::Duration;

use kata_protocol::{Cause, Marker};

use kata_protocol::WATCHDOG_LIMIT_ENV as LIMIT_ENV;
use tokio::runtime::Handle;

/// How long a kata call may take in real time before the watchdog bites.
const LIMIT: Duration = Duration::from_secs(3);

/// How long the probe task gets to run before the runtime is judged stuck.
const PROBE_PATIENCE: Duration = Duration::from_millis(500);

/// An armed watchdog; dropping it disarms it.
pub(crate) struct Watchdog {
    _disarm: mpsc::Sender<()>,
}

impl Watchdog {
    /// Arms a watchdog for a kata call on the tokio runtime of the test
    /// running on this thread: when it bites, a probe task tells a runtime
    /// that never yields from one whose clock is stuck.
    pub(crate) fn arm() -> Watchdog {
        let runtime = Handle::current();
        Watchdog::arm_with(move || {
            if runtime_comes_back(&runtime, PROBE_PATIENCE) {
                Cause::ClockStuck
            } else {
                Cause::NeverYields
            }
        })
    }

    /// Arms a watchdog whose `diagnosis` says why the call hung, for a call
    /// that runs no tokio runtime (see `reactor::watched`).
    pub(crate) fn arm_with(diagnosis: impl FnOnce() -> Cause + Send + 'static) -> Watchdog {
        let test = thread::current().name().unwrap_or("this test").to_owned();
        let (disarm, disarmed) = mpsc::channel::<()>();
        let limit = limit();
        thread::Builder::new()
            .name("kata-watchdog".to_owned())
            .spawn(move || {
                // The sender is never used: it is dropped when the call ends.
                if let Err(RecvTimeoutError::Timeout) = disarmed.recv_timeout(limit) {
                    bite(&test, limit, diagnosis());
                }
            })
            .expect("cannot start the watchdog thread");
        Watchdog { _disarm: disarm }
    }
}

fn limit() -> Duration {
    std::env::var(LIMIT_ENV)
        .ok()
        .and_then(|ms| ms.parse().ok())
        .map_or(LIMIT, Duration::from_millis)
}

/// Says what hung and ends the process.
fn bite(test: &str, limit: Duration, cause: Cause) -> ! {
    let marker = Marker::Stopped {
        test: test.to_owned(),
        cause,
    };
    // Straight to the process's stderr: libtest captures `eprintln!` of a
    // test's threads and would drop it with the process.
    let mut stderr = std::io::stderr().lock();
    let _ = writeln!(
        stderr,
        "\n{marker}\nThe watchdog stopped `{test}` after {:.1} s of real time: {}\n",
        limit.as_secs_f64(),
        cause.explanation()
    );
    let _ = stderr.flush();
    std::process::exit(101);
}

/// Whether the runtime still runs tasks: it runs a probe spawned onto it
/// within `patience`, real time.
pub(crate) fn runtime_comes_back(runtime: &Handle, patience: Duration) -> bool {
    let (ran, probe) = mpsc::channel();
    runtime.spawn(async move {
        let _ = ran.send(());
    });
    // A runtime that has shut down drops the probe unrun: that is not
    // "stuck", and the sender's drop ends the wait at once.
    !matches!(probe.recv_timeout(patience), Err(RecvTimeoutError::Timeout))
}
