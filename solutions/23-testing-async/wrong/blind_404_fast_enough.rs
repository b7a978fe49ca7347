//! Wrong: step 3 accepts a 404 answered "within an attempt's timeout"
//! (under 1 s) and does not count the attempts: `retries 404` answers
//! `NotFound` at 700 ms, after 4 attempts. A 404 is answered at 0 ms, after
//! one.
//! expect: the mutant `retries 404` slipped through your check

pub async fn check_gives_up(client: Client) {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
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

    fn always(reply: &'static [u8]) -> (impl FnMut() -> Mock + Send + 'static, Arc<AtomicUsize>) {
        let count = Arc::new(AtomicUsize::new(0));
        let seen = Arc::clone(&count);
        let connect = move || {
            seen.fetch_add(1, Ordering::SeqCst);
            peer(reply)
        };
        (connect, count)
    }

    let (connect, count) = always(b"503\n");
    let start = Instant::now();
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
    assert_eq!(start.elapsed(), ms(700));
    assert_eq!(count.load(Ordering::SeqCst), 4, "attempts at the peer");

    let (connect, _count) = always(b"404\n");
    let start = Instant::now();
    let answer = timeout(Duration::from_secs(10), client.get(connect, "/x"))
        .await
        .expect("the call hung on a 404");
    assert_eq!(answer, Err(Error::NotFound));
    assert!(
        start.elapsed() < Duration::from_secs(1),
        "a 404 took {:?}",
        start.elapsed()
    );
}
