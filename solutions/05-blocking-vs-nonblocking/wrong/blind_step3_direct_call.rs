//! Wrong: step 3 calls the blocking render_invoice directly after the async sleep.
//! Real cause: render_invoice blocks the runtime thread; requests end at 1500, 2000, 2500 ms
//! expect: render_invoice blocks its thread for 500 ms, and it ran on the runtime thread

pub async fn invoice_handler(legacy: &Legacy, id: u32) -> Invoice {
    tokio::time::sleep(Duration::from_secs(1)).await;
    legacy.render_invoice(id)
}
