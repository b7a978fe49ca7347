//! Wrong: Blind examination: abort_after calls handle.abort() and returns at
//! once, without awaiting the handle: the abort is only scheduled, so the
//! task (and its rollback) has not stopped when the function returns.
//! expect: Await the JoinHandle after abort()

pub async fn abort_after(handle: JoinHandle<String>, after: Duration) {
    let _ = handle.abort_handle();
    tokio::time::sleep(after).await;
    handle.abort();
}
