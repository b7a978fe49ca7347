//! A real-time watchdog for the hangs that virtual time cannot catch.
//!
//! The deadline of [`within`](crate::within) is a tokio timer, and a timer
//! fires only when the runtime gets to it. Some answers never let it:
//!
//! - one that **never yields**: a loop with no `.await`, or whose `.await`s
//!   are never pending (a `poll!` loop), a spin on an atomic, a blocking
//!   wait the world cannot see. The runtime's only thread never comes back
//!   to the scheduler.
//! - one that **blocks** the runtime's thread for long stretches between
//!   `.await`s (real sleeps): the thread comes back now and then, but too
//!   late and too seldom for the test to end in time.
//! - one that **keeps the clock from moving**: a loop of `yield_now` until
//!   the clock reaches some time, or a `spawn_blocking` task that never ends
//!   (tokio holds the paused clock while one runs). The runtime is free,
//!   but never idle, so the paused clock never jumps to the deadline.
//! - synchronous code that **never returns**: a `block_on` that nothing
//!   drives, where there is no task to probe.
//!
//! Any of them would hang `cargo test` for ever. So every step test runs
//! under this watchdog (`#[world::step]` arms it around the whole test
//! body; [`within`](crate::within) and the `watched` functions arm one of
//! their own when no step test did): a thread that waits, in real time, for
//! the test to end. A healthy test ends in milliseconds; the limit is
//! seconds, so the watchdog is a safety net and never part of a healthy
//! pass. When it bites, it prints a marker line for the runner (see
//! `kata-protocol`) and the explanation for the learner, and ends the test
//! binary: a thread stuck in a loop cannot be stopped any other way.
//!
//! **How it tells the causes apart.** What the test is doing is recorded as
//! a stack of [`Watched`] contexts (the step's runtime, a `within` on a
//! runtime, a `watched` synchronous call); the innermost decides. For code
//! on a runtime, the watchdog does not trust one look at the moment the
//! limit passes: a thread blocked by three one-second sleeps with `.await`s
//! between is free for an instant between two of them, and one probe sent
//! then would call it free. Instead, over the last part of the limit (the
//! probe window, longer than a plausible blocking call), it sends the
//! runtime one probe task after another and judges by the *worst* wait: no
//! probe ever run is a thread that never yields; a probe that waited long
//! is a blocked thread; every probe run at once is a free runtime whose
//! clock is stuck. A healthy test has ended long before the window opens,
//! so no probe ever touches one.

use std::cell::RefCell;
use std::io::Write as _;
use std::sync::mpsc::{self, RecvTimeoutError, TryRecvError};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread;
use std::time::{Duration, Instant};

use kata_protocol::WATCHDOG_LIMIT_ENV as LIMIT_ENV;
use kata_protocol::{Cause, Marker};
use tokio::runtime::Handle;

use crate::say;

/// How long a test may take in real time before the watchdog bites.
const LIMIT: Duration = Duration::from_secs(3);

/// The longest probe window: longer than a plausible blocking call in a
/// kata (the katas' blocking calls take up to 1 s), so that a thread
/// blocked by such calls one after another is seen blocked by at least one
/// probe. A short limit (the harness's own tests) gets its last three
/// quarters.
const PROBE_WINDOW: Duration = Duration::from_millis(1500);

/// How often the watchdog looks at its probe while the window is open.
const PROBE_TICK: Duration = Duration::from_millis(5);

/// What the test is doing, for the diagnosis when the watchdog bites.
#[derive(Clone)]
pub(crate) enum Watched {
    /// Running tasks on this tokio runtime: probe tasks tell a thread that
    /// never yields, a blocked thread and a stuck clock apart.
    Runtime(Handle),
    /// Code with no runtime to probe (synchronous code, a learner's own
    /// executor), whose likely cause is known in advance.
    Fixed(Cause),
}

/// The contexts of one watched test, innermost last.
struct Watch {
    contexts: Mutex<Vec<(u64, Watched)>>,
    /// The kernel's id of the thread under watch (Linux), to ask the
    /// kernel what it is doing when it never comes back.
    tid: Option<u32>,
}

