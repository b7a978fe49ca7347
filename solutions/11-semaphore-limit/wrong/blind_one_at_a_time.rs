//! Wrong: Blind examination: run_limited runs the jobs one after another ("at
//! most limit" is satisfied by 1).
//! expect: the permits are not used

pub async fn run_limited(jobs: Vec<Job>, limit: usize) -> Vec<String> {
    assert!(
        limit > 0,
        "the concurrency limit must be at least 1: with 0 permits no job could ever start"
    );
    let _ = Semaphore::new(limit);
    let mut reports = Vec::new();
    for job in &jobs {
        reports.push(job.run().await);
    }
    let _ = join_all(Vec::<std::future::Ready<()>>::new());
    reports
}
