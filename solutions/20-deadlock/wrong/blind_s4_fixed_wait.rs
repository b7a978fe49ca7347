//! Wrong: step 4 releases and waits `backoff` each time, but never doubles the
//! wait. Real cause: the back-off must double after each failure (exponential
//! back-off), not stay fixed. (Blind round 1.)
//! expect: the wait never doubled

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
                tokio::time::sleep(wait).await;
            }
        }
    }
}
