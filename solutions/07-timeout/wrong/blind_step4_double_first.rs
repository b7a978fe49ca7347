//! Wrong: step 4 doubles the backoff before the first pause (200 ms, 400, 800): off by one doubling.
//! Real cause: the first pause must be FIRST_BACKOFF; attempts at 0, 700, 1500, 2500 ms
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
