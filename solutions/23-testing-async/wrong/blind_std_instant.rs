//! Wrong: step 1 times the attempts with `std::time::Instant`, the real
//! clock, which the paused clock does not move: every attempt reads 0 ms,
//! and the check fails the correct client.
//! expect: read the times with tokio::time::Instant (not std::time::Instant)

pub async fn check_backoff(client: Client) {
    use std::sync::{Arc, Mutex};
    use std::time::Duration;
    use tokio::time::timeout;
    use tokio_test::io::{Builder, Mock};
    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    fn peer(reply: &[u8]) -> Mock {
        Builder::new().write(b"GET /x\n").read(reply).build()
    }

    let start = std::time::Instant::now();
    let starts = Arc::new(Mutex::new(Vec::new()));
    let seen = Arc::clone(&starts);
    let connect = move || {
        let t = start.elapsed();
        seen.lock()
            .unwrap()
            .push(Duration::from_millis(t.as_millis() as u64));
        peer(b"503\n")
    };
    let answer = timeout(Duration::from_secs(10), client.get(connect, "/x"))
        .await
        .expect("the call hung");
    assert!(answer.is_err());
    assert_eq!(*starts.lock().unwrap(), [ms(0), ms(100), ms(300), ms(700)]);
}
