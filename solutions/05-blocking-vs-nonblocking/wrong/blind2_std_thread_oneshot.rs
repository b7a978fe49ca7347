//! Wrong: here only, a limitation of the simulation the README states
//! before step 3: render_invoice on a plain std::thread::spawn, its result
//! awaited through a tokio oneshot. Fine in production (the README says
//! so), but the paused clock cannot see a thread tokio does not know, so
//! the test names that limitation instead of accepting it.
//! expect: a thread tokio does not know

pub async fn blocking_handler(legacy: &Legacy) {
    legacy.sleep(Duration::from_secs(1));
}

pub async fn rate_limited_handler() {
    tokio::time::sleep(Duration::from_secs(1)).await;
}

pub async fn invoice_handler(legacy: &Legacy, id: u32) -> Invoice {
    tokio::time::sleep(Duration::from_secs(1)).await;
    let legacy = legacy.clone();
    let (tx, rx) = tokio::sync::oneshot::channel();
    std::thread::spawn(move || {
        let _ = tx.send(legacy.render_invoice(id));
    });
    rx.await.expect("render thread dropped its sender")
}
