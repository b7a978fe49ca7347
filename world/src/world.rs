//! The clock, the recorder, and who is acting right now.
//!
//! A [`World`] is created at the start of a test, on the runtime's own thread,
//! and handed to the services the kata uses. It keeps three things:
//!
//! - **the clock**: offsets from the moment the world started, read from
//!   tokio's (paused) clock, plus the time the runtime thread spent blocked;
//! - **the trace**: every event every service recorded;
//! - **the runtime**: its thread, so a blocking call can tell whether it is
//!   about to freeze every task (see [`crate::legacy`]); and a handle on it,
//!   so that a thread tokio does not run (one from `std::thread::spawn`)
//!   still reads the paused clock rather than the real one.
//!
//! Every event also says which thread recorded it ([`Thread`]) and in which
//! tokio task, so a test can tell work that ran in a task of its own (a
//! `spawn`, a `JoinSet`) from work polled inside its caller (a `join!`).
//!
//! When the test fails, the test's own handle on the world, dropped as the
//! test unwinds, calls the failure hook, if one is installed
//! ([`on_failure`]): the world knows nothing of tests and snapshots, and
//! test support above it installs what a failure should show.

use std::fmt::Display;
use std::future::Future;
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};
use std::thread::{self, ThreadId};
use std::time::Duration;

use tokio::runtime::Handle;
use tokio::task::Id as TaskId;
use tokio::time::Instant;

use crate::trace::{Event, Fill, Kind, Thread, Trace};

/// What the test's own world calls when it is dropped while its test
/// panics: the test's name (its thread's), the snapshot it compares with,
/// and what was recorded.
pub type FailureHook = fn(test: &str, snapshot: &str, trace: &Trace);

static ON_FAILURE: OnceLock<FailureHook> = OnceLock::new();

/// Installs the failure hook, once per process (later calls keep the
/// first). Installed from above, by whatever runs tests on the world (the
/// step entry point installs the picture of the two timelines), so that
/// the world's core never calls up into test support.
pub fn on_failure(hook: FailureHook) {
    let _ = ON_FAILURE.set(hook);
}

thread_local! {
    /// The world of the test running on this thread, for `within`'s
    /// messages. Weak: the test owns its world.
    static CURRENT: std::cell::RefCell<std::sync::Weak<Inner>> =
        const { std::cell::RefCell::new(std::sync::Weak::new()) };
}

tokio::task_local! {
    /// The name of the actor whose code is running, set by [`World::track`].
    /// Services record under this name, so the events of "inc 3" land on the
    /// row of "inc 3" however deep inside the kata the call was made.
    static ACTOR: String;
}

/// The simulated world: a clock, a trace recorder and the services' shared
/// state. Cheap to clone; every clone is the same world.
pub struct World {
    inner: Arc<Inner>,
    /// The handle [`World::start`] gave the test, as opposed to the clones
    /// that services and tasks hold. Its drop during a failing test is what
    /// shows the timelines: the test owns it, so it is dropped as the test
    /// unwinds, wherever the clones are.
    root: bool,
}

impl Clone for World {
    fn clone(&self) -> World {
        World {
            inner: Arc::clone(&self.inner),
            root: false,
        }
    }
}

struct Inner {
    clock: Clock,
    /// Told of every stall, for a service that waits on the world's clock
    /// rather than tokio's (see `cpu::Heartbeat`).
    stalls: tokio::sync::Notify,
    /// The thread that started the world: the runtime's, or for a manual
    /// clock, the thread that drives the learner's executor.
    runtime_thread: ThreadId,
    state: Mutex<State>,
}

/// Where the world reads the time.
enum Clock {
    /// tokio's clock (paused in tests), read inside the runtime it belongs to.
    Tokio { start: Instant, runtime: Handle },
    /// A clock that moves only when told to (see [`World::manual`]).
    Manual,
}

/// How a test draws its world's trace (see [`World::drawn_as`]).
type Drawn = Arc<dyn Fn(&Trace) -> Trace + Send + Sync>;

