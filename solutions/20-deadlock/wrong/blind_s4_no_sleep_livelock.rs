//! Wrong: step 4 releases `from`'s lock and retries at once, without waiting:
//! the two callers retake their first locks in step for ever (a livelock). Real
//! cause: livelock: without a back-off wait the retries stay in step. (Blind
//! round 1.)
//! expect: livelock: the transfers never finished, yet they kept working

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
                drop(g1);
                let _ = wait;
            }
        }
    }
}