impl Watch {
    fn contexts(&self) -> MutexGuard<'_, Vec<(u64, Watched)>> {
        self.contexts.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn innermost(&self) -> Watched {
        self.contexts()
            .last()
            .map(|(_, watched)| watched.clone())
            .unwrap_or(Watched::Fixed(Cause::NeverReturns))
    }
}

thread_local! {
    /// The watch of the step test running on this thread, if one is armed.
    static CURRENT: RefCell<Option<Arc<Watch>>> = const { RefCell::new(None) };
}

/// An armed watchdog, or a context pushed onto one; dropping it disarms
/// it, or pops the context.
pub(crate) struct Watchdog {
    watch: Arc<Watch>,
    id: u64,
    /// Present when this guard armed the watchdog thread: its drop (the
    /// sender is never used) tells the thread the test ended.
    _disarm: Option<mpsc::Sender<()>>,
    /// Whether this guard set the thread's current watch.
    step: bool,
}

impl Watchdog {
    /// Arms the watchdog of a whole step test, run on this thread, with
    /// `base` as what it does when nothing more precise is known.
    pub(crate) fn step(base: Watched) -> Watchdog {
        let mut watchdog = Watchdog::arm(base);
        CURRENT.with(|current| *current.borrow_mut() = Some(Arc::clone(&watchdog.watch)));
        watchdog.step = true;
        watchdog
    }

    /// Says that the test is now doing `what`: pushed onto the step test's
    /// watch when one is armed on this thread, else armed as a watchdog of
    /// its own (a test that does not go through `#[world::step]`, such as
    /// the world's own).
    pub(crate) fn watch(what: Watched) -> Watchdog {
        let Some(watch) = CURRENT.with(|current| current.borrow().clone()) else {
            return Watchdog::arm(what);
        };
        let id = next_id();
        watch.contexts().push((id, what));
        Watchdog {
            watch,
            id,
            _disarm: None,
            step: false,
        }
    }

    fn arm(what: Watched) -> Watchdog {
        let test = thread::current().name().unwrap_or("this test").to_owned();
        let id = next_id();
        let watch = Arc::new(Watch {
            contexts: Mutex::new(vec![(id, what)]),
            tid: kernel::current_tid(),
        });
        let (disarm, disarmed) = mpsc::channel::<()>();
        let watched = Arc::clone(&watch);
        let limit = limit();
        thread::Builder::new()
            .name("kata-watchdog".to_owned())
            .spawn(move || {
                if let Some(verdict) = watch_over(&watched, limit, &disarmed) {
                    bite(&test, limit, &verdict);
                }
            })
            .expect("cannot start the watchdog thread");
        Watchdog {
            watch,
            id,
            _disarm: Some(disarm),
            step: false,
        }
    }
}

impl Drop for Watchdog {
    fn drop(&mut self) {
        self.watch.contexts().retain(|(id, _)| *id != self.id);
        if self.step {
            CURRENT.with(|current| {
                let mut current = current.borrow_mut();
                if current
                    .as_ref()
                    .is_some_and(|watch| Arc::ptr_eq(watch, &self.watch))
                {
                    *current = None;
                }
            });
        }
        // `disarm`, if this guard has it, is dropped after this: the
        // watchdog thread then sees the channel closed.
    }
}

fn next_id() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

fn limit() -> Duration {
    std::env::var(LIMIT_ENV)
        .ok()
        .and_then(|ms| ms.parse().ok())
        .map_or(LIMIT, Duration::from_millis)
}

/// The probe window for `limit`: its last [`PROBE_WINDOW`], or its last
/// three quarters if that is shorter. Either way at least the first
/// quarter is left to the test alone (1.5 s of the default 3 s): a healthy
/// test ends in milliseconds, long before a probe could touch it. (A short
/// limit's window was its second half: the harness's tests of hangs then
/// waited 400 ms more each, to judge by the same window.)
pub(crate) fn probe_window(limit: Duration) -> Duration {
    PROBE_WINDOW.min(limit * 3 / 4)
}

