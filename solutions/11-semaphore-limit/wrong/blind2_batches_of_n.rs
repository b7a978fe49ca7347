//! Wrong: Blind examination (round 2): run_limited cuts the jobs into chunks of
//! `limit` and joins each chunk: with equal jobs the timeline matches; with
//! uneven ones a quick job's permit waits for the slow one.
//! expect: a freed permit must start the next job at once

pub async fn run_limited(jobs: Vec<Job>, limit: usize) -> Vec<String> {
    assert!(
        limit > 0,
        "the concurrency limit must be at least 1, got limit = 0"
    );
    let mut out = Vec::new();
    for chunk in jobs.chunks(limit) {
        out.extend(join_all(chunk.iter().map(|j| j.run())).await);
    }
    out
}
