//! Wrong: step 1 awaits the whole operation, then checks how long it took against LIMIT (tokio Instant).
//! Real cause: checking the clock after the await is too late: the work already ran 5 s; timeout must race it
//! expect: a timeout answers at the limit, 3000 ms

pub async fn with_timeout(op: &Operation) -> Result<String, TimedOut> {
    let start = tokio::time::Instant::now();
    let report = op.run().await;
    if start.elapsed() > LIMIT {
        Err(TimedOut)
    } else {
        Ok(report)
    }
}
