//! Synchronous calls that block the thread they run on: Python's
//! `time.sleep`, Rust's `std::thread::sleep`, a legacy driver with no async
//! API. They are what must never run on the runtime's thread.
//!
//! The simulation does not block for real, so a wrong answer costs no real
//! time. Instead each call looks at the thread it runs on:
//!
//! - **On the runtime thread**, it records a `#` span and the note "blocked
//!   the runtime thread", and stalls the world's clock by its duration:
//!   everything that happens afterwards, in every task, happens that much
//!   later, exactly as if the only thread had been held.
//! - **On any other thread** (inside `spawn_blocking`, or a thread of the
//!   learner's own), it first asks whether the runtime thread is still free,
//!   by having it run a tiny probe task. A runtime thread that waits for this
//!   very call without awaiting (a std channel's `recv`, `join` on a thread,
//!   `futures::executor::block_on`) cannot run the probe: then the call is
//!   drawn `#` and stalls the clock, as if made on the runtime thread, which
//!   on a real clock it as good as was. Otherwise it records a `~` mark on a
//!   row of its own.
//!
//! ## Why work off the runtime takes no virtual time
//!
//! A `~` mark has no length: the pool work takes no virtual time, and the
//! task that awaits it goes on at the same instant. tokio holds its paused
//! clock still while any `spawn_blocking` task runs (`BlockingSchedule`
//! inhibits auto-advance until the task is released), so a pool thread
//! cannot wait on a tokio timer; and advancing the clock from the pool
//! thread would jump every other task's timers along with it. No sound
//! charge exists, so the world charges none, and says so: the mark's note
//! gives the time the work would take on a real clock, and a kata's README
//! says what a real clock would show. A kata that is about *how long*
//! off-runtime work takes (CPU-bound work, a pool of connections) models
//! that work as a timer on the runtime, not as pool work.

use std::fmt;
use std::time::Duration;

use crate::trace::Fill;
use crate::trace::Thread;
use crate::watchdog::runtime_comes_back;
use crate::world::World;

/// How long the runtime gets to run the probe of a call made off its thread
/// before it counts as held. A free runtime answers in microseconds; only a
/// held one waits this long.
const PROBE_PATIENCE: Duration = Duration::from_millis(500);

/// How long the legacy invoice renderer holds its thread.
pub const RENDER_TIME: Duration = Duration::from_millis(500);

/// A handle on the blocking calls. Clone it into `spawn_blocking` closures.
#[derive(Clone)]
pub struct Legacy {
    world: World,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invoice {
    pub id: u32,
}

impl fmt::Display for Invoice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Invoice #{}", self.id)
    }
}

impl Legacy {
    pub fn new(world: &World) -> Legacy {
        Legacy {
            world: world.clone(),
        }
    }

    /// The simulated `std::thread::sleep` (Python's `time.sleep`): holds the
    /// calling thread for `duration`.
    pub fn sleep(&self, duration: Duration) {
        self.block("thread::sleep", duration);
    }

    /// A legacy synchronous function: renders invoice `id`, holding the
    /// calling thread for 500 ms. There is no async version of it.
    pub fn render_invoice(&self, id: u32) -> Invoice {
        self.block(&format!("render_invoice({id})"), RENDER_TIME);
        Invoice { id }
    }

    fn block(&self, call: &str, duration: Duration) {
        hold_thread(&self.world, call, duration, "blocking work");
    }
}

/// What a synchronous call that holds its thread for `duration` does to the
/// world, wherever it runs (see the module documentation): `work` says what
/// kind of work it is, for the notes. Shared by every service whose calls
/// block: these legacy calls, and `cpu`'s CPU-bound work.
pub(crate) fn hold_thread(world: &World, call: &str, duration: Duration, work: &str) {
    let thread = world.thread();
    if thread == Thread::Foreign {
        world.foreign_thread_seen();
    }
    let held = thread != Thread::Runtime
        && world
            .runtime()
            .is_some_and(|runtime| !runtime_comes_back(runtime, PROBE_PATIENCE));
    let ms = duration.as_millis();
    if thread == Thread::Runtime {
        // Drawn on the row of the task that made the call: its bar shows
        // where it held everyone else up.
        let actor = World::current_actor().unwrap_or_else(|| call.to_owned());
        let span = world.span(&actor, call, Fill::Blocked);
        world.note(
            &actor,
            format!("{call} blocked the runtime thread for {ms} ms"),
        );
        world.stall(duration);
        span.end(None::<String>);
    } else if held {
        let span = world.span(call, "", Fill::Blocked);
        world.note(
            call,
            format!(
                "ran off the runtime, but the runtime thread waited for it without \
                 awaiting, and was blocked for {ms} ms"
            ),
        );
        world.stall(duration);
        span.end(None::<String>);
    } else {
        let span = world.span(call, "", Fill::Pool);
        let place = match thread {
            Thread::Foreign => "on a thread of its own",
            _ => "on a blocking-pool thread",
        };
        world.note(
            call,
            format!("{ms} ms of {work}, {place}; the runtime thread stayed free"),
        );
        span.end(None::<String>);
    }
}
