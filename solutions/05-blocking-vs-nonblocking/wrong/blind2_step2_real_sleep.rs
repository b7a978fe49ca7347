//! Wrong: step 2 uses std::thread::sleep (real, blocking) for the wait.
//! Real cause: blocking sleep on the runtime thread; with the paused clock it takes real time, no virtual time
//! expect: A real std::thread::sleep blocks the thread but the virtual clock never sees it

pub async fn rate_limited_handler() {
    std::thread::sleep(Duration::from_millis(200));
}
