//! Right: Blind examination: run_limited keeps a JoinSet window of `limit`
//! tasks, starting the next job whenever join_next() returns any one, and
//! stores the reports by index; spawn_limited collects by index through a
//! JoinSet.

pub async fn run_limited(jobs: Vec<Job>, limit: usize) -> Vec<String> {
    if limit == 0 {
        panic!("run_limited: a concurrency limit of 0 lets no job start; the limit must be >= 1");
    }
    let mut reports = vec![String::new(); jobs.len()];
    let mut set = tokio::task::JoinSet::new();
    let mut pending = jobs.into_iter().enumerate();
    for (i, job) in pending.by_ref().take(limit) {
        set.spawn(async move { (i, job.run().await) });
    }
    while let Some(res) = set.join_next().await {
        let (i, report) = res.expect("job panicked");
        reports[i] = report;
        if let Some((j, job)) = pending.next() {
            set.spawn(async move { (j, job.run().await) });
        }
    }
    reports
}

pub async fn spawn_limited(jobs: Vec<Job>, limit: usize) -> Vec<String> {
    if limit == 0 {
        panic!("spawn_limited: a concurrency limit of 0 lets no job start; the limit must be >= 1");
    }
    let semaphore = Arc::new(Semaphore::new(limit));
    let mut reports = vec![String::new(); jobs.len()];
    let mut set = tokio::task::JoinSet::new();
    for (i, job) in jobs.into_iter().enumerate() {
        let permit = Arc::clone(&semaphore)
            .acquire_owned()
            .await
            .expect("never closed");
        set.spawn(async move {
            let report = job.run().await;
            drop(permit);
            (i, report)
        });
    }
    while let Some(res) = set.join_next().await {
        let (i, report) = res.expect("job task panicked");
        reports[i] = report;
    }
    reports
}
