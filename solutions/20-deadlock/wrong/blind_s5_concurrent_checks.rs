//! Wrong: step 5 avoids the channel cycle by checking every id in its own task
//! at once (join_all over `auditor.check`), still answering in order: no
//! checker task, no channels, and the checks overlap instead of one at a time.
//! Real cause: the checker checks one id at a time over two bounded channels;
//! removing the channels changes the system (and its timing: 50 ms instead of
//! 400 ms). (Blind round 1.)
//! expect: checks ran at once: one checker task checks one id at a time

/// Step 5 (wrong): no channels, every check at once.
pub async fn check_all(auditor: &Auditor, ids: Vec<u64>, capacity: usize) -> Vec<u64> {
    let _ = capacity;
    let _unused: Option<mpsc::Sender<u64>> = None;
    futures::future::join_all(ids.into_iter().map(|id| auditor.check(id))).await
}
