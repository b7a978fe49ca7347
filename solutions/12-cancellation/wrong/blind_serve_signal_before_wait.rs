//! Wrong: Blind examination: the workers wait for the stop with watch
//! `changed()` (an edge) and call borrow_and_update() after each item "to
//! reset it": worker A, busy when the value changed at 300 ms, marks the
//! change seen after item 1 and then waits for a second change that never
//! comes, so it takes item 3. The stop must be read as a state (wait_for).
//! expect: a watch's changed() after borrow_and_update

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
                    r = stop.changed() => { let _ = r; if *stop.borrow_and_update() { break } else { continue } },
                    next = queue.next() => next,
                };
                let Some(item) = next else { break };
                item.process().await;
                let _ = stop.borrow_and_update();
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
