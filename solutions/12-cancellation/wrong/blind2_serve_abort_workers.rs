//! Wrong: Blind examination (round 2): serve aborts the workers at shutdown:
//! worker A is killed mid-item (item 1 rolled back at 300 ms).
//! expect: the worker was killed mid-item

pub async fn serve(queues: Vec<Queue>, shutdown: impl Future<Output = ()>) -> Vec<Vec<u32>> {
    use std::sync::{Arc, Mutex};
    let mut workers = Vec::new();
    let mut results = Vec::new();
    for mut queue in queues {
        let done = Arc::new(Mutex::new(Vec::new()));
        results.push(Arc::clone(&done));
        workers.push(tokio::spawn(async move {
            while let Some(item) = queue.next().await {
                item.process().await;
                done.lock().unwrap().push(item.id());
            }
        }));
    }
    shutdown.await;
    for w in &workers {
        w.abort();
    }
    for w in workers {
        let _ = w.await;
    }
    let _ = watch::channel(0);
    results
        .into_iter()
        .map(|d| d.lock().unwrap().clone())
        .collect()
}
