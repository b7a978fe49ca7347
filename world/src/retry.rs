//! The code under test in kata 23 (testing-async): a small client that
//! retries with exponential backoff and a timeout per attempt, and its
//! mutants, the same client with one bug each.
//!
//! Kata 23 turns the tables: the learner writes the tests. A check of the
//! learner's is handed a [`Client`] and must pass when the client is the
//! [reference](Client::reference) and fail (panic) when it is any
//! [mutant](Client::mutant) its step names. The client is not the
//! learner's to edit, and a check must not make its own: it tests the one
//! it is given.
//!
//! **What the client does.** [`Client::get`] asks a peer for a path. Each
//! attempt opens a connection with `connect` (the learner's, so a test
//! scripts the peer, with `tokio_test::io::Builder`), writes one request
//! line, `GET /path\n`, and reads one reply line:
//!
//! - `200 <body>\n`: the answer, `Ok(body)`, at once;
//! - `404\n`: `Err(Error::NotFound)`, at once: never retried;
//! - `503\n`, a reply cut off by the peer closing the connection, any other
//!   line: the attempt failed, and is retried.
//!
//! Each attempt has [`ATTEMPT_TIMEOUT`] (1 s) for its write and its read
//! together; one that takes longer is dropped and counts as failed. After
//! the first failed attempt the client waits [`FIRST_BACKOFF`] (100 ms),
//! and each wait is twice the one before (100, 200, 400 ms); after
//! [`ATTEMPTS`] (4) failed attempts it gives up:
//! `Err(Error::GaveUp { attempts: 4, last })`, with no wait after the last.
//! A peer that answers 503 at once is tried at 0, 100, 300 and 700 ms, and
//! the call fails at 700 ms. The call does nothing until it is polled, and
//! dropping it stops it: no attempt is made after that, nor after the call
//! has returned.
//!
//! The client reads only tokio's clock (`tokio::time`), so on a paused
//! clock its waits take no real time; it needs no tokio feature beyond
//! `time` (its reads and writes go through `poll_read` and `poll_write`).

use std::cell::Cell;
use std::fmt;
use std::future::poll_fn;
use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::runtime::Handle;
use tokio::time::{Instant, sleep, timeout};

/// How many attempts the client makes before it gives up.
pub const ATTEMPTS: u32 = 4;
/// The wait after the first failed attempt; each later wait doubles it.
pub const FIRST_BACKOFF: Duration = Duration::from_millis(100);
/// How long one attempt (its write and its read) may take.
pub const ATTEMPT_TIMEOUT: Duration = Duration::from_secs(1);

/// Why one attempt failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Failure {
    /// The peer answered `503`.
    Unavailable,
    /// The attempt took longer than [`ATTEMPT_TIMEOUT`].
    TimedOut,
    /// The connection closed (or failed) before a whole reply line.
    Closed,
    /// The peer answered a line that is not a status the client knows.
    BadReply,
}

/// Why a call failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Error {
    /// The peer answered `404`: there is nothing to retry.
    NotFound,
    /// Every attempt failed; `last` says why the last one did.
    GaveUp { attempts: u32, last: Failure },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::NotFound => write!(f, "404 not found"),
            Error::GaveUp { attempts, last } => {
                write!(f, "gave up after {attempts} attempts (the last: {last:?})")
            }
        }
    }
}

impl std::error::Error for Error {}

