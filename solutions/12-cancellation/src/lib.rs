//! # Kata 12: cancellation (the reference answer)
//!
//! > How do you cancel a task? What is the Rust answer to CancelledError?
//!
//! Nothing is raised. A task is cancelled with `JoinHandle::abort`, a
//! future by dropping it: either way it is simply never polled again, so it
//! stops at the `.await` where it was parked, and its locals are dropped.
//! Whoever awaits an aborted task's handle gets `Err(JoinError)` with
//! `is_cancelled()`. The only cleanup a cancelled future gets is `Drop`,
//! which is synchronous; work that must finish instead is stopped by a
//! signal its code checks, at a point it chooses.

use std::future::Future;
use std::time::Duration;

use tokio::sync::watch;
use tokio::task::JoinHandle;
use tokio::time::sleep;
use world::{Item, Queue, Scratch};

/// Step 1: cancel the task behind `handle` after `after`, and return once
/// it has stopped.
pub async fn abort_after(handle: JoinHandle<String>, after: Duration) {
    sleep(after).await;
    // abort() only asks: the task is dropped the next time the runtime
    // gets to it. Awaiting the handle waits for that, so when this returns
    // the task has stopped and its Drop cleanup has run.
    handle.abort();
    let _cancelled = handle.await;
}

/// How a task ended, as its `JoinHandle` tells it.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// It returned this value.
    Done(String),
    /// It was aborted: Python's `CancelledError`.
    Cancelled,
    /// It panicked.
    Panicked,
}

/// Step 2: how the task behind `handle` ended.
pub async fn outcome(handle: JoinHandle<String>) -> Outcome {
    match handle.await {
        Ok(report) => Outcome::Done(report),
        Err(error) if error.is_cancelled() => Outcome::Cancelled,
        // The only other JoinError: `error.is_panic()`, whose payload
        // `error.into_panic()` hands back.
        Err(_) => Outcome::Panicked,
    }
}

/// Step 3: spawn `first` and drop its handle; process `second` in this
/// function for `after`, then drop it. Return at `after`.
pub async fn detach_and_drop(first: Item, second: Item, after: Duration) {
    // Dropping a JoinHandle detaches the task: it runs on without anyone to
    // collect its result.
    drop(tokio::spawn(async move { first.process().await }));
    // A timeout drops the future it wraps when time is up: the future is
    // cancelled at its `.await`, and its guard rolls the item back.
    let _elapsed = tokio::time::timeout(after, second.process()).await;
}

/// Step 4: a temporary file that deletes itself when dropped.
pub struct TempFile {
    pub scratch: Scratch,
    pub path: String,
}

impl TempFile {
    /// Creates the temporary file for `item`.
    pub fn create(scratch: &Scratch, item: &Item) -> TempFile {
        TempFile {
            scratch: scratch.clone(),
            path: scratch.create(item),
        }
    }
}

impl Drop for TempFile {
    /// Runs when the export finishes, and when it is cancelled: there is no
    /// async drop, so the cleanup is synchronous.
    fn drop(&mut self) {
        self.scratch.remove(&self.path);
    }
}

/// Step 4: process `item` with a temporary file that is deleted however
/// the processing ends.
pub async fn export(scratch: &Scratch, item: &Item) -> String {
    // Named, so it lives to the end of the function; `let _ =` would drop
    // it on this very line.
    let _file = TempFile::create(scratch, item);
    item.process().await
}

/// Step 5: one worker task per queue, each processing its items in turn,
/// until `shutdown` completes; then each worker finishes the item it is on
/// and stops, and a worker waiting for an item stops at once. Returns, per
/// queue, the ids of the items its worker finished, once all have stopped.
pub async fn serve(queues: Vec<Queue>, shutdown: impl Future<Output = ()>) -> Vec<Vec<u32>> {
    async fn work(mut queue: Queue, mut stop: watch::Receiver<bool>) -> Vec<u32> {
        let mut done = Vec::new();
        loop {
            // Only the wait is raced against the signal, never the
            // processing: `queue.next()` is cancel-safe, an item half-done
            // is not.
            let next = tokio::select! {
                biased;
                _ = stop.wait_for(|&stop| stop) => break,
                next = queue.next() => next,
            };
            let Some(item) = next else { break };
            item.process().await;
            done.push(item.id());
        }
        done
    }

    // The signal: a watch channel, which tokio_util's CancellationToken
    // does better. A worker sees it whether it is waiting or busy.
    let (stop, stopped) = watch::channel(false);
    let workers: Vec<JoinHandle<Vec<u32>>> = queues
        .into_iter()
        .map(|queue| tokio::spawn(work(queue, stopped.clone())))
        .collect();
    shutdown.await;
    stop.send_replace(true);
    let mut done = Vec::new();
    for worker in workers {
        done.push(worker.await.expect("a worker panicked"));
    }
    done
}
