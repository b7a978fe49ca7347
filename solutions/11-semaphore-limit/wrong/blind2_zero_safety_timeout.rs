//! Wrong: Blind examination (round 2): run_limited does not refuse 0 up front;
//! a 60 s safety-net timeout panics if the jobs never finish: a wait, where a
//! caller error must be refused at once.
//! expect: limit 0 must be refused at once with a panic

pub async fn run_limited(jobs: Vec<Job>, limit: usize) -> Vec<String> {
    let semaphore = Semaphore::new(limit);
    let all = join_all(jobs.iter().map(|job| async {
        let _permit = semaphore.acquire().await.expect("never closed");
        job.run().await
    }));
    tokio::time::timeout(std::time::Duration::from_secs(60), all)
        .await
        .unwrap_or_else(|_| panic!("jobs never finished: is the limit ({limit}) too low?"))
}
