//! Wrong: "cancels" the task by dropping its JoinHandle, as if the handle
//! owned the task. Dropping a JoinHandle detaches the task: it runs on to
//! 1000 ms with nobody left to collect its result.
//! expect: abort() cancels the task at its next .await

pub async fn abort_after(handle: JoinHandle<String>, after: Duration) {
    sleep(after).await;
    drop(handle);
}
