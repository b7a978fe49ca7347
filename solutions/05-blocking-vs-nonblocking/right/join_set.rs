//! Right: spawns the render on a `JoinSet` with `JoinSet::spawn_blocking`
//! and takes its result with `join_next`. The same blocking pool as
//! `tokio::task::spawn_blocking`; a `JoinSet` pays off when a handler starts
//! several blocking calls and wants them as they finish.

pub async fn invoice_handler(legacy: &Legacy, id: u32) -> Invoice {
    tokio::time::sleep(RATE_LIMIT).await;
    let legacy = legacy.clone();
    let mut renders = tokio::task::JoinSet::new();
    renders.spawn_blocking(move || legacy.render_invoice(id));
    renders
        .join_next()
        .await
        .expect("one render was spawned")
        .expect("render_invoice panicked")
}
