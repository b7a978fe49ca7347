//! Wrong: Blind examination (round 2): run_limited treats a limit of 0 as no
//! limit (as some APIs do) instead of panicking.
//! expect: limit 0 is a caller error and must panic, but the call returned

pub async fn run_limited(jobs: Vec<Job>, limit: usize) -> Vec<String> {
    let limit = if limit == 0 { jobs.len().max(1) } else { limit };
    let semaphore = Semaphore::new(limit);
    join_all(jobs.iter().map(|job| async {
        let _permit = semaphore.acquire().await.expect("never closed");
        job.run().await
    }))
    .await
}
