//! Wrong: step 3 renders the invoice (correctly, on the pool) BEFORE waiting for the rate limiter.
//! Real cause: order of steps: the rate limit must be respected before calling the legacy service
//! expect: before request 1's 1 s rate-limit wait was over

pub async fn invoice_handler(legacy: &Legacy, id: u32) -> Invoice {
    let legacy = legacy.clone();
    let invoice = tokio::task::spawn_blocking(move || legacy.render_invoice(id))
        .await
        .expect("render_invoice panicked");
    tokio::time::sleep(Duration::from_secs(1)).await;
    invoice
}
