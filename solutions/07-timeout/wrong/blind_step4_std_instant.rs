//! Wrong: step 4 takes its deadline from std::time::Instant and cuts attempts with timeout of the remaining time.
//! Real cause: std::time::Instant does not follow tokio paused clock: the deadline never passes
//! expect: a std::time::Instant deadline never passes

pub async fn retry_within(op: &Unreliable, budget: Duration) -> Result<String, TimedOut> {
    let deadline = std::time::Instant::now() + budget;
    let mut backoff = FIRST_BACKOFF;
    loop {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        if left.is_zero() {
            return Err(TimedOut);
        }
        match timeout(left, op.attempt()).await {
            Ok(Ok(answer)) => return Ok(answer),
            Ok(Err(_)) => {
                sleep(backoff.min(left)).await;
                backoff *= 2;
            }
            Err(_) => return Err(TimedOut),
        }
    }
}
