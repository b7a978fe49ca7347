//! Wrong: step 3 hands the client exactly four peers from a queue, so
//! its count can never pass 4: the fifth `connect` of the `starts over`
//! mutant panics inside a task the client spawned, where the check never
//! sees it, and the count it asserts after a wait stays 4.
//! expect: your check's connect panicked 1 time(s)

pub async fn check_gives_up(client: Client) {
    use std::collections::VecDeque;
    use std::sync::{Arc, Mutex};
    use std::time::Duration;
    use tokio::time::{Instant, timeout};
    use tokio_test::io::{Builder, Mock};
    use world::retry::{Error, Failure};

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    fn peer(reply: &[u8]) -> Mock {
        Builder::new().write(b"GET /x\n").read(reply).build()
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

    // Exactly four peers: a fifth attempt finds none and panics in connect.
    let peers: VecDeque<Mock> = (0..4).map(|_| peer(b"503\n")).collect();
    let peers = Arc::new(Mutex::new(peers));
    let left = Arc::clone(&peers);
    let connect = move || {
        let next = left.lock().unwrap().pop_front();
        next.expect("a fifth attempt")
    };
    let t0 = Instant::now();
    let answer = timeout(Duration::from_secs(10), client.get(connect, "/x"))
        .await
        .expect("the call never gave up");
    assert_eq!(
        answer,
        Err(Error::GaveUp {
            attempts: 4,
            last: Failure::Unavailable
        })
    );
    assert_eq!(t0.elapsed(), ms(700), "should give up at 700 ms");
    let used = || 4 - peers.lock().unwrap().len();
    assert_eq!(used(), 4, "exactly 4 attempts at the peer");
    tokio::time::sleep(Duration::from_secs(10)).await;
    assert_eq!(used(), 4, "attempts went on after the call returned");

    let (connect, starts) = always(b"404\n");
    let t0 = Instant::now();
    let answer = timeout(Duration::from_secs(10), client.get(connect, "/x"))
        .await
        .expect("the 404 call hung");
    assert_eq!(answer, Err(Error::NotFound));
    assert_eq!(t0.elapsed(), ms(0), "a 404 answers at once");
    assert_eq!(starts.lock().unwrap().len(), 1, "a 404 is not retried");
}
