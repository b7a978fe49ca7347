//! Right: step 3 keeps an AbortHandle and gives timeout the JoinHandle by value, then aborts and yields until finished; step 4 timeout_at(deadline) on each attempt AND each pause.

pub async fn with_timeout(op: &Operation) -> Result<String, TimedOut> {
    timeout(LIMIT, op.run()).await.map_err(|_| TimedOut)
}

pub async fn stop_waiting(op: &Operation) -> Result<String, TimedOut> {
    let op = op.clone();
    let handle = tokio::spawn(async move { op.run().await });
    match timeout(LIMIT, handle).await {
        Ok(joined) => Ok(joined.expect("the operation panicked")),
        Err(_) => Err(TimedOut),
    }
}

pub async fn stop_the_task(op: &Operation) -> Result<String, TimedOut> {
    let op = op.clone();
    let handle = tokio::spawn(async move { op.run().await });
    let abort = handle.abort_handle();
    match timeout(LIMIT, handle).await {
        Ok(joined) => Ok(joined.expect("the operation panicked")),
        Err(_) => {
            abort.abort();
            while !abort.is_finished() {
                tokio::task::yield_now().await;
            }
            Err(TimedOut)
        }
    }
}

pub async fn retry_within(op: &Unreliable, budget: Duration) -> Result<String, TimedOut> {
    let deadline = tokio::time::Instant::now() + budget;
    let mut backoff = FIRST_BACKOFF;
    loop {
        match tokio::time::timeout_at(deadline, op.attempt()).await {
            Ok(Ok(answer)) => return Ok(answer),
            Ok(Err(_)) => {}
            Err(_) => return Err(TimedOut),
        }
        tokio::time::timeout_at(deadline, sleep(backoff))
            .await
            .map_err(|_| TimedOut)?;
        backoff *= 2;
    }
}
