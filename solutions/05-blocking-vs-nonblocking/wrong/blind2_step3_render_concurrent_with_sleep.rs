//! Wrong: step 3 joins the rate-limit sleep and the pool render concurrently: the render starts at 0 ms, before the wait is over.
//! Real cause: order: rendering must start after the rate-limit wait, not alongside it
//! expect: before request 1's 1 s rate-limit wait was over

pub async fn invoice_handler(legacy: &Legacy, id: u32) -> Invoice {
    let legacy = legacy.clone();
    let ((), invoice) = tokio::join!(
        tokio::time::sleep(Duration::from_secs(1)),
        tokio::task::spawn_blocking(move || legacy.render_invoice(id)),
    );
    invoice.expect("render_invoice panicked")
}
