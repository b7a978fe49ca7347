//! Wrong: calls abort() and returns at once. abort() only asks: the task is
//! dropped the next time the runtime gets to it, after this returns, so the
//! caller cannot rely on its cleanup having run. Python's `task.cancel()`
//! has the same catch: await the task to know it has stopped.
//! expect: Await the JoinHandle after abort()

pub async fn abort_after(handle: JoinHandle<String>, after: Duration) {
    sleep(after).await;
    handle.abort();
}
