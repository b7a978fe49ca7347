//! Wrong: step 3 moves render_invoice into tokio::spawn, thinking a task is another thread; on current_thread it still blocks the runtime.
//! Real cause: tokio::spawn runs on the runtime thread; blocking work needs spawn_blocking
//! expect: a task is not a thread

pub async fn invoice_handler(legacy: &Legacy, id: u32) -> Invoice {
    tokio::time::sleep(Duration::from_secs(1)).await;
    let legacy = legacy.clone();
    tokio::spawn(async move { legacy.render_invoice(id) })
        .await
        .expect("panicked")
}
