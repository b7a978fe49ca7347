//! Right: runs each call in a `tokio::spawn` task and samples the count of
//! attempts at the peer 1 ms before and exactly at each instant the README
//! gives (`sleep_until`, then a few `yield_now`s so that the task due at
//! that instant runs), instead of recording when each attempt started.

pub async fn check_backoff(client: Client) {
    use std::collections::VecDeque;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::{Arc, Mutex};
    use std::time::Duration;
    use tokio::task::JoinHandle;
    use tokio::time::{Instant, sleep_until, timeout};
    use tokio_test::io::{Builder, Mock};
    use world::retry::{Client, Error, Failure};
    fn reply(line: &[u8]) -> Mock {
        Builder::new().write(b"GET /x\n").read(line).build()
    }

    fn start_call(
        client: Client,
        peers: Vec<Mock>,
        fallback: fn() -> Mock,
    ) -> (JoinHandle<Result<String, Error>>, Arc<AtomicUsize>) {
        let count = Arc::new(AtomicUsize::new(0));
        let seen = Arc::clone(&count);
        let peers = Mutex::new(VecDeque::from(peers));
        let connect = move || {
            seen.fetch_add(1, Ordering::SeqCst);
            peers.lock().unwrap().pop_front().unwrap_or_else(fallback)
        };
        let call = tokio::spawn(async move { client.get(connect, "/x").await });
        (call, count)
    }

    async fn settle() {
        for _ in 0..8 {
            tokio::task::yield_now().await;
        }
    }

    async fn count_at(start: Instant, ms: u64, count: &AtomicUsize) -> usize {
        sleep_until(start + Duration::from_millis(ms)).await;
        settle().await;
        assert_eq!(Instant::now(), start + Duration::from_millis(ms));
        count.load(Ordering::SeqCst)
    }

    async fn expect_attempt(start: Instant, ms: u64, n: usize, count: &AtomicUsize) {
        if ms > 0 {
            let before = count_at(start, ms - 1, count).await;
            assert_eq!(before, n - 1, "attempts 1 ms before {ms} ms");
        }
        let now = count_at(start, ms, count).await;
        assert_eq!(now, n, "attempts at {ms} ms");
    }

    async fn finish(call: JoinHandle<Result<String, Error>>) -> Result<String, Error> {
        assert!(
            call.is_finished(),
            "the call has not returned when it should have"
        );
        timeout(Duration::from_millis(1), call)
            .await
            .expect("finished, yet not ready")
            .expect("the call panicked")
    }

    fn fail_503() -> Mock {
        reply(b"503\n")
    }

    let start = Instant::now();
    let (call, count) = start_call(client, vec![], fail_503);
    for (n, ms) in [0, 100, 300, 700].into_iter().enumerate() {
        expect_attempt(start, ms, n + 1, &count).await;
    }
    let answer = finish(call).await;
    assert_eq!(
        answer,
        Err(Error::GaveUp {
            attempts: 4,
            last: Failure::Unavailable
        })
    );
    assert_eq!(count_at(start, 5000, &count).await, 4);
}

pub async fn check_attempt_timeout(client: Client) {
    use std::collections::VecDeque;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::{Arc, Mutex};
    use std::time::Duration;
    use tokio::task::JoinHandle;
    use tokio::time::{Instant, sleep_until, timeout};
    use tokio_test::io::{Builder, Mock};
    use world::retry::{Client, Error};
    fn reply(line: &[u8]) -> Mock {
        Builder::new().write(b"GET /x\n").read(line).build()
    }

    fn start_call(
        client: Client,
        peers: Vec<Mock>,
        fallback: fn() -> Mock,
    ) -> (JoinHandle<Result<String, Error>>, Arc<AtomicUsize>) {
        let count = Arc::new(AtomicUsize::new(0));
        let seen = Arc::clone(&count);
        let peers = Mutex::new(VecDeque::from(peers));
        let connect = move || {
            seen.fetch_add(1, Ordering::SeqCst);
            peers.lock().unwrap().pop_front().unwrap_or_else(fallback)
        };
        let call = tokio::spawn(async move { client.get(connect, "/x").await });
        (call, count)
    }

    async fn settle() {
        for _ in 0..8 {
            tokio::task::yield_now().await;
        }
    }

    async fn count_at(start: Instant, ms: u64, count: &AtomicUsize) -> usize {
        sleep_until(start + Duration::from_millis(ms)).await;
        settle().await;
        assert_eq!(Instant::now(), start + Duration::from_millis(ms));
        count.load(Ordering::SeqCst)
    }

    async fn expect_attempt(start: Instant, ms: u64, n: usize, count: &AtomicUsize) {
        if ms > 0 {
            let before = count_at(start, ms - 1, count).await;
            assert_eq!(before, n - 1, "attempts 1 ms before {ms} ms");
        }
        let now = count_at(start, ms, count).await;
        assert_eq!(now, n, "attempts at {ms} ms");
    }

    async fn finish(call: JoinHandle<Result<String, Error>>) -> Result<String, Error> {
        assert!(
            call.is_finished(),
            "the call has not returned when it should have"
        );
        timeout(Duration::from_millis(1), call)
            .await
            .expect("finished, yet not ready")
            .expect("the call panicked")
    }

    fn silent() -> Mock {
        Builder::new()
            .write(b"GET /x\n")
            .wait(Duration::from_secs(3600))
            .build()
    }

    fn none_left() -> Mock {
        panic!("an attempt no peer was scripted for")
    }

    let start = Instant::now();
    let (call, count) = start_call(client, vec![silent(), reply(b"200 hello\n")], none_left);
    expect_attempt(start, 0, 1, &count).await;
    assert_eq!(
        count_at(start, 1000, &count).await,
        1,
        "retried without the backoff"
    );
    assert!(!call.is_finished(), "the call ended at 1000 ms");
    expect_attempt(start, 1100, 2, &count).await;
    assert_eq!(finish(call).await.as_deref(), Ok("hello"));
}

