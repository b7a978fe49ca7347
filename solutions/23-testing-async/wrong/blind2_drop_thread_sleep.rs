//! Wrong: step 4 waits after dropping the call with `std::thread::sleep`,
//! which blocks the runtime's only thread: the task the `survives drop`
//! mutant spawned never runs meanwhile, and the paused clock never moves.
//! expect: your check waited on the real clock

pub async fn check_poll_by_poll(client: Client) {
    use std::collections::VecDeque;
    use std::sync::{Arc, Mutex};
    use std::time::Duration;
    use tokio::time::Instant;
    use tokio_test::io::{Builder, Mock};

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    fn peer(reply: &[u8]) -> Mock {
        Builder::new().write(b"GET /x\n").read(reply).build()
    }

    fn scripted(
        mocks: Vec<Mock>,
    ) -> (
        impl FnMut() -> Mock + Send + 'static,
        Arc<Mutex<Vec<Duration>>>,
    ) {
        let start = Instant::now();
        let starts = Arc::new(Mutex::new(Vec::new()));
        let seen = Arc::clone(&starts);
        let mut mocks: VecDeque<Mock> = mocks.into();
        let connect = move || {
            seen.lock().unwrap().push(start.elapsed());
            mocks.pop_front().expect("no more peers scripted")
        };
        (connect, starts)
    }

    fn always(
        reply: &'static [u8],
    ) -> (
        impl FnMut() -> Mock + Send + 'static,
        Arc<Mutex<Vec<Duration>>>,
    ) {
        let start = Instant::now();
        let starts = Arc::new(Mutex::new(Vec::new()));
        let seen = Arc::clone(&starts);
        let connect = move || {
            seen.lock().unwrap().push(start.elapsed());
            peer(reply)
        };
        (connect, starts)
    }

    let (connect, starts) = scripted(vec![peer(b"503\n"), peer(b"200 hello\n")]);
    let mut call = tokio_test::task::spawn(client.get(connect, "/x"));
    tokio_test::assert_pending!(call.poll());
    assert_eq!(
        starts.lock().unwrap().len(),
        1,
        "the first poll makes the first attempt"
    );
    tokio::time::advance(ms(99)).await;
    assert!(!call.is_woken(), "woken before the 100 ms backoff was over");
    tokio::time::advance(ms(1)).await;
    assert!(
        call.is_woken(),
        "not woken when the 100 ms backoff was over"
    );
    tokio_test::assert_ready_eq!(call.poll(), Ok("hello".to_owned()));
    assert_eq!(starts.lock().unwrap().len(), 2);

    let (connect, starts) = always(b"503\n");
    let mut call = tokio_test::task::spawn(client.get(connect, "/x"));
    tokio_test::assert_pending!(call.poll());
    assert_eq!(starts.lock().unwrap().len(), 1);
    drop(call);
    // Let a whole backoff pass on the paused clock; nothing may attempt.
    std::thread::sleep(std::time::Duration::from_millis(150));
    assert_eq!(
        starts.lock().unwrap().len(),
        1,
        "attempts after the call was dropped"
    );
}
