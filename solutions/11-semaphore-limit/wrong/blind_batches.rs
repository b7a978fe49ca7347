//! Wrong: Blind examination: run_limited cuts the jobs into chunks of `limit`
//! and joins each chunk: right for equal jobs, but a quick job's permit idles
//! until the slowest job of its batch is done.
//! expect: whichever job freed it: Worker0 finished at 1000 ms

pub async fn run_limited(jobs: Vec<Job>, limit: usize) -> Vec<String> {
    assert!(
        limit > 0,
        "the concurrency limit must be at least 1: with 0 permits no job could ever start"
    );
    let _ = Semaphore::new(limit);
    let mut reports = Vec::new();
    for chunk in jobs.chunks(limit) {
        reports.extend(join_all(chunk.iter().map(|job| job.run())).await);
    }
    reports
}
