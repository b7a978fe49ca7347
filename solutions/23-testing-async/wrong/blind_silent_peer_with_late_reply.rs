//! Wrong: step 2 scripts the silent peer as `.wait(5 s).read(b"200 late\n")`:
//! the correct client drops it at 1 s, with the read left in its script,
//! and a `Mock` dropped with script left panics: a false alarm.
//! expect: script each mock to end where the client stops

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

    let late = Builder::new()
        .write(b"GET /x\n")
        .wait(Duration::from_secs(5))
        .read(b"200 late\n")
        .build();
    let (connect, starts) = scripted(vec![late, peer(b"200 hello\n")]);
    let answer = timeout(Duration::from_secs(10), client.get(connect, "/x"))
        .await
        .expect("the call hung");
    assert_eq!(answer, Ok("hello".to_owned()));
    assert_eq!(*starts.lock().unwrap(), [ms(0), ms(1100)]);
}
