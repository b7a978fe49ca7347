//! Wrong: Blind examination: run_limited joins every job at once and never
//! uses the limit.
//! expect: No job ever waited for a permit: all 5 ran at once

pub async fn run_limited(jobs: Vec<Job>, limit: usize) -> Vec<String> {
    assert!(
        limit > 0,
        "the concurrency limit must be at least 1: with 0 permits no job could ever start"
    );
    let _ = Semaphore::new(limit);
    join_all(jobs.iter().map(|job| job.run())).await
}
