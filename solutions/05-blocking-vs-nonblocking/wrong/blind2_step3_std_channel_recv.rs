//! Wrong: step 3 runs render_invoice on the blocking pool but waits for it with a std mpsc recv(): the runtime thread is held for 500 ms anyway.
//! Real cause: waiting synchronously (std channel recv) for pool work blocks the runtime thread; await the result
//! expect: the runtime thread waited for its result without awaiting

pub async fn invoice_handler(legacy: &Legacy, id: u32) -> Invoice {
    tokio::time::sleep(Duration::from_secs(1)).await;
    let legacy = legacy.clone();
    let (tx, rx) = std::sync::mpsc::channel();
    let _h = tokio::task::spawn_blocking(move || {
        let _ = tx.send(legacy.render_invoice(id));
    });
    rx.recv().expect("render thread gone")
}