/// The wait, in the window, above which a probe shows a blocked thread: a
/// sixth of the window (250 ms by default). A free runtime runs a probe in
/// microseconds, and a loaded machine delays a runnable thread by tens of
/// milliseconds, not hundreds.
pub(crate) fn blocked_wait(window: Duration) -> Duration {
    window / 6
}

/// What the watchdog concluded, and what it saw to conclude it.
pub(crate) struct Verdict {
    pub(crate) cause: Cause,
    pub(crate) seen: String,
}

/// Waits for the test to end; `None` if it did within `limit`, else the
/// verdict, judged from probes over the window before the limit.
fn watch_over(watch: &Watch, limit: Duration, disarmed: &mpsc::Receiver<()>) -> Option<Verdict> {
    let started = Instant::now();
    let window = probe_window(limit);
    // The sender is never used: it is dropped when the test ends.
    if disarmed.recv_timeout(limit - window) != Err(RecvTimeoutError::Timeout) {
        return None;
    }
    let mut probes = Probes::default();
    let mut asleep = kernel::Asleep::default();
    let end = started + limit;
    loop {
        if let Watched::Runtime(runtime) = watch.innermost() {
            probes.tick(&runtime);
            // Only a current-thread runtime runs on the thread that armed
            // the watch: a multi-thread runtime's test thread sleeps in its
            // `block_on` while the workers run, and says nothing of them.
            if runtime.runtime_flavor() == tokio::runtime::RuntimeFlavor::CurrentThread {
                asleep.sample(watch.tid);
            }
        }
        let now = Instant::now();
        if now >= end {
            break;
        }
        if disarmed.recv_timeout(PROBE_TICK.min(end - now)) != Err(RecvTimeoutError::Timeout) {
            return None;
        }
    }
    Some(match watch.innermost() {
        Watched::Fixed(cause) => Verdict {
            cause,
            seen: fixed_seen(cause),
        },
        Watched::Runtime(_) => probes.verdict(window).refined(&asleep),
    })
}

fn fixed_seen(cause: Cause) -> String {
    match cause {
        Cause::NeverTurns => say!(
            en: "the executor under test was still running",
            ko: "테스트 중인 executor가 아직 실행 중이었습니다",
        ),
        _ => say!(
            en: "the synchronous code under test had not returned",
            ko: "테스트 중인 동기 코드가 아직 반환하지 않았습니다",
        ),
    }
}

/// Probe tasks sent to a runtime one after another, and how long each
/// waited to be run.
#[derive(Default)]
pub(crate) struct Probes {
    /// The probe sent and not run yet: when it was sent, and where it says
    /// it ran.
    pending: Option<(Instant, mpsc::Receiver<Instant>)>,
    /// How long each probe that ran waited.
    waits: Vec<Duration>,
    /// Probes the runtime dropped unrun (it was shutting down).
    dropped: usize,
}

impl Probes {
    /// Collects the pending probe if it ran, and sends the next one if none
    /// is pending.
    fn tick(&mut self, runtime: &Handle) {
        if let Some((sent, ran)) = &self.pending {
            match ran.try_recv() {
                Ok(at) => {
                    self.waits.push(at.saturating_duration_since(*sent));
                    self.pending = None;
                }
                Err(TryRecvError::Disconnected) => {
                    self.dropped += 1;
                    self.pending = None;
                }
                Err(TryRecvError::Empty) => {}
            }
        }
        if self.pending.is_none() {
            let (tx, rx) = mpsc::channel();
            let sent = Instant::now();
            runtime.spawn(async move {
                let _ = tx.send(Instant::now());
            });
            self.pending = Some((sent, rx));
        }
    }

    /// The worst wait seen: a probe still pending counts for as long as it
    /// has waited so far.
    fn worst(&self) -> Duration {
        let pending = self
            .pending
            .as_ref()
            .map(|(sent, _)| sent.elapsed())
            .unwrap_or_default();
        self.waits
            .iter()
            .copied()
            .max()
            .unwrap_or_default()
            .max(pending)
    }

