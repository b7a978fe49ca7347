//! Wrong: step 4 bounds each attempt by the deadline (timeout_at) but sleeps the whole pause unbounded: with a 1400 ms budget it gives up at 1500 ms, not 1400 ms.
//! Real cause: the pause must be inside the deadline too ("attempts and pauses together")
//! expect: a pause slept outside the deadline runs past it

pub async fn retry_within(op: &Unreliable, budget: Duration) -> Result<String, TimedOut> {
    let deadline = tokio::time::Instant::now() + budget;
    let mut backoff = FIRST_BACKOFF;
    loop {
        match tokio::time::timeout_at(deadline, op.attempt()).await {
            Ok(Ok(answer)) => return Ok(answer),
            Ok(Err(_)) => {
                sleep(backoff).await;
                backoff *= 2;
                if tokio::time::Instant::now() >= deadline {
                    return Err(TimedOut);
                }
            }
            Err(_) => return Err(TimedOut),
        }
    }
}
