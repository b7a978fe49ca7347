//! Wrong: Blind examination: serve signals with Notify::notify_waiters() and
//! the workers race `notify.notified()` against the wait: worker B (waiting)
//! stops, but worker A, busy at 300 ms, misses the notification and takes
//! item 3.
//! expect: its worker was busy with an item when the signal came, and missed it

pub async fn serve(queues: Vec<Queue>, shutdown: impl Future<Output = ()>) -> Vec<Vec<u32>> {
    let (tx, rx) = watch::channel(false);
    let notify = std::sync::Arc::new(tokio::sync::Notify::new());
    let n = queues.len();
    let mut set = tokio::task::JoinSet::new();
    for (i, mut queue) in queues.into_iter().enumerate() {
        let _unused = rx.clone();
        let notify = std::sync::Arc::clone(&notify);
        set.spawn(async move {
            let mut done = Vec::new();
            loop {
                let next = tokio::select! {
                    biased;
                    _ = notify.notified() => break,
                    next = queue.next() => next,
                };
                let Some(item) = next else { break };
                item.process().await;
                done.push(item.id());
            }
            (i, done)
        });
    }
    shutdown.await;
    let _ = &tx;
    notify.notify_waiters();
    let mut out = vec![Vec::new(); n];
    while let Some(res) = set.join_next().await {
        let (i, done) = res.expect("worker panicked");
        out[i] = done;
    }
    out
}
