//! Wrong: wraps the blocking call in a helper `async fn` and awaits that,
//! as if `async` made the body non-blocking. An `async fn` with no pending
//! `.await` inside runs straight through on the thread that polls it: the
//! runtime thread. The helper hides the block; it does not move it.
//! expect: an async fn around it

pub async fn invoice_handler(legacy: &Legacy, id: u32) -> Invoice {
    async fn render(legacy: &Legacy, id: u32) -> Invoice {
        legacy.render_invoice(id)
    }
    tokio::time::sleep(RATE_LIMIT).await;
    render(legacy, id).await
}
