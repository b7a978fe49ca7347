//! # Kata 23: testing async (reference solution)
//!
//! > How do you test async code without sleeping or flaking?
//!
//! Five checks of `world::retry::Client`, each run by the tests against the
//! right client (it must return) and against mutants (it must panic). Every
//! check scripts its peers with `tokio_test::io::Builder`, notes in
//! `connect` when each attempt starts on tokio's paused clock, bounds every
//! call with a `timeout` (free on a paused clock, and a hang becomes a
//! failure), and asserts exact instants: on a paused clock they are exact.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::time::{Instant, advance, sleep, timeout};
use tokio_test::io::{Builder, Mock};
use tokio_test::{assert_pending, assert_ready_eq};
use world::retry::{Client, Error, Failure};

/// What the client writes for the path `/x`.
const REQUEST: &[u8] = b"GET /x\n";

fn ms(millis: u64) -> Duration {
    Duration::from_millis(millis)
}

/// When each attempt started, from `connect`'s side: the peer's account,
/// not the client's.
#[derive(Clone)]
struct Attempts {
    start: Instant,
    starts: Arc<Mutex<Vec<Duration>>>,
}

impl Attempts {
    fn new() -> Attempts {
        Attempts {
            start: Instant::now(),
            starts: Arc::new(Mutex::new(Vec::new())),
        }
    }

    /// A `connect` that notes each attempt and hands it the peer
    /// `script(n)` gives for the n-th attempt (from 1).
    fn connect(
        &self,
        script: impl Fn(usize) -> Mock + Send + 'static,
    ) -> impl FnMut() -> Mock + Send + 'static {
        let attempts = self.clone();
        move || {
            let n = {
                let mut starts = attempts.starts.lock().unwrap();
                starts.push(attempts.start.elapsed());
                starts.len()
            };
            script(n)
        }
    }

    fn starts(&self) -> Vec<Duration> {
        self.starts.lock().unwrap().clone()
    }

    fn count(&self) -> usize {
        self.starts.lock().unwrap().len()
    }

    fn elapsed(&self) -> Duration {
        self.start.elapsed()
    }
}

/// A peer that takes the request and answers `reply`, then closes.
fn answers(reply: &[u8]) -> Mock {
    Builder::new().write(REQUEST).read(reply).build()
}

/// A peer that takes the request and says nothing for an hour. Nothing
/// after the wait: a `Mock` dropped with a read or a write left panics.
fn silent() -> Mock {
    Builder::new()
        .write(REQUEST)
        .wait(Duration::from_secs(3600))
        .build()
}

/// Awaits the call under a bound: a client that does not stop fails the
/// check instead of hanging it.
async fn bounded<T>(call: impl Future<Output = T>) -> T {
    timeout(Duration::from_secs(10), call)
        .await
        .expect("the call did not return within 10 s: it hangs or never gives up")
}

/// Step 1: the first attempt at once, then waits of 100, 200 and 400 ms.
pub async fn check_backoff(client: Client) {
    let attempts = Attempts::new();
    let connect = attempts.connect(|_| answers(b"503\n"));
    let answer = bounded(client.get(connect, "/x")).await;
    assert_eq!(
        attempts.starts(),
        [ms(0), ms(100), ms(300), ms(700)],
        "attempts must start at 0, 100, 300 and 700 ms (waits of 100, 200, 400)"
    );
    assert_eq!(
        answer,
        Err(Error::GaveUp {
            attempts: 4,
            last: Failure::Unavailable
        })
    );
}

/// Step 2: a silent attempt is cut off after 1 s, the next one starts
/// 100 ms later, and the call answers.
pub async fn check_attempt_timeout(client: Client) {
    let attempts = Attempts::new();
    let connect = attempts.connect(|n| {
        if n == 1 {
            silent()
        } else {
            answers(b"200 hello\n")
        }
    });
    let answer = bounded(client.get(connect, "/x")).await;
    assert_eq!(
        answer,
        Ok("hello".to_owned()),
        "a silent attempt must be cut off and retried"
    );
    assert_eq!(
        attempts.starts(),
        [ms(0), ms(1100)],
        "the second attempt starts after the 1 s timeout and the 100 ms wait"
    );
}

