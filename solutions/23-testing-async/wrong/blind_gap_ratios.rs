//! Wrong: step 1 asserts only that each gap between attempts is twice the
//! one before: `waits first` (attempts at 100, 300, 700, 1500 ms) doubles
//! too. Assert the instants from the start of the call: the first at 0 ms.
//! expect: the mutant `waits first` slipped through your check

pub async fn check_backoff(client: Client) {
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

    let (connect, starts) = scripted((0..4).map(|_| peer(b"503\n")).collect());
    let answer = timeout(Duration::from_secs(10), client.get(connect, "/x"))
        .await
        .expect("the call hung");
    assert!(answer.is_err());
    let starts = starts.lock().unwrap().clone();
    assert_eq!(starts.len(), 4);
    let gaps: Vec<Duration> = starts.windows(2).map(|w| w[1] - w[0]).collect();
    for pair in gaps.windows(2) {
        assert_eq!(
            pair[1],
            pair[0] * 2,
            "the backoff did not double: gaps {gaps:?}"
        );
    }
}
