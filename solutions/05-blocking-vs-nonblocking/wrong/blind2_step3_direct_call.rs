//! Wrong: step 3 calls render_invoice directly in the async fn: blocks the runtime 500 ms per request.
//! Real cause: blocking call on the runtime thread
//! expect: it ran on the runtime thread

pub async fn invoice_handler(legacy: &Legacy, id: u32) -> Invoice {
    tokio::time::sleep(Duration::from_secs(1)).await;
    legacy.render_invoice(id)
}
