//! Wrong: moves the blocking call into `tokio::spawn`. A task is not a
//! thread: it runs on the same runtime thread, and blocks it just the same.
//! expect: a task is not a thread

pub async fn invoice_handler(legacy: &Legacy, id: u32) -> Invoice {
    tokio::time::sleep(RATE_LIMIT).await;
    let legacy = legacy.clone();
    tokio::spawn(async move { legacy.render_invoice(id) })
        .await
        .expect("render_invoice panicked")
}
