//! # Kata 11: semaphore limit (the reference answer)
//!
//! > How do you cap concurrency at N?
//!
//! Hand out N permits and make every job hold one while it runs: a
//! `tokio::sync::Semaphore`, Python's `asyncio.Semaphore`. A job that finds
//! no permit free waits for one; the moment a running job drops its permit,
//! the longest-waiting job takes it and starts. The permit is a guard: it is
//! released when it is dropped, so it must live as long as the job.

use std::sync::Arc;

use futures::future::join_all;
use tokio::sync::Semaphore;
use world::Job;

/// Steps 1 to 3: runs every job, at most `limit` at a time, and returns
/// their reports in the order of `jobs` (not the order they finished).
///
/// Jobs start in the order given: the first `limit` at once, then each
/// waiting job as soon as a running one finishes.
///
/// # Panics
///
/// If `limit` is 0: no job could ever start, so waiting would be waiting
/// forever. A limit of 0 is a bug in the caller, and the message says so.
pub async fn run_limited(jobs: Vec<Job>, limit: usize) -> Vec<String> {
    assert!(
        limit > 0,
        "the concurrency limit must be at least 1: with 0 permits no job could ever start"
    );
    let semaphore = Semaphore::new(limit);
    let runs = jobs.iter().map(|job| async {
        // Python's `async with semaphore:`. The permit must be bound to a
        // name: `let _ = ...` would drop it on the spot and cap nothing.
        let _permit = semaphore
            .acquire()
            .await
            .expect("the semaphore is never closed");
        job.run().await
        // `_permit` is dropped here, when the job is done: the next waiting
        // job gets it at once.
    });
    // `join_all` polls every job's future concurrently (they queue on the
    // semaphore in order) and hands back the outputs in input order.
    join_all(runs).await
}

/// Step 4: the same contract, but every job runs in a task of its own,
/// spawned with `tokio::spawn`, holding an owned permit.
///
/// # Panics
///
/// If `limit` is 0, as [`run_limited`] does; or if a job's task panicked.
pub async fn spawn_limited(jobs: Vec<Job>, limit: usize) -> Vec<String> {
    assert!(
        limit > 0,
        "the concurrency limit must be at least 1: with 0 permits no job could ever start"
    );
    // A spawned task must own what it holds (`'static`), so the semaphore is
    // shared through an `Arc` and each permit is an `OwnedSemaphorePermit`.
    let semaphore = Arc::new(Semaphore::new(limit));
    let mut tasks = Vec::with_capacity(jobs.len());
    for job in jobs {
        // Waiting for the permit before spawning keeps at most `limit` tasks
        // alive at once. Acquiring inside the task caps the jobs just as well
        // but spawns every task up front, each parked on the semaphore.
        let permit = Arc::clone(&semaphore)
            .acquire_owned()
            .await
            .expect("the semaphore is never closed");
        tasks.push(tokio::spawn(async move {
            let report = job.run().await;
            // Naming `permit` here is what moves it into the task (an
            // `async move` block captures only what it uses); dropping it
            // when the job is done frees the slot.
            drop(permit);
            report
        }));
    }
    // The handles are awaited in input order, so the reports are too.
    join_all(tasks)
        .await
        .into_iter()
        .map(|joined| joined.expect("a job's task panicked"))
        .collect()
}
