//! Wrong: Blind examination (round 2): serve collects the workers' results from
//! a JoinSet in the order they stopped ([[2], [1]]), not per queue in the order
//! of `queues`.
//! expect: whatever order the workers stop in

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
    let mut set = tokio::task::JoinSet::new();
    for w in workers {
        set.spawn(async move { w.await.expect("worker panicked") });
    }
    let mut all = Vec::new();
    while let Some(r) = set.join_next().await {
        all.push(r.expect("worker panicked"));
    }
    all
}
