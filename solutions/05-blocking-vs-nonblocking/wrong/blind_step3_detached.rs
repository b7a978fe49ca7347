//! Wrong: step 3 fires render_invoice on the pool and returns a made-up Invoice without awaiting the JoinHandle (detached work).
//! Real cause: the JoinHandle was dropped: the result is never awaited, the request "finishes" before its invoice is rendered
//! expect: the JoinHandle of spawn_blocking was dropped, not awaited

pub async fn invoice_handler(legacy: &Legacy, id: u32) -> Invoice {
    tokio::time::sleep(Duration::from_secs(1)).await;
    let legacy = legacy.clone();
    drop(tokio::task::spawn_blocking(move || {
        legacy.render_invoice(id)
    }));
    Invoice { id }
}
