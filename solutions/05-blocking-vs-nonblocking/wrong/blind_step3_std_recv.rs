//! Wrong: step 3 runs render_invoice on the blocking pool but waits for it with a std channel recv().
//! Real cause: a blocking wait (std mpsc recv) on the runtime thread blocks it as much as the call itself
//! expect: the runtime thread waited for its result without awaiting

pub async fn invoice_handler(legacy: &Legacy, id: u32) -> Invoice {
    tokio::time::sleep(Duration::from_secs(1)).await;
    let legacy = legacy.clone();
    let (tx, rx) = std::sync::mpsc::channel();
    tokio::task::spawn_blocking(move || {
        let _ = tx.send(legacy.render_invoice(id));
    });
    rx.recv().expect("render_invoice panicked")
}
