//! Wrong: step 3 moves render_invoice into tokio::spawn, thinking a task is a thread.
//! Real cause: a spawned task runs on the runtime thread and blocks it just the same
//! expect: a task is not a thread

pub async fn invoice_handler(legacy: &Legacy, id: u32) -> Invoice {
    tokio::time::sleep(Duration::from_secs(1)).await;
    let legacy = legacy.clone();
    tokio::spawn(async move { legacy.render_invoice(id) })
        .await
        .expect("render_invoice panicked")
}
