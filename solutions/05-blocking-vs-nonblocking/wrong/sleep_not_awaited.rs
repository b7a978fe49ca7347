//! Wrong: calls `tokio::time::sleep` and drops the future without awaiting
//! it. A future does nothing until it is polled: no timer is registered,
//! nothing waits, and every request is done at 0 ms. (The compiler warns:
//! futures are `#[must_use]`.)
//! expect: a sleep future that is never awaited does nothing

pub async fn rate_limited_handler() {
    tokio::time::sleep(RATE_LIMIT);
}
