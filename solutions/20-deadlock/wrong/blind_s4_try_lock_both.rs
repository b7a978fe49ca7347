//! Wrong: step 4 takes `from`'s lock with `try_lock()` too (and backs off when
//! it is busy), instead of `lock().await`: it never queues for the first lock
//! and skips its round trip. Real cause: the first lock is waited for in turn
//! (`lock().await`); only the second is tried. (Blind round 1.)
//! expect: took `from`'s lock with try_lock

/// Step 4 (wrong): try_lock for both.
pub async fn transfer_backing_off(from: &Vault, to: &Vault, amount: u64, backoff: Duration) -> u32 {
    let mut attempts = 0;
    let mut wait = backoff;
    loop {
        attempts += 1;
        if let Some(mut g1) = from.try_lock() {
            if let Some(mut g2) = to.try_lock() {
                g1.withdraw(amount).await;
                g2.deposit(amount).await;
                return attempts;
            }
        }
        tokio::time::sleep(wait).await;
        wait *= 2;
    }
}