#[derive(Default)]
struct State {
    /// The test's normalisation of the trace, if any: what its snapshot
    /// draws, and so what the failure picture draws too.
    drawn: Option<Drawn>,
    /// The reference snapshot the test compares with, once it says so; until
    /// then, the test's own name.
    snapshot: Option<String>,
    /// Time the runtime thread spent blocked. tokio's paused clock cannot move
    /// while a synchronous call holds its only thread, so the world adds the
    /// blocked time to every offset it reads afterwards: whatever happened
    /// after the block happens that much later, as it would on a real clock.
    stalled: Duration,
    /// The manual clock's reading; see [`World::manual`].
    manual_now: Duration,
    /// A service was called on a thread tokio does not know. Set before the
    /// call records anything, so that a deadline missed meanwhile can say so.
    foreign_seen: bool,
    events: Vec<Event>,
}

impl World {
    /// Starts the world's clock at zero.
    ///
    /// Call it inside the test, on the runtime's thread: that thread becomes
    /// the one that a blocking call must not block.
    ///
    /// # Panics
    ///
    /// Outside a tokio runtime.
    pub fn start() -> World {
        World::with_clock(Clock::Tokio {
            start: Instant::now(),
            runtime: Handle::current(),
        })
    }

    /// Starts a world whose clock moves only by [`World::advance`], for a
    /// kata where tokio is not running: one whose learner writes the
    /// executor. Call it on the thread that will drive that executor.
    pub fn manual() -> World {
        World::with_clock(Clock::Manual)
    }

    fn with_clock(clock: Clock) -> World {
        let world = World {
            inner: Arc::new(Inner {
                clock,
                stalls: tokio::sync::Notify::new(),
                runtime_thread: thread::current().id(),
                state: Mutex::new(State::default()),
            }),
            root: true,
        };
        CURRENT.with(|current| *current.borrow_mut() = Arc::downgrade(&world.inner));
        world
    }

    /// The world started last on this thread and still alive: the one a
    /// missed deadline reports on.
    pub(crate) fn current() -> Option<World> {
        CURRENT
            .with(|current| current.borrow().upgrade())
            .map(|inner| World { inner, root: false })
    }

    /// The time since the world started, on the virtual clock.
    pub fn now(&self) -> Duration {
        match &self.inner.clock {
            Clock::Tokio { start, runtime } => {
                // tokio reads the paused clock of the runtime it is inside; a
                // thread of our own making is inside none and would read the
                // real clock, so its marks would land at about 0 ms. Entering
                // the handle makes every thread read the same clock.
                let _inside = runtime.enter();
                let stalled = self.state().stalled;
                Instant::now().duration_since(*start) + stalled
            }
            Clock::Manual => {
                let state = self.state();
                state.manual_now + state.stalled
            }
        }
    }

    /// Moves a manual clock forward by `by`.
    ///
    /// # Panics
    ///
    /// On a world that runs on tokio's clock, which only tokio moves.
    pub fn advance(&self, by: Duration) {
        assert!(
            matches!(self.inner.clock, Clock::Manual),
            "World::advance is for a world made with World::manual; tokio moves its own clock"
        );
        self.state().manual_now += by;
    }

    /// The tokio runtime the world lives in, for the probes that ask whether
    /// its thread is free; `None` for a manual clock.
    pub(crate) fn runtime(&self) -> Option<&Handle> {
        match &self.inner.clock {
            Clock::Tokio { runtime, .. } => Some(runtime),
            Clock::Manual => None,
        }
    }

    /// Everything recorded so far, in a stable order (see [`Trace`]).
    pub fn trace(&self) -> Trace {
        Trace::new(self.state().events.clone())
    }

