//! Wrong: step 4 puts the budget around each attempt, not around the loop: with the service down, it retries forever.
//! Real cause: a timeout per attempt bounds one attempt, not the whole retry; one deadline for attempts and pauses
//! expect: A timeout around each attempt does not bound the loop

pub async fn retry_within(op: &Unreliable, budget: Duration) -> Result<String, TimedOut> {
    let mut backoff = FIRST_BACKOFF;
    loop {
        match timeout(budget, op.attempt()).await {
            Ok(Ok(answer)) => return Ok(answer),
            Ok(Err(_)) => {
                sleep(backoff).await;
                backoff *= 2;
            }
            Err(_) => return Err(TimedOut),
        }
    }
}
