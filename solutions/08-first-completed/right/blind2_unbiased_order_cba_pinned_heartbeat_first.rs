//! Right: step 1 is an unbiased select! with the branches in c, b, a order (no ties in step 1, so randomness cannot matter); step 2 pins both futures and uses biased select! over &mut; step 3 spawns tasks that send into an mpsc channel and prints in the receiver as reports arrive; step 4 keeps one pinned next_message future (cancel-safe by not recreating it) with the heartbeat branch written first.

pub async fn first_completed(a: &Job, b: &Job, c: &Job) -> String {
    tokio::select! {
        report = c.run() => report,
        report = b.run() => report,
        report = a.run() => report,
    }
}

pub async fn hedged(primary: &Job, backup: &Job) -> String {
    let mut p = std::pin::pin!(primary.run());
    let mut b = std::pin::pin!(backup.run());
    tokio::select! {
        biased;
        report = &mut p => report,
        report = &mut b => report,
    }
}

pub async fn first_then_the_rest(jobs: Vec<Job>, console: &Console) -> Vec<String> {
    let count = jobs.len();
    let (tx, mut rx) = tokio::sync::mpsc::channel(count.max(1));
    let mut handles = Vec::new();
    for job in jobs {
        let tx = tx.clone();
        handles.push(tokio::spawn(async move {
            let report = job.run().await;
            let _ = tx.send(report).await;
        }));
    }
    drop(tx);
    let mut reports = Vec::new();
    while let Some(report) = rx.recv().await {
        console.print(&report);
        reports.push(report);
    }
    for h in handles {
        h.await.expect("a job panicked");
    }
    reports
}

pub async fn consume(feed: &Feed, every: Duration) -> (Vec<String>, u32) {
    let mut messages = Vec::new();
    let mut beats = 0;
    let mut heartbeat = tokio::time::interval(every);
    let mut next = Box::pin(feed.next_message());
    loop {
        tokio::select! {
            biased;
            _ = heartbeat.tick() => beats += 1,
            message = &mut next => match message {
                Some(message) => {
                    messages.push(message);
                    next = Box::pin(feed.next_message());
                }
                None => return (messages, beats),
            },
        }
    }
}
