//! Wrong: step 4 doubles the wait before sleeping, so the first wait is
//! 2*backoff instead of backoff. Real cause: the first back-off must be
//! `backoff`, then doubled after each further failure. (Blind round 1.)
//! expect: the first wait was 40 ms, not `backoff`

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
                wait *= 2;
                tokio::time::sleep(wait).await;
            }
        }
    }
}
