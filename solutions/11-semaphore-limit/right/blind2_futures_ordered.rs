//! Right: Blind examination (round 2): run_limited with FuturesOrdered (every
//! future pushed, each awaiting an Arc<Semaphore> permit, results in input
//! order); spawn_limited acquires before spawning.

pub async fn run_limited(jobs: Vec<Job>, limit: usize) -> Vec<String> {
    use futures::stream::{FuturesOrdered, StreamExt};
    if limit == 0 {
        panic!("run_limited needs a limit of at least 1; a limit of 0 would never start a job");
    }
    let semaphore = Semaphore::new(limit);
    let sem = &semaphore;
    let mut ordered: FuturesOrdered<_> = jobs
        .iter()
        .map(|job| async move {
            let permit = sem.acquire().await.expect("never closed");
            let r = job.run().await;
            drop(permit);
            r
        })
        .collect();
    let mut out = Vec::with_capacity(jobs.len());
    while let Some(r) = ordered.next().await {
        out.push(r);
    }
    out
}

pub async fn spawn_limited(jobs: Vec<Job>, limit: usize) -> Vec<String> {
    assert!(
        limit > 0,
        "the concurrency limit must be at least 1, got limit = 0"
    );
    let semaphore = Arc::new(Semaphore::new(limit));
    let mut tasks = Vec::new();
    for job in jobs {
        let permit = Arc::clone(&semaphore)
            .acquire_owned()
            .await
            .expect("never closed");
        tasks.push(tokio::spawn(async move {
            let report = job.run().await;
            drop(permit);
            report
        }));
    }
    let mut reports = Vec::new();
    for t in tasks {
        reports.push(t.await.expect("job panicked"));
    }
    reports
}
