//! Wrong: Blind examination: outcome maps every Err(JoinError) to Cancelled,
//! so a panicked task is reported as cancelled.
//! expect: item 3 panicked (is_panic()), nobody cancelled it

pub async fn outcome(handle: JoinHandle<String>) -> Outcome {
    match handle.await {
        Ok(report) => Outcome::Done(report),
        Err(_) => Outcome::Cancelled,
    }
}
