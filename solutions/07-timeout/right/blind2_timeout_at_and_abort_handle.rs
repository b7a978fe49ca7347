//! Right: step 1 uses timeout_at(now + LIMIT); step 2 spawns and times out the handle by value (dropping it detaches the task, which finishes); step 3 keeps an AbortHandle, times out the JoinHandle by &mut, aborts via the AbortHandle and awaits the JoinHandle, checking is_cancelled; step 4 races the loop against one pinned sleep in select!.

pub async fn with_timeout(op: &Operation) -> Result<String, TimedOut> {
    let deadline = tokio::time::Instant::now() + LIMIT;
    tokio::time::timeout_at(deadline, op.run())
        .await
        .map_err(|_elapsed| TimedOut)
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
    let mut handle = tokio::spawn(async move { op.run().await });
    let stopper = handle.abort_handle();
    if let Ok(joined) = timeout(LIMIT, &mut handle).await {
        return Ok(joined.expect("the operation panicked"));
    }
    stopper.abort();
    match handle.await {
        Err(e) if e.is_cancelled() => Err(TimedOut),
        Err(e) => std::panic::resume_unwind(e.into_panic()),
        Ok(answer) => Ok(answer), // finished in the same instant: keep it
    }
}

pub async fn retry_within(op: &Unreliable, budget: Duration) -> Result<String, TimedOut> {
    let budget_over = sleep(budget);
    tokio::pin!(budget_over);
    let mut backoff = FIRST_BACKOFF;
    loop {
        let answer = tokio::select! {
            biased;
            () = &mut budget_over => return Err(TimedOut),
            answer = op.attempt() => answer,
        };
        match answer {
            Ok(answer) => return Ok(answer),
            Err(_) => {
                tokio::select! {
                    biased;
                    () = &mut budget_over => return Err(TimedOut),
                    () = sleep(backoff) => {}
                }
                backoff *= 2;
            }
        }
    }
}
