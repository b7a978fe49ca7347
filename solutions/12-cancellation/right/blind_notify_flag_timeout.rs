//! Right: Blind examination: abort_after awaits the task under
//! timeout(after, &mut handle) before aborting it (the handle survives the
//! timeout); outcome via try_into_panic; item 2 cut off by a timeout; serve
//! uses an AtomicBool and a Notify whose Notified is enabled before the flag
//! is checked, so no signal is missed.

pub async fn abort_after(mut handle: JoinHandle<String>, after: Duration) {
    if tokio::time::timeout(after, &mut handle).await.is_ok() {
        return;
    }
    handle.abort();
    let _ = handle.await;
}

pub async fn outcome(handle: JoinHandle<String>) -> Outcome {
    match handle.await.map_err(|e| e.try_into_panic()) {
        Ok(v) => Outcome::Done(v),
        Err(Ok(_payload)) => Outcome::Panicked,
        Err(Err(_cancelled)) => Outcome::Cancelled,
    }
}

pub async fn detach_and_drop(first: Item, second: Item, after: Duration) {
    tokio::spawn(async move {
        first.process().await;
    });
    let _ = tokio::time::timeout(after, second.process()).await;
}

impl TempFile {
    pub fn create(scratch: &Scratch, item: &Item) -> TempFile {
        TempFile {
            scratch: scratch.clone(),
            path: scratch.create(item),
        }
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        self.scratch.remove(&self.path)
    }
}

pub async fn export(scratch: &Scratch, item: &Item) -> String {
    let file = TempFile::create(scratch, item);
    let report = item.process().await;
    drop(file);
    report
}

pub async fn serve(queues: Vec<Queue>, shutdown: impl Future<Output = ()>) -> Vec<Vec<u32>> {
    struct Stop {
        flag: std::sync::atomic::AtomicBool,
        notify: tokio::sync::Notify,
    }
    let stop = std::sync::Arc::new(Stop {
        flag: std::sync::atomic::AtomicBool::new(false),
        notify: tokio::sync::Notify::new(),
    });
    let workers: Vec<_> = queues
        .into_iter()
        .map(|mut queue| {
            let stop = std::sync::Arc::clone(&stop);
            tokio::spawn(async move {
                let mut done = Vec::new();
                loop {
                    let mut notified = std::pin::pin!(stop.notify.notified());
                    notified.as_mut().enable();
                    if stop.flag.load(std::sync::atomic::Ordering::SeqCst) {
                        break;
                    }
                    let next = tokio::select! {
                        _ = notified => break,
                        next = queue.next() => next,
                    };
                    match next {
                        Some(item) => {
                            item.process().await;
                            done.push(item.id());
                        }
                        None => break,
                    }
                }
                done
            })
        })
        .collect();
    shutdown.await;
    stop.flag.store(true, std::sync::atomic::Ordering::SeqCst);
    stop.notify.notify_waiters();
    let mut out = Vec::new();
    for w in workers {
        out.push(w.await.expect("worker panicked"));
    }
    out
}
