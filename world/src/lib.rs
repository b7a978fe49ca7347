//! The simulated world the katas act on.
//!
//! A kata never prints and a test never reads stdout. Instead, every kata acts
//! on simulated services (an API whose calls take virtual time, a counter whose
//! read and write each await, a legacy function that blocks, jobs that take a
//! second) and each service writes what it did into one [`Trace`]. The trace
//! renders as the picture an interviewer draws on the whiteboard, one row per
//! actor and a bar per span, and that picture is what the snapshots compare.
//!
//! Time is tokio's paused clock: a test starts with the clock frozen, and the
//! runtime jumps it forward whenever every task is waiting on a timer. A
//! second of simulated latency costs microseconds of real time, and the same
//! code gives the same trace on every run. (The one kata without tokio, the
//! event loop, runs on a manual clock its own reactor moves.)
//!
//! Work off the runtime thread, on tokio's blocking pool or a thread of the
//! learner's, takes no virtual time: tokio holds the paused clock still
//! while blocking-pool work runs, so no charge for it would be sound. Such
//! work is marked, not timed; a kata that is about how long off-runtime
//! work takes models it as a timer on the runtime. [`legacy`] says why.
//!
//! The modules, in the order a newcomer should read them:
//!
//! - [`world`]: the clock, the trace recorder and who is acting right now.
//! - [`trace`]: what was recorded, and the questions a test asks of it.
//! - [`timeline`]: the trace drawn as a timeline and listed as events.
//! - [`api`], [`counter`], [`legacy`], [`job`], [`console`], [`feed`]: the
//!   services katas use (a [`counter`] can be `named`, for a row of its
//!   own: kata 19's actors).
//! - [`batch`]: ten thousand small requests, a thousand to a row, and
//!   how many were in flight and how many tasks alive at once.
//! - [`catalog`]: a paginated catalogue whose pages and lookups take
//!   virtual time, for the kata on streams.
//! - [`db`]: a database whose connections answer queries in virtual time
//!   and are left half-used when a query is cancelled mid-way.
//! - [`cpu`]: CPU-bound work that holds its thread, and a heartbeat that
//!   shows whether the runtime thread is free.
//! - [`flaky`]: the API again, with calls that fail: an error, a panic.
//! - [`operation`]: the seed's slow call and a service that is down, both
//!   rolling back in `Drop` when a timeout cuts them short.
//! - [`place`]: where the calling code runs (its thread's name, its
//!   runtime's flavor), for kata 21's threads of their own.
//! - [`pipeline`]: a producer's items and a consumer's work, for the queue
//!   between them.
//! - [`vault`]: accounts behind async locks whose grant takes a round
//!   trip, drawn so that who holds and who waits reads off the picture,
//!   and an auditor at the far end of a channel: the kata on deadlocks.
//! - [`work`]: items that roll back in `Drop` when cancelled, the queues
//!   workers take them from, and scratch files.
//! - [`reactor`]: timers on a manual clock, for the kata whose learner
//!   writes the executor.
//! - [`retry`]: a client with retries, backoff and a timeout per attempt,
//!   and its mutants, for the kata whose learner writes the tests.
//! - [`harness`]: the virtual-time deadline, the real-time watchdog behind
//!   it (`watchdog.rs`), and the snapshot assertion; [`step`], the
//!   attribute every step test goes through (`step.rs`), which runs the
//!   whole test under that watchdog.

pub mod api;
pub mod batch;
pub mod catalog;
pub mod console;
pub mod counter;
pub mod cpu;
pub mod db;
mod deliberate;
pub mod feed;
pub mod flaky;
pub mod harness;
pub mod job;
pub mod kit;
pub mod legacy;
pub mod operation;
pub mod pipeline;
pub mod place;
pub mod reactor;
pub mod real_clock;
pub mod retry;
pub mod say;
mod step;
pub mod timeline;
pub mod trace;
pub mod vault;
mod watchdog;
pub mod work;
pub mod world;

pub use api::{Api, Post, User};
pub use batch::Batch;
pub use catalog::{Catalog, Detail, Page};
pub use console::Console;
pub use counter::SlowCounter;
pub use cpu::{Beat, Cpu, Heartbeat};
pub use db::{Conn, Db, DbError, Query};
pub use deliberate::{hushed, panic_on_purpose};
pub use feed::{Feed, Frame};
pub use flaky::{ApiError, FlakyApi};
pub use harness::within;
pub use job::Job;
pub use kata_protocol::{Lang, WATCHDOG_LIMIT_ENV};
pub use legacy::{Invoice, Legacy};
pub use operation::{Operation, Unavailable, Unreliable};
pub use pipeline::{Consumer, Product, Source};
pub use place::{Flavor, Place};
pub use reactor::{Reactor, Sleep};
pub use trace::{Ending, Fill, Thread, Trace};
pub use vault::{Auditor, CountedMutex, Vault, VaultGuard};
pub use work::{Item, Queue, Scratch};
pub use world::{Span, World};
/// The one entry point of every step test: see `world_macros`.
pub use world_macros::step;

/// Re-exported so that [`assert_timeline!`] works in test crates that do not
/// name insta themselves.
#[doc(hidden)]
pub use insta;
