//! Wrong: takes every JoinError for a cancellation, the way a Python
//! `except CancelledError` is sometimes written as a bare `except`. A
//! JoinError is a cancellation or a panic: item 3 panicked.
//! expect: a JoinError is a cancellation or a panic

pub async fn outcome(handle: JoinHandle<String>) -> Outcome {
    match handle.await {
        Ok(report) => Outcome::Done(report),
        Err(_) => Outcome::Cancelled,
    }
}
