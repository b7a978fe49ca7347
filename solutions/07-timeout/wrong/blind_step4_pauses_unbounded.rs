//! Wrong: step 4 bounds each attempt by timeout_at(deadline) but sleeps its pauses outside the deadline: a pause can overrun the budget.
//! Real cause: one deadline for attempts AND pauses; here a pause that crosses the deadline would run past it
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
            }
            Err(_) => return Err(TimedOut),
        }
    }
}
