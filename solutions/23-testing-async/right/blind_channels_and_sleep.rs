//! Right: sends the instant of each attempt down an mpsc channel and
//! compares `Instant`s; moves the clock in step 4 with `sleep` (the
//! runtime's auto-advance) instead of `advance`; gives up on peers that
//! never answer (4700 ms) instead of 503s; other reply pieces. The blind
//! answer did not look after its step 3 call returned (see
//! `wrong/blind_channels_no_count_after.rs`); this one drains the channel
//! again 20 s later, as the README asks.

pub async fn check_backoff(client: Client) {
    use std::time::Duration;
    use tokio::sync::mpsc;
    use tokio::time::{Instant, timeout};
    use tokio_test::io::{Builder, Mock};
    use world::retry::{Error, Failure};
    const BOUND: Duration = Duration::from_secs(30);

    fn at(start: Instant, ms: u64) -> Instant {
        start + Duration::from_millis(ms)
    }

    fn connect_with(
        make: impl Fn(usize) -> Mock + Send + 'static,
    ) -> (
        impl FnMut() -> Mock + Send + 'static,
        mpsc::UnboundedReceiver<Instant>,
    ) {
        let (tx, rx) = mpsc::unbounded_channel();
        let mut n = 0;
        let connect = move || {
            tx.send(Instant::now()).expect("the test stopped listening");
            n += 1;
            make(n - 1)
        };
        (connect, rx)
    }

    fn drain(rx: &mut mpsc::UnboundedReceiver<Instant>) -> Vec<Instant> {
        let mut v = Vec::new();
        while let Ok(t) = rx.try_recv() {
            v.push(t);
        }
        v
    }

    fn reply(line: &[u8]) -> Mock {
        Builder::new().write(b"GET /x\n").read(line).build()
    }

    let start = Instant::now();
    let (connect, mut rx) = connect_with(|_| reply(b"503\n"));
    let answer = timeout(BOUND, client.get(connect, "/x"))
        .await
        .expect("the call did not end");
    let done = Instant::now();
    let attempts = drain(&mut rx);
    assert_eq!(
        attempts,
        [at(start, 0), at(start, 100), at(start, 300), at(start, 700)],
        "attempts (instants since the start: {:?})",
        attempts.iter().map(|t| *t - start).collect::<Vec<_>>()
    );
    assert_eq!(
        answer,
        Err(Error::GaveUp {
            attempts: 4,
            last: Failure::Unavailable
        })
    );
    assert_eq!(done, at(start, 700));
}

pub async fn check_attempt_timeout(client: Client) {
    use std::time::Duration;
    use tokio::sync::mpsc;
    use tokio::time::{Instant, timeout};
    use tokio_test::io::{Builder, Mock};
    const BOUND: Duration = Duration::from_secs(30);

    fn at(start: Instant, ms: u64) -> Instant {
        start + Duration::from_millis(ms)
    }

    fn connect_with(
        make: impl Fn(usize) -> Mock + Send + 'static,
    ) -> (
        impl FnMut() -> Mock + Send + 'static,
        mpsc::UnboundedReceiver<Instant>,
    ) {
        let (tx, rx) = mpsc::unbounded_channel();
        let mut n = 0;
        let connect = move || {
            tx.send(Instant::now()).expect("the test stopped listening");
            n += 1;
            make(n - 1)
        };
        (connect, rx)
    }

    fn drain(rx: &mut mpsc::UnboundedReceiver<Instant>) -> Vec<Instant> {
        let mut v = Vec::new();
        while let Ok(t) = rx.try_recv() {
            v.push(t);
        }
        v
    }

    fn reply(line: &[u8]) -> Mock {
        Builder::new().write(b"GET /x\n").read(line).build()
    }

    fn silent() -> Mock {
        Builder::new()
            .write(b"GET /x\n")
            .wait(Duration::from_secs(3600))
            .build()
    }

    let start = Instant::now();
    let (connect, mut rx) = connect_with(|n| {
        if n == 0 {
            silent()
        } else {
            reply(b"200 hello\n")
        }
    });
    let answer = timeout(BOUND, client.get(connect, "/x"))
        .await
        .expect("the call did not end");
    let done = Instant::now();
    assert_eq!(drain(&mut rx), [at(start, 0), at(start, 1100)]);
    assert_eq!(answer.as_deref(), Ok("hello"));
    assert_eq!(done, at(start, 1100));
}