/// One bug each: what the tests hand a learner's check, besides the
/// reference, to see that the check fails.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mutant {
    /// Waits 100 ms every time: the backoff never doubles.
    ConstantBackoff,
    /// Waits 100, 200, 300 ms: grows, but by 100 ms, not twice.
    LinearBackoff,
    /// Waits before every attempt, the first one too: 100, 200, 400, 800.
    WaitsFirst,
    /// One 1 s timeout around the whole call, none per attempt.
    WholeCallTimeout,
    /// No timeout at all: a silent peer holds the call as long as it likes.
    NoTimeout,
    /// After a timed-out attempt, retries at once, without the backoff.
    NoWaitAfterTimeout,
    /// Never gives up: retries for as long as the peer fails.
    NeverGivesUp,
    /// Makes 5 attempts, and still reports 4 in `GaveUp`.
    FiveAttempts,
    /// Retries a 404 like a 503, and answers `NotFound` after the last.
    RetriesNotFound,
    /// Waits once more after the last attempt (800 ms) before it gives up:
    /// the call fails at 1500 ms, not 700.
    WaitsAfterLast,
    /// Gives up as the reference does, then starts over in a spawned task:
    /// attempts go on after the call has returned.
    BackgroundRetries,
    /// Runs the retries in a spawned task: dropping the call does not stop
    /// them.
    Detached,
    /// Its backoff is a future that never registers a waker: nothing wakes
    /// the call when the wait is over.
    LostWakeup,
    /// Each wait is 1 ms short (99, 199, 399 ms): it wakes, and retries, a
    /// tick before its backoff is over.
    WakesEarly,
    /// Dropped while it waits, it hands the rest of its retries to a
    /// spawned task: attempts go on after the call was dropped.
    RetriesAfterDrop,
    /// Reads the reply with one `read`, and takes a reply not whole in it
    /// for one cut off: a reply that arrives in pieces fails the attempt.
    /// (A cut-off reply it fails as the reference does, so only a peer
    /// scripted in pieces catches it.)
    OneRead,
    /// Takes a reply cut off by a closed connection for a whole one.
    TruncatedReply,
    /// Reads until the peer closes the connection, then takes the first line:
    /// a peer that keeps the connection open holds the call.
    ReadsToEnd,
}

impl Mutant {
    /// Every mutant, in the kata's order of steps.
    pub const ALL: [Mutant; 18] = [
        Mutant::ConstantBackoff,
        Mutant::LinearBackoff,
        Mutant::WaitsFirst,
        Mutant::WholeCallTimeout,
        Mutant::NoTimeout,
        Mutant::NoWaitAfterTimeout,
        Mutant::NeverGivesUp,
        Mutant::FiveAttempts,
        Mutant::RetriesNotFound,
        Mutant::WaitsAfterLast,
        Mutant::BackgroundRetries,
        Mutant::Detached,
        Mutant::LostWakeup,
        Mutant::WakesEarly,
        Mutant::RetriesAfterDrop,
        Mutant::OneRead,
        Mutant::TruncatedReply,
        Mutant::ReadsToEnd,
    ];

    /// Its short name, as the tests' timelines draw it (`mutant ` and the
    /// name fit the 23 columns a row name gets in an 80-column terminal).
    pub fn name(self) -> &'static str {
        match self {
            Mutant::ConstantBackoff => "constant backoff",
            Mutant::LinearBackoff => "linear backoff",
            Mutant::WaitsFirst => "waits first",
            Mutant::WholeCallTimeout => "timeout on call",
            Mutant::NoTimeout => "no timeout",
            Mutant::NoWaitAfterTimeout => "retries at once",
            Mutant::NeverGivesUp => "never gives up",
            Mutant::FiveAttempts => "five attempts",
            Mutant::RetriesNotFound => "retries 404",
            Mutant::WaitsAfterLast => "waits after last",
            Mutant::BackgroundRetries => "starts over",
            Mutant::Detached => "detached retries",
            Mutant::LostWakeup => "lost wakeup",
            Mutant::WakesEarly => "wakes early",
            Mutant::RetriesAfterDrop => "survives drop",
            Mutant::OneRead => "one read",
            Mutant::TruncatedReply => "truncated reply",
            Mutant::ReadsToEnd => "reads to end",
        }
    }
}

/// The client under test: the reference, or one [`Mutant`]. Cheap to copy,
/// so that a check can move one into a spawned task.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Client {
    bug: Option<Mutant>,
}

impl Client {
    /// The reference, for the client's own use (the detached mutants run
    /// their retries with it): not counted as a client made.
    const REFERENCE: Client = Client { bug: None };

