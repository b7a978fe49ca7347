//! Wrong: step 3 uses tokio::task::block_in_place, which panics on the current_thread runtime.
//! Real cause: block_in_place needs the multi-thread runtime
//! expect: can call blocking only when running on the multi-threaded runtime

pub async fn invoice_handler(legacy: &Legacy, id: u32) -> Invoice {
    tokio::time::sleep(Duration::from_secs(1)).await;
    tokio::task::block_in_place(|| legacy.render_invoice(id))
}
