//! Right: Blind examination: abort through an AbortHandle taken from the
//! JoinHandle, then await the handle; outcome checks is_panic first; item 2
//! raced against a sleep with select!; serve signals with a watch channel and
//! collects the workers from a JoinSet by index.

pub async fn abort_after(handle: JoinHandle<String>, after: Duration) {
    let abort = handle.abort_handle();
    tokio::time::sleep(after).await;
    abort.abort();
    let result = handle.await;
    debug_assert!(matches!(&result, Err(e) if e.is_cancelled()));
}

pub async fn outcome(handle: JoinHandle<String>) -> Outcome {
    match handle.await {
        Ok(report) => Outcome::Done(report),
        Err(e) if e.is_panic() => Outcome::Panicked,
        Err(_) => Outcome::Cancelled,
    }
}

pub async fn detach_and_drop(first: Item, second: Item, after: Duration) {
    let _detached = tokio::spawn(async move { first.process().await });
    drop(_detached);
    tokio::select! {
        _ = second.process() => {}
        _ = tokio::time::sleep(after) => {}
    }
}

pub async fn serve(queues: Vec<Queue>, shutdown: impl Future<Output = ()>) -> Vec<Vec<u32>> {
    let (tx, rx) = watch::channel(false);
    let n = queues.len();
    let mut set = tokio::task::JoinSet::new();
    for (i, mut queue) in queues.into_iter().enumerate() {
        let mut stop = rx.clone();
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
            }
            (i, done)
        });
    }
    shutdown.await;
    tx.send_replace(true);
    let mut out = vec![Vec::new(); n];
    while let Some(res) = set.join_next().await {
        let (i, done) = res.expect("worker panicked");
        out[i] = done;
    }
    out
}
