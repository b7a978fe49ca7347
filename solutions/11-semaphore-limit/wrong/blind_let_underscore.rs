//! Wrong: Blind examination: `let _ = semaphore.acquire().await` binds
//! nothing, so the permit is dropped at once, before the job runs: nothing is
//! capped.
//! expect: `let _ = sem.acquire().await` drops it at once

pub async fn run_limited(jobs: Vec<Job>, limit: usize) -> Vec<String> {
    assert!(
        limit > 0,
        "the concurrency limit must be at least 1: with 0 permits no job could ever start"
    );
    let semaphore = Semaphore::new(limit);
    join_all(jobs.iter().map(|job| async {
        let _ = semaphore.acquire().await.expect("never closed");
        job.run().await
    }))
    .await
}
