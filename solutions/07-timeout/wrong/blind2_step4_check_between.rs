//! Wrong: step 4 checks the deadline only before each attempt: the attempt in flight at the deadline is not cut, so it gives up at 3100 ms, not 3000 ms.
//! Real cause: the deadline must cut whatever is in flight (attempt or pause), not just stop starting new attempts
//! expect: the deadline cuts the attempt in flight

pub async fn retry_within(op: &Unreliable, budget: Duration) -> Result<String, TimedOut> {
    let deadline = tokio::time::Instant::now() + budget;
    let mut backoff = FIRST_BACKOFF;
    loop {
        if tokio::time::Instant::now() >= deadline {
            return Err(TimedOut);
        }
        match op.attempt().await {
            Ok(answer) => return Ok(answer),
            Err(_) => {
                tokio::time::sleep_until((tokio::time::Instant::now() + backoff).min(deadline))
                    .await;
                backoff *= 2;
            }
        }
    }
}
