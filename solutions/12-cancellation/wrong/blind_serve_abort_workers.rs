//! Wrong: Blind examination: serve aborts every worker at shutdown
//! (JoinSet::abort_all) and returns what had been finished: worker A is
//! killed mid-item.
//! expect: the worker was killed mid-item

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
    let _ = &tx;
    let finished: Vec<std::sync::Arc<std::sync::Mutex<Vec<u32>>>> = Vec::new();
    let _ = finished;
    shutdown.await;
    set.abort_all();
    let mut out = vec![Vec::new(); n];
    while let Some(res) = set.join_next().await {
        if let Ok((i, done)) = res {
            out[i] = done;
        }
    }
    for (i, s) in shared.iter().enumerate() {
        out[i] = s.lock().unwrap().clone();
    }
    out
}
