//! Wrong: step 4 takes its deadline from std::time::Instant: the paused tokio clock moves, std's does not, so the deadline never passes.
//! Real cause: use tokio::time for deadlines; std::time::Instant does not follow the runtime clock
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
