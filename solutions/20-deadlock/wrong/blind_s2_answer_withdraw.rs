//! Wrong: step 2 releases the lock and sends the statement, but answers what
//! `withdraw` answered, not the balance the statement sent (two calls at once:
//! 90 and 80 instead of 80 and 80). Real cause: the answer must be the balance
//! the statement sent, read under its own later lock. (Blind round 1.)
//! expect: answer the balance the statement sent

/// Step 2 (wrong): answers the withdrawal's balance.
pub async fn withdraw_and_notify(vault: &Vault, amount: u64) -> u64 {
    let mut g = vault.lock().await;
    let left = g.withdraw(amount).await;
    drop(g);
    vault.send_statement().await;
    left
}
