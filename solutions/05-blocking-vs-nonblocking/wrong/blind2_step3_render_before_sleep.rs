//! Wrong: step 3 renders the invoice (off the runtime) first and waits for the rate limiter after; README says "after the wait, not before it".
//! Real cause: order: the rate limiter must come before the legacy call
//! expect: before request 1's 1 s rate-limit wait was over

pub async fn invoice_handler(legacy: &Legacy, id: u32) -> Invoice {
    let legacy = legacy.clone();
    let invoice = tokio::task::spawn_blocking(move || legacy.render_invoice(id))
        .await
        .expect("render_invoice panicked");
    tokio::time::sleep(Duration::from_secs(1)).await;
    invoice
}
