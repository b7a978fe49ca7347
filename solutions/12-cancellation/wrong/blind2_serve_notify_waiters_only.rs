//! Wrong: Blind examination (round 2): the stop is Notify::notify_waiters()
//! alone, no flag: worker A, busy at 300 ms, misses it, then waits for item 3
//! and processes it.
//! expect: its worker was busy with an item when the signal came, and missed it

pub async fn serve(queues: Vec<Queue>, shutdown: impl Future<Output = ()>) -> Vec<Vec<u32>> {
    use std::sync::Arc;
    use tokio::sync::Notify;
    let stop = Arc::new(Notify::new());
    let mut workers = Vec::new();
    for mut queue in queues {
        let stop = Arc::clone(&stop);
        workers.push(tokio::spawn(async move {
            let mut done = Vec::new();
            loop {
                let next = tokio::select! {
                    biased;
                    _ = stop.notified() => break,
                    next = queue.next() => next,
                };
                let Some(item) = next else { break };
                item.process().await;
                done.push(item.id());
            }
            done
        }));
    }
    shutdown.await;
    stop.notify_waiters();
    let _ = watch::channel(0);
    let mut all = Vec::new();
    for w in workers {
        all.push(w.await.expect("worker panicked"));
    }
    all
}
