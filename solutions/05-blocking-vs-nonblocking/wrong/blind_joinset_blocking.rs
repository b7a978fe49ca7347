//! Wrong: step 1 waits its 1 s as two blocking legacy.sleep calls of 500 ms.
//! The timing is the same, but the README asks for one call per request, as
//! Python's one time.sleep(1), and the snapshot pins one note per call.
//! expect: one call of legacy.sleep(1 s) per request

pub async fn blocking_handler(legacy: &Legacy) {
    legacy.sleep(Duration::from_millis(500));
    legacy.sleep(Duration::from_millis(500));
}
