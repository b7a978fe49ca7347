//! Right: step 2 with sleep_until(deadline); step 3 spawn_blocking sends on a tokio oneshot, the receiver is awaited (handle dropped, result still awaited).

pub async fn blocking_handler(legacy: &Legacy) {
    legacy.sleep(Duration::from_secs(1));
}

pub async fn rate_limited_handler() {
    tokio::time::sleep_until(tokio::time::Instant::now() + Duration::from_secs(1)).await;
}

pub async fn invoice_handler(legacy: &Legacy, id: u32) -> Invoice {
    tokio::time::sleep_until(tokio::time::Instant::now() + Duration::from_millis(1000)).await;
    let legacy = legacy.clone();
    let (tx, rx) = tokio::sync::oneshot::channel();
    tokio::task::spawn_blocking(move || {
        let _ = tx.send(legacy.render_invoice(id));
    });
    rx.await.expect("render_invoice panicked")
}
