//! Wrong: only in this simulation. Hands the legacy call to a thread of
//! its own (`std::thread::spawn`) and awaits a tokio `oneshot` for the
//! result. On a real runtime this answer is right: the runtime thread stays
//! free and the three invoices render in parallel, done at 1500 ms. But
//! tokio's paused test clock cannot see a thread it did not start: with
//! every task waiting on a channel, it jumps straight to the test's
//! deadline. `spawn_blocking` is the better answer in production too: a pool
//! of reused threads, not a new thread per call.
//! expect: a thread tokio does not know

pub async fn invoice_handler(legacy: &Legacy, id: u32) -> Invoice {
    tokio::time::sleep(RATE_LIMIT).await;
    let legacy = legacy.clone();
    let (send, receive) = tokio::sync::oneshot::channel();
    std::thread::spawn(move || {
        let _ = send.send(legacy.render_invoice(id));
    });
    receive.await.expect("the render thread panicked")
}
