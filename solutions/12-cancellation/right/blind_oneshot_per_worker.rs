//! Right: Blind examination: abort_after sleeps until a deadline, aborts, then
//! awaits; detach_and_drop races item 2 with futures::future::select on a
//! pinned sleep; the Drop takes the path out; serve stops each worker with a
//! oneshot of its own, joined with join_all.

pub async fn abort_after(handle: JoinHandle<String>, after: Duration) {
    let deadline = tokio::time::Instant::now() + after;
    tokio::time::sleep_until(deadline).await;
    handle.abort();
    match handle.await {
        Ok(_) | Err(_) => {}
    }
}

pub async fn outcome(handle: JoinHandle<String>) -> Outcome {
    let result = handle.await;
    if let Ok(report) = result {
        return Outcome::Done(report);
    }
    if result.as_ref().err().is_some_and(|e| e.is_cancelled()) {
        Outcome::Cancelled
    } else {
        Outcome::Panicked
    }
}

pub async fn detach_and_drop(first: Item, second: Item, after: Duration) {
    std::mem::drop(tokio::spawn(async move { first.process().await }));
    let work = std::pin::pin!(second.process());
    let timer = std::pin::pin!(tokio::time::sleep(after));
    match futures::future::select(work, timer).await {
        futures::future::Either::Left(_) => {}
        futures::future::Either::Right(((), _unfinished)) => {}
    }
}

impl TempFile {
    pub fn create(scratch: &Scratch, item: &Item) -> TempFile {
        let scratch = scratch.clone();
        let path = scratch.create(item);
        TempFile { scratch, path }
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let path = std::mem::take(&mut self.path);
        self.scratch.remove(&path);
    }
}

pub async fn export(scratch: &Scratch, item: &Item) -> String {
    let guard = TempFile::create(scratch, item);
    let out = item.process().await;
    let _ = &guard;
    out
}

pub async fn serve(queues: Vec<Queue>, shutdown: impl Future<Output = ()>) -> Vec<Vec<u32>> {
    let mut stops = Vec::new();
    let mut workers = Vec::new();
    for mut queue in queues {
        let (tx, mut rx) = tokio::sync::oneshot::channel::<()>();
        stops.push(tx);
        workers.push(tokio::spawn(async move {
            let mut done = Vec::new();
            loop {
                let next = tokio::select! {
                    biased;
                    _ = &mut rx => break,
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
    for tx in stops {
        let _ = tx.send(());
    }
    futures::future::join_all(workers)
        .await
        .into_iter()
        .map(|r| r.expect("worker panicked"))
        .collect()
}
