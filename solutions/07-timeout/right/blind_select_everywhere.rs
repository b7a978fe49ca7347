//! Right: every step written with tokio::select! and a sleep instead of timeout(); step 3 races &mut handle, aborts and awaits.

pub async fn with_timeout(op: &Operation) -> Result<String, TimedOut> {
    tokio::select! {
        report = op.run() => Ok(report),
        () = sleep(LIMIT) => Err(TimedOut),
    }
}

pub async fn stop_waiting(op: &Operation) -> Result<String, TimedOut> {
    let op = op.clone();
    let handle = tokio::spawn(async move { op.run().await });
    tokio::select! {
        joined = handle => Ok(joined.expect("the operation panicked")),
        () = sleep(LIMIT) => Err(TimedOut),
    }
}

pub async fn stop_the_task(op: &Operation) -> Result<String, TimedOut> {
    let op = op.clone();
    let mut handle = tokio::spawn(async move { op.run().await });
    tokio::select! {
        joined = &mut handle => Ok(joined.expect("the operation panicked")),
        () = sleep(LIMIT) => {
            handle.abort();
            let _ = (&mut handle).await;
            Err(TimedOut)
        }
    }
}

pub async fn retry_within(op: &Unreliable, budget: Duration) -> Result<String, TimedOut> {
    let deadline = sleep(budget);
    tokio::pin!(deadline);
    let mut backoff = FIRST_BACKOFF;
    loop {
        tokio::select! {
            result = op.attempt() => match result {
                Ok(answer) => return Ok(answer),
                Err(_) => {}
            },
            () = &mut deadline => return Err(TimedOut),
        }
        tokio::select! {
            () = sleep(backoff) => backoff *= 2,
            () = &mut deadline => return Err(TimedOut),
        }
    }
}
