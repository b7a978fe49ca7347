//! Wrong: step 2 keeps the guard alive while awaiting `send_statement()`, which
//! needs the same lock: a deadlock of one task. Real cause: hold and wait: the
//! guard is held across an await that needs the same (non-reentrant) lock.
//! (Blind round 1.)
//! expect: deadlock of one task: the statement waits for A's lock

/// Step 2 (wrong): the guard still lives during the statement.
pub async fn withdraw_and_notify(vault: &Vault, amount: u64) -> u64 {
    let mut g = vault.lock().await;
    g.withdraw(amount).await;
    vault.send_statement().await
}
