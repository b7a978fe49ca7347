//! Wrong: Blind examination (round 2): serve races the stop signal against the
//! whole take-and-process step: a busy worker's item is dropped mid-way at 300
//! ms. Race only the (cancel-safe) wait.
//! expect: race only the wait for an item against the signal

pub async fn serve(queues: Vec<Queue>, shutdown: impl Future<Output = ()>) -> Vec<Vec<u32>> {
    let (tx, rx) = watch::channel(false);
    let mut workers = Vec::new();
    for mut queue in queues {
        let mut stop = rx.clone();
        workers.push(tokio::spawn(async move {
            let mut done = Vec::new();
            loop {
                let step = async {
                    let item = queue.next().await?;
                    item.process().await;
                    Some(item.id())
                };
                let r = tokio::select! {
                    biased;
                    _ = stop.wait_for(|&s| s) => break,
                    r = step => r,
                };
                let Some(id) = r else { break };
                done.push(id);
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