    /// The client as the module's documentation describes it. Counted on
    /// this thread's [`ledger`]: a check tests the client it is handed, and
    /// the tests tell one that makes its own.
    pub fn reference() -> Client {
        LEDGER.with(|l| l.made.set(l.made.get() + 1));
        Client::REFERENCE
    }

    /// The client with one bug. Counted as [`Client::reference`] is.
    pub fn mutant(bug: Mutant) -> Client {
        LEDGER.with(|l| l.made.set(l.made.get() + 1));
        Client { bug: Some(bug) }
    }

    /// Which mutant this is; `None` for the reference.
    pub fn bug(self) -> Option<Mutant> {
        self.bug
    }

    fn has(self, bug: Mutant) -> bool {
        self.bug == Some(bug)
    }

    /// Asks the peer for `path` (`"/x"`): each attempt calls `connect` for
    /// a fresh connection, writes `GET {path}\n` and reads one reply line;
    /// see the module's documentation for the retries, the waits and the
    /// timeout. `connect` and its connections must be `Send + 'static`: a
    /// test may spawn the call.
    pub async fn get<C, S>(&self, connect: C, path: &str) -> Result<String, Error>
    where
        C: FnMut() -> S + Send + 'static,
        S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
    {
        LEDGER.with(|l| l.started.set(l.started.get() + 1));
        let answer = self.call(connect, path).await;
        LEDGER.with(|l| l.finished.set(l.finished.get() + 1));
        answer
    }

    async fn call<C, S>(&self, connect: C, path: &str) -> Result<String, Error>
    where
        C: FnMut() -> S + Send + 'static,
        S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
    {
        if self.has(Mutant::Detached) {
            let path = path.to_owned();
            let task = tokio::spawn(async move { Client::REFERENCE.retry(connect, &path).await });
            return match task.await {
                Ok(answer) => answer,
                Err(e) => std::panic::resume_unwind(e.into_panic()),
            };
        }
        if self.has(Mutant::WholeCallTimeout) {
            let mut attempts = 0;
            let whole = timeout(
                ATTEMPT_TIMEOUT,
                self.retry_counting(connect, path, &mut attempts),
            );
            return match whole.await {
                Ok(answer) => answer,
                Err(_) => Err(Error::GaveUp {
                    attempts,
                    last: Failure::TimedOut,
                }),
            };
        }
        if self.has(Mutant::BackgroundRetries) {
            let shared = Arc::new(Mutex::new(connect));
            let ours = Arc::clone(&shared);
            let answer = self
                .retry(
                    move || (ours.lock().unwrap_or_else(|p| p.into_inner()))(),
                    path,
                )
                .await;
            if matches!(answer, Err(Error::GaveUp { .. })) {
                let path = path.to_owned();
                tokio::spawn(async move {
                    let connect = move || (shared.lock().unwrap_or_else(|p| p.into_inner()))();
                    Client::REFERENCE.retry(connect, &path).await
                });
            }
            return answer;
        }
        if self.has(Mutant::RetriesAfterDrop) {
            let shared = Arc::new(Mutex::new(Some(connect)));
            let ours = Arc::clone(&shared);
            let owned = path.to_owned();
            let mut resume = OnDrop(Some(Box::new(move || {
                let connect = shared.lock().unwrap_or_else(|p| p.into_inner()).take();
                if let (Some(connect), Ok(runtime)) = (connect, Handle::try_current()) {
                    runtime.spawn(async move { Client::REFERENCE.retry(connect, &owned).await });
                }
            })));
            let answer = self
                .retry(
                    move || {
                        let mut connect = ours.lock().unwrap_or_else(|p| p.into_inner());
                        (connect.as_mut().expect("the call still runs"))()
                    },
                    path,
                )
                .await;
            resume.0 = None;
            return answer;
        }
        self.retry(connect, path).await
    }
    async fn retry<C, S>(&self, connect: C, path: &str) -> Result<String, Error>
    where
        C: FnMut() -> S,
        S: AsyncRead + AsyncWrite + Unpin,
    {
        let mut attempts = 0;
        self.retry_counting(connect, path, &mut attempts).await
    }

