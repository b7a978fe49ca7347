//! Right: step 2 via a timeout around a never-ready future; step 3 via JoinSet::spawn_blocking and join_next.

pub async fn blocking_handler(legacy: &Legacy) {
    legacy.sleep(Duration::from_secs(1));
}

pub async fn rate_limited_handler() {
    let _ = tokio::time::timeout(Duration::from_secs(1), std::future::pending::<()>()).await;
}

pub async fn invoice_handler(legacy: &Legacy, id: u32) -> Invoice {
    rate_limited_handler().await;
    let mut set = tokio::task::JoinSet::new();
    let legacy = legacy.clone();
    set.spawn_blocking(move || legacy.render_invoice(id));
    set.join_next()
        .await
        .expect("one task")
        .expect("render_invoice panicked")
}
