//! Wrong: Blind examination: no check for limit 0: Semaphore::new(0) is legal,
//! so every acquire waits for ever.
//! expect: limit 0 must be refused at once with a panic

pub async fn run_limited(jobs: Vec<Job>, limit: usize) -> Vec<String> {
    let semaphore = Semaphore::new(limit);
    join_all(jobs.iter().map(|job| async {
        let _permit = semaphore.acquire().await.expect("never closed");
        job.run().await
    }))
    .await
}
