//! Wrong: step 2 asserts the answer and that the second attempt starts at
//! least 1 s after the first (a tolerance): `retries at once` retries at
//! exactly 1000 ms and passes. On a paused clock the instant is exact:
//! 1100 ms.
//! expect: the mutant `retries at once` slipped through your check

pub async fn check_attempt_timeout(client: Client) {
    use std::collections::VecDeque;
    use std::sync::{Arc, Mutex};
    use std::time::Duration;
    use tokio::time::{Instant, timeout};
    use tokio_test::io::{Builder, Mock};
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

    let silent = Builder::new()
        .write(b"GET /x\n")
        .wait(Duration::from_secs(30))
        .build();
    let (connect, starts) = scripted(vec![silent, peer(b"200 hello\n")]);
    let answer = timeout(Duration::from_secs(10), client.get(connect, "/x"))
        .await
        .expect("the call hung");
    assert_eq!(answer, Ok("hello".to_owned()));
    let starts = starts.lock().unwrap().clone();
    assert_eq!(starts.len(), 2);
    assert!(
        starts[1] >= Duration::from_secs(1),
        "retried before the attempt timed out: {starts:?}"
    );
}
