//! Wrong: Blind examination: limit 0 is refused with assert_ne!(limit, 0) and
//! no message: the panic says "assertion `left != right` failed" and never
//! mentions the limit.
//! expect: limit 0 must panic with a message that names the limit

pub async fn run_limited(jobs: Vec<Job>, limit: usize) -> Vec<String> {
    assert_ne!(limit, 0);
    let semaphore = Semaphore::new(limit);
    join_all(jobs.iter().map(|job| async {
        let _permit = semaphore.acquire().await.expect("never closed");
        job.run().await
    }))
    .await
}

pub async fn spawn_limited(jobs: Vec<Job>, limit: usize) -> Vec<String> {
    assert_ne!(limit, 0);
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
        reports.push(t.await.expect("job task panicked"));
    }
    reports
}
