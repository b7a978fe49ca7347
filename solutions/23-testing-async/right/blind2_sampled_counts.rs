//! Right: steps 1 and 3 run the call as a tokio::spawn task (step 1) and
//! assert the peer's count at chosen instants (1, 99, 101, ... ms) instead
//! of recording times; step 3 uses an AtomicUsize count, a 5 s bound and a
//! 30 s wait after.

pub async fn check_backoff(client: Client) {
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

    // Run the call as a task and look at the peer's count at chosen instants.
    let count = Arc::new(AtomicUsize::new(0));
    let seen = Arc::clone(&count);
    let connect = move || {
        seen.fetch_add(1, Ordering::SeqCst);
        peer(b"503\n")
    };
    let t0 = Instant::now();
    let call = tokio::spawn(async move { client.get(connect, "/x").await });
    for (at, n) in [
        (1, 1),
        (99, 1),
        (101, 2),
        (299, 2),
        (301, 3),
        (699, 3),
        (701, 4),
        (5000, 4),
    ] {
        tokio::time::sleep_until(t0 + ms(at)).await;
        assert_eq!(count.load(Ordering::SeqCst), n, "attempts made by {at} ms");
    }
    let answer = timeout(Duration::from_secs(10), call)
        .await
        .expect("the call did not return")
        .expect("the call panicked");
    assert_eq!(
        answer,
        Err(Error::GaveUp {
            attempts: 4,
            last: Failure::Unavailable
        })
    );
}
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

    fn silent() -> Mock {
        Builder::new()
            .write(b"GET /x\n")
            .wait(Duration::from_secs(3600))
            .build()
    }

    fn scripted(
        mocks: Vec<Mock>,
    ) -> (
        impl FnMut() -> Mock + Send + 'static,
        Arc<Mutex<Vec<Duration>>>,
    ) {
        let start = Instant::now();
        let starts = Arc::new(Mutex::new(Vec::new()));
        let seen = Arc::clone(&starts);
        let mut mocks: VecDeque<Mock> = mocks.into();
        let connect = move || {
            seen.lock().unwrap().push(start.elapsed());
            mocks.pop_front().expect("no more peers scripted")
        };
        (connect, starts)
    }

    let (connect, starts) = scripted(vec![silent(), peer(b"200 hello\n")]);
    let answer = timeout(Duration::from_secs(10), client.get(connect, "/x"))
        .await
        .expect("the call hung: no per-attempt timeout?");
    assert_eq!(answer, Ok("hello".to_owned()));
    assert_eq!(
        *starts.lock().unwrap(),
        [ms(0), ms(1100)],
        "second attempt should start at 1100 ms (1 s timeout + 100 ms backoff)"
    );
}
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

    let count = Arc::new(AtomicUsize::new(0));
    let seen = Arc::clone(&count);
    let connect = move || {
        seen.fetch_add(1, Ordering::SeqCst);
        peer(b"503\n")
    };
    let t0 = Instant::now();
    let answer = timeout(Duration::from_secs(5), client.get(connect, "/x")).await;
    let took = t0.elapsed();
    let answer = answer.expect("no answer within 5 s: does it ever give up?");
    assert_eq!(count.load(Ordering::SeqCst), 4, "attempts seen by the peer");
    assert_eq!(took, ms(700), "time it gave up");
    assert!(
        matches!(
            answer,
            Err(Error::GaveUp {
                attempts: 4,
                last: Failure::Unavailable
            })
        ),
        "answer: {answer:?}"
    );
    tokio::time::sleep(Duration::from_secs(30)).await;
    assert_eq!(count.load(Ordering::SeqCst), 4, "attempts after it gave up");

    let count = Arc::new(AtomicUsize::new(0));
    let seen = Arc::clone(&count);
    let connect = move || {
        seen.fetch_add(1, Ordering::SeqCst);
        peer(b"404\n")
    };
    let t0 = Instant::now();
    let answer = timeout(Duration::from_secs(5), client.get(connect, "/x"))
        .await
        .expect("404: no answer");
    assert!(
        matches!(answer, Err(Error::NotFound)),
        "404 answer: {answer:?}"
    );
    assert_eq!((count.load(Ordering::SeqCst), t0.elapsed()), (1, ms(0)));
}
pub async fn check_poll_by_poll(client: Client) {
    use std::collections::VecDeque;
    use std::sync::{Arc, Mutex};
    use std::time::Duration;
    use tokio::time::Instant;
    use tokio_test::io::{Builder, Mock};

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    fn peer(reply: &[u8]) -> Mock {
        Builder::new().write(b"GET /x\n").read(reply).build()
    }

    fn scripted(
        mocks: Vec<Mock>,
    ) -> (
        impl FnMut() -> Mock + Send + 'static,
        Arc<Mutex<Vec<Duration>>>,
    ) {
        let start = Instant::now();
        let starts = Arc::new(Mutex::new(Vec::new()));
        let seen = Arc::clone(&starts);
        let mut mocks: VecDeque<Mock> = mocks.into();
        let connect = move || {
            seen.lock().unwrap().push(start.elapsed());
            mocks.pop_front().expect("no more peers scripted")
        };
        (connect, starts)
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

    let (connect, starts) = scripted(vec![peer(b"503\n"), peer(b"200 hello\n")]);
    let mut call = tokio_test::task::spawn(client.get(connect, "/x"));
    tokio_test::assert_pending!(call.poll());
    assert_eq!(
        starts.lock().unwrap().len(),
        1,
        "the first poll makes the first attempt"
    );
    tokio::time::advance(ms(99)).await;
    assert!(!call.is_woken(), "woken before the 100 ms backoff was over");
    tokio::time::advance(ms(1)).await;
    assert!(
        call.is_woken(),
        "not woken when the 100 ms backoff was over"
    );
    tokio_test::assert_ready_eq!(call.poll(), Ok("hello".to_owned()));
    assert_eq!(starts.lock().unwrap().len(), 2);

    let (connect, starts) = always(b"503\n");
    let mut call = tokio_test::task::spawn(client.get(connect, "/x"));
    tokio_test::assert_pending!(call.poll());
    assert_eq!(starts.lock().unwrap().len(), 1);
    drop(call);
    tokio::time::sleep(Duration::from_secs(10)).await;
    assert_eq!(
        starts.lock().unwrap().len(),
        1,
        "attempts after the call was dropped"
    );
}
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
        mocks: Vec<Mock>,
    ) -> (
        impl FnMut() -> Mock + Send + 'static,
        Arc<Mutex<Vec<Duration>>>,
    ) {
        let start = Instant::now();
        let starts = Arc::new(Mutex::new(Vec::new()));
        let seen = Arc::clone(&starts);
        let mut mocks: VecDeque<Mock> = mocks.into();
        let connect = move || {
            seen.lock().unwrap().push(start.elapsed());
            mocks.pop_front().expect("no more peers scripted")
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
        .expect("pieces: hung");
    assert_eq!(answer, Ok("hello".to_owned()));
    assert_eq!(starts.lock().unwrap().len(), 1);

    let cut = Builder::new().write(b"GET /x\n").read(b"200 hel").build();
    let (connect, starts) = scripted(vec![cut, peer(b"200 hello\n")]);
    let answer = timeout(Duration::from_secs(10), client.get(connect, "/x"))
        .await
        .expect("cut off: hung");
    assert_eq!(answer, Ok("hello".to_owned()));
    assert_eq!(*starts.lock().unwrap(), [ms(0), ms(100)]);

    let open = Builder::new()
        .write(b"GET /x\n")
        .read(b"200 hello\n")
        .wait(Duration::from_secs(3600))
        .build();
    let (connect, _starts) = scripted(vec![open]);
    let t0 = Instant::now();
    let answer = timeout(Duration::from_secs(10), client.get(connect, "/x"))
        .await
        .expect("held open: hung");
    assert_eq!(answer, Ok("hello".to_owned()));
    assert_eq!(t0.elapsed(), ms(0), "answer should be taken at once");
}
