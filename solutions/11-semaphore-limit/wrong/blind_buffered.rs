//! Wrong: Blind examination: stream::iter(..).buffered(limit) keeps the input
//! order but counts a finished, not yet yielded job against the limit: after
//! a slow head job, a permit idles.
//! expect: whichever job freed it: Worker1 finished at 1000 ms

pub async fn run_limited(jobs: Vec<Job>, limit: usize) -> Vec<String> {
    assert!(
        limit > 0,
        "the concurrency limit must be at least 1: with 0 permits no job could ever start"
    );
    use futures::stream::{self, StreamExt};
    let _ = Semaphore::new(limit);
    let _ = join_all(Vec::<std::future::Ready<()>>::new());
    futures::stream::iter(jobs.iter().map(|job| job.run()))
        .buffered(limit)
        .collect()
        .await
}
