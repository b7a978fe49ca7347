//! Wrong: step 5 sends every id, then reads the results: with 8 ids and
//! channels of 2 the checker waits for room in the results channel while the
//! sender waits for room in the ids channel. Real cause: a cycle of two bounded
//! channels, each full, each drained only by the other side (hold and wait).
//! (Blind round 1.)
//! expect: deadlock in a cycle of bounded channels

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
    for id in ids {
        id_tx.send(id).await.expect("checker gone");
    }
    drop(id_tx);
    let mut out = Vec::with_capacity(n);
    while let Some(id) = res_rx.recv().await {
        out.push(id);
    }
    out
}