pub async fn check_gives_up(client: Client) {
    use std::collections::VecDeque;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::{Arc, Mutex};
    use std::time::Duration;
    use tokio::task::JoinHandle;
    use tokio::time::{Instant, sleep_until, timeout};
    use tokio_test::io::{Builder, Mock};
    use world::retry::{Client, Error, Failure};
    fn reply(line: &[u8]) -> Mock {
        Builder::new().write(b"GET /x\n").read(line).build()
    }

    fn start_call(
        client: Client,
        peers: Vec<Mock>,
        fallback: fn() -> Mock,
    ) -> (JoinHandle<Result<String, Error>>, Arc<AtomicUsize>) {
        let count = Arc::new(AtomicUsize::new(0));
        let seen = Arc::clone(&count);
        let peers = Mutex::new(VecDeque::from(peers));
        let connect = move || {
            seen.fetch_add(1, Ordering::SeqCst);
            peers.lock().unwrap().pop_front().unwrap_or_else(fallback)
        };
        let call = tokio::spawn(async move { client.get(connect, "/x").await });
        (call, count)
    }

    async fn settle() {
        for _ in 0..8 {
            tokio::task::yield_now().await;
        }
    }

    async fn count_at(start: Instant, ms: u64, count: &AtomicUsize) -> usize {
        sleep_until(start + Duration::from_millis(ms)).await;
        settle().await;
        assert_eq!(Instant::now(), start + Duration::from_millis(ms));
        count.load(Ordering::SeqCst)
    }

    async fn finish(call: JoinHandle<Result<String, Error>>) -> Result<String, Error> {
        assert!(
            call.is_finished(),
            "the call has not returned when it should have"
        );
        timeout(Duration::from_millis(1), call)
            .await
            .expect("finished, yet not ready")
            .expect("the call panicked")
    }

    fn fail_503() -> Mock {
        reply(b"503\n")
    }

    fn none_left() -> Mock {
        panic!("an attempt no peer was scripted for")
    }

    let start = Instant::now();
    let (call, count) = start_call(client, vec![], fail_503);
    assert_eq!(count_at(start, 699, &count).await, 3);
    assert!(!call.is_finished());
    assert_eq!(count_at(start, 700, &count).await, 4);
    let answer = finish(call).await;
    assert_eq!(
        answer,
        Err(Error::GaveUp {
            attempts: 4,
            last: Failure::Unavailable
        })
    );
    assert_eq!(
        count_at(start, 10_000, &count).await,
        4,
        "attempts after giving up"
    );

    let start = Instant::now();
    let (call, count) = start_call(client, vec![reply(b"404\n")], none_left);
    assert_eq!(count_at(start, 0, &count).await, 1);
    assert_eq!(finish(call).await, Err(Error::NotFound));
}

