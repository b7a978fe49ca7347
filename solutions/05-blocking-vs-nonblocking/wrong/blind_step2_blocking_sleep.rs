//! Wrong: step 2 keeps the blocking legacy.sleep (the Python time.sleep mistake).
//! Real cause: a blocking sleep holds the only runtime thread; the three requests serialise
//! expect: std::thread::sleep

pub async fn rate_limited_handler() {
    // no legacy handle here, so a learner reaches for std; simulate with a World-free blocking call:
    // there is none, so use std::thread::sleep (real blocking)
    std::thread::sleep(Duration::from_secs(1));
}
