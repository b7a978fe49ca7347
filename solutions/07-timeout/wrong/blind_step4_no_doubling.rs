//! Wrong: step 4 pauses a constant FIRST_BACKOFF between attempts (forgot to double).
//! Real cause: exponential backoff: the pause doubles after each failure
//! expect: pauses doubling from 100 ms

pub async fn retry_within(op: &Unreliable, budget: Duration) -> Result<String, TimedOut> {
    let attempts = async {
        loop {
            match op.attempt().await {
                Ok(answer) => return answer,
                Err(_) => sleep(FIRST_BACKOFF).await,
            }
        }
    };
    timeout(budget, attempts).await.map_err(|_| TimedOut)
}
