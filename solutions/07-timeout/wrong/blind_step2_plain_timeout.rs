//! Wrong: step 2 times out the plain future, as in step 1: the work is dropped at 3 s instead of finishing.
//! Real cause: timeout drops the future it owns; to let work run on it must be a spawned task (the handle is what gets dropped)
//! expect: stop the waiting, not the work

pub async fn stop_waiting(op: &Operation) -> Result<String, TimedOut> {
    timeout(LIMIT, op.run()).await.map_err(|_| TimedOut)
}
