//! Right: step 1 via timeout_at; step 2 detached task reports through a oneshot which is timed out; step 3 a JoinSet, join_next under timeout, then shutdown(); step 4 recursive-free while-let loop inside timeout.

pub async fn with_timeout(op: &Operation) -> Result<String, TimedOut> {
    tokio::time::timeout_at(tokio::time::Instant::now() + LIMIT, op.run())
        .await
        .map_err(|_| TimedOut)
}

pub async fn stop_waiting(op: &Operation) -> Result<String, TimedOut> {
    let op = op.clone();
    let (tx, rx) = tokio::sync::oneshot::channel();
    tokio::spawn(async move {
        let _ = tx.send(op.run().await);
    });
    match timeout(LIMIT, rx).await {
        Ok(got) => Ok(got.expect("the operation panicked")),
        Err(_) => Err(TimedOut),
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
    timeout(budget, async {
        let mut backoff = FIRST_BACKOFF;
        let mut result = op.attempt().await;
        while result.is_err() {
            sleep(backoff).await;
            backoff = backoff.saturating_mul(2);
            result = op.attempt().await;
        }
        result.expect("loop ends on Ok")
    })
    .await
    .map_err(|_| TimedOut)
}
