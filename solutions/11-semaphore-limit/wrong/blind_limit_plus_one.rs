//! Wrong: Blind examination: Semaphore::new(limit + 1) ("one permit for the
//! coordinator"): one more job runs than allowed.
//! expect: the semaphore has more permits than the limit

pub async fn run_limited(jobs: Vec<Job>, limit: usize) -> Vec<String> {
    assert!(
        limit > 0,
        "the concurrency limit must be at least 1: with 0 permits no job could ever start"
    );
    let semaphore = Semaphore::new(limit + 1);
    join_all(jobs.iter().map(|job| async {
        let _permit = semaphore.acquire().await.expect("never closed");
        job.run().await
    }))
    .await
}
