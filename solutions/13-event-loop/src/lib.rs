//! # Kata 13: event loop (the reference answer)
//!
//! > What is an event loop? Build a tiny one.
//!
//! An event loop is a scheduler: it keeps a queue of tasks that are ready,
//! polls each one until it stops at an `.await` (returns `Pending`), and
//! when nothing is ready it parks on the reactor, which waits for the next
//! event and wakes the tasks waiting for it. A task's `Waker` is how it gets
//! back on the queue: the reactor calls it, and the waker pushes the task.
//! So `.await` gives control back to the loop, and a task is polled again
//! only when it was woken, never in between.

use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};

use world::Reactor;

/// Step 1: runs `fut` to completion on this thread. Polls it; while it is
/// pending, turns the reactor until its waker has been called, then polls
/// it again.
pub fn block_on<F: Future>(reactor: &Reactor, fut: F) -> F::Output {
    let mut fut = std::pin::pin!(fut);
    let signal = Arc::new(Signal::default());
    let waker = Waker::from(Arc::clone(&signal));
    let mut cx = Context::from_waker(&waker);
    loop {
        if let Poll::Ready(output) = fut.as_mut().poll(&mut cx) {
            return output;
        }
        // Parked: the reactor fires the next event. Some other event may
        // fire first (a callback, another timer): then this future is not
        // woken, and polling it would only waste a poll.
        while !signal.take() {
            reactor.turn();
        }
    }
}

/// Step 1: the waker of the future `block_on` drives: a flag the reactor
/// sets when it wakes the future.
#[derive(Default)]
pub struct Signal {
    woken: AtomicBool,
}

impl Signal {
    /// Whether the waker was called since the last look, clearing it.
    fn take(&self) -> bool {
        self.woken.swap(false, Ordering::SeqCst)
    }
}

impl Wake for Signal {
    fn wake(self: Arc<Self>) {
        self.woken.store(true, Ordering::SeqCst);
    }
}

/// Step 2: a spawned task: its future, until it is done, and the run queue
/// its waker puts it back on.
pub struct Task {
    future: Mutex<Option<Pin<Box<dyn Future<Output = ()> + Send>>>>,
    queue: Arc<Mutex<VecDeque<Arc<Task>>>>,
}

impl Wake for Task {
    fn wake(self: Arc<Self>) {
        let queue = Arc::clone(&self.queue);
        queue.lock().unwrap().push_back(self);
    }
}

/// Steps 2 to 4: the executor: a run queue of ready tasks, and the reactor
/// it parks on when the queue is empty.
pub struct Executor {
    reactor: Reactor,
    queue: Arc<Mutex<VecDeque<Arc<Task>>>>,
    /// Tasks spawned and not done yet.
    live: std::cell::Cell<usize>,
}

impl Executor {
    pub fn new(reactor: &Reactor) -> Executor {
        Executor {
            reactor: reactor.clone(),
            queue: Arc::default(),
            live: std::cell::Cell::new(0),
        }
    }

    /// Step 2: a new task, ready at once: it goes to the back of the run
    /// queue. Nothing is polled here; the loop will get to it.
    pub fn spawn(&self, fut: impl Future<Output = ()> + Send + 'static) {
        let task = Arc::new(Task {
            future: Mutex::new(Some(Box::pin(fut))),
            queue: Arc::clone(&self.queue),
        });
        self.live.set(self.live.get() + 1);
        self.queue.lock().unwrap().push_back(task);
    }

    /// Step 2: the loop: runs every ready task, parks on the reactor when
    /// none is, and returns when every task is done.
    pub fn run(&self) {
        loop {
            self.run_ready();
            if self.live.get() == 0 {
                return;
            }
            self.reactor.turn();
        }
    }

    /// Step 4: runs `fut` and the spawned tasks together, and returns `fut`'s
    /// output as soon as it is ready, whether or not the other tasks are done.
    pub fn block_on<F: Future>(&self, fut: F) -> F::Output {
        let mut fut = std::pin::pin!(fut);
        let signal = Arc::new(Signal::default());
        let waker = Waker::from(Arc::clone(&signal));
        let mut cx = Context::from_waker(&waker);
        // Ready at the start, like a task just spawned.
        let mut main_ready = true;
        loop {
            if main_ready {
                if let Poll::Ready(output) = fut.as_mut().poll(&mut cx) {
                    return output;
                }
            }
            self.run_ready();
            main_ready = signal.take();
            if !main_ready && self.queue.lock().unwrap().is_empty() {
                self.reactor.turn();
                main_ready = signal.take();
            }
        }
    }

    /// Polls the tasks in the run queue, in the order they were woken,
    /// until it is empty. A task that is pending is not put back: its waker
    /// will do that when its event fires.
    fn run_ready(&self) {
        loop {
            // The queue's lock is let go before the poll: a task may wake
            // itself (or another) while it runs.
            let next = self.queue.lock().unwrap().pop_front();
            let Some(task) = next else {
                return;
            };
            let mut slot = task.future.lock().unwrap();
            // A task woken twice may be queued twice: once done, it is
            // never polled again.
            let Some(future) = slot.as_mut() else {
                continue;
            };
            let waker = Waker::from(Arc::clone(&task));
            let mut cx = Context::from_waker(&waker);
            if future.as_mut().poll(&mut cx).is_ready() {
                *slot = None;
                self.live.set(self.live.get() - 1);
            }
        }
    }
}
