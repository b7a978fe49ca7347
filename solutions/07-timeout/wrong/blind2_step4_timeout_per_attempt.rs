//! Wrong: step 4 puts the timeout around each attempt (each gets 3 s) instead of around the loop: a service down for good is retried forever.
//! Real cause: one deadline for the whole loop, attempts and pauses together
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
