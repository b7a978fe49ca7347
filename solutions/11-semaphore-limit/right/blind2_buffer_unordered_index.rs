//! Right: Blind examination (round 2): run_limited with
//! stream::iter(..).buffer_unordered(limit) carrying each job's index, reports
//! put back in place, limit 0 refused with assert_ne!; spawn_limited acquires
//! inside tasks spawned up front.

pub async fn run_limited(jobs: Vec<Job>, limit: usize) -> Vec<String> {
    use futures::stream::{self, StreamExt};
    assert_ne!(
        limit, 0,
        "limit must be at least 1: with 0 permits no job could start"
    );
    let n = jobs.len();
    let mut done: Vec<(usize, String)> = stream::iter(jobs.iter().enumerate())
        .map(|(i, job)| async move { (i, job.run().await) })
        .buffer_unordered(limit)
        .collect()
        .await;
    done.sort_by_key(|(i, _)| *i);
    assert_eq!(done.len(), n);
    done.into_iter().map(|(_, r)| r).collect()
}

pub async fn spawn_limited(jobs: Vec<Job>, limit: usize) -> Vec<String> {
    if limit == 0 {
        panic!("spawn_limited: limit is 0, so no job could ever start");
    }
    let semaphore = Arc::new(Semaphore::new(limit));
    let handles: Vec<_> = jobs
        .into_iter()
        .map(|job| {
            let semaphore = Arc::clone(&semaphore);
            tokio::spawn(async move {
                let _permit = semaphore.acquire_owned().await.expect("never closed");
                job.run().await
            })
        })
        .collect();
    join_all(handles)
        .await
        .into_iter()
        .map(|r| r.expect("job panicked"))
        .collect()
}
