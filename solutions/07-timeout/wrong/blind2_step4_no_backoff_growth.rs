//! Wrong: step 4 pauses FIRST_BACKOFF every time (no doubling): attempts at 0, 700, 1400, 2100, 2800 ms.
//! Real cause: the pause must double after each failure
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
