//! Wrong: step 1 waits the second as two blocking sleeps of 500 ms, where the README says "one call of the blocking sleep".
//! Real cause: the step asks for exactly one blocking call (Python's one time.sleep); same total time, two # bars
//! expect: one call of legacy.sleep(1 s) per request

pub async fn blocking_handler(legacy: &Legacy) {
    legacy.sleep(Duration::from_millis(500));
    legacy.sleep(Duration::from_millis(500));
}
