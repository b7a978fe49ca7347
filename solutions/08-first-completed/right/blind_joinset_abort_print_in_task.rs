//! Right: step 1 JoinSet + abort_all + drain; step 2 biased select with the same order; step 3 each task prints its own report, the caller collects by join_next; step 4 a reader task forwards messages over mpsc, select! on rx.recv() (cancel-safe).

pub async fn first_completed(a: &Job, b: &Job, c: &Job) -> String {
    let mut set = tokio::task::JoinSet::new();
    for job in [a, b, c] {
        let job = job.clone();
        set.spawn(async move { job.run().await });
    }
    let first = set
        .join_next()
        .await
        .expect("three jobs")
        .expect("a job panicked");
    set.abort_all();
    while set.join_next().await.is_some() {}
    first
}

pub async fn first_then_the_rest(jobs: Vec<Job>, console: &Console) -> Vec<String> {
    let mut set = tokio::task::JoinSet::new();
    for job in jobs {
        let console = console.clone();
        set.spawn(async move {
            let report = job.run().await;
            console.print(&report);
            report
        });
    }
    let mut reports = Vec::new();
    while let Some(joined) = set.join_next().await {
        reports.push(joined.expect("a job panicked"));
    }
    reports
}

pub async fn consume(feed: &Feed, every: Duration) -> (Vec<String>, u32) {
    let (tx, mut rx) = tokio::sync::mpsc::channel(16);
    let reader_feed = feed.clone();
    let reader = tokio::spawn(async move {
        while let Some(m) = reader_feed.next_message().await {
            if tx.send(m).await.is_err() {
                break;
            }
        }
    });
    let mut heartbeat = tokio::time::interval(every);
    let mut messages = Vec::new();
    let mut beats = 0;
    loop {
        tokio::select! {
            biased;
            m = rx.recv() => match m {
                Some(m) => messages.push(m),
                None => break,
            },
            _ = heartbeat.tick() => beats += 1,
        }
    }
    reader.await.expect("the reader panicked");
    (messages, beats)
}
