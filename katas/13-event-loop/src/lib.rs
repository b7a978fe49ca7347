//! # Kata 13: event loop
//!
//! > What is an event loop? Build a tiny one.
//!
//! Work the steps in order; README.md says what each must do, and gives
//! hints. `cargo test -p event-loop` checks them, and draws what ran when.
//!
//! No tokio here: you write the executor. The futures it drives come from
//! the world's `Reactor`: `reactor.sleep("A", 100)` is ready 100 ms after
//! its first poll, and wakes its waker then. Nothing moves the clock but
//! `reactor.turn()`, the loop's "wait for the next event": it moves the
//! clock to the next due timer and wakes the futures waiting for it.

// The starting bodies are `todo!()`, which leaves the parameters unused.
// Delete this line once every step is written.
#![allow(unused_variables)]

use std::future::Future;
use std::sync::Arc;
use std::task::Wake;

use world::Reactor;

/// Step 1: runs `fut` to completion on this thread. Polls it; while it is
/// pending, turns the reactor until its waker has been called, then polls
/// it again.
pub fn block_on<F: Future>(reactor: &Reactor, fut: F) -> F::Output {
    todo!("step 1: poll; when Pending, turn the reactor until woken; see README step 1")
}

/// Step 1: the waker of the future `block_on` drives: a flag the reactor
/// sets when it wakes the future. Give it the fields it needs.
pub struct Signal {}

impl Wake for Signal {
    fn wake(self: Arc<Self>) {
        todo!("step 1: remember that the future was woken; see README step 1")
    }
}

/// Step 2: a spawned task: its future, until it is done, and the run queue
/// its waker puts it back on. Give it the fields it needs.
pub struct Task {}

impl Wake for Task {
    fn wake(self: Arc<Self>) {
        todo!("step 2: put this task back on the run queue; see README step 2")
    }
}

/// Steps 2 to 4: the executor: a run queue of ready tasks, and the reactor
/// it parks on when the queue is empty. Give it the fields it needs.
pub struct Executor {}

impl Executor {
    pub fn new(reactor: &Reactor) -> Executor {
        todo!("step 2: an empty run queue, and the reactor; see README step 2")
    }

    /// Step 2: a new task, ready at once: it goes to the back of the run
    /// queue. Nothing is polled here; the loop will get to it.
    pub fn spawn(&self, fut: impl Future<Output = ()> + Send + 'static) {
        todo!("step 2: wrap fut in a task and queue it; see README step 2")
    }

    /// Step 2 (and 3): the loop: runs every ready task, parks on the reactor
    /// when none is, and returns when every task is done.
    pub fn run(&self) {
        todo!("step 2: poll the ready tasks, turn the reactor when none is; see README step 2")
    }

    /// Step 4: runs `fut` and the spawned tasks together, and returns `fut`'s
    /// output as soon as it is ready, whether or not the other tasks are done.
    pub fn block_on<F: Future>(&self, fut: F) -> F::Output {
        todo!("step 4: poll fut when woken, run the ready tasks, turn when idle; see README step 4")
    }
}
