//! Right: step 1 uses futures::future::select over pinned futures; step 2 spawns and detaches explicitly in a select! whose loser is a timer; step 3 uses a JoinSet with abort_all and drains join_next until None; step 4 is a recursive-free while loop with an explicit attempt counter, all inside one timeout.

pub async fn with_timeout(op: &Operation) -> Result<String, TimedOut> {
    use futures::future::{Either, select};
    let work = std::pin::pin!(op.run());
    let timer = std::pin::pin!(sleep(LIMIT));
    match select(work, timer).await {
        Either::Left((answer, _timer)) => Ok(answer),
        Either::Right(((), _work)) => Err(TimedOut),
    }
}

pub async fn stop_waiting(op: &Operation) -> Result<String, TimedOut> {
    let op = op.clone();
    let handle = tokio::spawn(async move { op.run().await });
    tokio::select! {
        biased;
        () = sleep(LIMIT) => Err(TimedOut),
        joined = handle => Ok(joined.expect("the operation panicked")),
    }
}

pub async fn stop_the_task(op: &Operation) -> Result<String, TimedOut> {
    let op = op.clone();
    let mut set = tokio::task::JoinSet::new();
    set.spawn(async move { op.run().await });
    let first = timeout(LIMIT, set.join_next()).await;
    if let Ok(Some(joined)) = first {
        return Ok(joined.expect("the operation panicked"));
    }
    set.abort_all();
    while let Some(joined) = set.join_next().await {
        let _ = joined;
    }
    Err(TimedOut)
}

pub async fn retry_within(op: &Unreliable, budget: Duration) -> Result<String, TimedOut> {
    timeout(budget, async {
        let mut failures: u32 = 0;
        loop {
            if let Ok(answer) = op.attempt().await {
                return answer;
            }
            sleep(FIRST_BACKOFF * 2u32.pow(failures)).await;
            failures += 1;
        }
    })
    .await
    .map_err(|_| TimedOut)
}