/// Step 3: exactly 4 attempts, counted at the peer, and none later; a 404
/// answered at once.
pub async fn check_gives_up(client: Client) {
    let attempts = Attempts::new();
    let connect = attempts.connect(|_| answers(b"503\n"));
    let answer = bounded(client.get(connect, "/x")).await;
    assert_eq!(
        answer,
        Err(Error::GaveUp {
            attempts: 4,
            last: Failure::Unavailable
        })
    );
    assert_eq!(attempts.count(), 4, "the peer must see exactly 4 attempts");
    assert_eq!(attempts.elapsed(), ms(700), "it gives up at 700 ms");
    sleep(Duration::from_secs(10)).await;
    assert_eq!(attempts.count(), 4, "no attempt after the call gave up");

    let attempts = Attempts::new();
    let connect = attempts.connect(|_| answers(b"404\n"));
    let answer = bounded(client.get(connect, "/x")).await;
    assert_eq!(answer, Err(Error::NotFound));
    assert_eq!(attempts.count(), 1, "a 404 is never retried");
    assert_eq!(attempts.elapsed(), ms(0), "a 404 is answered at once");
}

/// Step 4: poll by poll, with `tokio_test::task::spawn`.
pub async fn check_poll_by_poll(client: Client) {
    let attempts = Attempts::new();
    let connect = attempts.connect(|n| {
        if n == 1 {
            answers(b"503\n")
        } else {
            answers(b"200 hello\n")
        }
    });
    let mut call = tokio_test::task::spawn(client.get(connect, "/x"));
    assert_pending!(call.poll(), "the first attempt failed: the call waits");
    assert_eq!(
        attempts.count(),
        1,
        "the first poll makes the first attempt"
    );
    advance(ms(99)).await;
    assert!(!call.is_woken(), "woken before its 100 ms wait was over");
    advance(ms(1)).await;
    assert!(call.is_woken(), "not woken when its 100 ms wait was over");
    assert_ready_eq!(call.poll(), Ok("hello".to_owned()));
    assert_eq!(attempts.count(), 2);

    let attempts = Attempts::new();
    let connect = attempts.connect(|_| answers(b"503\n"));
    let mut call = tokio_test::task::spawn(client.get(connect, "/x"));
    assert_pending!(call.poll());
    drop(call);
    sleep(Duration::from_secs(10)).await;
    assert_eq!(
        attempts.count(),
        1,
        "an attempt was made after the call was dropped"
    );
}

/// Step 5: replies in pieces, cut off, and held open.
pub async fn check_reply_reading(client: Client) {
    let attempts = Attempts::new();
    let connect = attempts.connect(|_| {
        Builder::new()
            .write(REQUEST)
            .read(b"20")
            .read(b"0 hel")
            .read(b"lo\n")
            .build()
    });
    let answer = bounded(client.get(connect, "/x")).await;
    assert_eq!(answer, Ok("hello".to_owned()), "a reply in pieces");
    assert_eq!(attempts.count(), 1);

    let attempts = Attempts::new();
    let connect = attempts.connect(|n| {
        if n == 1 {
            answers(b"200 hel")
        } else {
            answers(b"200 hello\n")
        }
    });
    let answer = bounded(client.get(connect, "/x")).await;
    assert_eq!(
        answer,
        Ok("hello".to_owned()),
        "a reply cut off by a closed connection is retried"
    );
    assert_eq!(attempts.starts(), [ms(0), ms(100)]);

    let attempts = Attempts::new();
    let connect = attempts.connect(|_| {
        Builder::new()
            .write(REQUEST)
            .read(b"200 hello\n")
            .wait(Duration::from_secs(3600))
            .build()
    });
    let answer = bounded(client.get(connect, "/x")).await;
    assert_eq!(answer, Ok("hello".to_owned()));
    assert_eq!(
        attempts.elapsed(),
        ms(0),
        "the answer is in as soon as its line is"
    );
}
