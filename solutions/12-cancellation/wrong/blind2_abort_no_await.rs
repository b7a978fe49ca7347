//! Wrong: Blind examination (round 2): abort_after aborts and returns at once
//! without awaiting the handle: abort() only schedules the cancellation, so the
//! rollback has not run when the function returns.
//! expect: Await the JoinHandle after abort()

pub async fn abort_after(handle: JoinHandle<String>, after: Duration) {
    tokio::time::sleep(after).await;
    handle.abort();
}
