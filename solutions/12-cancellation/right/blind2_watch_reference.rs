//! Right: Blind examination (round 2): the obvious one, written independently:
//! a watch channel and a biased select! on the wait only, handles awaited in
//! order.

pub async fn serve(queues: Vec<Queue>, shutdown: impl Future<Output = ()>) -> Vec<Vec<u32>> {
    let (tx, rx) = watch::channel(false);
    let mut workers = Vec::new();
    for mut queue in queues {
        let mut stop = rx.clone();
        workers.push(tokio::spawn(async move {
            let mut done = Vec::new();
            loop {
                let next = tokio::select! {
                    biased;
                    _ = stop.wait_for(|&s| s) => break,
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
    tx.send_replace(true);
    let mut all = Vec::new();
    for w in workers {
        all.push(w.await.expect("worker panicked"));
    }
    all
}
