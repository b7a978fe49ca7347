//! Wrong: step 3 wraps render_invoice in an async block and awaits it, believing async makes it non-blocking.
//! Real cause: an async wrapper still runs the synchronous call on the runtime thread
//! expect: from an async fn around it

pub async fn invoice_handler(legacy: &Legacy, id: u32) -> Invoice {
    tokio::time::sleep(Duration::from_secs(1)).await;
    async { legacy.render_invoice(id) }.await
}
