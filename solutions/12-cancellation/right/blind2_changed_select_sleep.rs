//! Right: Blind examination (round 2): abort_after races the sleep in a
//! select!; export holds its guard in a block expression; serve's workers check
//! the watch's value, then wait with changed() (biased, the stop first).

pub async fn abort_after(handle: JoinHandle<String>, after: Duration) {
    tokio::time::sleep_until(tokio::time::Instant::now() + after).await;
    handle.abort();
    let result = handle.await;
    assert!(result.as_ref().map_or_else(|e| e.is_cancelled(), |_| true));
}

pub async fn export(scratch: &Scratch, item: &Item) -> String {
    let guard: TempFile = TempFile::create(scratch, item);
    let out = async { item.process().await }.await;
    let _ = &guard;
    out
}

pub async fn serve(queues: Vec<Queue>, shutdown: impl Future<Output = ()>) -> Vec<Vec<u32>> {
    let (tx, rx) = watch::channel(false);
    let mut workers = Vec::new();
    for mut queue in queues {
        let mut stop = rx.clone();
        workers.push(tokio::spawn(async move {
            let mut done = Vec::new();
            loop {
                if *stop.borrow_and_update() {
                    break;
                }
                let next = tokio::select! {
                    biased;
                    _ = stop.changed() => continue,
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