pub async fn check_gives_up(client: Client) {
    use std::time::Duration;
    use tokio::sync::mpsc;
    use tokio::time::{Instant, sleep, timeout};
    use tokio_test::io::{Builder, Mock};
    use world::retry::{Error, Failure};
    const BOUND: Duration = Duration::from_secs(30);

    fn at(start: Instant, ms: u64) -> Instant {
        start + Duration::from_millis(ms)
    }

    fn connect_with(
        make: impl Fn(usize) -> Mock + Send + 'static,
    ) -> (
        impl FnMut() -> Mock + Send + 'static,
        mpsc::UnboundedReceiver<Instant>,
    ) {
        let (tx, rx) = mpsc::unbounded_channel();
        let mut n = 0;
        let connect = move || {
            tx.send(Instant::now()).expect("the test stopped listening");
            n += 1;
            make(n - 1)
        };
        (connect, rx)
    }

    fn drain(rx: &mut mpsc::UnboundedReceiver<Instant>) -> Vec<Instant> {
        let mut v = Vec::new();
        while let Ok(t) = rx.try_recv() {
            v.push(t);
        }
        v
    }

    fn reply(line: &[u8]) -> Mock {
        Builder::new().write(b"GET /x\n").read(line).build()
    }

    fn silent() -> Mock {
        Builder::new()
            .write(b"GET /x\n")
            .wait(Duration::from_secs(3600))
            .build()
    }

    let start = Instant::now();
    let (connect, mut rx) = connect_with(|_| silent());
    let answer = timeout(BOUND, client.get(connect, "/x"))
        .await
        .expect("the call never gave up");
    let done = Instant::now();
    assert_eq!(
        answer,
        Err(Error::GaveUp {
            attempts: 4,
            last: Failure::TimedOut
        })
    );
    assert_eq!(done, at(start, 4700));
    assert_eq!(
        drain(&mut rx),
        [
            at(start, 0),
            at(start, 1100),
            at(start, 2300),
            at(start, 3700)
        ]
    );
    sleep(Duration::from_secs(20)).await;
    assert_eq!(drain(&mut rx), [], "attempts after the call gave up");

    let (connect, mut rx) = connect_with(|n| {
        assert_eq!(n, 0, "a 404 was retried");
        reply(b"404\n")
    });
    let start = Instant::now();
    let answer = timeout(BOUND, client.get(connect, "/x"))
        .await
        .expect("the call hung on a 404");
    assert_eq!(answer, Err(Error::NotFound));
    assert_eq!(Instant::now(), start);
    assert_eq!(drain(&mut rx).len(), 1);
}

