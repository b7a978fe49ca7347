//! Right: waits with `sleep_until` a deadline rather than `sleep` a length,
//! and reaches the blocking pool through the runtime's `Handle`
//! (`Handle::current().spawn_blocking`), which is what
//! `tokio::task::spawn_blocking` calls. A handle can also be stored and used
//! from a thread outside the runtime.

pub async fn rate_limited_handler() {
    tokio::time::sleep_until(tokio::time::Instant::now() + RATE_LIMIT).await;
}

pub async fn invoice_handler(legacy: &Legacy, id: u32) -> Invoice {
    tokio::time::sleep_until(tokio::time::Instant::now() + RATE_LIMIT).await;
    let legacy = legacy.clone();
    tokio::runtime::Handle::current()
        .spawn_blocking(move || legacy.render_invoice(id))
        .await
        .expect("render_invoice panicked")
}
