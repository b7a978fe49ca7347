//! Kata 23, testing async: one test per step of the README.
//!
//! Compiled twice, against the kata and against its reference solution, so
//! both are judged by the same tests and the same snapshots.
//!
//! Here the learner writes the tests: each step's check is run against the
//! right client (it must return) and against the step's mutants (each must
//! make it panic), every run on a fresh current_thread runtime with a paused
//! clock, hushed (a check's panic against a mutant is what we want, and is
//! not printed), its panic caught. The timeline has one row per client, its
//! last mark the verdict: `]` the check returned (passed it), `*` it
//! panicked (failed it: the mutant was caught), `x` it hung (cut off at 60 s
//! of virtual time).
//!
//! No verdict depends on real time (the machine may be loaded): a real
//! sleep is judged by its effect, which on a paused clock is none. A check
//! that waited on the real clock for the client fails the correct client
//! with the clock still at 0 ms, which is what its message names; the real
//! time a run took only adds a fact to a failure that already happened.

use std::any::Any;
use std::future::Future;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::{Duration, Instant as RealInstant};

#[cfg(not(feature = "reference"))]
use testing_async as kata;
#[cfg(feature = "reference")]
use testing_async_solution as kata;
use tokio::runtime::{Builder, Runtime};
use world::retry::{Client, Ledger, Mutant, ledger};
use world::trace::Fill;
use world::{Span, World, assert_timeline, within};

/// How long a check may take against one client, in virtual time, before it
/// counts as hung.
const VIRTUAL_LIMIT: Duration = Duration::from_secs(60);
/// How long a check cut off at [`VIRTUAL_LIMIT`] is let run on, in virtual
/// time (free on the paused clock), to tell a check with no bound from one
/// whose bound or scripted wait is simply longer than the limit.
const LATE_LIMIT: Duration = Duration::from_secs(600);
/// The shortest real wait a real-clock check of this client would take
/// (the first backoff). Used only to word a verdict already reached (a
/// failure with the clock at 0 ms, a mutant let through), never to decide
/// one.
const REAL_WAIT: Duration = Duration::from_millis(100);

/// What became of one run of a check.
enum Verdict {
    /// It returned.
    Passed,
    /// It panicked, with this message, `at` this virtual time, after
    /// `finished` calls of the client had finished.
    Failed {
        msg: String,
        at: Duration,
        finished: u64,
    },
    /// It was still waiting after [`VIRTUAL_LIMIT`]; what it did when let
    /// run on.
    Hung(Late),
}

/// What a check cut off at [`VIRTUAL_LIMIT`] did when let run on to
/// [`LATE_LIMIT`].
enum Late {
    /// It panicked then, with this message.
    Failed { msg: String, at: Duration },
    /// It returned then.
    Passed { at: Duration },
    /// It was still waiting.
    Never,
}

struct Run {
    client: Client,
    verdict: Verdict,
    /// How many clients the check made of its own.
    made: u64,
    /// How many times the check's `connect` panicked (see `Ledger`).
    connect_panics: u64,
    real: Duration,
}

/// A future that catches a panic of the future it wraps, in its polls and
/// in its drop (a `tokio_test::io::Mock` with script left panics when it is
/// dropped), and answers it as an error.
struct CatchPanic<F> {
    inner: Option<Pin<Box<F>>>,
}

impl<F: Future<Output = ()>> Future for CatchPanic<F> {
    type Output = Result<(), Box<dyn Any + Send>>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let Some(inner) = self.inner.as_mut() else {
            return Poll::Ready(Ok(()));
        };
        let polled = catch_unwind(AssertUnwindSafe(|| inner.as_mut().poll(cx)));
        match polled {
            Ok(Poll::Pending) => Poll::Pending,
            Ok(Poll::Ready(())) => {
                let done = self.inner.take();
                Poll::Ready(catch_unwind(AssertUnwindSafe(|| drop(done))))
            }
            Err(panic) => {
                let done = self.inner.take();
                let _ = catch_unwind(AssertUnwindSafe(|| drop(done)));
                Poll::Ready(Err(panic))
            }
        }
    }
}

impl<F> Drop for CatchPanic<F> {
    fn drop(&mut self) {
        let inner = self.inner.take();
        let _ = catch_unwind(AssertUnwindSafe(|| drop(inner)));
    }
}

fn message(panic: &(dyn Any + Send)) -> String {
    panic
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
        .unwrap_or_else(|| "(a panic with no message)".to_owned())
}

/// The learner's panic message on one line, as the runner quotes a failure
/// by its first line: an `assert_eq!`'s two values beside its message.
fn one_line(msg: &str) -> String {
    let mut head = Vec::new();
    let mut values = Vec::new();
    for line in msg.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if line.starts_with("left:") || line.starts_with("right:") {
            values.push(line);
        } else {
            head.push(line);
        }
    }
    let head = head.join(" ");
    if values.is_empty() {
        head
    } else {
        format!("{head} ({})", values.join(", "))
    }
}

