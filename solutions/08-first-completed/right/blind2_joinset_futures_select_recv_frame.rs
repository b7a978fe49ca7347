//! Right: step 1 spawns into a JoinSet, takes join_next, then shutdown().await (abort and wait); step 2 uses futures::future::select, which polls its left future first (primary on the left); step 3 uses FuturesUnordered; step 4 races only the cancel-safe recv_frame against the heartbeat (heartbeat branch FIRST in biased order) and decodes inside the handler.

pub async fn first_completed(a: &Job, b: &Job, c: &Job) -> String {
    let mut set = tokio::task::JoinSet::new();
    for job in [a, b, c] {
        let job = job.clone();
        set.spawn(async move { job.run().await });
    }
    let first = set
        .join_next()
        .await
        .expect("three jobs were spawned")
        .expect("a job panicked");
    set.shutdown().await;
    first
}

pub async fn hedged(primary: &Job, backup: &Job) -> String {
    use futures::future::{Either, select};
    let p = std::pin::pin!(primary.run());
    let b = std::pin::pin!(backup.run());
    match select(p, b).await {
        Either::Left((report, _)) | Either::Right((report, _)) => report,
    }
}

pub async fn first_then_the_rest(jobs: Vec<Job>, console: &Console) -> Vec<String> {
    use futures::stream::{FuturesUnordered, StreamExt};
    let mut running: FuturesUnordered<_> = jobs.iter().map(|job| job.run()).collect();
    let mut reports = Vec::new();
    while let Some(report) = running.next().await {
        console.print(&report);
        reports.push(report);
    }
    reports
}

pub async fn consume(feed: &Feed, every: Duration) -> (Vec<String>, u32) {
    let mut messages = Vec::new();
    let mut beats = 0;
    let mut heartbeat = tokio::time::interval(every);
    loop {
        tokio::select! {
            biased;
            _ = heartbeat.tick() => beats += 1,
            frame = feed.recv_frame() => match frame {
                Some(frame) => messages.push(frame.decode().await),
                None => return (messages, beats),
            },
        }
    }
}
