//! Right: no `tokio_test::task` and no recorded times: each call is pinned
//! in the check and stepped with `futures::poll!` and `advance`, 1 ms
//! before and at each instant; step 4 polls with a hand-made `Context`
//! whose `ArcWake` waker raises a flag. The blind answer did not look after
//! its step 3 call returned (its doc said "then a long quiet wait"; see
//! `wrong/blind_poll_macro_no_count_after.rs`); this one counts again 30 s
//! later.

pub async fn check_backoff(client: Client) {
    use std::pin::pin;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::{Arc, Mutex};
    use std::task::Poll;
    use std::time::Duration;
    use tokio::time::advance;
    use tokio_test::io::{Builder, Mock};
    use world::retry::{Error, Failure};
    fn reply(line: &[u8]) -> Mock {
        Builder::new().write(b"GET /x\n").read(line).build()
    }

    fn peers(
        first: Vec<Mock>,
        then: Option<&'static [u8]>,
    ) -> (impl FnMut() -> Mock + Send + 'static, Arc<AtomicUsize>) {
        let count = Arc::new(AtomicUsize::new(0));
        let seen = Arc::clone(&count);
        let first = Mutex::new(first.into_iter());
        let connect = move || {
            seen.fetch_add(1, Ordering::SeqCst);
            match first.lock().unwrap().next() {
                Some(mock) => mock,
                None => reply(then.expect("an attempt no peer was scripted for")),
            }
        };
        (connect, count)
    }

    let (connect, count) = peers(vec![], Some(b"503\n"));
    let mut call = pin!(client.get(connect, "/x"));
    assert!(futures::poll!(call.as_mut()).is_pending());
    assert_eq!(count.load(Ordering::SeqCst), 1, "first attempt at 0 ms");
    for (n, gap) in [(2, 100), (3, 200), (4, 400)] {
        advance(Duration::from_millis(gap - 1)).await;
        let _ = futures::poll!(call.as_mut());
        assert_eq!(
            count.load(Ordering::SeqCst),
            n - 1,
            "attempt {n} came early"
        );
        advance(Duration::from_millis(1)).await;
        let polled = futures::poll!(call.as_mut());
        assert_eq!(
            count.load(Ordering::SeqCst),
            n,
            "attempt {n} did not come {gap} ms after the one before"
        );
        if n == 4 {
            assert_eq!(
                polled,
                Poll::Ready(Err(Error::GaveUp {
                    attempts: 4,
                    last: Failure::Unavailable
                }))
            );
        } else {
            assert!(polled.is_pending());
        }
    }
}

pub async fn check_attempt_timeout(client: Client) {
    use std::pin::pin;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::{Arc, Mutex};
    use std::task::Poll;
    use std::time::Duration;
    use tokio::time::advance;
    use tokio_test::io::{Builder, Mock};
    fn reply(line: &[u8]) -> Mock {
        Builder::new().write(b"GET /x\n").read(line).build()
    }

    fn peers(
        first: Vec<Mock>,
        then: Option<&'static [u8]>,
    ) -> (impl FnMut() -> Mock + Send + 'static, Arc<AtomicUsize>) {
        let count = Arc::new(AtomicUsize::new(0));
        let seen = Arc::clone(&count);
        let first = Mutex::new(first.into_iter());
        let connect = move || {
            seen.fetch_add(1, Ordering::SeqCst);
            match first.lock().unwrap().next() {
                Some(mock) => mock,
                None => reply(then.expect("an attempt no peer was scripted for")),
            }
        };
        (connect, count)
    }

    let silent = Builder::new()
        .write(b"GET /x\n")
        .wait(Duration::from_secs(3600))
        .build();
    let (connect, count) = peers(vec![silent, reply(b"200 hello\n")], None);
    let mut call = pin!(client.get(connect, "/x"));
    assert!(futures::poll!(call.as_mut()).is_pending());
    advance(Duration::from_millis(999)).await;
    assert!(futures::poll!(call.as_mut()).is_pending());
    advance(Duration::from_millis(1)).await;
    assert!(
        futures::poll!(call.as_mut()).is_pending(),
        "the call ended when the first attempt timed out"
    );
    assert_eq!(
        count.load(Ordering::SeqCst),
        1,
        "retried without waiting after a timeout"
    );
    advance(Duration::from_millis(99)).await;
    assert!(futures::poll!(call.as_mut()).is_pending());
    assert_eq!(count.load(Ordering::SeqCst), 1);
    advance(Duration::from_millis(1)).await;
    assert_eq!(
        futures::poll!(call.as_mut()),
        Poll::Ready(Ok("hello".to_owned()))
    );
    assert_eq!(count.load(Ordering::SeqCst), 2);
}

