//! Wrong: calls the blocking legacy function straight from async code. It
//! holds the runtime thread for 500 ms, so the requests' invoices queue up.
//! expect: render_invoice blocks its thread for 500 ms

pub async fn invoice_handler(legacy: &Legacy, id: u32) -> Invoice {
    tokio::time::sleep(RATE_LIMIT).await;
    legacy.render_invoice(id)
}