    pub(crate) fn verdict(&self, window: Duration) -> Verdict {
        let worst = self.worst();
        let ran = self.waits.len();
        if ran == 0 && self.pending.is_some() {
            Verdict {
                cause: Cause::NeverYields,
                seen: say!(
                    en: "the runtime did not run a probe task sent {worst} before, so its thread \
                         never came back to the scheduler in that time",
                    ko: "런타임이 {worst} 전에 보낸 프로브 태스크를 실행하지 않았습니다. 그동안 \
                         스레드가 스케줄러로 한 번도 돌아오지 않았다는 뜻입니다",
                    worst = millis(worst),
                ),
            }
        } else if worst >= blocked_wait(window) {
            Verdict {
                cause: Cause::Blocked,
                seen: say!(
                    en: "over the last {window}, the runtime ran {ran} probe task(s), but one \
                         waited {worst} for its thread",
                    ko: "마지막 {window} 동안 런타임이 프로브 태스크를 {ran}개 실행했지만, 그중 \
                         하나는 스레드를 {worst} 기다렸습니다",
                    window = millis(window),
                    worst = millis(worst),
                ),
            }
        } else {
            Verdict {
                cause: Cause::ClockStuck,
                seen: say!(
                    en: "over the last {window}, the runtime ran {ran} probe task(s), each \
                         within {worst}: its thread was free, yet the test did not end",
                    ko: "마지막 {window} 동안 런타임이 프로브 태스크를 {ran}개 실행했고, 모두 \
                         {worst} 안에 실행됐습니다. 스레드는 비어 있었는데도 테스트가 끝나지 \
                         않았습니다",
                    window = millis(window),
                    worst = millis(worst),
                ),
            }
        }
    }
}

impl Verdict {
    /// A thread that never came back and that the kernel found asleep on a
    /// futex at every look is not running a loop: it is blocked in a wait
    /// that nothing on it can end (a `std::sync::Mutex` locked twice).
    fn refined(self, asleep: &kernel::Asleep) -> Verdict {
        if self.cause != Cause::NeverYields || !asleep.always_on_futex() {
            return self;
        }
        let looks = asleep.looks;
        Verdict {
            cause: Cause::BlockedForever,
            seen: say!(
                en: "{seen}; the kernel showed the thread asleep, waiting on a futex (a lock), \
                     at all {looks} looks, and never woken in between",
                ko: "{seen}. 커널로 {looks}번 살펴본 스레드는 매번 futex(락)를 기다리며 잠들어 \
                     있었고, 그사이 한 번도 깨어나지 않았습니다",
                seen = self.seen,
            ),
        }
    }
}

/// What the kernel says a thread is doing (Linux: `/proc`). Elsewhere, or
/// where `/proc` does not say (a sandbox that hides a thread's `syscall` or
/// `status`), it says nothing, and the verdicts are the probes' alone: such a
/// hang is `never-yields`, as before the kernel was asked.
///
/// What it reads, of the thread under watch, at each look of the probe
/// window: its state (`/proc/self/task/TID/stat`: `S` or `D`, asleep), the
/// system call it sleeps in (`.../syscall`: its number first, `futex` for a
/// lock, a condition variable, a channel or a `park`), and its context
/// switches (`.../status`: `voluntary_ctxt_switches` and
/// `nonvoluntary_ctxt_switches`). A thread blocked for ever is asleep in the
/// same futex wait at every look, and never switched in between: the counts
/// do not move. A loop that sleeps on a futex with a timeout and wakes again
/// (`recv_timeout`, `wait_timeout`) moves them, and stays `never-yields`.
/// None of it depends on how loaded the machine is: a thread that never
/// wakes is not scheduled, whatever else runs.
mod kernel {
    /// The calling thread's kernel id.
    pub(super) fn current_tid() -> Option<u32> {
        // "/proc/thread-self" links to "PID/task/TID".
        let link = std::fs::read_link("/proc/thread-self").ok()?;
        link.file_name()?.to_str()?.parse().ok()
    }

    /// The futex system call's number on this architecture.
    const FUTEX: Option<u64> = if cfg!(target_arch = "x86_64") {
        Some(202)
    } else if cfg!(target_arch = "aarch64") {
        Some(98)
    } else {
        None
    };

