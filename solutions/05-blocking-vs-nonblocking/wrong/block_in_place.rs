//! Wrong: wraps the call in `block_in_place`, which hands the worker's other
//! tasks to another worker. A current_thread runtime has no other worker.
//! expect: can call blocking only when running on the multi-threaded runtime

pub async fn invoice_handler(legacy: &Legacy, id: u32) -> Invoice {
    tokio::time::sleep(RATE_LIMIT).await;
    tokio::task::block_in_place(|| legacy.render_invoice(id))
}
