//! Right: step 2 bounds with select! on a 5 s sleep and a 30 s silent
//! peer, checks the time of the answer; step 4 also polls at 99 ms and waits
//! after drop with timeout(pending); step 5 splits replies differently (2|00
//! hello|\n, cut then 2-piece whole) with 3 s bounds.

pub async fn check_backoff(client: Client) {
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

    let (connect, starts) = always(b"503\n");
    let answer = timeout(Duration::from_secs(10), client.get(connect, "/x"))
        .await
        .expect("the call did not return within 10 s");
    assert_eq!(
        *starts.lock().unwrap(),
        [ms(0), ms(100), ms(300), ms(700)],
        "attempts should start at 0, 100, 300, 700 ms"
    );
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

    let silent = Builder::new()
        .write(b"GET /x\n")
        .wait(Duration::from_secs(30))
        .build();
    let (connect, starts) = scripted(vec![silent, peer(b"200 hello\n")]);
    let t0 = Instant::now();
    let answer = tokio::select! {
        a = client.get(connect, "/x") => a,
        _ = tokio::time::sleep(Duration::from_secs(5)) => panic!("no answer within 5 s"),
    };
    assert_eq!(t0.elapsed(), ms(1100), "answered at");
    assert_eq!(answer.as_deref(), Ok("hello"));
    assert_eq!(starts.lock().unwrap().len(), 2);
    assert_eq!(starts.lock().unwrap()[1], ms(1100));
}
pub async fn check_gives_up(client: Client) {
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

    let (connect, starts) = always(b"503\n");
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
    assert_eq!(
        starts.lock().unwrap().len(),
        4,
        "exactly 4 attempts at the peer"
    );
    tokio::time::sleep(Duration::from_secs(10)).await;
    assert_eq!(
        starts.lock().unwrap().len(),
        4,
        "attempts went on after the call returned"
    );

    let (connect, starts) = always(b"404\n");
    let t0 = Instant::now();
    let answer = timeout(Duration::from_secs(10), client.get(connect, "/x"))
        .await
        .expect("the 404 call hung");
    assert_eq!(answer, Err(Error::NotFound));
    assert_eq!(t0.elapsed(), ms(0), "a 404 answers at once");
    assert_eq!(starts.lock().unwrap().len(), 1, "a 404 is not retried");
}
pub async fn check_poll_by_poll(client: Client) {
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
    assert!(call.poll().is_pending());
    assert_eq!(
        starts.lock().unwrap().len(),
        1,
        "the first poll makes the first attempt"
    );
    tokio::time::advance(ms(99)).await;
    assert!(!call.is_woken(), "woken before the 100 ms backoff was over");
    assert!(call.poll().is_pending(), "ready at 99 ms");
    assert_eq!(starts.lock().unwrap().len(), 1);
    tokio::time::advance(ms(1)).await;
    assert!(
        call.is_woken(),
        "not woken when the 100 ms backoff was over"
    );
    match call.poll() {
        std::task::Poll::Ready(answer) => assert_eq!(answer.as_deref(), Ok("hello")),
        std::task::Poll::Pending => panic!("pending after its backoff"),
    }
    assert_eq!(*starts.lock().unwrap(), [ms(0), ms(100)]);

    let (connect, starts) = always(b"503\n");
    let mut call = tokio_test::task::spawn(client.get(connect, "/x"));
    assert!(call.poll().is_pending());
    drop(call);
    // Give anything left behind 20 s of virtual time to run.
    let _ = timeout(Duration::from_secs(20), std::future::pending::<()>()).await;
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
        .read(b"2")
        .read(b"00 hello")
        .read(b"\n")
        .build();
    let (connect, starts) = scripted(vec![pieces]);
    let answer = timeout(Duration::from_secs(3), client.get(connect, "/x")).await;
    assert_eq!(answer, Ok(Ok("hello".to_owned())), "reply in pieces");
    assert_eq!(*starts.lock().unwrap(), [ms(0)]);

    let cut = Builder::new().write(b"GET /x\n").read(b"200 hel").build();
    let whole = Builder::new()
        .write(b"GET /x\n")
        .read(b"200 he")
        .read(b"llo\n")
        .build();
    let (connect, starts) = scripted(vec![cut, whole]);
    let answer = timeout(Duration::from_secs(3), client.get(connect, "/x")).await;
    assert_eq!(
        answer,
        Ok(Ok("hello".to_owned())),
        "cut-off reply then a whole one"
    );
    assert_eq!(*starts.lock().unwrap(), [ms(0), ms(100)]);

    let open = Builder::new()
        .write(b"GET /x\n")
        .read(b"200 hello\n")
        .wait(Duration::from_secs(7200))
        .build();
    let (connect, starts) = scripted(vec![open]);
    let t0 = Instant::now();
    let answer = timeout(Duration::from_secs(3), client.get(connect, "/x")).await;
    assert_eq!(
        answer,
        Ok(Ok("hello".to_owned())),
        "peer keeps the connection open"
    );
    assert_eq!((t0.elapsed(), starts.lock().unwrap().len()), (ms(0), 1));
}
