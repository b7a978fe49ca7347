//! Wrong: step 2 with step 1's answer. The caller stops waiting at 3000 ms,
//! but the timeout dropped the future, and the work with it: a future runs
//! only inside whoever polls it. To let work outlive the wait, it needs a
//! task of its own (`tokio::spawn`), as `asyncio.shield` gives it one.
//! expect: stop the waiting, not the work

pub async fn stop_waiting(op: &Operation) -> Result<String, TimedOut> {
    timeout(LIMIT, op.run()).await.map_err(|_elapsed| TimedOut)
}
