//! Right: races the task against the deadline with a biased select! on
//! `&mut handle`, so a task that finishes early is simply collected, and
//! aborts through an `AbortHandle`, which can be handed to whoever decides
//! to cancel. Step 2 asks the JoinError the other way round: is_panic()
//! first, every other JoinError being a cancellation.

pub async fn abort_after(mut handle: JoinHandle<String>, after: Duration) {
    let abort = handle.abort_handle();
    tokio::select! {
        biased;
        _ = &mut handle => {}
        _ = sleep(after) => {
            abort.abort();
            // Still the handle that tells when the task has stopped.
            let _cancelled = handle.await;
        }
    }
}

pub async fn outcome(handle: JoinHandle<String>) -> Outcome {
    match handle.await {
        Ok(report) => Outcome::Done(report),
        Err(error) if error.is_panic() => Outcome::Panicked,
        Err(_) => Outcome::Cancelled,
    }
}