    async fn retry_counting<C, S>(
        &self,
        mut connect: C,
        path: &str,
        attempts: &mut u32,
    ) -> Result<String, Error>
    where
        C: FnMut() -> S,
        S: AsyncRead + AsyncWrite + Unpin,
    {
        let limit = if self.has(Mutant::NeverGivesUp) {
            u32::MAX
        } else if self.has(Mutant::FiveAttempts) {
            ATTEMPTS + 1
        } else {
            ATTEMPTS
        };
        let mut wait = FIRST_BACKOFF;
        loop {
            if self.has(Mutant::WaitsFirst) {
                sleep(wait).await;
                wait *= 2;
            }
            *attempts += 1;
            let mut conn = connect_noted(&mut connect);
            let outcome = if self.has(Mutant::NoTimeout) || self.has(Mutant::WholeCallTimeout) {
                Ok(self.attempt(&mut conn, path).await)
            } else {
                timeout(ATTEMPT_TIMEOUT, self.attempt(&mut conn, path)).await
            };
            drop(conn);
            let failure = match outcome {
                Ok(Reply::Ok(body)) => return Ok(body),
                Ok(Reply::NotFound) if !self.has(Mutant::RetriesNotFound) => {
                    return Err(Error::NotFound);
                }
                Ok(Reply::NotFound) => None,
                Ok(Reply::Failed(failure)) => Some(failure),
                Err(_) => Some(Failure::TimedOut),
            };
            if *attempts >= limit {
                if self.has(Mutant::WaitsAfterLast) {
                    sleep(wait).await;
                }
                return Err(match failure {
                    None => Error::NotFound,
                    Some(last) => Error::GaveUp {
                        attempts: (*attempts).min(ATTEMPTS),
                        last,
                    },
                });
            }
            if self.has(Mutant::WaitsFirst) {
                continue;
            }
            if self.has(Mutant::NoWaitAfterTimeout) && failure == Some(Failure::TimedOut) {
                continue;
            }
            if self.has(Mutant::LostWakeup) {
                forgetful_sleep(wait).await;
            } else if self.has(Mutant::WakesEarly) {
                sleep(wait - Duration::from_millis(1)).await;
            } else {
                sleep(wait).await;
            }
            wait = if self.has(Mutant::ConstantBackoff) {
                FIRST_BACKOFF
            } else if self.has(Mutant::LinearBackoff) {
                wait + FIRST_BACKOFF
            } else {
                wait * 2
            };
        }
    }

    /// One attempt on one connection: the request, then one reply line.
    async fn attempt<S>(&self, conn: &mut S, path: &str) -> Reply
    where
        S: AsyncRead + AsyncWrite + Unpin,
    {
        let request = format!("GET {path}\n");
        if write_all(conn, request.as_bytes()).await.is_err() {
            return Reply::Failed(Failure::Closed);
        }
        let mut line = Vec::new();
        let mut chunk = [0u8; 256];
        loop {
            let n = match read_some(conn, &mut chunk).await {
                Ok(n) => n,
                Err(_) => return Reply::Failed(Failure::Closed),
            };
            line.extend_from_slice(&chunk[..n]);
            if self.has(Mutant::ReadsToEnd) {
                if n > 0 {
                    continue;
                }
                if !line.contains(&b'\n') {
                    return Reply::Failed(Failure::Closed);
                }
                break;
            }
            if line.contains(&b'\n') {
                break;
            }
            if self.has(Mutant::OneRead) {
                return Reply::Failed(Failure::Closed);
            }
            if n == 0 {
                if self.has(Mutant::TruncatedReply) {
                    break;
                }
                return Reply::Failed(Failure::Closed);
            }
        }
        let text = String::from_utf8_lossy(&line);
        let first = text.split('\n').next().unwrap_or_default();
        parse(first)
    }
}

