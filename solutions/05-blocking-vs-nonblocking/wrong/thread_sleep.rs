//! Wrong: waits with std::thread::sleep, Rust's time.sleep. It holds the only
//! runtime thread, and tokio's clock never sees the wait, so nothing waited.
//! (It sleeps 1 ms to keep verify fast; 1 s fails the same way, 3 s later.)
//! expect: the rate-limit wait must take 1 s of virtual time

pub async fn rate_limited_handler() {
    std::thread::sleep(Duration::from_millis(1));
}
