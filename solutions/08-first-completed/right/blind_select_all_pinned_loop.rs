//! Right: step 1 futures::future::select_all over boxed futures; step 2 biased select on pinned futures declared outside; step 3 tokio::spawn each job, reports through an mpsc channel as they finish; step 4 one next_message future, unbiased select.

pub async fn first_completed(a: &Job, b: &Job, c: &Job) -> String {
    let futs: Vec<std::pin::Pin<Box<dyn std::future::Future<Output = String> + Send + '_>>> =
        vec![Box::pin(a.run()), Box::pin(b.run()), Box::pin(c.run())];
    let (report, _index, _rest) = futures::future::select_all(futs).await;
    report
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
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let mut handles = Vec::new();
    for job in jobs {
        let tx = tx.clone();
        handles.push(tokio::spawn(async move {
            let _ = tx.send(job.run().await);
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
    let mut heartbeat = tokio::time::interval(every);
    let mut messages = Vec::new();
    let mut beats = 0u32;
    let next = feed.next_message();
    tokio::pin!(next);
    loop {
        tokio::select! {
            _ = heartbeat.tick() => beats += 1,
            message = &mut next => {
                match message {
                    Some(m) => messages.push(m),
                    None => break,
                }
                next.set(feed.next_message());
            }
        }
    }
    (messages, beats)
}