pub async fn check_gives_up(client: Client) {
    use std::pin::pin;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::{Arc, Mutex};
    use std::task::Poll;
    use std::time::Duration;
    use tokio::time::{Instant, timeout};
    use tokio_test::io::{Builder, Mock};
    use world::retry::{Error, Failure};
    fn reply(line: &[u8]) -> Mock {
        Builder::new().write(b"GET /x\n").read(line).build()
    }

    fn peers(
        first: Vec<Mock>,
        then: Option<&'static [u8]>,
    ) -> (impl FnMut() -> Mock + Send + 'static, Arc<AtomicUsize>) {
        let count = Arc::new(AtomicUsize::new(0));
        let seen = Arc::clone(&count);
        let first = Mutex::new(first.into_iter());
        let connect = move || {
            seen.fetch_add(1, Ordering::SeqCst);
            match first.lock().unwrap().next() {
                Some(mock) => mock,
                None => reply(then.expect("an attempt no peer was scripted for")),
            }
        };
        (connect, count)
    }

    let (connect, count) = peers(vec![], Some(b"503\n"));
    let start = Instant::now();
    let answer = timeout(Duration::from_secs(20), client.get(connect, "/x"))
        .await
        .expect("never gave up");
    assert_eq!(start.elapsed(), Duration::from_millis(700));
    assert_eq!(
        answer,
        Err(Error::GaveUp {
            attempts: 4,
            last: Failure::Unavailable
        })
    );
    assert_eq!(count.load(Ordering::SeqCst), 4);
    tokio::time::sleep(Duration::from_secs(30)).await;
    assert_eq!(
        count.load(Ordering::SeqCst),
        4,
        "attempts after the call gave up"
    );

    let (connect, count) = peers(vec![reply(b"404\n")], None);
    let mut call = pin!(client.get(connect, "/x"));
    assert_eq!(
        futures::poll!(call.as_mut()),
        Poll::Ready(Err(Error::NotFound))
    );
    assert_eq!(count.load(Ordering::SeqCst), 1);
}

