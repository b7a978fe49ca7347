//! A console that code prints to, as the seed's programs print.
//!
//! A line printed is recorded at its instant as a note on the row of the
//! actor running (see [`World::track`]), or on the console's own row outside
//! any (`console` unless [`Console::on_row`] names another),
//! and kept with its time, so that a test can ask what was printed when. A
//! print is synchronous and takes no time: it shows exactly when the code
//! around it ran. Nothing reaches stdout; tests never read it.

use std::fmt::Display;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::world::World;

/// A handle on the console. Cheap to clone; clones print to the same one.
#[derive(Clone)]
pub struct Console {
    world: World,
    /// The row a line printed outside any tracked actor lands on.
    row: Arc<str>,
    lines: Arc<Mutex<Vec<(Duration, String)>>>,
}

impl Console {
    pub fn new(world: &World) -> Console {
        Console::on_row(world, "console")
    }

    /// A console whose lines printed outside any tracked actor land on the
    /// row `row`. A test whose kata may print from a task it spawns (which
    /// does not inherit the actor) names the row of the call that owns the
    /// work, so that spawning and not spawning draw alike.
    pub fn on_row(world: &World, row: &str) -> Console {
        Console {
            world: world.clone(),
            row: row.into(),
            lines: Arc::default(),
        }
    }

    /// Prints `line`, Python's `print(line)`.
    pub fn print(&self, line: impl Display) {
        let line = line.to_string();
        let actor = World::current_actor().unwrap_or_else(|| self.row.to_string());
        self.world.note(&actor, &line);
        let at = self.world.now();
        self.lock().push((at, line));
    }

    /// Every line printed so far, with the time it was printed, in order.
    pub fn printed(&self) -> Vec<(Duration, String)> {
        self.lock().clone()
    }

    /// The same, each time in whole milliseconds: what a test compares with
    /// the seed's printed times.
    pub fn printed_ms(&self) -> Vec<(u64, String)> {
        self.lock()
            .iter()
            .map(|(at, line)| (at.as_millis() as u64, line.clone()))
            .collect()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<(Duration, String)>> {
        self.lines.lock().unwrap_or_else(|p| p.into_inner())
    }
}
