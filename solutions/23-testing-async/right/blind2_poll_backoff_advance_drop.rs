//! Right: step 1 is poll by poll (advance wait-1 ms: not woken; 1 ms:
//! woken; poll); step 3 asserts Instant::now() == t0+700 ms and uses one
//! scripted 404 peer (a retry panics in connect); step 4 waits after drop
//! with advance(10 s), which yields once.

pub async fn check_backoff(client: Client) {
    use std::sync::{Arc, Mutex};
    use std::time::Duration;
    use tokio::time::Instant;
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

    // Poll by poll: each backoff wakes the call exactly when it is over.
    let (connect, starts) = always(b"503\n");
    let mut call = tokio_test::task::spawn(client.get(connect, "/x"));
    tokio_test::assert_pending!(call.poll());
    assert_eq!(
        *starts.lock().unwrap(),
        [ms(0)],
        "first attempt on the first poll"
    );
    let mut answer = None;
    for (wait, n) in [(100u64, 2usize), (200, 3), (400, 4)] {
        tokio::time::advance(ms(wait - 1)).await;
        assert!(
            !call.is_woken(),
            "woken {} ms into a {wait} ms wait",
            wait - 1
        );
        tokio::time::advance(ms(1)).await;
        assert!(call.is_woken(), "not woken at the end of a {wait} ms wait");
        match call.poll() {
            std::task::Poll::Pending => assert!(n < 4, "still pending after the 4th attempt"),
            std::task::Poll::Ready(a) => answer = Some(a),
        }
        assert_eq!(starts.lock().unwrap().len(), n);
    }
    assert_eq!(*starts.lock().unwrap(), [ms(0), ms(100), ms(300), ms(700)]);
    assert_eq!(
        answer,
        Some(Err(Error::GaveUp {
            attempts: 4,
            last: Failure::Unavailable
        }))
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

    let (connect, starts) = always(b"503\n");
    let t0 = Instant::now();
    let call = timeout(Duration::from_secs(10), client.get(connect, "/x"));
    let answer = call.await.expect("the call never gave up");
    let when = starts.lock().unwrap().clone();
    assert_eq!(
        answer,
        Err(Error::GaveUp {
            attempts: 4,
            last: Failure::Unavailable
        })
    );
    assert_eq!(
        when,
        [ms(0), ms(100), ms(300), ms(700)],
        "attempts at the peer"
    );
    assert_eq!(
        Instant::now(),
        t0 + ms(700),
        "gave up at 700 ms, no wait after the last"
    );
    tokio::time::sleep(Duration::from_secs(10)).await;
    assert_eq!(
        starts.lock().unwrap().len(),
        4,
        "attempts went on after the call returned"
    );

    // Exactly one 404 peer: a retry finds none and panics in connect.
    let (connect, _) = scripted(vec![peer(b"404\n")]);
    let t0 = Instant::now();
    let answer = timeout(Duration::from_secs(10), client.get(connect, "/x"))
        .await
        .expect("the 404 call hung");
    assert_eq!(answer, Err(Error::NotFound));
    assert_eq!(Instant::now(), t0, "a 404 answers at once");
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
    // advance yields once, and a task left behind runs then.
    tokio::time::advance(Duration::from_secs(10)).await;
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
