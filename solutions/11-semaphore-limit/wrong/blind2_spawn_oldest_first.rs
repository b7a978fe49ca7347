//! Wrong: Blind examination (round 2): spawn_limited keeps a window of `limit`
//! handles and, when it is full, awaits the oldest before spawning the next: a
//! later job that finishes first leaves its permit idle.
//! expect: a freed permit must start the next job at once

pub async fn spawn_limited(jobs: Vec<Job>, limit: usize) -> Vec<String> {
    assert!(
        limit > 0,
        "the concurrency limit must be at least 1, got limit = 0"
    );
    let semaphore = Arc::new(Semaphore::new(limit));
    let mut window = std::collections::VecDeque::new();
    let mut reports = Vec::new();
    for job in jobs {
        if window.len() == limit {
            let oldest: tokio::task::JoinHandle<String> = window.pop_front().unwrap();
            reports.push(oldest.await.expect("job panicked"));
        }
        let permit = Arc::clone(&semaphore)
            .acquire_owned()
            .await
            .expect("never closed");
        window.push_back(tokio::spawn(async move {
            let report = job.run().await;
            drop(permit);
            report
        }));
    }
    for t in window {
        reports.push(t.await.expect("job panicked"));
    }
    reports
}
