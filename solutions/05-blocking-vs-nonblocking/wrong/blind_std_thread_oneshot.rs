//! Wrong: here only, a limitation of the simulation the README states before
//! the steps: step 3 on a std::thread::spawn, the result awaited through a
//! tokio oneshot. Right in production; the paused clock cannot see a thread
//! tokio did not start.
//! expect: a thread tokio does not know

pub async fn invoice_handler(legacy: &Legacy, id: u32) -> Invoice {
    tokio::time::sleep(Duration::from_secs(1)).await;
    let legacy = legacy.clone();
    let (tx, rx) = tokio::sync::oneshot::channel();
    std::thread::spawn(move || {
        let _ = tx.send(legacy.render_invoice(id));
    });
    rx.await.expect("render_invoice panicked")
}
