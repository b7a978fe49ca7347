//! Wrong: runs the jobs in batches of `limit`, each batch joined before the
//! next starts. With equal jobs it looks right; with a slow job in a batch,
//! the freed slots sit idle until the slowest of the batch is done.
//! expect: a freed permit must start the next job at once

pub async fn run_limited(jobs: Vec<Job>, limit: usize) -> Vec<String> {
    assert!(
        limit > 0,
        "the concurrency limit must be at least 1: with 0 permits no job could ever start"
    );
    let mut reports = Vec::with_capacity(jobs.len());
    for batch in jobs.chunks(limit) {
        reports.extend(join_all(batch.iter().map(|job| job.run())).await);
    }
    reports
}
