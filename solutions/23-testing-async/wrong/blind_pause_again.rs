//! Wrong: step 1 calls `tokio::time::pause()` "to be safe": the clock is
//! already paused when the check starts, and tokio panics ("time is already
//! frozen") against every client, the correct one too.
//! expect: your check calls tokio::time::pause(), and the clock is already paused

pub async fn check_backoff(client: Client) {
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

    tokio::time::pause();
    let (connect, starts) = scripted((0..4).map(|_| peer(b"503\n")).collect());
    let answer = timeout(Duration::from_secs(10), client.get(connect, "/x"))
        .await
        .expect("the call hung");
    assert!(answer.is_err());
    assert_eq!(*starts.lock().unwrap(), [ms(0), ms(100), ms(300), ms(700)]);
}