fn paused_runtime() -> Runtime {
    Builder::new_current_thread()
        .enable_all()
        .start_paused(true)
        .build()
        .expect("cannot build a runtime for the check")
}

/// Runs `check` against `client` on a runtime of its own, as
/// `#[tokio::test(start_paused = true)]` would, with its panics unprinted.
fn run<C, F>(check: &C, bug: Option<Mutant>) -> Run
where
    C: Fn(Client) -> F,
    F: Future<Output = ()>,
{
    world::hushed(|| {
        let client = bug.map_or_else(Client::reference, Client::mutant);
        let runtime = paused_runtime();
        let before = ledger();
        let began = RealInstant::now();
        let limit = (VIRTUAL_LIMIT + LATE_LIMIT).as_secs() + 60;
        let verdict = runtime.block_on(within(limit, async {
            let start = tokio::time::Instant::now();
            let finished = |now: Ledger| now.finished - before.finished;
            let mut caught = CatchPanic {
                inner: Some(Box::pin(check(client))),
            };
            match tokio::time::timeout(VIRTUAL_LIMIT, &mut caught).await {
                Ok(Ok(())) => Verdict::Passed,
                Ok(Err(panic)) => Verdict::Failed {
                    msg: message(panic.as_ref()),
                    at: start.elapsed(),
                    finished: finished(ledger()),
                },
                Err(_) => Verdict::Hung(match tokio::time::timeout(LATE_LIMIT, caught).await {
                    Ok(Ok(())) => Late::Passed {
                        at: start.elapsed(),
                    },
                    Ok(Err(panic)) => Late::Failed {
                        msg: message(panic.as_ref()),
                        at: start.elapsed(),
                    },
                    Err(_) => Late::Never,
                }),
            }
        }));
        let real = began.elapsed();
        let after = ledger();
        let (made, connect_panics) = (
            after.made - before.made,
            after.connect_panics - before.connect_panics,
        );
        // Tasks the check or the client left behind are dropped with the
        // runtime; their mocks may panic as they go.
        let _ = catch_unwind(AssertUnwindSafe(|| drop(runtime)));
        Run {
            client,
            verdict,
            made,
            connect_panics,
            real,
        }
    })
}

/// The row a client's verdict is drawn on.
fn row(client: Client) -> String {
    match client.bug() {
        None => "correct client".to_owned(),
        Some(bug) => format!("mutant {}", bug.name()),
    }
}

fn name(client: Client) -> &'static str {
    client.bug().map_or("the correct client", Mutant::name)
}

/// Closes `span` as a call that panicked (`*`): the check did, which is how
/// it failed the client. The unwinding is resumed, not raised, so no panic
/// hook prints it.
fn panicked(span: Span) {
    let _ = catch_unwind(AssertUnwindSafe(move || {
        let _span = span;
        std::panic::resume_unwind(Box::new(()));
    }));
}