pub async fn check_poll_by_poll(client: Client) {
    use std::time::Duration;
    use tokio::sync::mpsc;
    use tokio::time::{Instant, sleep};
    use tokio_test::io::{Builder, Mock};
    fn at(start: Instant, ms: u64) -> Instant {
        start + Duration::from_millis(ms)
    }

    fn connect_with(
        make: impl Fn(usize) -> Mock + Send + 'static,
    ) -> (
        impl FnMut() -> Mock + Send + 'static,
        mpsc::UnboundedReceiver<Instant>,
    ) {
        let (tx, rx) = mpsc::unbounded_channel();
        let mut n = 0;
        let connect = move || {
            tx.send(Instant::now()).expect("the test stopped listening");
            n += 1;
            make(n - 1)
        };
        (connect, rx)
    }

    fn drain(rx: &mut mpsc::UnboundedReceiver<Instant>) -> Vec<Instant> {
        let mut v = Vec::new();
        while let Ok(t) = rx.try_recv() {
            v.push(t);
        }
        v
    }

    fn reply(line: &[u8]) -> Mock {
        Builder::new().write(b"GET /x\n").read(line).build()
    }

    let (connect, mut rx) = connect_with(|n| {
        if n == 0 {
            reply(b"503\n")
        } else {
            reply(b"200 hello\n")
        }
    });
    let start = Instant::now();
    let mut call = tokio_test::task::spawn(client.get(connect, "/x"));
    assert!(call.poll().is_pending());
    assert_eq!(
        drain(&mut rx),
        [start],
        "the first poll must make the first attempt"
    );
    sleep(Duration::from_millis(99)).await;
    assert!(!call.is_woken(), "woken at 99 ms");
    sleep(Duration::from_millis(1)).await;
    assert!(call.is_woken(), "not woken at 100 ms");
    match call.poll() {
        std::task::Poll::Ready(answer) => assert_eq!(answer.as_deref(), Ok("hello")),
        std::task::Poll::Pending => panic!("still pending after the second attempt"),
    }
    assert_eq!(drain(&mut rx), [at(start, 100)]);
    drop(call);

    let (connect, mut rx) = connect_with(|_| reply(b"503\n"));
    let mut call = tokio_test::task::spawn(client.get(connect, "/x"));
    assert!(call.poll().is_pending());
    drop(call);
    sleep(Duration::from_secs(20)).await;
    assert_eq!(
        drain(&mut rx).len(),
        1,
        "attempts after the call was dropped"
    );
}

pub async fn check_reply_reading(client: Client) {
    use std::time::Duration;
    use tokio::sync::mpsc;
    use tokio::time::{Instant, timeout};
    use tokio_test::io::{Builder, Mock};
    const BOUND: Duration = Duration::from_secs(30);

    fn at(start: Instant, ms: u64) -> Instant {
        start + Duration::from_millis(ms)
    }

    fn connect_with(
        make: impl Fn(usize) -> Mock + Send + 'static,
    ) -> (
        impl FnMut() -> Mock + Send + 'static,
        mpsc::UnboundedReceiver<Instant>,
    ) {
        let (tx, rx) = mpsc::unbounded_channel();
        let mut n = 0;
        let connect = move || {
            tx.send(Instant::now()).expect("the test stopped listening");
            n += 1;
            make(n - 1)
        };
        (connect, rx)
    }

    fn drain(rx: &mut mpsc::UnboundedReceiver<Instant>) -> Vec<Instant> {
        let mut v = Vec::new();
        while let Ok(t) = rx.try_recv() {
            v.push(t);
        }
        v
    }

    fn reply(line: &[u8]) -> Mock {
        Builder::new().write(b"GET /x\n").read(line).build()
    }

    let (connect, mut rx) = connect_with(|n| {
        assert_eq!(n, 0, "retried a reply that came in pieces");
        Builder::new()
            .write(b"GET /x\n")
            .read(b"200")
            .read(b" hel")
            .read(b"lo")
            .read(b"\n")
            .build()
    });
    let answer = timeout(BOUND, client.get(connect, "/x"))
        .await
        .expect("hung");
    assert_eq!(answer.as_deref(), Ok("hello"));
    assert_eq!(drain(&mut rx).len(), 1);

    let start = Instant::now();
    let (connect, mut rx) = connect_with(|n| {
        if n == 0 {
            reply(b"200 hello")
        } else {
            reply(b"200 world\n")
        }
    });
    let answer = timeout(BOUND, client.get(connect, "/x"))
        .await
        .expect("hung");
    assert_eq!(
        answer.as_deref(),
        Ok("world"),
        "a reply without its newline is not an answer"
    );
    assert_eq!(drain(&mut rx), [at(start, 0), at(start, 100)]);

    let start = Instant::now();
    let (connect, mut rx) = connect_with(|n| {
        assert_eq!(n, 0, "retried a peer that answered");
        Builder::new()
            .write(b"GET /x\n")
            .read(b"200 hello\n")
            .wait(Duration::from_secs(5))
            .build()
    });
    let answer = timeout(BOUND, client.get(connect, "/x"))
        .await
        .expect("hung");
    assert_eq!(answer.as_deref(), Ok("hello"));
    assert_eq!(Instant::now(), start, "the answer was not taken at once");
    assert_eq!(drain(&mut rx).len(), 1);
}
