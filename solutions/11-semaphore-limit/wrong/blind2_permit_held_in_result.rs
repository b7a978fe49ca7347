//! Wrong: Blind examination (round 2): run_limited returns each permit
//! alongside its report (to release it after collecting): the permits stay with
//! the finished futures inside join_all, so after the first two jobs no job can
//! start, and the run stalls.
//! expect: The finished jobs' permits were never given back

pub async fn run_limited(jobs: Vec<Job>, limit: usize) -> Vec<String> {
    assert!(
        limit > 0,
        "the concurrency limit must be at least 1, got limit = 0"
    );
    let semaphore = Semaphore::new(limit);
    join_all(jobs.iter().map(|job| async {
        let permit = semaphore.acquire().await.expect("never closed");
        (job.run().await, permit)
    }))
    .await
    .into_iter()
    .map(|(r, _permit)| r)
    .collect()
}
