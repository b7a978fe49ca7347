//! Wrong: Blind examination: abort_after wraps the handle in timeout(after,
//! handle), believing the timeout cancels the task: it drops only the handle,
//! and the task runs on.
//! expect: Dropping its JoinHandle, or a timeout around the handle, only detaches it

pub async fn abort_after(handle: JoinHandle<String>, after: Duration) {
    let _ = tokio::time::timeout(after, handle).await;
}
