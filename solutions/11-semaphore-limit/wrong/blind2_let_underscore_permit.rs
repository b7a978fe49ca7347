//! Wrong: Blind examination (round 2): `let _ = semaphore.acquire().await`: the
//! permit is dropped at once, nothing is capped.
//! expect: the cap is broken

pub async fn run_limited(jobs: Vec<Job>, limit: usize) -> Vec<String> {
    assert!(
        limit > 0,
        "the concurrency limit must be at least 1, got limit = 0"
    );
    let semaphore = Semaphore::new(limit);
    join_all(jobs.iter().map(|job| async {
        let _ = semaphore.acquire().await.expect("never closed");
        job.run().await
    }))
    .await
}
