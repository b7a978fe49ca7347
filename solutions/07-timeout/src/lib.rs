//! # Kata 07: timeout (the reference answer)
//!
//! > How do you time out an async call, and what happens to the work?
//!
//! `tokio::time::timeout(limit, fut)` races the future against a timer. When
//! the timer wins it drops the future: the work stops at the `.await` where
//! it last paused, its `Drop`s run (the only cleanup a cancelled future
//! gets), and nothing after that `.await` ever runs. A spawned task is
//! different: a timeout around its `JoinHandle` only stops the waiting; the
//! task runs on unless it is aborted. A retry loop takes one timeout around
//! the whole loop, so that attempts and backoff share one budget.

use std::time::Duration;

use tokio::time::{sleep, timeout};
use world::{Operation, Unreliable};

/// The seed's limit: `wait_for(slow_operation(), timeout=3.0)`.
pub const LIMIT: Duration = Duration::from_secs(3);

/// The first pause between two attempts of a retry; it doubles after each.
pub const FIRST_BACKOFF: Duration = Duration::from_millis(100);

/// The call did not finish in time: Python's `TimeoutError`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimedOut;

/// Step 1: the operation under a limit of [`LIMIT`].
pub async fn with_timeout(op: &Operation) -> Result<String, TimedOut> {
    // The operation's future lives inside the `Timeout`, which the `.await`
    // drops as it hands back Err: by then the operation has rolled back in
    // `Drop`, and it will never run again.
    timeout(LIMIT, op.run()).await.map_err(|_elapsed| TimedOut)
}

/// Step 2: stop waiting after [`LIMIT`], but let the work run to its end.
pub async fn stop_waiting(op: &Operation) -> Result<String, TimedOut> {
    let op = op.clone();
    let task = tokio::spawn(async move { op.run().await });
    // The timeout drops the JoinHandle, not the task: a dropped handle
    // detaches its task, which the runtime keeps running.
    match timeout(LIMIT, task).await {
        Ok(joined) => Ok(joined.expect("the operation's task panicked")),
        Err(_elapsed) => Err(TimedOut),
    }
}

/// Step 3: time out a spawned task, and stop the task too.
pub async fn stop_the_task(op: &Operation) -> Result<String, TimedOut> {
    let op = op.clone();
    let mut task = tokio::spawn(async move { op.run().await });
    // Borrow the handle, so that it is still ours when the timer wins.
    match timeout(LIMIT, &mut task).await {
        Ok(joined) => Ok(joined.expect("the operation's task panicked")),
        Err(_elapsed) => {
            task.abort();
            // abort() only asks; awaiting the handle waits until the task
            // has been dropped (its rollback done), as Err(cancelled).
            let _cancelled = task.await;
            Err(TimedOut)
        }
    }
}

/// Step 4: retry until an attempt succeeds, pausing [`FIRST_BACKOFF`] after
/// the first failure and twice as long after each next one, all within
/// `budget`: attempts and pauses together.
pub async fn retry_within(op: &Unreliable, budget: Duration) -> Result<String, TimedOut> {
    let attempts = async {
        let mut backoff = FIRST_BACKOFF;
        loop {
            match op.attempt().await {
                Ok(answer) => return answer,
                Err(_unavailable) => {
                    sleep(backoff).await;
                    backoff *= 2;
                }
            }
        }
    };
    // One timeout around the whole loop: when the budget is spent, whatever
    // is in flight, an attempt or a pause, is dropped.
    timeout(budget, attempts).await.map_err(|_elapsed| TimedOut)
}
