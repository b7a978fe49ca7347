//! # Kata 14: task cost (the reference answer)
//!
//! > Why not make everything async? What do 10,000 tasks cost?
//!
//! A task is a heap allocation: `tokio::spawn` moves the future into one
//! cell with the task's header (its state, the scheduler's handle, the slot
//! for its `JoinHandle`'s waker), a few hundred bytes for a small request,
//! and the runtime schedules it from then on. Plain futures joined by
//! `join_all` live in the one future that awaits them: no task, no
//! scheduler, only their own state. Ten thousand tasks are cheap next to ten
//! thousand OS threads (2 MiB of stack reserved each), but not free, and a
//! task helps only while it waits. So bound the work in flight, and bound
//! the tasks with it: at most `limit` spawned at a time.

use futures::future::join_all;
use tokio::task::JoinSet;
use world::Batch;

/// Step 1: one task per request, ids `1..=n`; the answers in id order.
pub async fn spawn_each(batch: &Batch, n: u32) -> Vec<u32> {
    // Every task is spawned before any is awaited: all n start at once, and
    // all n are alive (allocated, scheduled) until they finish.
    let handles: Vec<_> = (1..=n)
        .map(|id| {
            let batch = batch.clone();
            tokio::spawn(async move { batch.request(id).await })
        })
        .collect();
    let mut answers = Vec::with_capacity(handles.len());
    for handle in handles {
        answers.push(handle.await.expect("a request task panicked"));
    }
    answers
}

/// Step 2: the same requests as plain futures, joined: no task at all.
pub async fn join_each(batch: &Batch, n: u32) -> Vec<u32> {
    // The futures are polled inside this one: concurrent (they all wait at
    // once), with no task to allocate or schedule for any of them.
    join_all((1..=n).map(|id| batch.request(id))).await
}

/// Step 3: every request, but never more than `limit` in flight, nor more
/// than `limit` tasks alive; the answers in any order.
pub async fn bounded(batch: &Batch, n: u32, limit: usize) -> Vec<u32> {
    let mut ids = 1..=n;
    let mut tasks = JoinSet::new();
    let mut answers = Vec::with_capacity(n as usize);
    // Fill the set up to the limit, then spawn the next request only as one
    // finishes: a task exists only while its request is in flight.
    for id in ids.by_ref().take(limit) {
        let batch = batch.clone();
        tasks.spawn(async move { batch.request(id).await });
    }
    while let Some(done) = tasks.join_next().await {
        answers.push(done.expect("a request task panicked"));
        if let Some(id) = ids.next() {
            let batch = batch.clone();
            tasks.spawn(async move { batch.request(id).await });
        }
    }
    answers
}
