//! Wrong: step 5 spawns the sending half as a task of its own (good) but awaits
//! its JoinHandle before reading any result: the same cycle again. Real cause:
//! a cycle of bounded channels: awaiting the sender's completion before
//! draining the results. (Blind round 1.)
//! expect: or for the JoinHandle of a task that sends them

/// Step 5 (wrong).
pub async fn check_all(auditor: &Auditor, ids: Vec<u64>, capacity: usize) -> Vec<u64> {
    let (id_tx, mut id_rx) = mpsc::channel::<u64>(capacity);
    let (res_tx, mut res_rx) = mpsc::channel::<u64>(capacity);
    let auditor = auditor.clone();
    tokio::spawn(async move {
        while let Some(id) = id_rx.recv().await {
            let id = auditor.check(id).await;
            if res_tx.send(id).await.is_err() {
                break;
            }
        }
    });
    let n = ids.len();
    let sender = tokio::spawn(async move {
        for id in ids {
            id_tx.send(id).await.expect("checker gone");
        }
    });
    sender.await.expect("sender panicked");
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        match res_rx.recv().await {
            Some(id) => out.push(id),
            None => break,
        }
    }
    out
}
