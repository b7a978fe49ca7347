//! Right: a `tokio::task::JoinSet` as the window. Step 1 needs no semaphore:
//! spawn the first `limit` jobs, and each time `join_next` hands back a
//! finished one (whichever it is) spawn the next. Step 4 keeps the owned
//! permit, acquired before each spawn, and collects from the set. Both put
//! the reports back in input order by index.

pub async fn run_limited(jobs: Vec<Job>, limit: usize) -> Vec<String> {
    assert!(
        limit > 0,
        "the concurrency limit must be at least 1: with 0 permits no job could ever start"
    );
    let mut reports = vec![String::new(); jobs.len()];
    let mut waiting = jobs.into_iter().enumerate();
    let mut running = tokio::task::JoinSet::new();
    for (i, job) in waiting.by_ref().take(limit) {
        running.spawn(async move { (i, job.run().await) });
    }
    while let Some(joined) = running.join_next().await {
        let (i, report) = joined.expect("a job's task panicked");
        reports[i] = report;
        if let Some((i, job)) = waiting.next() {
            running.spawn(async move { (i, job.run().await) });
        }
    }
    reports
}

pub async fn spawn_limited(jobs: Vec<Job>, limit: usize) -> Vec<String> {
    assert!(
        limit > 0,
        "the concurrency limit must be at least 1: with 0 permits no job could ever start"
    );
    let semaphore = Arc::new(Semaphore::new(limit));
    let mut reports = vec![String::new(); jobs.len()];
    let mut running = tokio::task::JoinSet::new();
    for (i, job) in jobs.into_iter().enumerate() {
        let permit = Arc::clone(&semaphore)
            .acquire_owned()
            .await
            .expect("the semaphore is never closed");
        running.spawn(async move {
            let _permit = permit;
            (i, job.run().await)
        });
    }
    while let Some(joined) = running.join_next().await {
        let (i, report) = joined.expect("a job's task panicked");
        reports[i] = report;
    }
    reports
}
