//! Wrong: step 5's held-open peer keeps the connection open 500 ms only,
//! under the 1 s attempt timeout, and the time of the answer is not
//! asserted: `reads to end` answers `hello` at 500 ms instead of 0.
//! expect: the mutant `reads to end` slipped through your check

pub async fn check_reply_reading(client: Client) {
    use std::collections::VecDeque;
    use std::sync::{Arc, Mutex};
    use std::time::Duration;
    use tokio::time::{Instant, timeout};
    use tokio_test::io::{Builder, Mock};
    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    fn peer(reply: &[u8]) -> Mock {
        Builder::new().write(b"GET /x\n").read(reply).build()
    }

    fn scripted(
        peers: Vec<Mock>,
    ) -> (
        impl FnMut() -> Mock + Send + 'static,
        Arc<Mutex<Vec<Duration>>>,
    ) {
        let start = Instant::now();
        let starts = Arc::new(Mutex::new(Vec::new()));
        let seen = Arc::clone(&starts);
        let mut peers: VecDeque<Mock> = peers.into();
        let connect = move || {
            seen.lock().unwrap().push(start.elapsed());
            peers.pop_front().expect("no more peers scripted")
        };
        (connect, starts)
    }

    let pieces = Builder::new()
        .write(b"GET /x\n")
        .read(b"20")
        .read(b"0 hel")
        .read(b"lo\n")
        .build();
    let (connect, starts) = scripted(vec![pieces]);
    let answer = timeout(Duration::from_secs(10), client.get(connect, "/x"))
        .await
        .expect("the call hung");
    assert_eq!(answer, Ok("hello".to_owned()));
    assert_eq!(starts.lock().unwrap().len(), 1);

    let (connect, starts) = scripted(vec![peer(b"200 hel"), peer(b"200 hello\n")]);
    let answer = timeout(Duration::from_secs(10), client.get(connect, "/x"))
        .await
        .expect("the call hung");
    assert_eq!(answer, Ok("hello".to_owned()));
    assert_eq!(*starts.lock().unwrap(), [ms(0), ms(100)]);

    let open = Builder::new()
        .write(b"GET /x\n")
        .read(b"200 hello\n")
        .wait(ms(500))
        .build();
    let (connect, starts) = scripted(vec![open]);
    let answer = timeout(Duration::from_secs(10), client.get(connect, "/x"))
        .await
        .expect("the call hung");
    assert_eq!(answer, Ok("hello".to_owned()));
    assert_eq!(starts.lock().unwrap().len(), 1, "one attempt");
}
