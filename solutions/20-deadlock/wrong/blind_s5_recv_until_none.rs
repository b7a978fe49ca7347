//! Wrong: step 5 sends and receives at once with join!, but the sending half
//! only borrows the ids Sender (never drops it) and the receiving half reads
//! until the channel closes: after the 8th result the checker waits for more
//! ids and the reader for more results, for ever. Real cause: a wait that only
//! the other side can end: the ids Sender is kept alive, so the checker never
//! stops and the results channel never closes. (Blind round 1.)
//! expect: yet check_all never returned

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
    let send = async {
        for id in ids {
            id_tx.send(id).await.expect("checker gone");
        }
    };
    let recv = async {
        let mut out = Vec::with_capacity(n);
        while let Some(id) = res_rx.recv().await {
            out.push(id);
        }
        out
    };
    let ((), out) = tokio::join!(send, recv);
    drop(id_tx);
    out
}