pub async fn check_poll_by_poll(client: Client) {
    use futures::task::{ArcWake, waker};
    use std::pin::pin;
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    use std::sync::{Arc, Mutex};
    use std::task::{Context, Poll};
    use std::time::Duration;
    use tokio::time::advance;
    use tokio_test::io::{Builder, Mock};
    fn reply(line: &[u8]) -> Mock {
        Builder::new().write(b"GET /x\n").read(line).build()
    }

    struct Flag(AtomicBool);

    impl ArcWake for Flag {
        fn wake_by_ref(arc_self: &Arc<Self>) {
            arc_self.0.store(true, Ordering::SeqCst);
        }
    }

    fn peers(
        first: Vec<Mock>,
        then: Option<&'static [u8]>,
    ) -> (impl FnMut() -> Mock + Send + 'static, Arc<AtomicUsize>) {
        let count = Arc::new(AtomicUsize::new(0));
        let seen = Arc::clone(&count);
        let first = Mutex::new(first.into_iter());
        let connect = move || {
            seen.fetch_add(1, Ordering::SeqCst);
            match first.lock().unwrap().next() {
                Some(mock) => mock,
                None => reply(then.expect("an attempt no peer was scripted for")),
            }
        };
        (connect, count)
    }

    let flag = Arc::new(Flag(AtomicBool::new(false)));
    let w = waker(Arc::clone(&flag));
    let mut cx = Context::from_waker(&w);

    let (connect, count) = peers(vec![reply(b"503\n"), reply(b"200 hello\n")], None);
    {
        let mut call = pin!(client.get(connect, "/x"));
        assert!(call.as_mut().poll(&mut cx).is_pending());
        assert_eq!(
            count.load(Ordering::SeqCst),
            1,
            "no attempt on the first poll"
        );
        advance(Duration::from_millis(99)).await;
        assert!(
            !flag.0.load(Ordering::SeqCst),
            "woken before the backoff ended"
        );
        advance(Duration::from_millis(1)).await;
        assert!(
            flag.0.swap(false, Ordering::SeqCst),
            "not woken when the backoff ended"
        );
        assert_eq!(
            call.as_mut().poll(&mut cx),
            Poll::Ready(Ok("hello".to_owned()))
        );
        assert_eq!(count.load(Ordering::SeqCst), 2);
    }

    let (connect, count) = peers(vec![], Some(b"503\n"));
    {
        let mut call = Box::pin(client.get(connect, "/x"));
        assert!(call.as_mut().poll(&mut cx).is_pending());
        assert_eq!(count.load(Ordering::SeqCst), 1);
    }
    tokio::time::sleep(Duration::from_secs(30)).await;
    assert_eq!(
        count.load(Ordering::SeqCst),
        1,
        "attempts after the call was dropped"
    );
}

pub async fn check_reply_reading(client: Client) {
    use std::pin::pin;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::{Arc, Mutex};
    use std::task::Poll;
    use std::time::Duration;
    use tokio::time::advance;
    use tokio_test::io::{Builder, Mock};
    fn reply(line: &[u8]) -> Mock {
        Builder::new().write(b"GET /x\n").read(line).build()
    }

    fn peers(
        first: Vec<Mock>,
        then: Option<&'static [u8]>,
    ) -> (impl FnMut() -> Mock + Send + 'static, Arc<AtomicUsize>) {
        let count = Arc::new(AtomicUsize::new(0));
        let seen = Arc::clone(&count);
        let first = Mutex::new(first.into_iter());
        let connect = move || {
            seen.fetch_add(1, Ordering::SeqCst);
            match first.lock().unwrap().next() {
                Some(mock) => mock,
                None => reply(then.expect("an attempt no peer was scripted for")),
            }
        };
        (connect, count)
    }

    let pieces = Builder::new()
        .write(b"GET /x\n")
        .read(b"2")
        .read(b"00 h")
        .read(b"ello")
        .read(b"\n")
        .build();
    let (connect, count) = peers(vec![pieces], None);
    let mut call = pin!(client.get(connect, "/x"));
    assert_eq!(
        futures::poll!(call.as_mut()),
        Poll::Ready(Ok("hello".to_owned()))
    );
    assert_eq!(count.load(Ordering::SeqCst), 1);

    let (connect, count) = peers(vec![reply(b"200 hel"), reply(b"200 hello\n")], None);
    let mut call = pin!(client.get(connect, "/x"));
    assert!(
        futures::poll!(call.as_mut()).is_pending(),
        "a cut-off reply was an answer"
    );
    advance(Duration::from_millis(100)).await;
    assert_eq!(
        futures::poll!(call.as_mut()),
        Poll::Ready(Ok("hello".to_owned()))
    );
    assert_eq!(count.load(Ordering::SeqCst), 2);

    let open = Builder::new()
        .write(b"GET /x\n")
        .read(b"200 hello\n")
        .wait(Duration::from_secs(3600))
        .build();
    let (connect, count) = peers(vec![open], None);
    let mut call = pin!(client.get(connect, "/x"));
    assert_eq!(
        futures::poll!(call.as_mut()),
        Poll::Ready(Ok("hello".to_owned())),
        "the answer was in, the call still waited"
    );
    assert_eq!(count.load(Ordering::SeqCst), 1);
}
