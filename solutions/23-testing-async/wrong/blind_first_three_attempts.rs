//! Wrong: step 1 asserts the first three attempts only (0, 100, 300 ms):
//! `linear backoff` (0, 100, 300, 600) agrees with them; the fourth, at
//! 700 ms, is where linear and doubling waits part.
//! expect: the mutant `linear backoff` slipped through your check

pub async fn check_backoff(client: Client) {
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

    let start = Instant::now();
    let starts = Arc::new(Mutex::new(Vec::new()));
    let seen = Arc::clone(&starts);
    let connect = move || {
        seen.lock().unwrap().push(start.elapsed());
        peer(b"503\n")
    };
    let answer = timeout(Duration::from_secs(10), client.get(connect, "/x"))
        .await
        .expect("the call hung");
    assert!(answer.is_err());
    let starts = starts.lock().unwrap().clone();
    assert_eq!(
        starts[..3],
        [ms(0), ms(100), ms(300)],
        "first attempt at once, then 100, then 200 ms later"
    );
}
