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
//! - **On any other thread** (inside `tokio::task::spawn_blocking`), it
//!   records a `~` mark on a row of its own and takes no virtual time. tokio's
//!   paused clock stands still while a blocking-pool task runs, so no
//!   simulation could charge the time there; what the trace shows instead is
//!   the thing that matters: the work left the runtime thread, and nothing
//!   waiting on the runtime was held up by it.

use std::fmt;
use std::time::Duration;

use crate::trace::Fill;
use crate::world::World;

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
        let world = &self.world;
        let ms = duration.as_millis();
        if world.on_runtime_thread() {
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
        } else {
            let span = world.span(call, "", Fill::Pool);
            world.note(
                call,
                format!("{ms} ms of blocking work, on a blocking-pool thread"),
            );
            span.end(None::<String>);
        }
    }
}
