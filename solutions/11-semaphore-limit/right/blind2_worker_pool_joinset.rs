//! Right: Blind examination (round 2): run_limited as a pool of `limit` worker
//! futures pulling (index, job) from a shared queue (the README's same
//! timeline); spawn_limited as a JoinSet window.

pub async fn run_limited(jobs: Vec<Job>, limit: usize) -> Vec<String> {
    use std::collections::VecDeque;
    use std::sync::Mutex;
    assert!(
        limit != 0,
        "limit must be >= 1 (limit = {limit}): no job could ever start"
    );
    let queue: Mutex<VecDeque<(usize, &Job)>> = Mutex::new(jobs.iter().enumerate().collect());
    let results: Mutex<Vec<Option<String>>> = Mutex::new(vec![None; jobs.len()]);
    let workers = (0..limit.min(jobs.len())).map(|_| async {
        loop {
            let next = queue.lock().unwrap().pop_front();
            let Some((i, job)) = next else { break };
            let report = job.run().await;
            results.lock().unwrap()[i] = Some(report);
        }
    });
    join_all(workers).await;
    results
        .into_inner()
        .unwrap()
        .into_iter()
        .map(|r| r.expect("every job ran"))
        .collect()
}

pub async fn spawn_limited(jobs: Vec<Job>, limit: usize) -> Vec<String> {
    use tokio::task::JoinSet;
    assert!(limit > 0, "limit = 0: no job could ever start");
    let semaphore = Arc::new(Semaphore::new(limit));
    let mut results: Vec<Option<String>> = vec![None; jobs.len()];
    let mut set = JoinSet::new();
    for (i, job) in jobs.into_iter().enumerate() {
        while semaphore.available_permits() == 0 {
            let (j, report) = set
                .join_next()
                .await
                .expect("a task holds a permit")
                .expect("job panicked");
            results[j] = Some(report);
        }
        let permit = Arc::clone(&semaphore)
            .acquire_owned()
            .await
            .expect("never closed");
        set.spawn(async move {
            let report = job.run().await;
            drop(permit);
            (i, report)
        });
    }
    while let Some(r) = set.join_next().await {
        let (j, report) = r.expect("job panicked");
        results[j] = Some(report);
    }
    results
        .into_iter()
        .map(|r| r.expect("every job ran"))
        .collect()
}
