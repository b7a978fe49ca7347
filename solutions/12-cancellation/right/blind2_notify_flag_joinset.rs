//! Right: Blind examination (round 2): abort through an AbortHandle; outcome
//! asks is_panic first; item 2 raced against a sleep in select!; TempFile keeps
//! its path in an Option taken in Drop; serve signals with AtomicBool + Notify
//! (notified() enabled before the flag is read) and puts JoinSet results back
//! by index.

pub async fn abort_after(handle: JoinHandle<String>, after: Duration) {
    let abort = handle.abort_handle();
    tokio::time::sleep(after).await;
    abort.abort();
    match handle.await {
        Err(e) => debug_assert!(e.is_cancelled()),
        Ok(_) => {}
    }
}

pub async fn outcome(handle: JoinHandle<String>) -> Outcome {
    match handle.await {
        Err(e) if e.is_panic() => Outcome::Panicked,
        Err(_) => Outcome::Cancelled,
        Ok(report) => Outcome::Done(report),
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

pub struct TempFile {
    pub scratch: Scratch,
    pub path: String,
}

impl TempFile {
    pub fn create(scratch: &Scratch, item: &Item) -> TempFile {
        let path = scratch.create(item);
        TempFile {
            scratch: Scratch::clone(scratch),
            path,
        }
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let path = std::mem::take(&mut self.path);
        if !path.is_empty() {
            self.scratch.remove(&path);
        }
    }
}

pub async fn export(scratch: &Scratch, item: &Item) -> String {
    let file = TempFile::create(scratch, item);
    let report = item.process().await;
    drop(file);
    report
}

pub async fn serve(queues: Vec<Queue>, shutdown: impl Future<Output = ()>) -> Vec<Vec<u32>> {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    use tokio::sync::Notify;
    struct Stop {
        flag: AtomicBool,
        notify: Notify,
    }
    let stop = Arc::new(Stop {
        flag: AtomicBool::new(false),
        notify: Notify::new(),
    });
    let n = queues.len();
    let mut set = tokio::task::JoinSet::new();
    for (i, mut queue) in queues.into_iter().enumerate() {
        let stop = Arc::clone(&stop);
        set.spawn(async move {
            let mut done = Vec::new();
            loop {
                let notified = stop.notify.notified();
                tokio::pin!(notified);
                notified.as_mut().enable();
                if stop.flag.load(Ordering::SeqCst) {
                    break;
                }
                let next = tokio::select! {
                    biased;
                    _ = &mut notified => break,
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
    stop.flag.store(true, Ordering::SeqCst);
    stop.notify.notify_waiters();
    let mut all = vec![Vec::new(); n];
    while let Some(r) = set.join_next().await {
        let (i, done) = r.expect("worker panicked");
        all[i] = done;
    }
    all
}
