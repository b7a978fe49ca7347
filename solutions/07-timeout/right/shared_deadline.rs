//! Right: step 4 computes one deadline on tokio's clock and bounds every
//! attempt and every pause by it with `timeout_at` and `sleep_until`: many
//! timeouts, but all ending at the same instant, so the whole loop ends
//! there too. Step 3 keeps its task in a `JoinSet`, and at the limit
//! `shutdown()` aborts it and waits until it has been dropped.

pub async fn stop_the_task(op: &Operation) -> Result<String, TimedOut> {
    let mut tasks = tokio::task::JoinSet::new();
    let op = op.clone();
    tasks.spawn(async move { op.run().await });
    match timeout(LIMIT, tasks.join_next()).await {
        Ok(joined) => Ok(joined
            .expect("one task was spawned")
            .expect("the operation's task panicked")),
        Err(_elapsed) => {
            // Aborts every task of the set and waits until each is dropped.
            tasks.shutdown().await;
            Err(TimedOut)
        }
    }
}

pub async fn retry_within(op: &Unreliable, budget: Duration) -> Result<String, TimedOut> {
    use tokio::time::{Instant, sleep_until, timeout_at};

    let deadline = Instant::now() + budget;
    let mut backoff = FIRST_BACKOFF;
    loop {
        match timeout_at(deadline, op.attempt()).await {
            Ok(Ok(answer)) => return Ok(answer),
            Ok(Err(_unavailable)) => {}
            Err(_elapsed) => return Err(TimedOut),
        }
        let next = Instant::now() + backoff;
        if next >= deadline {
            sleep_until(deadline).await;
            return Err(TimedOut);
        }
        sleep_until(next).await;
        backoff *= 2;
    }
}
