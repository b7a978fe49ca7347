//! Wrong: step 4 doubles the backoff before sleeping, so the first pause is 200 ms: attempts at 0, 800, 1800 ms.
//! Real cause: off-by-one in the backoff: FIRST_BACKOFF after the first failure, then double
//! expect: pauses doubling from 100 ms

pub async fn retry_within(op: &Unreliable, budget: Duration) -> Result<String, TimedOut> {
    let attempts = async {
        let mut backoff = FIRST_BACKOFF;
        loop {
            match op.attempt().await {
                Ok(answer) => return answer,
                Err(_) => {
                    backoff *= 2;
                    sleep(backoff).await;
                }
            }
        }
    };
    timeout(budget, attempts).await.map_err(|_| TimedOut)
}
