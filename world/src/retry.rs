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
//! dropping it stops it: no attempt is made after that.
//!
//! The client reads only tokio's clock (`tokio::time`), so on a paused
//! clock its waits take no real time; it needs no tokio feature beyond
//! `time` (its reads and writes go through `poll_read` and `poll_write`).

use std::fmt;
use std::future::poll_fn;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
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
    /// Runs the retries in a spawned task: dropping the call does not stop
    /// them.
    Detached,
    /// Its backoff is a future that never registers a waker: nothing wakes
    /// the call when the wait is over.
    LostWakeup,
    /// Reads the reply with one `read`: a reply that arrives in pieces is
    /// taken for what the first piece holds.
    OneRead,
    /// Takes a reply cut off by a closed connection for a whole one.
    TruncatedReply,
    /// Reads until the peer closes the connection, then takes the first line:
    /// a peer that keeps the connection open holds the call.
    ReadsToEnd,
}

impl Mutant {
    /// Every mutant, in the kata's order of steps.
    pub const ALL: [Mutant; 14] = [
        Mutant::ConstantBackoff,
        Mutant::LinearBackoff,
        Mutant::WaitsFirst,
        Mutant::WholeCallTimeout,
        Mutant::NoTimeout,
        Mutant::NoWaitAfterTimeout,
        Mutant::NeverGivesUp,
        Mutant::FiveAttempts,
        Mutant::RetriesNotFound,
        Mutant::Detached,
        Mutant::LostWakeup,
        Mutant::OneRead,
        Mutant::TruncatedReply,
        Mutant::ReadsToEnd,
    ];

    /// Its short name, as the tests' timelines draw it.
    pub fn name(self) -> &'static str {
        match self {
            Mutant::ConstantBackoff => "constant backoff",
            Mutant::LinearBackoff => "linear backoff",
            Mutant::WaitsFirst => "waits first",
            Mutant::WholeCallTimeout => "whole-call timeout",
            Mutant::NoTimeout => "no timeout",
            Mutant::NoWaitAfterTimeout => "no wait on timeout",
            Mutant::NeverGivesUp => "never gives up",
            Mutant::FiveAttempts => "five attempts",
            Mutant::RetriesNotFound => "retries 404",
            Mutant::Detached => "detached retries",
            Mutant::LostWakeup => "lost wakeup",
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
    /// The client as the module's documentation describes it.
    pub fn reference() -> Client {
        Client { bug: None }
    }

    /// The client with one bug.
    pub fn mutant(bug: Mutant) -> Client {
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
        if self.has(Mutant::Detached) {
            let client = Client::reference();
            let path = path.to_owned();
            let task = tokio::spawn(async move { client.retry(connect, &path).await });
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
            let mut conn = connect();
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
            if self.has(Mutant::OneRead) || line.contains(&b'\n') {
                break;
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
