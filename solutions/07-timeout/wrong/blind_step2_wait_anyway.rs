//! Wrong: step 2 spawns the work, and on timeout awaits the handle anyway to "let it finish": the caller waits 5 s.
//! Real cause: stop waiting at LIMIT: the caller must answer Err at 3000 ms while the detached task runs on
//! expect: the caller stops waiting at the limit

pub async fn stop_waiting(op: &Operation) -> Result<String, TimedOut> {
    let op = op.clone();
    let mut handle = tokio::spawn(async move { op.run().await });
    match timeout(LIMIT, &mut handle).await {
        Ok(joined) => Ok(joined.expect("the operation panicked")),
        Err(_) => {
            let _ = handle.await;
            Err(TimedOut)
        }
    }
}
