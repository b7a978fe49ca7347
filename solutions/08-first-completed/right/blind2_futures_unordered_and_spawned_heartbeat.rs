//! Right: step 1 puts the three run futures in a FuturesUnordered, takes the first and drops the set (dropping futures cancels them at once); step 2 is the biased select!; step 3 is a JoinSet; step 4 needs no select!: the heartbeat is its own task counting into an AtomicU32, the feed is read by a plain loop (nothing is ever cancelled), and the heartbeat task is aborted and awaited at the end.

pub async fn first_completed(a: &Job, b: &Job, c: &Job) -> String {
    use futures::stream::{FuturesUnordered, StreamExt};
    let mut racing: FuturesUnordered<_> = [a, b, c].into_iter().map(|job| job.run()).collect();
    let first = racing.next().await.expect("three jobs");
    drop(racing);
    first
}

pub async fn first_then_the_rest(jobs: Vec<Job>, console: &Console) -> Vec<String> {
    let mut set = tokio::task::JoinSet::new();
    for job in jobs {
        set.spawn(async move { job.run().await });
    }
    let mut reports = Vec::new();
    while let Some(joined) = set.join_next().await {
        let report = joined.expect("a job panicked");
        console.print(&report);
        reports.push(report);
    }
    reports
}

pub async fn consume(feed: &Feed, every: Duration) -> (Vec<String>, u32) {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicU32, Ordering};
    let beats = Arc::new(AtomicU32::new(0));
    let counter = beats.clone();
    let heartbeat = tokio::spawn(async move {
        let mut ticks = tokio::time::interval(every);
        loop {
            ticks.tick().await;
            counter.fetch_add(1, Ordering::SeqCst);
        }
    });
    let mut messages = Vec::new();
    while let Some(message) = feed.next_message().await {
        messages.push(message);
    }
    heartbeat.abort();
    let _ = heartbeat.await;
    (messages, beats.load(Ordering::SeqCst))
}