    /// One look at thread `tid` of this process: whether it is asleep in
    /// the futex system call right now, and its context switches so far;
    /// `None` if the kernel does not say.
    fn look(tid: u32) -> Option<(bool, u64)> {
        let futex = FUTEX?;
        let task = format!("/proc/self/task/{tid}");
        let status = std::fs::read_to_string(format!("{task}/status")).ok()?;
        let switches = ["voluntary_ctxt_switches:", "nonvoluntary_ctxt_switches:"]
            .iter()
            .map(|key| {
                status
                    .lines()
                    .find_map(|line| line.strip_prefix(key))?
                    .trim()
                    .parse::<u64>()
                    .ok()
            })
            .sum::<Option<u64>>()?;
        let stat = std::fs::read_to_string(format!("{task}/stat")).ok()?;
        // The state follows the command name, which is in parentheses.
        let state = stat.rsplit_once(')')?.1.split_whitespace().next()?;
        if state != "S" && state != "D" {
            return Some((false, switches));
        }
        // "running" when it woke meanwhile: no number, no look.
        let syscall = std::fs::read_to_string(format!("{task}/syscall")).ok()?;
        let number: u64 = syscall.split_whitespace().next()?.parse().ok()?;
        Some((number == futex, switches))
    }

    /// The looks taken at a thread over the probe window.
    #[derive(Default)]
    pub(super) struct Asleep {
        pub(super) looks: usize,
        on_futex: usize,
        /// The context switches at the first look and at the last.
        switches: Option<(u64, u64)>,
    }

    impl Asleep {
        pub(super) fn sample(&mut self, tid: Option<u32>) {
            let Some((on, switches)) = tid.and_then(look) else {
                return;
            };
            self.looks += 1;
            self.on_futex += usize::from(on);
            let first = self.switches.map_or(switches, |(first, _)| first);
            self.switches = Some((first, switches));
        }

        /// Asleep on a futex at every look, never switched in between, and
        /// looked at often enough to mean it.
        pub(super) fn always_on_futex(&self) -> bool {
            self.looks >= 10
                && self.on_futex == self.looks
                && self.switches.is_some_and(|(first, last)| first == last)
        }
    }
}

fn millis(d: Duration) -> String {
    format!("{} ms", d.as_millis())
}

/// Says what hung and ends the process.
fn bite(test: &str, limit: Duration, verdict: &Verdict) -> ! {
    let marker = Marker::Stopped {
        test: test.to_owned(),
        cause: verdict.cause,
    };
    // Straight to the process's stderr: libtest captures `eprintln!` of a
    // test's threads and would drop it with the process.
    let mut stderr = std::io::stderr().lock();
    let lang = say::lang();
    let why = verdict.cause.explanation(lang);
    let seen = &verdict.seen;
    let words = say!(in lang;
        en: "The watchdog stopped `{test}` after {secs:.1} s of real time: {why}\n\
             (What it saw: {seen}.)",
        ko: "워치독이 실제 시간 {secs:.1}초가 지나 `{test}` 테스트를 멈췄습니다. {why}\n\
             (워치독이 본 것: {seen}.)",
        secs = limit.as_secs_f64(),
    );
    // The marker line never changes with the language: the runner reads it.
    let _ = writeln!(stderr, "\n{marker}\n{words}\n");
    let _ = stderr.flush();
    std::process::exit(101);
}

/// Whether the runtime still runs tasks: it runs a probe spawned onto it
/// within `patience`, real time. (For a blocking call made off the runtime
/// thread, asking whether the runtime waits for it: see `legacy.rs`.)
pub(crate) fn runtime_comes_back(runtime: &Handle, patience: Duration) -> bool {
    let (ran, probe) = mpsc::channel();
    runtime.spawn(async move {
        let _ = ran.send(());
    });
    // A runtime that has shut down drops the probe unrun: that is not
    // "stuck", and the sender's drop ends the wait at once.
    !matches!(probe.recv_timeout(patience), Err(RecvTimeoutError::Timeout))
}
