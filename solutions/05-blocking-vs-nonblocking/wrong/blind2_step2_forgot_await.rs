//! Wrong: step 2 creates tokio::time::sleep but never awaits it (lazy future): requests finish at 0 ms.
//! Real cause: a future does nothing until awaited
//! expect: a sleep future that is never awaited does nothing

pub async fn rate_limited_handler() {
    let _ = tokio::time::sleep(Duration::from_secs(1));
}
