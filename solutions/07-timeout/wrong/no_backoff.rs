//! Wrong: one timeout around the loop, but the loop retries at once, with no
//! pause: a service that is down gets hammered by an attempt every 600 ms
//! (five of them, and a sixth cut at the deadline), all hitting it while it
//! is least able to answer.
//! expect: pauses doubling from 100 ms

pub async fn retry_within(op: &Unreliable, budget: Duration) -> Result<String, TimedOut> {
    let attempts = async {
        loop {
            if let Ok(answer) = op.attempt().await {
                return answer;
            }
        }
    };
    timeout(budget, attempts).await.map_err(|_elapsed| TimedOut)
}
