//! Wrong: keeps one deadline on tokio's clock, but only checks it between
//! attempts, and shortens the last pause to meet it. The attempt in flight at
//! 3000 ms is never cut: the caller waits for it to fail at 3100 ms, past the
//! budget. A deadline is only a deadline if it can interrupt the await.
//! expect: the deadline cuts the attempt in flight

pub async fn retry_within(op: &Unreliable, budget: Duration) -> Result<String, TimedOut> {
    let deadline = tokio::time::Instant::now() + budget;
    let mut backoff = FIRST_BACKOFF;
    while tokio::time::Instant::now() < deadline {
        if let Ok(answer) = op.attempt().await {
            return Ok(answer);
        }
        tokio::time::sleep_until(deadline.min(tokio::time::Instant::now() + backoff)).await;
        backoff *= 2;
    }
    Err(TimedOut)
}
