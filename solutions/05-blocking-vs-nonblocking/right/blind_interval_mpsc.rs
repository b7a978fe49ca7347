//! Right: step 2 with an interval (first tick at once, second at 1 s); step 3 spawn_blocking + blocking_send on a tokio mpsc, awaited with recv().

pub async fn blocking_handler(legacy: &Legacy) {
    legacy.sleep(Duration::from_secs(1));
}

pub async fn rate_limited_handler() {
    let mut tick = tokio::time::interval(Duration::from_secs(1));
    tick.tick().await;
    tick.tick().await;
}

pub async fn invoice_handler(legacy: &Legacy, id: u32) -> Invoice {
    rate_limited_handler().await;
    let (tx, mut rx) = tokio::sync::mpsc::channel(1);
    let legacy = legacy.clone();
    let handle = tokio::task::spawn_blocking(move || {
        let _ = tx.blocking_send(legacy.render_invoice(id));
    });
    let invoice = rx.recv().await.expect("render_invoice panicked");
    handle.await.expect("render_invoice panicked");
    invoice
}
