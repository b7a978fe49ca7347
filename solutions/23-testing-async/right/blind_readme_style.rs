//! Right: the README's hints followed closely, in an answer's own words:
//! helpers of its own (a `connect` that pops scripted peers from a
//! `VecDeque` and notes each start, one that counts every attempt), every
//! call under a 10 s `timeout`, exact instants with `assert_eq!`, and a
//! count taken again 10 s after the call gave up and after the dropped call.

pub async fn check_backoff(client: Client) {
    use std::sync::atomic::{AtomicUsize, Ordering};
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

    fn always(reply: &'static [u8]) -> (impl FnMut() -> Mock + Send + 'static, Arc<AtomicUsize>) {
        let count = Arc::new(AtomicUsize::new(0));
        let seen = Arc::clone(&count);
        let connect = move || {
            seen.fetch_add(1, Ordering::SeqCst);
            peer(reply)
        };
        (connect, count)
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
    assert_eq!(*starts.lock().unwrap(), [ms(0), ms(100), ms(300), ms(700)]);
    assert!(
        answer.is_err(),
        "a peer that always answers 503 gave {answer:?}"
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

    let silent = Builder::new()
        .write(b"GET /x\n")
        .wait(Duration::from_secs(30))
        .build();
    let (connect, starts) = scripted(vec![silent, peer(b"200 hello\n")]);
    let answer = timeout(Duration::from_secs(10), client.get(connect, "/x"))
        .await
        .expect("the call hung");
    assert_eq!(answer, Ok("hello".to_owned()));
    assert_eq!(*starts.lock().unwrap(), [ms(0), ms(1100)]);
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
    tokio::time::sleep(Duration::from_secs(10)).await;
    assert_eq!(count.load(Ordering::SeqCst), 4, "attempts after giving up");

    let (connect, count) = always(b"404\n");
    let start = Instant::now();
    let answer = timeout(Duration::from_secs(10), client.get(connect, "/x"))
        .await
        .expect("the call hung on a 404");
    assert_eq!(answer, Err(Error::NotFound));
    assert_eq!(start.elapsed(), ms(0));
    assert_eq!(count.load(Ordering::SeqCst), 1, "a 404 was retried");
}

pub async fn check_poll_by_poll(client: Client) {
    use std::collections::VecDeque;
    use std::sync::atomic::{AtomicUsize, Ordering};
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

    fn always(reply: &'static [u8]) -> (impl FnMut() -> Mock + Send + 'static, Arc<AtomicUsize>) {
        let count = Arc::new(AtomicUsize::new(0));
        let seen = Arc::clone(&count);
        let connect = move || {
            seen.fetch_add(1, Ordering::SeqCst);
            peer(reply)
        };
        (connect, count)
    }

    let (connect, starts) = scripted(vec![peer(b"503\n"), peer(b"200 hello\n")]);
    let mut call = tokio_test::task::spawn(client.get(connect, "/x"));
    tokio_test::assert_pending!(call.poll());
    assert_eq!(
        starts.lock().unwrap().len(),
        1,
        "attempts after the first poll"
    );
    tokio::time::advance(ms(99)).await;
    assert!(!call.is_woken(), "woken before the backoff was over");
    tokio::time::advance(ms(1)).await;
    assert!(call.is_woken(), "not woken when the backoff was over");
    tokio_test::assert_ready_eq!(call.poll(), Ok("hello".to_owned()));
    assert_eq!(starts.lock().unwrap().len(), 2);
    drop(call);

    let (connect, count) = always(b"503\n");
    let mut call = tokio_test::task::spawn(client.get(connect, "/x"));
    tokio_test::assert_pending!(call.poll());
    assert_eq!(count.load(Ordering::SeqCst), 1);
    drop(call);
    tokio::time::sleep(Duration::from_secs(10)).await;
    assert_eq!(
        count.load(Ordering::SeqCst),
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

    let pieces = Builder::new()
        .write(b"GET /x\n")
        .read(b"20")
        .read(b"0 hel")
        .read(b"lo\n")
        .build();
    let (connect, starts) = scripted(vec![pieces]);
    let answer = timeout(Duration::from_secs(10), client.get(connect, "/x"))
        .await
        .expect("the call hung");
    assert_eq!(answer, Ok("hello".to_owned()));
    assert_eq!(starts.lock().unwrap().len(), 1);

    let (connect, starts) = scripted(vec![peer(b"200 hel"), peer(b"200 hello\n")]);
    let answer = timeout(Duration::from_secs(10), client.get(connect, "/x"))
        .await
        .expect("the call hung");
    assert_eq!(answer, Ok("hello".to_owned()));
    assert_eq!(*starts.lock().unwrap(), [ms(0), ms(100)]);

    let open = Builder::new()
        .write(b"GET /x\n")
        .read(b"200 hello\n")
        .wait(Duration::from_secs(30))
        .build();
    let (connect, starts) = scripted(vec![open]);
    let start = Instant::now();
    let answer = timeout(Duration::from_secs(10), client.get(connect, "/x"))
        .await
        .expect("the call hung");
    assert_eq!(answer, Ok("hello".to_owned()));
    assert_eq!(start.elapsed(), ms(0));
    assert_eq!(starts.lock().unwrap().len(), 1);
}
