//! Wrong: step 3 moves the whole handler, rate-limit wait included (as legacy.sleep), into spawn_blocking.
//! Real cause: the rate-limit wait must be a timer on the runtime (1 s); on a pool thread it holds a thread and, here, takes no virtual time
//! expect: the rate-limit wait must take 1 s of virtual time, on the runtime

pub async fn invoice_handler(legacy: &Legacy, id: u32) -> Invoice {
    let legacy = legacy.clone();
    tokio::task::spawn_blocking(move || {
        legacy.sleep(Duration::from_secs(1));
        legacy.render_invoice(id)
    })
    .await
    .expect("render_invoice panicked")
}
