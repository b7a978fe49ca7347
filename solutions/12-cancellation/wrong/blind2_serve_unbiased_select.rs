//! Wrong: Blind examination (round 2): the workers' select! has no `biased;`: a
//! worker that finishes its item after the shutdown, with its next item already
//! in the queue, picks at random between the stop and the item, and takes a new
//! item after the shutdown in about half the tries.
//! expect: select! without `biased;` picks a branch at random

pub async fn serve(queues: Vec<Queue>, shutdown: impl Future<Output = ()>) -> Vec<Vec<u32>> {
    let (tx, rx) = watch::channel(false);
    let mut workers = Vec::new();
    for mut queue in queues {
        let mut stop = rx.clone();
        workers.push(tokio::spawn(async move {
            let mut done = Vec::new();
            loop {
                let next = tokio::select! {
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
