//! Wrong: step 1 yields once before the blocking sleep, so all three requests start at 0 ms and then block in turn (not what Python time.sleep does: request 2 must not start before request 1 is done).
//! Real cause: an extra .await before the blocking call lets the others start; the blocking still serialises their ends
//! expect: the handler awaited something before its blocking sleep

pub async fn blocking_handler(legacy: &Legacy) {
    tokio::task::yield_now().await;
    legacy.sleep(Duration::from_secs(1));
}
