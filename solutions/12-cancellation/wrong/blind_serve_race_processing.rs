//! Wrong: Blind examination: serve races the stop signal against the wait AND
//! the processing (one select! around next + process): at 300 ms worker A's
//! item 1 is cancelled mid-way instead of finished.
//! expect: race only the wait for an item against the signal

pub async fn serve(queues: Vec<Queue>, shutdown: impl Future<Output = ()>) -> Vec<Vec<u32>> {
    let (tx, rx) = watch::channel(false);
    let n = queues.len();
    let mut set = tokio::task::JoinSet::new();
    for (i, mut queue) in queues.into_iter().enumerate() {
        let mut stop = rx.clone();
        set.spawn(async move {
            let mut done = Vec::new();
            loop {
                let step = async {
                    let Some(item) = queue.next().await else {
                        return None;
                    };
                    item.process().await;
                    Some(item.id())
                };
                let next = tokio::select! {
                    biased;
                    _ = stop.wait_for(|&s| s) => break,
                    id = step => id,
                };
                let Some(id) = next else { break };
                done.push(id);
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
