//! Where the calling code runs: its thread and its runtime's flavor.
//!
//! For a kata whose lesson is *where* work runs (kata 21's shards, each a
//! thread of its own with a current-thread runtime): the code reports
//! [`Place::here`] from inside the work, and the test reads it. It takes
//! no time.
//!
//! It also lets a test watch those threads end, which a test cannot see
//! otherwise: the first [`Place::here`] on a thread registers it, and when
//! that thread ends, its end is recorded ([`threads`]). A test can hold
//! such threads at their end ([`hold_exits`]), to see whether the code
//! under test waits for them (`JoinHandle::join`), and hold one thread in
//! its next [`Place::here`] ([`hold_next_here`]), to make that thread
//! finish its work after the others. Every hold gives way by itself after
//! the time it is given: it can delay a thread, never stop one for good.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use tokio::runtime::{Handle, RuntimeFlavor};
use tokio::sync::Notify;

/// The flavor of a tokio runtime: tokio's `RuntimeFlavor`, which is
/// neither `Clone` nor exhaustive, as a value a kata can hand back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flavor {
    /// A current-thread runtime (a `LocalRuntime` included): every task on
    /// the thread that drives it.
    CurrentThread,
    /// The multi-thread runtime: tasks on a pool of workers.
    MultiThread,
    /// A flavor this tokio has and this enum does not know.
    Other,
}

/// The thread and runtime the caller of [`Place::here`] runs on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    /// The thread's name (`std::thread::Builder::name`), if it has one.
    pub thread: Option<String>,
    /// The flavor of the tokio runtime the caller runs inside, if any:
    /// `CurrentThread` for a current-thread runtime (a `LocalRuntime`
    /// included), `MultiThread` for the multi-thread one.
    pub flavor: Option<Flavor>,
}

impl Place {
    /// Where the caller runs right now.
    pub fn here() -> Place {
        let thread = std::thread::current().name().map(str::to_owned);
        if let Some(name) = &thread {
            EXIT.with(|exit| exit.register(name));
            held_here(name);
        }
        Place {
            thread,
            flavor: Handle::try_current()
                .ok()
                .map(|h| match h.runtime_flavor() {
                    RuntimeFlavor::CurrentThread => Flavor::CurrentThread,
                    RuntimeFlavor::MultiThread => Flavor::MultiThread,
                    _ => Flavor::Other,
                }),
        }
    }
}

/// Where a registered thread is: still running, waiting at its end (held
/// by [`hold_exits`]), or ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// It called [`Place::here`], and has not reached its end.
    Running,
    /// It reached its end (its thread-locals are being destroyed) and waits
    /// there, held by [`hold_exits`].
    AtExit,
    /// It ended: whoever joins it now returns at once.
    Ended,
}

/// What is recorded of the threads that called [`Place::here`], by name.
#[derive(Default)]
struct Registry {
    stages: BTreeMap<String, Stage>,
    /// How long a thread waits at its end, while a [`hold_exits`] is alive.
    exit_hold: Option<Duration>,
    /// The thread whose next [`Place::here`] waits, and the hold's state.
    here_hold: Option<(String, Arc<HereState>)>,
}

struct HereState {
    held: Notify,
    at_most: Duration,
    released: AtomicBool,
}

static REGISTRY: Mutex<Option<Registry>> = Mutex::new(None);
static CHANGED: Condvar = Condvar::new();

fn registry() -> MutexGuard<'static, Option<Registry>> {
    REGISTRY.lock().unwrap_or_else(|p| p.into_inner())
}

/// Waits while `holding` says so of the registry, woken by each change to
/// it, and for `at_most` at the longest: every hold gives way by itself.
fn wait_while(at_most: Duration, holding: impl Fn(&Option<Registry>) -> bool) {
    let until = Instant::now() + at_most;
    let mut guard = registry();
    while holding(&guard) {
        let now = Instant::now();
        if now >= until {
            break;
        }
        guard = CHANGED
            .wait_timeout(guard, until - now)
            .unwrap_or_else(|p| p.into_inner())
            .0;
    }
}

fn with_registry<T>(f: impl FnOnce(&mut Registry) -> T) -> T {
    let mut guard = registry();
    let out = f(guard.get_or_insert_with(Registry::default));
    CHANGED.notify_all();
    out
}