    /// Runs `fut` as the actor `name`: services called from inside it record
    /// on that actor's row, and the call itself is drawn as a span from its
    /// first poll to its end (or to the moment it was dropped).
    pub async fn track<F: Future>(&self, name: impl Into<String>, fut: F) -> F::Output {
        let name = name.into();
        ACTOR
            .scope(name.clone(), async move {
                let span = self.span(&name, "", Fill::Work);
                let output = fut.await;
                span.end(None::<String>);
                output
            })
            .await
    }

    /// Runs `fut` as the actor `name`, as [`World::track`] does, but draws
    /// no span of its own: the services it calls draw their spans on that
    /// row, which then shows only them (the waits for a lock and the moves
    /// of money of kata 20's vaults, say).
    pub async fn acting_as<F: Future>(&self, name: impl Into<String>, fut: F) -> F::Output {
        ACTOR.scope(name.into(), fut).await
    }

    /// The actor whose code is running: the innermost [`World::track`], if any.
    pub fn current_actor() -> Option<String> {
        ACTOR.try_with(Clone::clone).ok()
    }

    /// Opens a span on `actor`'s row. It closes with [`Span::end`]; a span
    /// dropped before that is recorded as cancelled, which is what happens
    /// to a future that is dropped half-way (a timeout, a lost `select!`).
    pub fn span(&self, actor: &str, label: &str, fill: Fill) -> Span {
        self.record(
            actor,
            Kind::Start {
                label: label.to_owned(),
                fill,
            },
        );
        Span {
            world: self.clone(),
            actor: actor.to_owned(),
            label: label.to_owned(),
            open: true,
        }
    }

    /// Records that cleanup ran in a `Drop` on `actor`'s row: call it from
    /// a guard's `drop`, so that a cancelled call's cleanup shows on the
    /// timeline (`c`) at the moment it ran.
    pub fn cleanup(&self, actor: &str, what: impl Display) {
        self.record(actor, Kind::Cleanup(what.to_string()));
    }

    /// A guard that records `what` as a cleanup on `actor`'s row when it is
    /// dropped armed: the half-done work of a call whose future was dropped
    /// before it finished. The call disarms it once the work is done.
    pub(crate) fn rollback(&self, actor: &str, what: impl Display) -> Rollback {
        Rollback {
            world: self.clone(),
            actor: actor.to_owned(),
            what: what.to_string(),
            armed: true,
        }
    }

    /// Records a one-off remark on `actor`'s row, such as "blocked the
    /// runtime thread for 1000 ms".
    pub fn note(&self, actor: &str, text: impl Display) {
        self.record(actor, Kind::Note(text.to_string()));
    }

    /// Whether the caller runs on the thread that drives the runtime's tasks.
    pub fn on_runtime_thread(&self) -> bool {
        self.thread() == Thread::Runtime
    }

    /// The kind of thread the caller runs on.
    pub fn thread(&self) -> Thread {
        if thread::current().id() == self.inner.runtime_thread {
            Thread::Runtime
        } else if Handle::try_current().is_ok() {
            Thread::Pool
        } else {
            Thread::Foreign
        }
    }

    /// Whether a service was called on a thread tokio does not know.
    pub(crate) fn saw_foreign_thread(&self) -> bool {
        self.state().foreign_seen
    }

    /// Remembers that a service was called on a thread tokio does not know,
    /// before that call does anything that could wait.
    pub(crate) fn foreign_thread_seen(&self) {
        self.state().foreign_seen = true;
    }

    /// Charges `blocked` of real-world blocking to the runtime thread: every
    /// offset read from now on is that much later.
    pub(crate) fn stall(&self, blocked: Duration) {
        self.state().stalled += blocked;
        self.inner.stalls.notify_waiters();
    }

