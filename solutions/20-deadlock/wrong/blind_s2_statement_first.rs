//! Wrong: step 2 avoids the deadlock by sending the statement first, then
//! withdrawing: no lock is held across an await, but the statement is sent
//! before the withdrawal (it answers 100, not 90). Real cause: the order:
//! withdraw, then send the statement of the new balance. (Blind round 1.)
//! expect: one call: the lock at 10 ms, the withdrawal to 60 ms

/// Step 2 (wrong): statement before the withdrawal.
pub async fn withdraw_and_notify(vault: &Vault, amount: u64) -> u64 {
    let sent = vault.send_statement().await;
    vault.lock().await.withdraw(amount).await;
    sent
}
