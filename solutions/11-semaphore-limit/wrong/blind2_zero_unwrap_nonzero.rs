//! Wrong: Blind examination (round 2): run_limited refuses 0 with
//! NonZeroUsize::new(limit).unwrap(): it panics up front, but the message
//! (unwrap on None) says nothing of the limit.
//! expect: limit 0 must panic with a message that names the limit

pub async fn run_limited(jobs: Vec<Job>, limit: usize) -> Vec<String> {
    let limit = std::num::NonZeroUsize::new(limit).unwrap();
    let semaphore = Semaphore::new(limit.get());
    join_all(jobs.iter().map(|job| async {
        let _permit = semaphore.acquire().await.expect("never closed");
        job.run().await
    }))
    .await
}