pub async fn check_poll_by_poll(client: Client) {
    use std::collections::VecDeque;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;
    use tokio_test::io::{Builder, Mock};
    fn reply(line: &[u8]) -> Mock {
        Builder::new().write(b"GET /x\n").read(line).build()
    }

    let count = Arc::new(AtomicUsize::new(0));
    let seen = Arc::clone(&count);
    let mut peers = VecDeque::from(vec![reply(b"503\n"), reply(b"200 hello\n")]);
    let connect = move || {
        seen.fetch_add(1, Ordering::SeqCst);
        peers.pop_front().expect("no more peers")
    };
    let mut call = tokio_test::task::spawn(client.get(connect, "/x"));
    tokio_test::assert_pending!(call.poll());
    assert_eq!(count.load(Ordering::SeqCst), 1);
    tokio::time::advance(Duration::from_millis(99)).await;
    assert!(!call.is_woken());
    tokio::time::advance(Duration::from_millis(1)).await;
    assert!(call.is_woken());
    tokio_test::assert_ready_eq!(call.poll(), Ok("hello".to_owned()));
    assert_eq!(count.load(Ordering::SeqCst), 2);
    drop(call);

    let count = Arc::new(AtomicUsize::new(0));
    let seen = Arc::clone(&count);
    let connect = move || {
        seen.fetch_add(1, Ordering::SeqCst);
        reply(b"503\n")
    };
    let mut call = tokio_test::task::spawn(client.get(connect, "/x"));
    tokio_test::assert_pending!(call.poll());
    drop(call);
    tokio::time::sleep(Duration::from_secs(10)).await;
    assert_eq!(count.load(Ordering::SeqCst), 1);
}

pub async fn check_reply_reading(client: Client) {
    use std::collections::VecDeque;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::{Arc, Mutex};
    use std::time::Duration;
    use tokio::task::JoinHandle;
    use tokio::time::{Instant, sleep_until, timeout};
    use tokio_test::io::{Builder, Mock};
    use world::retry::{Client, Error};
    fn reply(line: &[u8]) -> Mock {
        Builder::new().write(b"GET /x\n").read(line).build()
    }

    fn start_call(
        client: Client,
        peers: Vec<Mock>,
        fallback: fn() -> Mock,
    ) -> (JoinHandle<Result<String, Error>>, Arc<AtomicUsize>) {
        let count = Arc::new(AtomicUsize::new(0));
        let seen = Arc::clone(&count);
        let peers = Mutex::new(VecDeque::from(peers));
        let connect = move || {
            seen.fetch_add(1, Ordering::SeqCst);
            peers.lock().unwrap().pop_front().unwrap_or_else(fallback)
        };
        let call = tokio::spawn(async move { client.get(connect, "/x").await });
        (call, count)
    }

    async fn settle() {
        for _ in 0..8 {
            tokio::task::yield_now().await;
        }
    }

    async fn count_at(start: Instant, ms: u64, count: &AtomicUsize) -> usize {
        sleep_until(start + Duration::from_millis(ms)).await;
        settle().await;
        assert_eq!(Instant::now(), start + Duration::from_millis(ms));
        count.load(Ordering::SeqCst)
    }

    async fn expect_attempt(start: Instant, ms: u64, n: usize, count: &AtomicUsize) {
        if ms > 0 {
            let before = count_at(start, ms - 1, count).await;
            assert_eq!(before, n - 1, "attempts 1 ms before {ms} ms");
        }
        let now = count_at(start, ms, count).await;
        assert_eq!(now, n, "attempts at {ms} ms");
    }

    async fn finish(call: JoinHandle<Result<String, Error>>) -> Result<String, Error> {
        assert!(
            call.is_finished(),
            "the call has not returned when it should have"
        );
        timeout(Duration::from_millis(1), call)
            .await
            .expect("finished, yet not ready")
            .expect("the call panicked")
    }

    fn none_left() -> Mock {
        panic!("an attempt no peer was scripted for")
    }

    let pieces = Builder::new()
        .write(b"GET /x\n")
        .read(b"20")
        .read(b"0 hel")
        .read(b"lo\n")
        .build();
    let start = Instant::now();
    let (call, count) = start_call(client, vec![pieces], none_left);
    assert_eq!(count_at(start, 0, &count).await, 1);
    assert_eq!(finish(call).await.as_deref(), Ok("hello"));

    let start = Instant::now();
    let (call, count) = start_call(
        client,
        vec![reply(b"200 hel"), reply(b"200 hello\n")],
        none_left,
    );
    assert_eq!(count_at(start, 0, &count).await, 1);
    assert!(
        !call.is_finished(),
        "a cut-off reply was taken for an answer"
    );
    expect_attempt(start, 100, 2, &count).await;
    assert_eq!(finish(call).await.as_deref(), Ok("hello"));

    let open = Builder::new()
        .write(b"GET /x\n")
        .read(b"200 hello\n")
        .wait(Duration::from_secs(30))
        .build();
    let start = Instant::now();
    let (call, count) = start_call(client, vec![open], none_left);
    assert_eq!(count_at(start, 0, &count).await, 1);
    assert_eq!(finish(call).await.as_deref(), Ok("hello"));
}
