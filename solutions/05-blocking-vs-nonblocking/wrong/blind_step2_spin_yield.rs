//! Wrong: step 2 waits by spinning on tokio::time::Instant with yield_now until a deadline.
//! Real cause: a busy wait never lets the runtime idle, so the paused clock never advances (and on a real clock it burns the CPU)
//! expect: a loop that keeps waking itself

pub async fn rate_limited_handler() {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(1);
    while tokio::time::Instant::now() < deadline {
        tokio::task::yield_now().await;
    }
}
