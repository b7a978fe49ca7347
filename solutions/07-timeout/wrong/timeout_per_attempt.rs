//! Wrong: a timeout around each attempt, none around the whole. Each attempt
//! is bounded, but the loop is not: attempt after attempt fails within its
//! own limit, and the retries (and their pauses) go on past the budget.
//! expect: A timeout around each attempt does not bound the loop

pub async fn retry_within(op: &Unreliable, budget: Duration) -> Result<String, TimedOut> {
    let mut backoff = FIRST_BACKOFF;
    loop {
        match timeout(budget, op.attempt()).await {
            Ok(Ok(answer)) => return Ok(answer),
            Ok(Err(_)) | Err(_) => {
                sleep(backoff).await;
                backoff *= 2;
            }
        }
    }
}