/// Recorded when the thread ends: its thread-locals are destroyed after
/// the thread's closure returns, before a `join` of it can return.
struct ExitWatch {
    name: std::cell::RefCell<Option<String>>,
}

impl ExitWatch {
    fn register(&self, name: &str) {
        let mut mine = self.name.borrow_mut();
        if mine.is_none() {
            *mine = Some(name.to_owned());
            with_registry(|r| {
                r.stages.insert(name.to_owned(), Stage::Running);
            });
        }
    }
}

impl Drop for ExitWatch {
    fn drop(&mut self) {
        let Some(name) = self.name.get_mut().take() else {
            return;
        };
        let hold = with_registry(|r| {
            r.stages.insert(name.clone(), Stage::AtExit);
            r.exit_hold
        });
        if let Some(at_most) = hold {
            wait_while(at_most, |r| {
                r.as_ref().is_some_and(|r| r.exit_hold.is_some())
            });
        }
        with_registry(|r| {
            r.stages.insert(name, Stage::Ended);
        });
    }
}

thread_local! {
    static EXIT: ExitWatch = const {
        ExitWatch {
            name: std::cell::RefCell::new(None),
        }
    };
}

/// Waits in [`Place::here`] when a [`hold_next_here`] names this thread.
fn held_here(name: &str) {
    let Some(state) = with_registry(|r| match &r.here_hold {
        Some((thread, state)) if thread == name => {
            let state = Arc::clone(state);
            r.here_hold = None;
            Some(state)
        }
        _ => None,
    }) else {
        return;
    };
    state.held.notify_one();
    wait_while(state.at_most, |_| !state.released.load(Ordering::SeqCst));
}

/// The stage of every thread that called [`Place::here`] since the last
/// [`hold_exits`], by name.
pub fn threads() -> BTreeMap<String, Stage> {
    with_registry(|r| r.stages.clone())
}

/// Waits, in real time, until `done` holds of [`threads`], or `at_most`
/// passed; whether it held.
pub fn wait_for(done: impl Fn(&BTreeMap<String, Stage>) -> bool, at_most: Duration) -> bool {
    let until = Instant::now() + at_most;
    let mut guard = registry();
    loop {
        let stages = guard.get_or_insert_with(Registry::default).stages.clone();
        if done(&stages) {
            return true;
        }
        let now = Instant::now();
        if now >= until {
            return false;
        }
        guard = CHANGED
            .wait_timeout(guard, until - now)
            .unwrap_or_else(|p| p.into_inner())
            .0;
    }
}

/// While alive, a thread that called [`Place::here`] waits at its end
/// (stage [`Stage::AtExit`]) until the hold is dropped, or for `at_most`
/// at most. Forgets what was recorded before.
pub fn hold_exits(at_most: Duration) -> ExitHold {
    with_registry(|r| {
        r.stages.retain(|_, stage| *stage == Stage::Running);
        r.exit_hold = Some(at_most);
    });
    ExitHold { _private: () }
}

/// See [`hold_exits`].
pub struct ExitHold {
    _private: (),
}

impl Drop for ExitHold {
    fn drop(&mut self) {
        with_registry(|r| r.exit_hold = None);
    }
}

/// The next [`Place::here`] on the thread named `thread` waits until the
/// hold is dropped, or for `at_most` at most.
pub fn hold_next_here(thread: &str, at_most: Duration) -> HereHold {
    let state = Arc::new(HereState {
        held: Notify::new(),
        at_most,
        released: AtomicBool::new(false),
    });
    with_registry(|r| r.here_hold = Some((thread.to_owned(), Arc::clone(&state))));
    HereHold { state }
}

/// See [`hold_next_here`].
pub struct HereHold {
    state: Arc<HereState>,
}

impl HereHold {
    /// Resolves once the thread is held in its [`Place::here`].
    pub async fn held(&self) {
        self.state.held.notified().await;
    }
}

impl Drop for HereHold {
    fn drop(&mut self) {
        self.state.released.store(true, Ordering::SeqCst);
        with_registry(|r| {
            if r.here_hold
                .as_ref()
                .is_some_and(|(_, state)| Arc::ptr_eq(state, &self.state))
            {
                r.here_hold = None;
            }
        });
    }
}
