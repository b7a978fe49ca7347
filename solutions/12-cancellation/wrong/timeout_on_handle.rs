//! Wrong: wraps the JoinHandle in a timeout, as `asyncio.wait_for` would
//! cancel a task. The timeout drops what it wraps, and what it wraps is only
//! the handle: the task is detached and runs on to 1000 ms.
//! expect: abort() cancels the task at its next .await

pub async fn abort_after(handle: JoinHandle<String>, after: Duration) {
    let _elapsed = tokio::time::timeout(after, handle).await;
}
