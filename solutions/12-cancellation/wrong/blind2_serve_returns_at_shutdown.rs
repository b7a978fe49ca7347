//! Wrong: Blind examination (round 2): serve signals the workers and returns at
//! once with what they have finished so far, without waiting for them: worker
//! A's item 1 is missing and still running.
//! expect: serve returns once every worker has stopped

pub async fn serve(queues: Vec<Queue>, shutdown: impl Future<Output = ()>) -> Vec<Vec<u32>> {
    use std::sync::{Arc, Mutex};
    let (tx, rx) = watch::channel(false);
    let mut results = Vec::new();
    for mut queue in queues {
        let mut stop = rx.clone();
        let done = Arc::new(Mutex::new(Vec::new()));
        results.push(Arc::clone(&done));
        tokio::spawn(async move {
            loop {
                let next = tokio::select! {
                    biased;
                    _ = stop.wait_for(|&s| s) => break,
                    next = queue.next() => next,
                };
                let Some(item) = next else { break };
                item.process().await;
                done.lock().unwrap().push(item.id());
            }
        });
    }
    shutdown.await;
    tx.send_replace(true);
    tokio::task::yield_now().await;
    results
        .into_iter()
        .map(|d| d.lock().unwrap().clone())
        .collect()
}
