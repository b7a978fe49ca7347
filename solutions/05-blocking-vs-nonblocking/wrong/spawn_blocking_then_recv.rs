//! Wrong: moves the legacy call to the blocking pool, then waits for its
//! result with a std channel's blocking `recv`. The call is off the runtime
//! thread, but the runtime thread now sits in `recv` until it is done, which
//! blocks it just as surely: the three invoices render one after another.
//! Await the `JoinHandle` (or a tokio `oneshot`) instead.
//! expect: the runtime thread waited for its result without awaiting

pub async fn invoice_handler(legacy: &Legacy, id: u32) -> Invoice {
    tokio::time::sleep(RATE_LIMIT).await;
    let legacy = legacy.clone();
    let (send, receive) = std::sync::mpsc::channel();
    tokio::task::spawn_blocking(move || {
        let _ = send.send(legacy.render_invoice(id));
    });
    receive.recv().expect("render_invoice panicked")
}
