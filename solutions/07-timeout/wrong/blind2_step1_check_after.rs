//! Wrong: step 1 awaits the whole operation and checks the elapsed time after: answers Err at 5000 ms, the work was never cut.
//! Real cause: checking the clock after awaiting is too late; race the future against a timer
//! expect: a timeout answers at the limit, 3000 ms

pub async fn with_timeout(op: &Operation) -> Result<String, TimedOut> {
    let start = tokio::time::Instant::now();
    let answer = op.run().await;
    if start.elapsed() > LIMIT {
        Err(TimedOut)
    } else {
        Ok(answer)
    }
}
