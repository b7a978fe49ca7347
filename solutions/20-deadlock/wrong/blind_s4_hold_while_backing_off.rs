//! Wrong: step 4 backs off (sleeps, doubling) but keeps `from`'s guard while it
//! waits: nobody ever gives anything back, a deadlock that retries. Real cause:
//! no preemption is not broken: the first lock must be released before backing
//! off. (Blind round 1.)
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
                tokio::time::sleep(wait).await;
                wait *= 2;
                drop(g1);
            }
        }
    }
}
