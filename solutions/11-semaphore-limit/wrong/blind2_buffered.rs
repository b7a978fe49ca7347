//! Wrong: Blind examination (round 2): run_limited with
//! stream::iter(..).buffered(limit): reports in input order, but a finished job
//! behind a slow head still holds a place, so a freed permit is not used.
//! expect: a freed permit must start the next job at once

pub async fn run_limited(jobs: Vec<Job>, limit: usize) -> Vec<String> {
    use futures::stream::{self, StreamExt};
    assert!(
        limit > 0,
        "the concurrency limit must be at least 1, got limit = 0"
    );
    stream::iter(jobs.iter().map(|j| j.run()))
        .buffered(limit)
        .collect()
        .await
}
