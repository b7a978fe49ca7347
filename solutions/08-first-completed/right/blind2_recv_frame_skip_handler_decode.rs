//! Right: (the hint's second way) step 4 races only recv_frame with the heartbeat (message branch first) and decodes in the handler, with MissedTickBehavior::Skip; steps 1-3 as the obvious answers.

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
    let mut messages = Vec::new();
    let mut beats = 0;
    let mut heartbeat = tokio::time::interval(every);
    heartbeat.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
    loop {
        tokio::select! {
            biased;
            frame = feed.recv_frame() => match frame {
                Some(frame) => messages.push(frame.decode().await),
                None => return (messages, beats),
            },
            _ = heartbeat.tick() => beats += 1,
        }
    }
}
