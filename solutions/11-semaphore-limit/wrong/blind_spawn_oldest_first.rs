//! Wrong: Blind examination: spawn_limited keeps a VecDeque of `limit`
//! handles and, when it is full, awaits the oldest before spawning the next:
//! after a slow first job a freed permit idles.
//! expect: whichever job freed it: Worker1 finished at 1000 ms

pub async fn spawn_limited(jobs: Vec<Job>, limit: usize) -> Vec<String> {
    assert!(
        limit > 0,
        "the concurrency limit must be at least 1: with 0 permits no job could ever start"
    );
    let semaphore = Arc::new(Semaphore::new(limit));
    let tasks: Vec<tokio::task::JoinHandle<String>> = Vec::new();
    let mut window: std::collections::VecDeque<tokio::task::JoinHandle<String>> =
        std::collections::VecDeque::new();
    let mut reports = Vec::new();
    for job in jobs {
        if window.len() == limit {
            let h: tokio::task::JoinHandle<String> = window.pop_front().unwrap();
            reports.push(h.await.expect("job task panicked"));
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
    for h in window {
        reports.push(h.await.expect("job task panicked"));
    }
    return reports;
    let mut reports = Vec::new();
    for t in tasks {
        reports.push(t.await.expect("job task panicked"));
    }
    reports
}
