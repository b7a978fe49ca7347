//! Right: (here, by observation only) step 3 aborts the task and then yields
//! once instead of awaiting its handle. On the tests' current_thread
//! runtime the aborted task is dropped (and rolls back) during that yield,
//! before the caller resumes, so no test can tell it from the reference: a
//! task's cleanup is its synchronous Drop, done in the one turn that drops
//! it, and a scenario that crowded the run queue to make the yield return
//! first would rest on tokio's scheduler internals, which the tests must not
//! depend on. It is not right by contract: nothing promises that one yield
//! is enough (on a multi-thread runtime another worker may still be
//! dropping the task). Await the handle after abort(), as the README says.

pub async fn stop_the_task(op: &Operation) -> Result<String, TimedOut> {
    let op = op.clone();
    let mut handle = tokio::spawn(async move { op.run().await });
    match timeout(LIMIT, &mut handle).await {
        Ok(joined) => Ok(joined.expect("panicked")),
        Err(_) => {
            handle.abort();
            tokio::task::yield_now().await;
            Err(TimedOut)
        }
    }
}
