//! Right: step 1 is a biased select! of the operation against sleep(LIMIT); step 2 races &mut JoinHandle in select! and lets the handle drop (detach); step 3 uses a JoinSet: join_next under timeout, then shutdown().await (abort and wait); step 4 bounds each attempt and each pause with timeout_at/sleep_until on one deadline.

pub async fn with_timeout(op: &Operation) -> Result<String, TimedOut> {
    tokio::select! {
        biased;
        answer = op.run() => Ok(answer),
        () = sleep(LIMIT) => Err(TimedOut),
    }
}

pub async fn stop_waiting(op: &Operation) -> Result<String, TimedOut> {
    let op = op.clone();
    let mut handle = tokio::spawn(async move { op.run().await });
    tokio::select! {
        joined = &mut handle => Ok(joined.expect("the operation panicked")),
        () = sleep(LIMIT) => Err(TimedOut),
    }
}

pub async fn stop_the_task(op: &Operation) -> Result<String, TimedOut> {
    let op = op.clone();
    let mut set = tokio::task::JoinSet::new();
    set.spawn(async move { op.run().await });
    match timeout(LIMIT, set.join_next()).await {
        Ok(Some(joined)) => Ok(joined.expect("the operation panicked")),
        Ok(None) => unreachable!("one task was spawned"),
        Err(_) => {
            set.shutdown().await;
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
        let pause_end = tokio::time::Instant::now() + backoff;
        if pause_end >= deadline {
            tokio::time::sleep_until(deadline).await;
            return Err(TimedOut);
        }
        tokio::time::sleep_until(pause_end).await;
        backoff *= 2;
    }
}