/// What the clients did on one thread: how many were made with
/// [`Client::reference`] or [`Client::mutant`], how many calls
/// ([`Client::get`]) started (were first polled) and how many finished.
/// Kata 23's tests read it before and after a learner's check, on the
/// thread that runs it: a check that makes a client of its own is told
/// so, and one that panics before any call could finish is told what held
/// the clock.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Ledger {
    pub made: u64,
    pub started: u64,
    pub finished: u64,
    /// Calls of a check's `connect` that panicked (a check that scripted
    /// fewer peers than the client asked for): in a task the client
    /// spawned, that panic never reaches the check, so the test says it.
    pub connect_panics: u64,
}

struct Counts {
    made: Cell<u64>,
    started: Cell<u64>,
    finished: Cell<u64>,
    connect_panics: Cell<u64>,
}

thread_local! {
    static LEDGER: Counts = const {
        Counts {
            made: Cell::new(0),
            started: Cell::new(0),
            finished: Cell::new(0),
            connect_panics: Cell::new(0),
        }
    };
}

/// This thread's [`Ledger`], as it stands: the counts only grow, so a test
/// compares two readings.
pub fn ledger() -> Ledger {
    LEDGER.with(|l| Ledger {
        made: l.made.get(),
        started: l.started.get(),
        finished: l.finished.get(),
        connect_panics: l.connect_panics.get(),
    })
}

/// `connect()`, its panic noted in the ledger and then let go on as it came.
fn connect_noted<C: FnMut() -> S, S>(connect: &mut C) -> S {
    match catch_unwind(AssertUnwindSafe(connect)) {
        Ok(conn) => conn,
        Err(panic) => {
            LEDGER.with(|l| l.connect_panics.set(l.connect_panics.get() + 1));
            resume_unwind(panic)
        }
    }
}

/// The `retries after drop` mutant's guard: dropped while it still holds
/// its work (the call was dropped before it finished), it does it: it
/// starts the retries over in a spawned task.
struct OnDrop(Option<Box<dyn FnOnce() + Send>>);

impl Drop for OnDrop {
    fn drop(&mut self) {
        if let Some(work) = self.0.take() {
            work();
        }
    }
}

/// What one reply line says.
enum Reply {
    Ok(String),
    NotFound,
    Failed(Failure),
}

fn parse(line: &str) -> Reply {
    let (status, body) = line.split_once(' ').unwrap_or((line, ""));
    match status {
        "200" => Reply::Ok(body.to_owned()),
        "404" => Reply::NotFound,
        "503" => Reply::Failed(Failure::Unavailable),
        "" => Reply::Failed(Failure::Closed),
        _ => Reply::Failed(Failure::BadReply),
    }
}

/// A wait that checks the clock when polled, and registers no waker: the
/// classic lost wakeup (kata 13). Only something else waking the task gets
/// it polled again.
async fn forgetful_sleep(wait: Duration) {
    let due = Instant::now() + wait;
    poll_fn(|_cx| {
        if Instant::now() >= due {
            Poll::Ready(())
        } else {
            Poll::Pending
        }
    })
    .await;
}

async fn write_all<S: AsyncWrite + Unpin>(conn: &mut S, mut buf: &[u8]) -> std::io::Result<()> {
    while !buf.is_empty() {
        let n = poll_fn(|cx: &mut Context<'_>| Pin::new(&mut *conn).poll_write(cx, buf)).await?;
        if n == 0 {
            return Err(std::io::ErrorKind::WriteZero.into());
        }
        buf = &buf[n..];
    }
    poll_fn(|cx: &mut Context<'_>| Pin::new(&mut *conn).poll_flush(cx)).await
}

async fn read_some<S: AsyncRead + Unpin>(conn: &mut S, chunk: &mut [u8]) -> std::io::Result<usize> {
    poll_fn(|cx: &mut Context<'_>| {
        let mut buf = ReadBuf::new(chunk);
        match Pin::new(&mut *conn).poll_read(cx, &mut buf) {
            Poll::Ready(Ok(())) => Poll::Ready(Ok(buf.filled().len())),
            Poll::Ready(Err(e)) => Poll::Ready(Err(e)),
            Poll::Pending => Poll::Pending,
        }
    })
    .await
}
