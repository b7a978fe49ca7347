//! Wrong: one deadline for the loop, but read from `std::time::Instant`.
//! tokio's timers, and the paused clock of the tests, are the runtime's own:
//! std's clock barely moves while 3 s of virtual time go by, so the deadline
//! never passes and the loop retries on. (On a real clock it would also let
//! the attempt in flight run past the deadline: it is only checked between
//! attempts.)
//! expect: a std::time::Instant deadline never passes on tokio's paused

pub async fn retry_within(op: &Unreliable, budget: Duration) -> Result<String, TimedOut> {
    let deadline = std::time::Instant::now() + budget;
    let mut backoff = FIRST_BACKOFF;
    while std::time::Instant::now() < deadline {
        if let Ok(answer) = op.attempt().await {
            return Ok(answer);
        }
        sleep(backoff).await;
        backoff *= 2;
    }
    Err(TimedOut)
}
