//! Wrong: step 2 withdraws through a temporary guard in a `match` scrutinee and
//! sends the statement from the arm: the temporary guard lives until the end of
//! the `match`. Real cause: hold and wait: a temporary in a match scrutinee
//! keeps the lock held across the statement's await. (Blind round 1.)
//! expect: deadlock of one task: the statement waits for A's lock

/// Step 2 (wrong): the temporary guard lives to the end of the match.
pub async fn withdraw_and_notify(vault: &Vault, amount: u64) -> u64 {
    match vault.lock().await.withdraw(amount).await {
        _left => vault.send_statement().await,
    }
}
