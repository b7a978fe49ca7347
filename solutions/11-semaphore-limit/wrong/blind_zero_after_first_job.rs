//! Wrong: Blind examination: run_limited runs the first job unconditionally
//! ("there is always room for one") and only then panics on limit 0, so a job
//! starts before the panic.
//! expect: limit 0 is refused before any job starts, but 1 job(s) started first

pub async fn run_limited(jobs: Vec<Job>, limit: usize) -> Vec<String> {
    if limit == 0 {
        if let Some(first) = jobs.first() {
            first.run().await;
        }
        panic!("the concurrency limit must be at least 1: with 0 permits no job could ever start");
    }
    let semaphore = Semaphore::new(limit);
    join_all(jobs.iter().map(|job| async {
        let _permit = semaphore.acquire().await.expect("never closed");
        job.run().await
    }))
    .await
}
