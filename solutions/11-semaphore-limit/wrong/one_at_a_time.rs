//! Wrong: "caps" concurrency by awaiting each job before starting the next.
//! Never more than `limit`, but never more than one either: 5 s, not 3 s.
//! expect: the permits are not used

pub async fn run_limited(jobs: Vec<Job>, limit: usize) -> Vec<String> {
    assert!(
        limit > 0,
        "the concurrency limit must be at least 1: with 0 permits no job could ever start"
    );
    let mut reports = Vec::with_capacity(jobs.len());
    for job in &jobs {
        reports.push(job.run().await);
    }
    reports
}
