//! Wrong: step 2 reuses step 1's timeout around the future: the work is cancelled and rolled back, where it must finish.
//! Real cause: timeout drops the future it was given; only a spawned task survives the drop of its handle
//! expect: stop the waiting, not the work

pub async fn stop_waiting(op: &Operation) -> Result<String, TimedOut> {
    timeout(LIMIT, op.run()).await.map_err(|_| TimedOut)
}
