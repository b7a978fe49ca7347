//! Wrong: step 4 checks a tokio deadline at the top of each turn: an attempt in flight at the deadline runs to its end (3100 ms).
//! Real cause: a deadline checked between attempts does not cut the one in flight; put the timeout around the loop
//! expect: a deadline checked only between attempts does not cut the attempt in flight

pub async fn retry_within(op: &Unreliable, budget: Duration) -> Result<String, TimedOut> {
    let deadline = tokio::time::Instant::now() + budget;
    let mut backoff = FIRST_BACKOFF;
    while tokio::time::Instant::now() < deadline {
        match op.attempt().await {
            Ok(answer) => return Ok(answer),
            Err(_) => {
                sleep(backoff).await;
                backoff *= 2;
            }
        }
    }
    Err(TimedOut)
}
