//! Right: runs the render on the blocking pool, which sends the invoice
//! back through a tokio `oneshot` channel, and awaits the receiver instead
//! of the `JoinHandle`. The same shape as the wrong answer that waits with a
//! std channel's `recv`, but this wait is an `.await`: the runtime thread
//! runs the other requests meanwhile.

pub async fn invoice_handler(legacy: &Legacy, id: u32) -> Invoice {
    tokio::time::sleep(RATE_LIMIT).await;
    let legacy = legacy.clone();
    let (send, receive) = tokio::sync::oneshot::channel();
    tokio::task::spawn_blocking(move || {
        let _ = send.send(legacy.render_invoice(id));
    });
    receive.await.expect("render_invoice panicked")
}
