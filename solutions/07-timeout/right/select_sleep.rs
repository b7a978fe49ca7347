//! Right: races the work against a `sleep` in `tokio::select!` (`biased;`,
//! the work first) instead of calling `timeout`, which is the same race
//! written out: the branch that loses is dropped. In step 2 the loser is the
//! `JoinHandle`, so the task runs on; in step 3 the task is stopped through
//! an `AbortHandle` taken before the race; in step 4 the race is between the
//! whole retry loop and one sleep for the budget.

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
    let task = tokio::spawn(async move { op.run().await });
    let stop = task.abort_handle();
    tokio::select! {
        biased;
        joined = task => Ok(joined.expect("the operation's task panicked")),
        () = sleep(LIMIT) => {
            // The handle is gone with the lost branch; the AbortHandle
            // still reaches the task. It is dropped when the runtime next
            // polls it, still at 3000 ms.
            stop.abort();
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
