//! Right: step 2 uses sleep_until(Instant::now() + 1s); step 3 runs render on the blocking pool and sends the result over a tokio oneshot, awaited (a non-blocking wait), handle not needed.

pub async fn blocking_handler(legacy: &Legacy) {
    legacy.sleep(Duration::from_secs(1));
}

pub async fn rate_limited_handler() {
    tokio::time::sleep_until(tokio::time::Instant::now() + Duration::from_secs(1)).await;
}

pub async fn invoice_handler(legacy: &Legacy, id: u32) -> Invoice {
    tokio::time::sleep_until(tokio::time::Instant::now() + Duration::from_secs(1)).await;
    let legacy = legacy.clone();
    let (tx, rx) = tokio::sync::oneshot::channel();
    tokio::task::spawn_blocking(move || {
        let _ = tx.send(legacy.render_invoice(id));
    });
    rx.await.expect("render_invoice dropped its sender")
}
