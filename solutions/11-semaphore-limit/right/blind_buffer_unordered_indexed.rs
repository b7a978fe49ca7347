//! Right: Blind examination: run_limited uses buffer_unordered(limit) with
//! each job's index carried along, then puts the reports back in place;
//! spawn_limited spawns every task up front, each acquiring its permit inside
//! the task.

pub async fn run_limited(jobs: Vec<Job>, limit: usize) -> Vec<String> {
    fn check(limit: usize) {
        assert!(
            limit >= 1,
            "limit must be at least 1 (got limit = {limit}): with no permits no job can start"
        );
    }
    use futures::StreamExt;
    check(limit);
    let n = jobs.len();
    let mut out: Vec<Option<String>> = vec![None; n];
    let mut done = futures::stream::iter(jobs.into_iter().enumerate())
        .map(|(i, job)| async move { (i, job.run().await) })
        .buffer_unordered(limit);
    while let Some((i, report)) = done.next().await {
        out[i] = Some(report);
    }
    out.into_iter()
        .map(|r| r.expect("every job reported"))
        .collect()
}

pub async fn spawn_limited(jobs: Vec<Job>, limit: usize) -> Vec<String> {
    fn check(limit: usize) {
        assert!(
            limit >= 1,
            "limit must be at least 1 (got limit = {limit}): with no permits no job can start"
        );
    }
    check(limit);
    let semaphore = Arc::new(Semaphore::new(limit));
    let handles: Vec<_> = jobs
        .into_iter()
        .map(|job| {
            let semaphore = Arc::clone(&semaphore);
            tokio::spawn(async move {
                let _permit = semaphore.acquire_owned().await.expect("never closed");
                job.run().await
            })
        })
        .collect();
    let mut reports = Vec::with_capacity(handles.len());
    for h in handles {
        reports.push(h.await.expect("job task panicked"));
    }
    reports
}
