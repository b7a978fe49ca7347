//! Wrong: Blind examination: serve signals the workers at shutdown but does
//! not wait for them (JoinSet::detach_all): it returns at 300 ms with what
//! each worker had finished by then.
//! expect: serve returns once every worker has stopped

pub async fn serve(queues: Vec<Queue>, shutdown: impl Future<Output = ()>) -> Vec<Vec<u32>> {
    let (tx, rx) = watch::channel(false);
    let n = queues.len();
    let mut set = tokio::task::JoinSet::new();
    let shared: Vec<std::sync::Arc<std::sync::Mutex<Vec<u32>>>> =
        (0..n).map(|_| Default::default()).collect();
    for (i, mut queue) in queues.into_iter().enumerate() {
        let mut stop = rx.clone();
        let mine = std::sync::Arc::clone(&shared[i]);
        set.spawn(async move {
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
                mine.lock().unwrap().push(item.id());
            }
            (i, done)
        });
    }
    shutdown.await;
    tx.send_replace(true);
    set.detach_all();
    shared.iter().map(|s| s.lock().unwrap().clone()).collect()
}
