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
//! When the test fails, the last handle on the world to go shows the
//! reference timeline beside the one recorded (see `harness::show_on_failure`).

use std::fmt::Display;
use std::future::Future;
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::{self, ThreadId};
use std::time::Duration;

use tokio::runtime::Handle;
use tokio::task::Id as TaskId;
use tokio::time::Instant;

use crate::trace::{Event, Fill, Kind, Trace};

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
#[derive(Clone)]
pub struct World {
    inner: Arc<Inner>,
}

struct Inner {
    start: Instant,
    runtime_thread: ThreadId,
    runtime: Handle,
    state: Mutex<State>,
}

/// The kind of thread an event was recorded on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Thread {
    /// The thread that drives the runtime's tasks: the one that must never
    /// block.
    Runtime,
    /// A thread of tokio's blocking pool (`spawn_blocking`), or any other
    /// thread running inside a tokio runtime.
    Pool,
    /// A thread tokio knows nothing of (`std::thread::spawn`). The paused
    /// clock does not wait for it; see [`crate::harness::within`].
    Foreign,
}

#[derive(Default)]
struct State {
    /// The reference snapshot the test compares with, once it says so; until
    /// then, the test's own name.
    snapshot: Option<String>,
    /// Time the runtime thread spent blocked. tokio's paused clock cannot move
    /// while a synchronous call holds its only thread, so the world adds the
    /// blocked time to every offset it reads afterwards: whatever happened
    /// after the block happens that much later, as it would on a real clock.
    stalled: Duration,
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
        let world = World {
            inner: Arc::new(Inner {
                start: Instant::now(),
                runtime_thread: thread::current().id(),
                runtime: Handle::current(),
                state: Mutex::new(State::default()),
            }),
        };
        CURRENT.with(|current| *current.borrow_mut() = Arc::downgrade(&world.inner));
        world
    }

    /// The world started last on this thread and still alive: the one the
    /// harness reports on.
    pub(crate) fn current() -> Option<World> {
        CURRENT
            .with(|current| current.borrow().upgrade())
            .map(|inner| World { inner })
    }

    /// The time since the world started, on the virtual clock.
    pub fn now(&self) -> Duration {
        // tokio reads the paused clock of the runtime it is inside; a thread
        // of our own making is inside none and would read the real clock, so
        // its marks would land at about 0 ms. Entering the handle makes
        // every thread read the same clock.
        let _inside = self.inner.runtime.enter();
        let stalled = self.state().stalled;
        Instant::now().duration_since(self.inner.start) + stalled
    }

    /// The runtime the world lives in, for the harness's probes.
    pub(crate) fn runtime(&self) -> &Handle {
        &self.inner.runtime
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

    /// Whether anything was recorded on a thread tokio does not know.
    pub(crate) fn saw_foreign_thread(&self) -> bool {
        self.state()
            .events
            .iter()
            .any(|e| e.thread == Thread::Foreign)
    }

    /// Charges `blocked` of real-world blocking to the runtime thread: every
    /// offset read from now on is that much later.
    pub(crate) fn stall(&self, blocked: Duration) {
        self.state().stalled += blocked;
    }

    fn record(&self, actor: &str, kind: Kind) {
        let at = self.now();
        let thread = self.thread();
        let task: Option<TaskId> = tokio::task::try_id();
        let mut state = self.state();
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

    fn state(&self) -> MutexGuard<'_, State> {
        // A panic while the lock is held (a failing assertion in a service)
        // leaves the data intact: every write is a single push or add.
        self.inner.state.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl Drop for Inner {
    /// The last handle on the world goes while its test unwinds from a failed
    /// assertion: show the reference timeline beside this one.
    fn drop(&mut self) {
        if !thread::panicking() || thread::current().id() != self.runtime_thread {
            return;
        }
        let state = self.state.get_mut().unwrap_or_else(|p| p.into_inner());
        // libtest names a test's thread after the test.
        let Some(test) = thread::current().name().map(str::to_owned) else {
            return;
        };
        let snapshot = state.snapshot.clone().unwrap_or_else(|| test.clone());
        let trace = Trace::new(std::mem::take(&mut state.events));
        crate::harness::show_on_failure(&test, &snapshot, &trace);
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
        self.world.record(
            &self.actor,
            Kind::End {
                label: std::mem::take(&mut self.label),
                detail: detail.map(|d| d.to_string()),
            },
        );
    }
}

impl Drop for Span {
    fn drop(&mut self) {
        if self.open {
            self.world.record(
                &self.actor,
                Kind::Dropped {
                    label: std::mem::take(&mut self.label),
                },
            );
        }
    }
}
