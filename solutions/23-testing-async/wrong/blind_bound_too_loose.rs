//! Wrong: step 2 bounds the call at 120 s ("generous, it's free") and its
//! silent peer waits 60 s: against `no timeout` the call moves on at
//! 60.1 s and the check fails it then, after the 60 s a check has. Bounded,
//! too loosely.
//! expect: It is bounded, too loosely

pub async fn check_attempt_timeout(client: Client) {
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

    let silent = Builder::new()
        .write(b"GET /x\n")
        .wait(Duration::from_secs(60))
        .build();
    let (connect, starts) = scripted(vec![silent, peer(b"200 hello\n")]);
    let answer = timeout(Duration::from_secs(120), client.get(connect, "/x"))
        .await
        .expect("the call hung");
    assert_eq!(answer, Ok("hello".to_owned()));
    assert_eq!(*starts.lock().unwrap(), [ms(0), ms(1100)]);
}
