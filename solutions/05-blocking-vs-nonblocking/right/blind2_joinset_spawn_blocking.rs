//! Right: step 2 awaits a spawned sleep task's handle; step 3 uses JoinSet::spawn_blocking and join_next (another API for the blocking pool), with a match over JoinError.

pub async fn blocking_handler(legacy: &Legacy) {
    legacy.sleep(Duration::from_secs(1));
}

pub async fn rate_limited_handler() {
    tokio::spawn(tokio::time::sleep(Duration::from_secs(1)))
        .await
        .expect("sleep task panicked");
}

pub async fn invoice_handler(legacy: &Legacy, id: u32) -> Invoice {
    tokio::time::sleep(Duration::from_secs(1)).await;
    let mut set = tokio::task::JoinSet::new();
    let legacy = legacy.clone();
    set.spawn_blocking(move || legacy.render_invoice(id));
    match set.join_next().await {
        Some(Ok(invoice)) => invoice,
        Some(Err(e)) => std::panic::resume_unwind(e.into_panic()),
        None => unreachable!("one task was spawned"),
    }
}
