//! Wrong: step 3 uses spawn_blocking but spins on JoinHandle::is_finished() (no .await) before awaiting: the runtime thread is held while the pool works.
//! (first version used futures::executor::block_on, named by the README, but it does NOT COMPILE: the workspace's futures has no `executor` feature)
//! Real cause: synchronous wait on the runtime thread for pool work
//! expect: a spin on is_finished

pub async fn invoice_handler(legacy: &Legacy, id: u32) -> Invoice {
    tokio::time::sleep(Duration::from_secs(1)).await;
    let legacy = legacy.clone();
    let h = tokio::task::spawn_blocking(move || legacy.render_invoice(id));
    while !h.is_finished() {
        std::hint::spin_loop();
    }
    h.await.expect("render_invoice panicked")
}
