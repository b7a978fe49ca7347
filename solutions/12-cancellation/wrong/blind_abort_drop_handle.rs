//! Wrong: Blind examination: abort_after "cancels" by dropping the JoinHandle
//! after the sleep: a dropped handle detaches the task, which runs on to
//! 1000 ms.
//! expect: Dropping its JoinHandle, or a timeout around the handle, only detaches it

pub async fn abort_after(handle: JoinHandle<String>, after: Duration) {
    tokio::time::sleep(after).await;
    drop(handle);
}
