//! Right: Blind examination: run_limited without a semaphore: min(limit, jobs)
//! workers joined in place pull (index, job) from the front of a shared queue
//! until it is empty (a pool of N).

pub async fn run_limited(jobs: Vec<Job>, limit: usize) -> Vec<String> {
    assert_ne!(
        limit, 0,
        "the concurrency limit is 0: no job could ever start"
    );
    let n = jobs.len();
    let queue: std::sync::Mutex<std::collections::VecDeque<(usize, Job)>> =
        std::sync::Mutex::new(jobs.into_iter().enumerate().collect());
    let results: std::sync::Mutex<Vec<Option<String>>> = std::sync::Mutex::new(vec![None; n]);
    let worker = || async {
        loop {
            let next = queue.lock().unwrap().pop_front();
            let Some((i, job)) = next else { break };
            let report = job.run().await;
            results.lock().unwrap()[i] = Some(report);
        }
    };
    join_all((0..limit.min(n)).map(|_| worker())).await;
    results
        .into_inner()
        .unwrap()
        .into_iter()
        .map(Option::unwrap)
        .collect()
}

pub async fn spawn_limited(jobs: Vec<Job>, limit: usize) -> Vec<String> {
    assert_ne!(
        limit, 0,
        "the concurrency limit is 0: no job could ever start"
    );
    let semaphore = Arc::new(Semaphore::new(limit));
    let mut handles = Vec::new();
    for job in jobs {
        let permit = Arc::clone(&semaphore)
            .acquire_owned()
            .await
            .expect("never closed");
        handles.push(tokio::spawn(async move {
            let _held = permit;
            job.run().await
        }));
    }
    join_all(handles)
        .await
        .into_iter()
        .map(|r| r.expect("job task panicked"))
        .collect()
}