/// Seconds, as a message writes them: `60.1`.
fn secs(d: Duration) -> String {
    let tenths = d.as_millis().div_ceil(100);
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// What the check itself did while `run` let its mutant through, when that
/// explains it better than the mutant's advice alone: its `connect` gave
/// out (a panic in a task the client spawned never reaches the check), or
/// it waited on the real clock, which the paused clock and the client's
/// tasks never see.
fn how_it_slipped(run: &Run) -> String {
    if run.connect_panics > 0 {
        let panics = run.connect_panics;
        return world::say!(
            en: "While it ran, your check's connect panicked {panics} time(s): the client asked \
                 it for one more connection than your check had scripted, inside a task the \
                 client spawned, where a panic never reaches your check. So the attempt was \
                 never counted, and the count you asserted could not grow. Give connect a peer \
                 for every call (one that fails, once the scripted ones are used up) and count \
                 every call. The mutant: ",
            ko: "이번 실행에서 여러분의 `connect`가 {panics}번 패닉했습니다: 클라이언트가 \
                 검사에서 스크립트한 것보다 커넥션을 하나 더 요청했는데, 그 요청은 \
                 클라이언트가 spawn한 태스크 안에서 일어났고, 거기서 난 패닉은 검사까지 \
                 전해지지 않습니다. 그래서 그 시도는 세어지지 않았고, assert한 횟수도 늘어날 \
                 수 없었습니다. `connect`가 호출마다 상대를 내주게 하고(스크립트한 상대를 다 \
                 쓴 뒤에는 실패하는 상대를) 호출을 빠짐없이 세십시오. 이 뮤턴트는 ",
        );
    }
    if run.real >= REAL_WAIT {
        let real = run.real.as_millis();
        return world::say!(
            en: "This run took {real} ms of real time: your check waited on the real clock \
                 (std::thread::sleep, a busy wait), which blocks the runtime's only thread: \
                 nothing the client spawned ran meanwhile, and the paused clock did not move. \
                 The mutant: ",
            ko: "이번 실행에는 실제 시간으로 {real} ms가 걸렸습니다: 검사가 \
                 `std::thread::sleep`이나 바쁜 대기로 실제 시계에 맞춰 기다렸고, 그동안 \
                 런타임의 하나뿐인 스레드가 블로킹되었습니다. 그래서 클라이언트가 spawn한 \
                 태스크는 하나도 실행되지 않았고, 멈춘 시계의 시각도 그대로였습니다. 이 \
                 뮤턴트는 ",
        );
    }
    String::new()
}

/// Why a mutant that slipped through matters, and what catches it.
fn slipped(bug: Mutant) -> String {
    match bug {
        Mutant::ConstantBackoff => world::say!(
            en: "it waits 100 ms every time (attempts at 0, 100, 200, 300 ms): a backoff that \
                 does not double hammers a peer that is down. Note when each attempt starts (in \
                 `connect`, with tokio::time::Instant) and assert all four instants: 0, 100, \
                 300, 700 ms",
            ko: "매번 100 ms를 기다립니다(시도가 0, 100, 200, 300 ms): 두 배로 늘지 않는 \
                 백오프는 죽어 있는 상대를 계속 두드립니다. 시도마다 시작 시각을 \
                 (`connect`에서 `tokio::time::Instant`로) 적어 두고 네 시각을 모두 \
                 assert하십시오: 0, 100, 300, 700 ms",
        ),
        Mutant::LinearBackoff => world::say!(
            en: "it waits 100, 200, then 300 ms (attempts at 0, 100, 300, 600 ms): it agrees \
                 with the right client for the first two waits, so a check of the first gaps \
                 only, or of the attempt count, cannot see it. Assert the fourth attempt too: \
                 at 700 ms",
            ko: "100, 200, 300 ms를 기다립니다(시도가 0, 100, 300, 600 ms): 처음 두 번의 \
                 대기는 올바른 클라이언트와 같아서, 처음 몇 간격이나 시도 횟수만 보는 \
                 검사로는 보이지 않습니다. 네 번째 시도도 assert하십시오: 700 ms입니다",
        ),
        Mutant::WaitsFirst => world::say!(
            en: "it waits before the first attempt too (attempts at 100, 300, 700, 1500 ms): \
                 each wait is still twice the one before, so a check of the ratios between \
                 gaps cannot see it. Assert the instants themselves, from the start of the \
                 call: the first attempt at 0 ms",
            ko: "첫 시도 전에도 기다립니다(시도가 100, 300, 700, 1500 ms): 대기 시간은 여전히 \
                 직전의 두 배라서, 간격의 비율만 보는 검사로는 보이지 않습니다. 호출이 시작된 \
                 때부터 잰 시각 자체를 assert하십시오: 첫 시도는 0 ms입니다",
        ),
        Mutant::WholeCallTimeout => world::say!(
            en: "its 1 s timeout wraps the whole call, not each attempt: after a silent first \
                 attempt it fails at 1000 ms instead of retrying. Script a silent peer, then \
                 one that answers, and assert the answer: Ok(\"hello\")",
            ko: "1초 타임아웃이 시도마다가 아니라 호출 전체를 감쌉니다: 첫 시도에 응답이 \
                 없으면 재시도하지 않고 1000 ms에 실패합니다. 응답 없는 상대, 그다음 답하는 \
                 상대를 스크립트로 만들고 답을 assert하십시오: `Ok(\"hello\")`",
        ),
        Mutant::NoTimeout => world::say!(
            en: "it has no timeout at all: a silent peer holds the attempt as long as its \
                 script says. Script a silent peer first (a long `.wait` after the request) \
                 and assert that the second attempt starts at 1100 ms",
            ko: "타임아웃이 아예 없습니다: 응답 없는 상대가 스크립트대로 시도를 붙들고 \
                 있습니다. 먼저 응답 없는 상대를(요청 다음에 긴 `.wait`) 스크립트로 만들고, \
                 두 번째 시도가 1100 ms에 시작하는지 assert하십시오",
        ),
        Mutant::NoWaitAfterTimeout => world::say!(
            en: "it retries at once after a timed-out attempt, without the 100 ms wait (the \
                 second attempt at 1000 ms, not 1100): its answer is the right one, so only \
                 the time tells it apart. Assert when the second attempt starts: 1100 ms",
            ko: "타임아웃된 시도 다음에 100 ms를 기다리지 않고 바로 재시도합니다(두 번째 \
                 시도가 1100이 아니라 1000 ms): 답은 맞기 때문에 시각으로만 구별됩니다. 두 \
                 번째 시도가 시작하는 시각을 assert하십시오: 1100 ms",
        ),
        Mutant::NeverGivesUp => world::say!(
            en: "it never gives up: it retries for as long as the peer fails. Hand out a \
                 failing peer on every attempt, bound the call with tokio::time::timeout, and \
                 assert Err(GaveUp {{ attempts: 4, .. }}) and 4 attempts at the peer",
            ko: "포기하지 않습니다: 상대가 실패하는 한 계속 재시도합니다. 시도마다 실패하는 \
                 상대를 내주고, 호출을 `tokio::time::timeout`으로 묶고, \
                 `Err(GaveUp {{ attempts: 4, .. }})`와 상대가 본 시도 4번을 assert하십시오",
        ),
        Mutant::FiveAttempts => world::say!(
            en: "it makes 5 attempts and still reports `attempts: 4` in its error: a check \
                 that trusts the error's own count cannot see it. Count the attempts where \
                 they happen, in `connect`, and assert 4 (and the time it gave up: 700 ms)",
            ko: "5번 시도하고도 에러에는 `attempts: 4`라고 적습니다: 에러가 스스로 센 횟수를 \
                 믿는 검사로는 보이지 않습니다. 시도가 일어나는 곳, `connect`에서 세고 4를 \
                 assert하십시오(포기하는 시각 700 ms도)",
        ),
        Mutant::RetriesNotFound => world::say!(
            en: "it retries a 404 like a 503 and answers Err(NotFound) after the fourth \
                 attempt, at 700 ms: the answer is the right one, so only the count or the \
                 time tells it apart. Assert one attempt at the peer, answered at 0 ms",
            ko: "404를 503처럼 재시도하고 네 번째 시도 뒤 700 ms에 `Err(NotFound)`로 답합니다: \
                 답은 맞기 때문에 횟수나 시각으로만 구별됩니다. 상대가 본 시도가 1번이고 0 \
                 ms에 답했는지 assert하십시오",
        ),
        Mutant::WaitsAfterLast => world::say!(
            en: "it waits once more after the fourth attempt (800 ms) before it gives up: \
                 the call fails at 1500 ms, not 700. Its attempts and its error are the right \
                 ones, so only the time it answers tells it apart. Assert when the call \
                 returned: at 700 ms",
            ko: "네 번째 시도 뒤에 한 번 더(800 ms) 기다린 다음에 포기합니다: 호출이 700이 \
                 아니라 1500 ms에 실패합니다. 시도와 에러는 맞기 때문에 답하는 시각으로만 \
                 구별됩니다. 호출이 반환된 시각을 assert하십시오: 700 ms입니다",
        ),
        Mutant::BackgroundRetries => world::say!(
            en: "it gives up at 700 ms after 4 attempts, as it should, and then starts over in \
                 a spawned task: the peer is still hammered after the caller got its error. \
                 Everything the call returns is right, so only a count taken later tells it \
                 apart. After the call returns, let time pass with tokio::time::sleep (free on \
                 a paused clock) and assert the count is still 4",
            ko: "700 ms에 시도 4번 뒤 제대로 포기하고, 그다음 spawn한 태스크에서 처음부터 다시 \
                 시작합니다: 호출자가 에러를 받은 뒤에도 상대는 계속 두드려집니다. 호출이 \
                 반환하는 것은 모두 맞기 때문에 나중에 센 횟수로만 구별됩니다. 호출이 반환된 \
                 뒤 `tokio::time::sleep`으로 시간을 흘리고(멈춘 시계에서는 비용이 없습니다) \
                 횟수가 여전히 4인지 assert하십시오",
        ),
        Mutant::Detached => world::say!(
            en: "it runs its retries in a spawned task and awaits it: its first poll makes no \
                 attempt (the task has not run yet), and dropping the call leaves the task \
                 retrying. Poll the call once with tokio_test::task::spawn and assert one \
                 attempt; drop it while it waits, let time pass with tokio::time::sleep, and \
                 assert that no attempt came after",
            ko: "재시도를 spawn한 태스크에서 돌리고 그 태스크를 await합니다: 첫 poll에는 시도가 \
                 없고(태스크가 아직 실행되지 않았습니다), 호출을 drop해도 태스크는 계속 \
                 재시도합니다. `tokio_test::task::spawn`으로 호출을 한 번 poll하고 시도 \
                 1번을 assert하십시오. 호출이 기다리는 동안 drop하고 `tokio::time::sleep`으로 \
                 시간을 흘린 뒤 그 뒤로 시도가 없었는지 assert하십시오",
        ),
        Mutant::LostWakeup => world::say!(
            en: "its wait returns Pending without registering the waker: when the 100 ms are \
                 over, nothing wakes the call. Drive it with tokio_test::task::spawn, advance \
                 the paused clock by 100 ms (tokio::time::advance) and assert is_woken()",
            ko: "대기가 `Waker`를 등록하지 않고 `Pending`을 반환합니다: 100 ms가 지나도 호출을 \
                 깨우는 것이 없습니다. `tokio_test::task::spawn`으로 직접 poll하고, 멈춘 \
                 시계를 100 ms 옮긴 뒤(`tokio::time::advance`) `is_woken()`을 \
                 assert하십시오",
        ),
        Mutant::WakesEarly => world::say!(
            en: "each of its waits is 1 ms short (99 ms, not 100): it wakes, and retries, a \
                 tick before its backoff is over. Advanced by 100 ms at once it looks right; \
                 only a look at the instant before catches it. Advance the paused clock by \
                 99 ms and assert !is_woken(), then 1 ms more and assert is_woken()",
            ko: "대기가 매번 1 ms 짧습니다(100이 아니라 99 ms): 백오프가 끝나기 한 틱 전에 \
                 깨어나 재시도합니다. 한 번에 100 ms를 옮기면 맞아 보이고, 바로 앞 시각을 봐야 \
                 잡힙니다. 멈춘 시계를 99 ms 옮기고 `!is_woken()`을, 1 ms 더 옮기고 \
                 `is_woken()`을 assert하십시오",
        ),
        Mutant::RetriesAfterDrop => world::say!(
            en: "dropped while it waits, it hands the rest of its retries to a spawned task: a \
                 caller that gave up on it (a timeout, a select! that took another branch) \
                 still hammers the peer. Its first poll and its answer are right, so only a \
                 dropped call tells it apart. Poll a call once, drop it, let time pass with \
                 tokio::time::sleep, and assert that no attempt came after",
            ko: "기다리는 동안 drop되면 남은 재시도를 spawn한 태스크에 넘깁니다: 호출을 포기한 \
                 호출자(타임아웃, 다른 분기를 고른 `select!`)가 여전히 상대를 두드립니다. 첫 \
                 poll과 답은 맞기 때문에 drop한 호출로만 구별됩니다. 호출을 한 번 poll하고 \
                 drop한 뒤 `tokio::time::sleep`으로 시간을 흘리고, 그 뒤로 시도가 없었는지 \
                 assert하십시오",
        ),
        Mutant::OneRead => world::say!(
            en: "it reads a reply with one read and takes one that is not whole in it for \
                 one cut off: a reply in one piece, or cut off, does not tell it from the \
                 correct client at all; only a peer whose reply arrives in pieces \
                 (.read(b\"20\").read(b\"0 hel\").read(b\"lo\\n\")) does: every attempt \
                 fails. Script the reply in pieces and assert Ok(\"hello\") from one attempt",
            ko: "응답을 `read` 한 번으로 읽고, 그 한 번에 다 오지 않은 응답은 잘린 응답으로 \
                 여깁니다: 한 조각으로 오는 응답이나 잘린 응답으로는 올바른 클라이언트와 전혀 \
                 구별되지 않고, 응답이 조각으로 오는 상대\
                 (`.read(b\"20\").read(b\"0 hel\").read(b\"lo\\n\")`)만 구별해 냅니다. 이런 \
                 상대를 만나면 시도가 모두 실패합니다. 응답을 조각으로 스크립트하고 시도 \
                 1번으로 `Ok(\"hello\")`를 assert하십시오",
        ),
        Mutant::TruncatedReply => world::say!(
            en: "it takes a reply cut off by a closed connection (`200 hel`, then nothing) \
                 for the answer `hel`. Script a peer that closes mid-reply, then one that \
                 answers, and assert Ok(\"hello\") from the second attempt",
            ko: "커넥션이 닫혀 잘린 응답(`200 hel` 다음에 아무것도 없음)을 답 `hel`로 받습니다. \
                 응답 도중에 닫는 상대, 그다음 답하는 상대를 스크립트하고 두 번째 시도의 \
                 `Ok(\"hello\")`를 assert하십시오",
        ),
        Mutant::ReadsToEnd => world::say!(
            en: "it reads until the peer closes the connection: a peer that answers and \
                 keeps the connection open holds the call until the attempt times out. \
                 Script a `.wait` after the reply and assert the answer at 0 ms",
            ko: "상대가 커넥션을 닫을 때까지 읽습니다: 답한 뒤 커넥션을 열어 두는 상대는 \
                 시도가 타임아웃될 때까지 호출을 붙들어 둡니다. 응답 다음에 `.wait`를 스크립트하고 0 ms에 \
                 답이 오는지 assert하십시오",
        ),
    }
}

/// Runs `check` against the correct client and each of `bugs`, draws the
/// verdicts, and asserts them in words: the most specific finding first.
/// `snapshot` asserts the drawn verdicts against the step's timeline.
fn judge<C, F>(check: C, bugs: &[Mutant], snapshot: impl FnOnce(&World))
where
    C: Fn(Client) -> F,
    F: Future<Output = ()>,
{
    let mut runs = vec![run(&check, None)];
    if let Verdict::Failed { msg, .. } = &runs[0].verdict
        && msg.contains("not yet implemented")
    {
        // The step is not written yet: say so as the other katas do.
        panic!("{}", world::say!(en: "{msg}", ko: "{msg}"));
    }
    for &bug in bugs {
        runs.push(run(&check, Some(bug)));
    }

    let drawing = paused_runtime();
    drawing.block_on(async {
        let world = World::start();
        let spans: Vec<_> = runs
            .iter()
            .map(|run| world.span(&row(run.client), "", Fill::Work))
            .collect();
        tokio::time::advance(Duration::from_millis(100)).await;
        for (run, span) in runs.iter().zip(spans) {
            match run.verdict {
                Verdict::Passed => span.end(Some("passed")),
                Verdict::Failed { .. } => panicked(span),
                Verdict::Hung(_) => drop(span),
            }
        }
        assert_verdicts(&runs);
        snapshot(&world);
    });
}

fn assert_verdicts(runs: &[Run]) {
    if let Some(own) = runs.iter().find(|run| run.made > 0) {
        let made = own.made;
        panic!(
            "{}",
            world::say!(
                en: "your check made a client of its own ({made} of them, with \
                     Client::reference() or Client::mutant()): a check tests the client it is \
                     handed, its argument `client`, and nothing else. Comparing that client with \
                     a reference of your own is a differential test, and it is only as good as \
                     its reference: in real code there is none to trust, the code under test is \
                     the only client there is. Assert what the README says the client does: when \
                     each attempt starts, how many there are, what the call answers, and when",
                ko: "여러분의 검사가 클라이언트를 직접 만들었습니다(`Client::reference()`나 \
                     `Client::mutant()`로 {made}개): 검사는 넘겨받은 클라이언트, 인자 `client`만 \
                     테스트합니다. 그 클라이언트를 직접 만든 레퍼런스와 비교하는 것은 차등 \
                     테스트이고, 차등 테스트는 레퍼런스만큼만 믿을 수 있습니다: 실제 코드에는 \
                     믿을 레퍼런스가 없고, 테스트 대상 코드가 유일한 클라이언트입니다. README가 \
                     말하는 클라이언트의 동작을 assert하십시오: 시도마다 시작하는 시각, 시도 \
                     횟수, 호출의 답과 그 시각입니다",
            )
        );
    }
    let right = &runs[0];
    match &right.verdict {
        Verdict::Passed => {}
        Verdict::Failed { msg, .. } if msg.contains("time is already frozen") => panic!(
            "{}",
            world::say!(
                en: "your check calls tokio::time::pause(), and the clock is already paused \
                     when your check starts (the tests run it as #[tokio::test(start_paused = \
                     true)] would): tokio panics with \"time is already frozen\", against the \
                     correct client too. Delete the call; the clock is paused for you",
                ko: "여러분의 검사가 `tokio::time::pause()`를 호출하는데, 검사가 시작할 때 시계는 \
                     이미 멈춰 있습니다(테스트는 검사를 `#[tokio::test(start_paused = true)]`처럼 \
                     실행합니다): tokio가 `time is already frozen`으로 패닉하고, 올바른 \
                     클라이언트 상대로도 그렇습니다. 그 호출을 지우십시오. 시계는 이미 멈춰 \
                     있습니다",
            )
        ),
        Verdict::Failed { msg, at, finished } if at.is_zero() && *finished == 0 => {
            let msg = one_line(msg);
            let real = if right.real >= REAL_WAIT {
                let real = right.real.as_millis();
                world::say!(
                    en: " This run took {real} ms of real time: it did wait, on the real clock.",
                    ko: " 이번 실행에는 실제 시간 {real} ms가 걸렸습니다: 실제 시계로 \
                         기다렸습니다.",
                )
            } else {
                String::new()
            };
            panic!(
                "{}",
                world::say!(
                    en: "your check fails the correct client, and when it panicked the paused \
                         clock still read 0 ms and no call of the client had finished: nothing \
                         in your check let virtual time pass, so the client never got to its \
                         next attempt (its first wait ends at 100 ms). Either your check moves \
                         the clock with a future it never awaits (tokio::time::advance(d) is an \
                         async fn: without .await it does nothing, and rustc warns \"unused \
                         implementer of `Future` that must be used\"), or it waits on the real \
                         clock (std::thread::sleep, a busy wait on std::time::Instant), which \
                         blocks the runtime's only thread and never moves the paused clock. \
                         Write tokio::time::advance(d).await, or await the call.{real} Your \
                         check panicked with: {msg}",
                    ko: "여러분의 검사가 올바른 클라이언트를 실패시키는데, 패닉했을 때 멈춘 시계는 \
                         아직 0 ms였고 끝난 호출이 하나도 없었습니다: 검사 안의 어떤 것도 가상 \
                         시간을 흐르게 하지 않아서, 클라이언트가 다음 시도에 이르지 \
                         못했습니다(첫 대기는 100 ms에 끝납니다). 둘 중 하나입니다. 검사가 await하지 \
                         않는 future로 시계를 옮기려 했거나(`tokio::time::advance(d)`는 async fn이라 \
                         `.await` 없이는 아무것도 하지 않고, rustc가 ``unused implementer of \
                         `Future` that must be used``라고 경고합니다), 실제 시계로 \
                         기다렸습니다(`std::thread::sleep`, `std::time::Instant`로 하는 바쁜 \
                         대기). 실제 시계로 기다리면 런타임의 유일한 스레드가 블로킹되고 멈춘 \
                         시계는 움직이지 않습니다. `tokio::time::advance(d).await`라고 쓰거나 호출을 \
                         await하십시오.{real} 여러분의 검사가 낸 패닉: {msg}",
                )
            );
        }
        Verdict::Failed { msg, .. } => {
            let msg = one_line(msg);
            panic!(
                "{}",
                world::say!(
                    en: "your check fails the correct client: a check that fails right code is \
                         a false alarm, and a test that cries wolf gets ignored. The correct \
                         client does what the README's \"The client under test\" says, exactly, \
                         on the paused clock: read the times with tokio::time::Instant (not \
                         std::time::Instant), script each mock to end where the client stops (a \
                         Mock dropped with a read or a write left in its script panics), and \
                         assert at the instant the README gives. Your check panicked with: {msg}",
                    ko: "여러분의 검사가 올바른 클라이언트를 실패시킵니다: 맞는 코드를 실패시키는 \
                         검사는 오경보이고, 양치기 소년 같은 테스트는 결국 무시당합니다. 올바른 \
                         클라이언트는 멈춘 시계에서 README의 \"테스트 대상 클라이언트\"가 말하는 \
                         대로 정확히 동작합니다: 시각은 (`std::time::Instant`가 아니라) \
                         `tokio::time::Instant`로 읽고, mock마다 클라이언트가 멈추는 곳에서 \
                         스크립트가 끝나게 하고(읽기나 쓰기가 남은 채 drop된 `Mock`은 \
                         패닉합니다), README가 말하는 시각에 assert하십시오. 여러분의 검사가 \
                         낸 패닉: {msg}",
                )
            );
        }
        Verdict::Hung(late) => {
            let ended = match late {
                Late::Never => String::new(),
                Late::Passed { at } | Late::Failed { at, .. } => {
                    let at = secs(*at);
                    world::say!(
                        en: " (let run on, it ended at {at} s)",
                        ko: "(계속 실행하게 두었더니 {at}초에 끝났습니다)",
                    )
                }
            };
            panic!(
                "{}",
                world::say!(
                    en: "your check did not finish against the correct client within 60 s of \
                         virtual time{ended}: it waits for something that never comes, or comes \
                         late (a peer scripted to stay silent, a count that never changes). The \
                         correct client answers within 1.1 s in every scenario of this kata; \
                         bound each call with tokio::time::timeout, well under 60 s",
                    ko: "여러분의 검사가 올바른 클라이언트 상대로 가상 시간 60초 안에 끝나지 \
                         않았습니다{ended}: 오지 않거나 늦게 오는 무언가를 기다립니다(응답하지 \
                         않게 스크립트한 상대, 변하지 않는 횟수). 올바른 클라이언트는 이 kata의 \
                         어느 시나리오에서도 1.1초 안에 답합니다. 호출마다 \
                         `tokio::time::timeout`으로, 60초보다 충분히 짧게 묶으십시오",
                )
            );
        }
    }
    if let Some(first) = runs[1..]
        .iter()
        .find(|run| matches!(run.verdict, Verdict::Hung(_)))
    {
        let mutant = name(first.client);
        let Verdict::Hung(late) = &first.verdict else {
            unreachable!("found hung")
        };
        match late {
            Late::Failed { msg, at } => {
                let at = secs(*at);
                let msg = one_line(msg);
                panic!(
                    "{}",
                    world::say!(
                        en: "your check hung against the mutant `{mutant}`: it did fail it, but \
                             only at {at} s of virtual time, after the 60 s a check has, so it \
                             was cut off at 60 s. It is bounded, too loosely: whatever ended it \
                             (a timeout of more than 60 s around the call, or a silent peer \
                             whose .wait ran out, after which the client moves on) came after \
                             the limit. Bound the call well under 60 s: 10 s is plenty, the \
                             correct client answers within 1.1 s; and script the silent peer's \
                             .wait longer than that bound (an hour costs nothing). Your check \
                             panicked at {at} s with: {msg}",
                        ko: "여러분의 검사가 `{mutant}` 뮤턴트 상대로 멈췄습니다: 실패시키기는 \
                             했지만 가상 시간 {at}초에야 실패시켰고, 검사에 주어진 60초가 지난 \
                             뒤였으므로 60초에 잘라 냈습니다. 묶여 있기는 하지만 너무 느슨합니다: 검사를 \
                             끝낸 것(호출을 감싼 60초보다 긴 타임아웃, 또는 `.wait`가 끝나 \
                             클라이언트가 다음으로 넘어가게 한 응답 없는 상대)이 한도 뒤에 \
                             왔습니다. 호출을 60초보다 충분히 짧게 묶으십시오: 10초면 넉넉하고, \
                             올바른 클라이언트는 1.1초 안에 답합니다. 응답 없는 상대의 `.wait`는 \
                             그 한도보다 길게 스크립트하십시오(한 시간이어도 비용이 없습니다). \
                             여러분의 검사는 {at}초에 이렇게 패닉했습니다: {msg}",
                    )
                );
            }
            Late::Passed { at } => {
                let at = secs(*at);
                panic!(
                    "{}",
                    world::say!(
                        en: "your check hung against the mutant `{mutant}`: it was still waiting \
                             after 60 s of virtual time, and was cut off; let run on, it \
                             returned at {at} s, passing the mutant. Bound the call well under \
                             60 s (10 s is plenty: the correct client answers within 1.1 s), and \
                             assert what this mutant gets wrong",
                        ko: "여러분의 검사가 `{mutant}` 뮤턴트 상대로 멈췄습니다: 가상 시간 60초가 \
                             지나도 기다리고 있어서 잘라 냈습니다. 계속 실행하게 두었더니 \
                             {at}초에 반환했고, 뮤턴트를 통과시켰습니다. 호출을 60초보다 충분히 \
                             짧게 묶고(10초면 넉넉합니다. 올바른 클라이언트는 1.1초 안에 \
                             답합니다) 이 뮤턴트가 틀리는 것을 assert하십시오",
                    )
                );
            }
            Late::Never => panic!(
                "{}",
                world::say!(
                    en: "your check hung against the mutant `{mutant}`: it was still waiting \
                         after 60 s of virtual time, and was cut off (let run on for 10 minutes \
                         more, it was still waiting). A test that hangs is not a test that \
                         fails: CI kills it after minutes, with no message. Bound the call with \
                         tokio::time::timeout (free on a paused clock), well under 60 s, and \
                         panic when it fires",
                    ko: "여러분의 검사가 `{mutant}` 뮤턴트 상대로 멈췄습니다: 가상 시간 60초가 \
                         지나도 기다리고 있어서 잘라 냈습니다(10분 더 실행하게 두어도 여전히 \
                         기다렸습니다). 멈추는 테스트는 실패하는 테스트가 아닙니다: CI는 몇 분 \
                         뒤 아무 메시지 없이 그것을 죽입니다. 호출을 `tokio::time::timeout`으로 \
                         60초보다 충분히 짧게 묶고(멈춘 시계에서는 비용이 없습니다) 타임아웃이 \
                         나면 패닉하십시오",
                )
            ),
        }
    }
    let passed: Vec<&Run> = runs[1..]
        .iter()
        .filter(|run| matches!(run.verdict, Verdict::Passed))
        .collect();
    if passed.len() == runs.len() - 1 && passed.len() > 1 {
        panic!(
            "{}",
            world::say!(
                en: "your check passed every client, each mutant too: it cannot tell a bug \
                     from the right code. Does it assert anything about when the attempts \
                     start, how many there are, and what the call answers?",
                ko: "여러분의 검사가 모든 클라이언트를, 뮤턴트까지 통과시켰습니다: 버그와 맞는 \
                     코드를 구별하지 못합니다. 시도가 언제 시작하는지, 몇 번인지, 호출이 무엇을 \
                     답하는지 assert하고 있습니까?",
            )
        );
    }
    if let Some(first) = passed.first() {
        let bug = first.client.bug().expect("a mutant");
        let mutant = bug.name();
        let why = format!("{}{}", how_it_slipped(first), slipped(bug));
        let others: Vec<&str> = passed[1..].iter().map(|run| name(run.client)).collect();
        let others = others.join(", ");
        let more = if others.is_empty() {
            String::new()
        } else {
            world::say!(
                en: " (slipped through too: {others})",
                ko: " (함께 빠져나간 뮤턴트: {others})",
            )
        };
        panic!(
            "{}",
            world::say!(
                en: "the mutant `{mutant}` slipped through your check{more}: it passed a client \
                     with a bug. {why}",
                ko: "`{mutant}` 뮤턴트가 여러분의 검사를 빠져나갔습니다{more}: 검사가 버그가 \
                     있는 클라이언트를 통과시켰습니다. {why}",
            )
        );
    }
}

#[world::step]
fn step1_backoff() {
    judge(
        kata::check_backoff,
        &[
            Mutant::ConstantBackoff,
            Mutant::LinearBackoff,
            Mutant::WaitsFirst,
        ],
        |world| assert_timeline!("step1_backoff", world),
    );
}

#[world::step]
fn step2_attempt_timeout() {
    judge(
        kata::check_attempt_timeout,
        &[
            Mutant::WholeCallTimeout,
            Mutant::NoTimeout,
            Mutant::NoWaitAfterTimeout,
        ],
        |world| assert_timeline!("step2_attempt_timeout", world),
    );
}

#[world::step]
fn step3_gives_up() {
    judge(
        kata::check_gives_up,
        &[
            Mutant::NeverGivesUp,
            Mutant::FiveAttempts,
            Mutant::RetriesNotFound,
            Mutant::WaitsAfterLast,
            Mutant::BackgroundRetries,
        ],
        |world| assert_timeline!("step3_gives_up", world),
    );
}

#[world::step]
fn step4_poll_by_poll() {
    judge(
        kata::check_poll_by_poll,
        &[
            Mutant::Detached,
            Mutant::LostWakeup,
            Mutant::WakesEarly,
            Mutant::RetriesAfterDrop,
        ],
        |world| assert_timeline!("step4_poll_by_poll", world),
    );
}

#[world::step]
fn step5_reply_reading() {
    judge(
        kata::check_reply_reading,
        &[Mutant::OneRead, Mutant::TruncatedReply, Mutant::ReadsToEnd],
        |world| assert_timeline!("step5_reply_reading", world),
    );
}
