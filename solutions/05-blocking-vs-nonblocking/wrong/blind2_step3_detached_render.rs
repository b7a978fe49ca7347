//! Wrong: step 3 fires the render on the blocking pool and returns Invoice { id } without awaiting it: the invoice may not be rendered when the handler returns.
//! Real cause: detached spawn_blocking; the handler must await the JoinHandle ("rendered before the handler returns")
//! expect: the JoinHandle of spawn_blocking was dropped, not awaited

pub async fn invoice_handler(legacy: &Legacy, id: u32) -> Invoice {
    tokio::time::sleep(Duration::from_secs(1)).await;
    let legacy = legacy.clone();
    drop(tokio::task::spawn_blocking(move || {
        legacy.render_invoice(id)
    }));
    Invoice { id }
}