    /// Completes at the next stall: create it before reading the clock, so
    /// that a stall in between still wakes its waiter.
    pub(crate) fn next_stall(&self) -> tokio::sync::futures::Notified<'_> {
        self.inner.stalls.notified()
    }

    fn record(&self, actor: &str, kind: Kind) {
        let at = self.now();
        let thread = self.thread();
        let task: Option<TaskId> = tokio::task::try_id();
        let mut state = self.state();
        state.foreign_seen |= thread == Thread::Foreign;
        let seq = state.events.len();
        state.events.push(Event {
            at,
            actor: actor.to_owned(),
            kind,
            seq,
            thread,
            task,
        });
    }

    /// Tells the world which reference snapshot its test compares with, for
    /// the picture shown on failure. `assert_timeline!` calls it; a test with
    /// several worlds (several scenarios in one step) calls it before the
    /// kata runs, so that a failure in between shows the right reference.
    pub fn compared_with(&self, snapshot: &str) {
        self.state().snapshot = Some(snapshot.to_owned());
    }

    /// Says how the test draws this world's trace for its snapshot (the
    /// `drawn:` form of [`assert_timeline!`](crate::assert_timeline), which
    /// normalises what the lesson does not fix), so that a failure before
    /// the snapshot is asserted draws the learner's trace the same way, and
    /// compares like with like.
    pub fn drawn_as(&self, draw: impl Fn(&Trace) -> Trace + Send + Sync + 'static) {
        self.state().drawn = Some(Arc::new(draw));
    }

    fn state(&self) -> MutexGuard<'_, State> {
        // A panic while the lock is held (a failing assertion in a service)
        // leaves the data intact: every write is a single push or add.
        self.inner.state.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl Drop for World {
    /// The test's own handle goes while the test unwinds from a failed
    /// assertion: the failure hook shows what it was installed to show.
    fn drop(&mut self) {
        if !self.root || !thread::panicking() || !self.on_runtime_thread() {
            return;
        }
        let Some(hook) = ON_FAILURE.get() else {
            return;
        };
        // libtest names a test's thread after the test.
        let Some(test) = thread::current().name().map(str::to_owned) else {
            return;
        };
        let (snapshot, drawn) = {
            let state = self.state();
            let snapshot = state.snapshot.clone().unwrap_or_else(|| test.clone());
            (snapshot, state.drawn.clone())
        };
        let trace = match drawn {
            Some(draw) => draw(&self.trace()),
            None => self.trace(),
        };
        hook(&test, &snapshot, &trace);
    }
}

/// An open span on one actor's row; see [`World::span`].
#[must_use = "a span that is dropped at once records a cancelled call"]
pub struct Span {
    world: World,
    actor: String,
    label: String,
    open: bool,
}

impl Span {
    /// Closes the span, with what the call produced if it is worth showing.
    pub fn end(mut self, detail: Option<impl Display>) {
        self.open = false;
        let label = std::mem::take(&mut self.label);
        let detail = detail.map(|d| d.to_string());
        self.world.record(&self.actor, Kind::End { label, detail });
    }

    /// Closes the span as a call that returned `error`.
    pub fn fail(mut self, error: impl Display) {
        self.open = false;
        let label = std::mem::take(&mut self.label);
        let error = error.to_string();
        self.world
            .record(&self.actor, Kind::Failed { label, error });
    }
}

impl Drop for Span {
    /// A span never closed was cut short: by a panic unwinding through its
    /// code, or else by its future being dropped (cancelled).
    fn drop(&mut self) {
        if self.open {
            let label = std::mem::take(&mut self.label);
            let kind = if thread::panicking() {
                Kind::Panicked { label }
            } else {
                Kind::Dropped { label }
            };
            self.world.record(&self.actor, kind);
        }
    }
}

/// Undoes half-done work when a call is dropped before it finished: its
/// `Drop` is where a cancelled future's cleanup lives (see
/// [`World::rollback`]).
pub(crate) struct Rollback {
    world: World,
    actor: String,
    what: String,
    armed: bool,
}

impl Rollback {
    /// The work finished: nothing to undo.
    pub(crate) fn disarm(mut self) {
        self.armed = false;
    }
}

impl Drop for Rollback {
    fn drop(&mut self) {
        if self.armed {
            self.world.cleanup(&self.actor, &self.what);
        }
    }
}
