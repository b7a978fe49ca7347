//! Wrong: a lock-free "semaphore": each job spins on an atomic counter
//! until a slot is free, calling `yield_now` between tries so the others can
//! run. It never sleeps, so the runtime is never idle: on the paused clock
//! time cannot move and the running jobs never finish; on a real clock it
//! burns a core. A waiter must await something that wakes it, which is what
//! `Semaphore::acquire` is.
//! expect: the paused clock could not move

pub async fn run_limited(jobs: Vec<Job>, limit: usize) -> Vec<String> {
    use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
    assert!(
        limit > 0,
        "the concurrency limit must be at least 1: with 0 permits no job could ever start"
    );
    let running = AtomicUsize::new(0);
    join_all(jobs.iter().map(|job| {
        let running = &running;
        async move {
            while running
                .fetch_update(SeqCst, SeqCst, |n| (n < limit).then_some(n + 1))
                .is_err()
            {
                tokio::task::yield_now().await;
            }
            let report = job.run().await;
            running.fetch_sub(1, SeqCst);
            report
        }
    }))
    .await
}
