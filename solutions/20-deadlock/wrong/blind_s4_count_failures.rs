//! Wrong: step 4 is right but answers the number of failed attempts
//! (back-offs), not the number of attempts. Real cause: the answer counts
//! attempts (one per lock of `from`), the successful one included. (Blind round
//! 1.)
//! expect: answered the failures, not the attempts

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
                return attempts - 1;
            }
            None => {
                drop(g1);
                tokio::time::sleep(wait).await;
                wait *= 2;
            }
        }
    }
}
