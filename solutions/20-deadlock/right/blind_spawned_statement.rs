//! Right: as the plain answer, but step 2 sends the statement from a spawned
//! task (after the guard is dropped) and awaits its JoinHandle; behaviour and
//! timing are the same, only the task differs. (Blind round 1.)

/// Step 2: the statement goes out from a task of its own, spawned after the
/// guard is dropped, and is awaited.
pub async fn withdraw_and_notify(vault: &Vault, amount: u64) -> u64 {
    let mut guard = vault.lock().await;
    guard.withdraw(amount).await;
    drop(guard);
    let vault = vault.clone();
    tokio::spawn(async move { vault.send_statement().await })
        .await
        .expect("statement task panicked")
}
