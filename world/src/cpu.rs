//! CPU-bound work, and a heartbeat that shows whether the runtime thread is
//! free to run anything else.
//!
//! [`Cpu::crunch`] is a synchronous computation (the sum of the squares of
//! a range of numbers) that holds its thread while it runs: 100 ms for every
//! million numbers. Like the blocking calls of [`crate::legacy`], it does not
//! burn real time; it looks at the thread it runs on:
//!
//! - **on the runtime thread** it draws `#`, notes that it blocked the
//!   runtime thread, and stalls the world's clock by its duration;
//! - **off the runtime** (`spawn_blocking`, a thread of its own) it draws a
//!   `~` mark of no length, unless the runtime thread waits for it without
//!   awaiting, which it detects as `legacy` does and draws `#`.
//!
//! Work off the runtime takes no virtual time (see [`crate::legacy`] for
//! why): a job on the blocking pool returns at the instant it started, and
//! a kata's README says what a real clock shows.
//!
//! A [`Heartbeat`] beats every 100 ms on the world's clock, each beat 10 ms
//! of work on the runtime thread. It is the one service here that must see
//! the stalls: a tokio timer cannot. tokio's paused clock stands still while
//! the runtime thread is busy, and a stall moves only the world's clock, so
//! a plain `tokio::time::sleep` due during a block would fire at its due
//! time *plus the whole block*; and during a job chopped into pieces with
//! `yield_now` between them the runtime is never idle, so the paused clock
//! never moves and such a timer would not fire until the whole job was
//! done. The heartbeat therefore waits for its next beat on the world's
//! clock, woken by every stall the world records (a CPU job's or a legacy
//! call's): a beat that falls due
//! during a block fires as soon as the runtime thread is free again, at the
//! end of the block or of the piece, as it would on a real clock.

use std::ops::Range;
use std::time::Duration;

use tokio::task::JoinHandle;

use crate::legacy::hold_thread;
use crate::trace::Fill;
use crate::world::World;

/// How many numbers [`Cpu::crunch`] gets through in a millisecond.
pub const NUMBERS_PER_MS: u64 = 10_000;

/// How often the heartbeat beats.
pub const BEAT_EVERY: Duration = Duration::from_millis(100);

/// How long one beat holds the runtime thread: the heartbeat's own work.
pub const BEAT_TAKES: Duration = Duration::from_millis(10);

/// A handle on the CPU. Clone it into `spawn_blocking` closures.
#[derive(Clone)]
pub struct Cpu {
    world: World,
}

impl Cpu {
    pub fn new(world: &World) -> Cpu {
        Cpu {
            world: world.clone(),
        }
    }

    /// How long crunching `numbers` holds its thread: 100 ms a million.
    pub fn time_for(numbers: &Range<u64>) -> Duration {
        let count = numbers.end.saturating_sub(numbers.start);
        Duration::from_nanos(count * 1_000_000 / NUMBERS_PER_MS)
    }

    /// The sum of the squares of `numbers`, computed synchronously: it holds
    /// the calling thread for [`Cpu::time_for`] the range. Crunching a range
    /// in pieces gives the same total as crunching it at once.
    pub fn crunch(&self, numbers: Range<u64>) -> u128 {
        let call = format!("crunch({}..{})", numbers.start, numbers.end);
        self.hold(&call, Cpu::time_for(&numbers));
        squares_below(numbers.end) - squares_below(numbers.start.min(numbers.end))
    }

    /// Waits, without blocking, until `at` on the world's clock, which
    /// counts the time the runtime thread spent blocked (a tokio sleep does
    /// not).
    pub async fn wait_until(&self, at: Duration) {
        loop {
            // Created before the clock is read: a stall in between still
            // wakes it.
            let stalled = self.world.next_stall();
            let now = self.world.now();
            if now >= at {
                return;
            }
            tokio::select! {
                biased;
                () = stalled => {}
                () = tokio::time::sleep(at - now) => {}
            }
        }
    }

    fn hold(&self, call: &str, duration: Duration) {
        hold_thread(&self.world, call, duration, "CPU work");
    }
}

/// The sum of the squares of `0..n`.
fn squares_below(n: u64) -> u128 {
    let n = u128::from(n);
    if n == 0 {
        return 0;
    }
    (n - 1) * n * (2 * n - 1) / 6
}

/// One beat of the heartbeat: when it was due, and when it came.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Beat {
    pub due: Duration,
    pub at: Duration,
}

impl Beat {
    /// How late the beat came.
    pub fn late(&self) -> Duration {
        self.at.saturating_sub(self.due)
    }
}

/// A task that beats every 100 ms on the world's clock, drawn on the row
/// "heartbeat", each beat 10 ms of work on the runtime thread. A beat that
/// could not come on time (the runtime thread was held) comes as soon as it
/// can, and the next is due on the 100 ms grid again, as a `tokio::time::
/// interval` with `MissedTickBehavior::Skip` does.
pub struct Heartbeat {
    task: JoinHandle<Vec<Beat>>,
}

impl Heartbeat {
    /// Spawns the heartbeat: a beat now, then every 100 ms, the last one
    /// due before `until` on the world's clock.
    pub fn start(cpu: &Cpu, until: Duration) -> Heartbeat {
        let cpu = cpu.clone();
        let task = tokio::spawn(async move {
            let world = cpu.world.clone();
            let origin = world.now();
            let mut due = origin;
            let mut beats = Vec::new();
            while due < until {
                cpu.wait_until(due).await;
                let at = world.now();
                let span = world.span("heartbeat", "beat", Fill::Work);
                world.stall(BEAT_TAKES);
                span.end(None::<String>);
                beats.push(Beat { due, at });
                let periods = (at - origin).as_nanos() / BEAT_EVERY.as_nanos() + 1;
                due = origin + BEAT_EVERY * u32::try_from(periods).unwrap_or(u32::MAX);
            }
            beats
        });
        Heartbeat { task }
    }

    /// Waits for the last beat and gives every beat.
    pub async fn beats(self) -> Vec<Beat> {
        self.task.await.expect("the heartbeat panicked")
    }
}
