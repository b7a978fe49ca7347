//! Wrong: creates the semaphore with `limit + 1` permits, as if the caller
//! held one. Nothing does: every permit goes to a job, so one job too many
//! runs at once. With equal jobs and a generous limit it goes unnoticed.
//! expect: the cap is broken: at most 2 jobs may run at once, but 3 did

pub async fn run_limited(jobs: Vec<Job>, limit: usize) -> Vec<String> {
    assert!(
        limit > 0,
        "the concurrency limit must be at least 1: with 0 permits no job could ever start"
    );
    let semaphore = Semaphore::new(limit + 1);
    join_all(jobs.iter().map(|job| async {
        let _permit = semaphore
            .acquire()
            .await
            .expect("the semaphore is never closed");
        job.run().await
    }))
    .await
}
