//! Wrong: Blind examination (round 2): run_limited builds the futures from the
//! last job to the first (a pop() loop) and reverses the reports: right
//! reports, right count, but the jobs start last first.
//! expect: jobs start in the order of `jobs`

pub async fn run_limited(jobs: Vec<Job>, limit: usize) -> Vec<String> {
    assert!(
        limit > 0,
        "the concurrency limit must be at least 1, got limit = 0"
    );
    let semaphore = Semaphore::new(limit);
    let mut jobs = jobs;
    let mut futs = Vec::new();
    while let Some(job) = jobs.pop() {
        let semaphore = &semaphore;
        futs.push(async move {
            let _permit = semaphore.acquire().await.expect("never closed");
            job.run().await
        });
    }
    let mut out = join_all(futs).await;
    out.reverse();
    out
}
