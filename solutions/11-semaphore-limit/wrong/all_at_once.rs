//! Wrong: starts every job at once and never looks at `limit`. It is fast and
//! the reports are right, but five jobs run together where two may.
//! expect: the cap is broken

pub async fn run_limited(jobs: Vec<Job>, limit: usize) -> Vec<String> {
    assert!(
        limit > 0,
        "the concurrency limit must be at least 1: with 0 permits no job could ever start"
    );
    join_all(jobs.iter().map(|job| job.run())).await
}
