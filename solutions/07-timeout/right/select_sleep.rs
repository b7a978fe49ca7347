//! Right: races the work against a `sleep` in `tokio::select!` (`biased;`,
//! the work first) instead of calling `timeout`, which is the same race
//! written out: the branch that loses is dropped. In step 2 the loser is the
//! `JoinHandle`, so the task runs on; in step 3 the race borrows the handle,
//! so that the task can be aborted and awaited after it; in step 4 the race
//! is between the whole retry loop and one sleep for the budget.

pub async fn with_timeout(op: &Operation) -> Result<String, TimedOut> {
    tokio::select! {
        biased;
        answer = op.run() => Ok(answer),
        () = sleep(LIMIT) => Err(TimedOut),
    }
}

pub async fn stop_waiting(op: &Operation) -> Result<String, TimedOut> {
    let op = op.clone();
    let task = tokio::spawn(async move { op.run().await });
    tokio::select! {
        biased;
        joined = task => Ok(joined.expect("the operation's task panicked")),
        () = sleep(LIMIT) => Err(TimedOut),
    }
}

pub async fn stop_the_task(op: &Operation) -> Result<String, TimedOut> {
    let op = op.clone();
    let mut task = tokio::spawn(async move { op.run().await });
    tokio::select! {
        biased;
        joined = &mut task => Ok(joined.expect("the operation's task panicked")),
        () = sleep(LIMIT) => {
            // The lost branch only borrowed the handle: abort the task, and
            // wait until the runtime has dropped it, still at 3000 ms.
            task.abort();
            let _cancelled = task.await;
            Err(TimedOut)
        }
    }
}

pub async fn retry_within(op: &Unreliable, budget: Duration) -> Result<String, TimedOut> {
    let out_of_time = sleep(budget);
    tokio::pin!(out_of_time);
    let mut backoff = FIRST_BACKOFF;
    loop {
        tokio::select! {
            biased;
            attempt = op.attempt() => match attempt {
                Ok(answer) => return Ok(answer),
                Err(_unavailable) => {}
            },
            () = &mut out_of_time => return Err(TimedOut),
        }
        tokio::select! {
            biased;
            () = sleep(backoff) => backoff *= 2,
            () = &mut out_of_time => return Err(TimedOut),
        }
    }
}
