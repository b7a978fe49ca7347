//! Wrong: step 2 creates the tokio sleep future but never awaits it (lazy future): no wait at all.
//! Real cause: futures are lazy; without .await the sleep never runs and requests finish at 0 ms
//! expect: a sleep future that is never awaited does nothing

pub async fn rate_limited_handler() {
    #[allow(unused_must_use)]
    {
        tokio::time::sleep(Duration::from_secs(1));
    }
}
