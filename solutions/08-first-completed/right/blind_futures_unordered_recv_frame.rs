//! Right: step 1 via FuturesUnordered (first next(), then drop the rest); step 2 futures::future::select (left wins ties); step 3 FuturesUnordered; step 4 races recv_frame and decodes in the handler.

pub async fn first_completed(a: &Job, b: &Job, c: &Job) -> String {
    use futures::StreamExt;
    let mut racing: futures::stream::FuturesUnordered<_> =
        [a.run(), b.run(), c.run()].into_iter().collect();
    racing.next().await.expect("three jobs")
}

pub async fn hedged(primary: &Job, backup: &Job) -> String {
    let p = std::pin::pin!(primary.run());
    let b = std::pin::pin!(backup.run());
    futures::future::select(p, b).await.factor_first().0
}

pub async fn first_then_the_rest(jobs: Vec<Job>, console: &Console) -> Vec<String> {
    use futures::StreamExt;
    let mut running: futures::stream::FuturesUnordered<_> = jobs.iter().map(|j| j.run()).collect();
    let mut reports = Vec::new();
    while let Some(report) = running.next().await {
        console.print(&report);
        reports.push(report);
    }
    reports
}

pub async fn consume(feed: &Feed, every: Duration) -> (Vec<String>, u32) {
    let mut heartbeat = tokio::time::interval(every);
    let mut messages = Vec::new();
    let mut beats = 0;
    loop {
        tokio::select! {
            frame = feed.recv_frame() => match frame {
                Some(frame) => messages.push(frame.decode().await),
                None => return (messages, beats),
            },
            _ = heartbeat.tick() => beats += 1,
        }
    }
}
