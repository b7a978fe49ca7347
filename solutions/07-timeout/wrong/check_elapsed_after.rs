//! Wrong: awaits the operation, then checks how long it took. A check after
//! the `.await` can only run once the work is over: the caller waits the
//! full 5 s, and learns at 5000 ms that it should have given up at 3000.
//! expect: a timeout answers at the limit, 3000 ms

pub async fn with_timeout(op: &Operation) -> Result<String, TimedOut> {
    let started = tokio::time::Instant::now();
    let answer = op.run().await;
    if started.elapsed() > LIMIT {
        Err(TimedOut)
    } else {
        Ok(answer)
    }
}
