//! Wrong: step 4 "releases" `from`'s guard with `let _ = g1;`, which does not
//! move or drop a named binding: the guard lives to the end of the loop body,
//! through the sleep. Real cause: the first lock is still held while backing
//! off (`let _ = x` does not drop x). (Blind round 1.)
//! expect: kept A's lock while it backed off

/// Step 4 (wrong).
pub async fn transfer_backing_off(from: &Vault, to: &Vault, amount: u64, backoff: Duration) -> u32 {
    let mut attempts = 0;
    let mut wait = backoff;
    loop {
        attempts += 1;
        let mut g1 = from.lock().await;
        match to.try_lock() {
            Some(mut g2) => {
                g1.withdraw(amount).await;
                g2.deposit(amount).await;
                return attempts;
            }
            None => {
                let _ = g1; // give the lock back (it does not)
                tokio::time::sleep(wait).await;
                wait *= 2;
            }
        }
    }
}
