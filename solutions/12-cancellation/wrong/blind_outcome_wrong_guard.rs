//! Wrong: Blind examination: outcome tests `e.is_cancelled()` but maps it the
//! wrong way round (cancelled => Panicked, else Cancelled).
//! expect: whose is_cancelled() is true: Rust's CancelledError

pub async fn outcome(handle: JoinHandle<String>) -> Outcome {
    match handle.await {
        Ok(report) => Outcome::Done(report),
        Err(e) if e.is_cancelled() => Outcome::Panicked,
        Err(_) => Outcome::Cancelled,
    }
}
