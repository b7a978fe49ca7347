//! Wrong: caps the jobs with `stream::iter(...).buffered(limit)`. It runs at
//! most `limit` at a time and keeps the input order, but it hands results
//! out in order, and a finished job whose result waits behind a slower,
//! older one still counts against the limit: when a later job frees its slot
//! first, nothing starts until the oldest job is done.
//! expect: whichever job freed it

pub async fn run_limited(jobs: Vec<Job>, limit: usize) -> Vec<String> {
    use futures::StreamExt as _;
    assert!(
        limit > 0,
        "the concurrency limit must be at least 1: with 0 permits no job could ever start"
    );
    futures::stream::iter(jobs.iter().map(|job| job.run()))
        .buffered(limit)
        .collect()
        .await
}
