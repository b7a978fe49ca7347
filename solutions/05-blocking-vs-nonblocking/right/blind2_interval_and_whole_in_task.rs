//! Right: step 2 waits with an interval (first tick at once, second after 1 s); step 3 spawns the whole handler as a task, which sleeps then awaits spawn_blocking, and awaits that task.

pub async fn blocking_handler(legacy: &Legacy) {
    legacy.sleep(Duration::from_secs(1));
}

pub async fn rate_limited_handler() {
    let mut ticks = tokio::time::interval(Duration::from_secs(1));
    ticks.tick().await;
    ticks.tick().await;
}

pub async fn invoice_handler(legacy: &Legacy, id: u32) -> Invoice {
    let legacy = legacy.clone();
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_secs(1)).await;
        tokio::task::spawn_blocking(move || legacy.render_invoice(id)).await
    })
    .await
    .expect("handler task panicked")
    .expect("render_invoice panicked")
}
