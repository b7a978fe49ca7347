//! Right: no semaphore: `buffer_unordered(limit)` keeps at most `limit`
//! futures in flight and pulls the next one the moment ANY of them is done
//! (`buffered` would wait for the oldest). Results arrive in finishing
//! order, so each carries its index back to its place. In step 4 the stream
//! yields freshly spawned handles: a task is spawned only when the stream
//! pulls it, so at most `limit` tasks exist at once.

pub async fn run_limited(jobs: Vec<Job>, limit: usize) -> Vec<String> {
    use futures::StreamExt as _;
    assert!(
        limit > 0,
        "the concurrency limit must be at least 1: with 0 permits no job could ever start"
    );
    let mut reports = vec![String::new(); jobs.len()];
    let mut finished = futures::stream::iter(jobs.iter().enumerate())
        .map(|(i, job)| async move { (i, job.run().await) })
        .buffer_unordered(limit);
    while let Some((i, report)) = finished.next().await {
        reports[i] = report;
    }
    reports
}

pub async fn spawn_limited(jobs: Vec<Job>, limit: usize) -> Vec<String> {
    use futures::StreamExt as _;
    assert!(
        limit > 0,
        "the concurrency limit must be at least 1: with 0 permits no job could ever start"
    );
    let mut reports = vec![String::new(); jobs.len()];
    let mut finished = futures::stream::iter(jobs.into_iter().enumerate())
        .map(|(i, job)| tokio::spawn(async move { (i, job.run().await) }))
        .buffer_unordered(limit);
    while let Some(joined) = finished.next().await {
        let (i, report) = joined.expect("a job's task panicked");
        reports[i] = report;
    }
    reports
}
