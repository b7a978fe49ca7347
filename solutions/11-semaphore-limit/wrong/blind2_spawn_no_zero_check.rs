//! Wrong: Blind examination (round 2): spawn_limited forgets the limit-0 check
//! that run_limited has: with 0 permits the first acquire_owned waits for ever.
//! expect: limit 0 must be refused at once with a panic

pub async fn spawn_limited(jobs: Vec<Job>, limit: usize) -> Vec<String> {
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
