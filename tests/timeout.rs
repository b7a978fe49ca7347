//! Kata 07, timeout: one test per step of the README.
//!
//! Compiled twice, against the kata and against its reference solution, so
//! both are judged by the same tests and the same snapshots.
//!
//! Every step asks two things: when the caller gets its answer, and what
//! became of the work. So each test lets the virtual clock run on after the
//! kata returns (to 8 s, past the 5 s the operation would take) before it
//! reads the trace: work that was cut short stays cut short, work that was
//! left running shows up finishing.

use std::future::Future;
use std::time::Duration;

#[cfg(not(feature = "reference"))]
use timeout as kata;
#[cfg(feature = "reference")]
use timeout_solution as kata;
use world::kit::ms;
use world::trace::SpanRecord;
use world::{Ending, Operation, Unreliable, World, assert_timeline, within};

/// How long a test lets the clock run, from the start, before it reads
/// the trace: past the 5 s of the slow operation.
const WATCH_UNTIL: Duration = Duration::from_secs(8);

/// Runs the kata call as the row `caller`, and answers what it returned and
/// when, on the virtual clock. Then lets the clock run on to
/// [`WATCH_UNTIL`], so that work the caller left behind can show itself.
async fn call<T>(world: &World, fut: impl Future<Output = T>) -> (T, Duration) {
    let output = within(10, world.track("caller", fut)).await;
    let returned_at = world.now();
    // Under `within` too: a task left spinning is named by its watchdog
    // rather than hanging the test.
    let rest = WATCH_UNTIL.saturating_sub(returned_at);
    within(10, tokio::time::sleep(rest)).await;
    (output, returned_at)
}

/// Like [`call`], and also what `slow_operation`'s span looked like at the
/// instant the caller got its answer, before anything else ran.
async fn call_seen<T>(
    world: &World,
    fut: impl Future<Output = T>,
) -> (T, Duration, Vec<SpanRecord>) {
    let output = within(10, world.track("caller", fut)).await;
    let returned_at = world.now();
    let seen = world.trace().spans_of("slow_operation");
    let rest = WATCH_UNTIL.saturating_sub(returned_at);
    within(10, tokio::time::sleep(rest)).await;
    (output, returned_at, seen)
}

/// The one span on `row`, or a message saying it never started.
fn only_span(world: &World, row: &str) -> SpanRecord {
    let spans = world.trace().spans_of(row);
    match spans.as_slice() {
        [span] => span.clone(),
        [] => panic!(
            "{}",
            world::say!(
                en: "{row} was never called (never polled)",
                ko: "`{row}` 호출이 한 번도 없었습니다(한 번도 poll되지 않았습니다)",
            )
        ),
        more => panic!(
            "{}",
            world::say!(
                en: "{row} was called {} times, not once",
                ko: "`{row}` 호출은 한 번이어야 하는데 {}번이었습니다",
                more.len()
            )
        ),
    }
}

/// What became of the span, in words for a message.
fn fate(span: &SpanRecord) -> String {
    let at = |end: Option<Duration>| end.map_or("?".to_owned(), |e| e.as_millis().to_string());
    match span.ending {
        Ending::Done => world::say!(
            en: "ran on and finished at {} ms",
            ko: "계속 실행되어 {} ms에 끝났습니다",
            at(span.end)
        ),
        Ending::Cancelled => world::say!(
            en: "was cancelled at {} ms",
            ko: "{} ms에 취소되었습니다",
            at(span.end)
        ),
        Ending::Failed => world::say!(
            en: "failed at {} ms",
            ko: "{} ms에 실패했습니다",
            at(span.end)
        ),
        Ending::Panicked => world::say!(
            en: "panicked at {} ms",
            ko: "{} ms에 패닉했습니다",
            at(span.end)
        ),
        Ending::Open => world::say!(en: "was still running", ko: "아직 실행 중이었습니다"),
    }
}

/// The operation was dropped at 3000 ms and rolled back then, in `Drop`.
fn assert_dropped_at_limit(world: &World, span: &SpanRecord, concept: &str) {
    assert_eq!(
        (span.ending, span.end),
        (Ending::Cancelled, Some(ms(3000))),
        "{}",
        world::say!(
            en: "{concept}, but slow_operation {}",
            ko: "{concept}. 그런데 `slow_operation`은 {}",
            fate(span)
        )
    );
    assert_eq!(
        world.trace().cleanups(),
        [(ms(3000), "slow_operation", "rolled back the half-done work")],
        "{}",
        world::say!(
            en: "a cancelled future's cleanup is its Drop: the operation rolls back at 3000 ms, \
                 when the timeout drops it",
            ko: "취소된 future의 정리는 그 future의 `Drop`이 합니다: 타임아웃이 작업을 drop하는 \
                 3000 ms에 작업이 롤백됩니다",
        )
    );
    assert_eq!(
        world.trace().finished_at(),
        ms(3000),
        "{}",
        world::say!(
            en: "nothing runs after the timeout: the last event is at 3000 ms",
            ko: "타임아웃 뒤에는 아무것도 실행되지 않습니다: 마지막 이벤트는 3000 ms입니다",
        )
    );
}

#[world::step]
async fn step1_slow_operation() {
    let world = World::start();
    let op = Operation::slow(&world);

    let (answer, returned_at) = call(&world, kata::with_timeout(&op)).await;

    assert_eq!(
        answer,
        Err(kata::TimedOut),
        "{}",
        world::say!(
            en: "the 5 s slow_operation under a 3 s limit times out: Err(TimedOut). (A deadline read \
                 from std::time::Instant never passes here: the tests run on tokio's paused clock, which \
                 std does not see. Time it with tokio::time.)",
            ko: "5 s 걸리는 `slow_operation`에 3 s 제한을 걸면 타임아웃되어 `Err(TimedOut)`이 \
                 됩니다. (`std::time::Instant`로 잰 데드라인은 여기서 절대 지나가지 않습니다: \
                 테스트는 tokio의 멈춘 시계로 돌고, std는 그 시계를 보지 못합니다. 시간은 \
                 `tokio::time`으로 재십시오.)",
        )
    );
    assert_eq!(
        returned_at,
        ms(3000),
        "{}",
        world::say!(
            en: "a timeout answers at the limit, 3000 ms, not when the work would have ended",
            ko: "타임아웃은 작업이 끝났을 시점이 아니라 제한 시간인 3000 ms에 답합니다",
        )
    );
    let span = only_span(&world, "slow_operation");
    assert!(
        span.task.is_none() || span.ending == Ending::Cancelled,
        "{}",
        world::say!(
            en: "slow_operation ran in a task of its own, and a dropped JoinHandle detaches its task: \
                 it {}. Step 1 times out the future itself, timeout(LIMIT, op.run()), which drops the \
                 work at the limit",
            ko: "`slow_operation`이 자기 태스크에서 실행되었고, drop된 `JoinHandle`은 그 태스크를 \
                 분리합니다: `slow_operation`은 {}. 1단계는 future 자체에 타임아웃을 겁니다. \
                 `timeout(LIMIT, op.run())`은 제한 시간에 작업을 drop합니다",
            fate(&span)
        )
    );
    assert_dropped_at_limit(
        &world,
        &span,
        &world::say!(
            en: "timeout drops the inner future at 3000 ms, so the work stops there",
            ko: "`timeout`은 3000 ms에 안쪽 future를 drop하므로 작업은 거기서 멈춥니다",
        ),
    );
    assert_timeline!("step1_slow_operation", world);
}

#[world::step]
async fn step2_stop_waiting() {
    let world = World::start();
    let op = Operation::slow(&world);

    let (answer, returned_at) = call(&world, kata::stop_waiting(&op)).await;

    assert_eq!(
        (answer, returned_at),
        (Err(kata::TimedOut), ms(3000)),
        "{}",
        world::say!(
            en: "the caller stops waiting at the limit: Err(TimedOut) at 3000 ms",
            ko: "호출자는 제한 시간에 기다림을 멈춥니다: 3000 ms에 `Err(TimedOut)`입니다",
        )
    );
    let span = only_span(&world, "slow_operation");
    assert_eq!(
        (span.ending, span.end),
        (Ending::Done, Some(ms(5000))),
        "{}",
        world::say!(
            en: "stop the waiting, not the work: slow_operation runs on in a task of its own and \
                 finishes at 5000 ms, but yours {}",
            ko: "멈출 것은 작업이 아니라 기다림입니다: `slow_operation`은 자기 태스크에서 계속 \
                 실행되어 5000 ms에 끝나야 하는데, 여기서는 {}",
            fate(&span)
        )
    );
    assert!(
        world.trace().cleanups().is_empty(),
        "{}",
        world::say!(
            en: "the work finished, so it had nothing to roll back",
            ko: "작업이 끝났으므로 롤백할 것이 없습니다",
        )
    );
    assert_timeline!("step2_stop_waiting", world);
}

#[world::step]
async fn step3_stop_the_task() {
    let world = World::start();
    let op = Operation::slow(&world);

    let (answer, returned_at, at_return) = call_seen(&world, kata::stop_the_task(&op)).await;

    assert_eq!(
        (answer, returned_at),
        (Err(kata::TimedOut), ms(3000)),
        "{}",
        world::say!(
            en: "the caller stops waiting at the limit: Err(TimedOut) at 3000 ms",
            ko: "호출자는 제한 시간에 기다림을 멈춥니다: 3000 ms에 `Err(TimedOut)`입니다",
        )
    );
    let span = only_span(&world, "slow_operation");
    assert!(
        span.task.is_some(),
        "{}",
        world::say!(
            en: "step 3 times out a spawned task, but slow_operation ran in no task of its own: \
                 tokio::spawn it",
            ko: "3단계는 spawn한 태스크에 타임아웃을 거는데, `slow_operation`이 자기 태스크에서 \
                 실행되지 않았습니다: `tokio::spawn`하십시오",
        )
    );
    if let [seen] = at_return.as_slice() {
        if seen.ending == Ending::Open && span.ending == Ending::Cancelled {
            panic!(
                "{}",
                world::say!(
                    en: "slow_operation was still running when stop_the_task returned: abort() only \
                         asks, the task is dropped (and rolls back) when the runtime next gets to it, \
                         after your caller has its Err. Await the handle after abort() (`let _ = \
                         handle.await;`; a JoinSet: `shutdown().await`, not a drop), so that the work \
                         has stopped before you return",
                    ko: "`stop_the_task`가 반환될 때 `slow_operation`은 아직 실행 중이었습니다: \
                         `abort()`는 요청일 뿐이고, 태스크는 런타임이 다음에 그 태스크에 닿을 때, \
                         즉 호출자가 `Err`를 받은 뒤에야 drop되고 롤백됩니다. `abort()` 뒤에 핸들을 \
                         await해서(`let _ = handle.await;`, `JoinSet`이라면 drop이 아니라 \
                         `shutdown().await`) 반환하기 전에 작업이 멈춰 있게 하십시오",
                )
            );
        }
    }
    assert_dropped_at_limit(
        &world,
        &span,
        &world::say!(
            en: "a timeout on a JoinHandle stops only the waiting, and dropping the handle detaches the \
                 task: abort it at 3000 ms",
            ko: "`JoinHandle`에 건 타임아웃은 기다림만 멈추고, 핸들을 drop하면 태스크는 분리됩니다: \
                 3000 ms에 `abort()`로 태스크를 멈추십시오",
        ),
    );
    assert_timeline!("step3_stop_the_task", world);
}

/// An operation that finishes well before [`kata::LIMIT`]: 1 s. A timeout
/// races the work against the timer, so it answers when the work does; an
/// answer that sleeps the limit first and then looks at the work is no
/// timeout, and shows here, where it answers at 3000 ms.
const QUICK: Duration = Duration::from_secs(1);

/// The checks of a step run with the 1 s operation: `Ok` at 1000 ms, the
/// work done then, nothing rolled back, nothing after it.
fn assert_quick(world: &World, answer: Result<String, kata::TimedOut>, returned_at: Duration) {
    assert_eq!(
        answer,
        Ok("quick_operation done".to_owned()),
        "{}",
        world::say!(
            en: "an operation that takes 1 s finishes within the 3 s limit: answer its Ok",
            ko: "1 s 걸리는 작업은 3 s 제한 안에 끝납니다: 그 `Ok`를 반환하십시오",
        )
    );
    assert_eq!(
        returned_at,
        QUICK,
        "{}",
        world::say!(
            en: "a timeout races the work against the timer: a 1 s operation answers at 1000 ms, not \
                 at the limit. Yours answered at {} ms: sleeping LIMIT and then looking whether the \
                 work is done is no timeout, it makes every call wait 3 s",
            ko: "타임아웃은 작업과 타이머를 경쟁시킵니다: 1 s 걸리는 작업은 제한 시간이 아니라 \
                 1000 ms에 답합니다. 여러분의 코드는 {} ms에 답했습니다: `LIMIT`만큼 sleep한 뒤 \
                 작업이 끝났는지 보는 것은 타임아웃이 아니며, 모든 호출을 3 s씩 기다리게 합니다",
            returned_at.as_millis()
        )
    );
    let span = only_span(world, "quick_operation");
    assert_eq!(
        (span.ending, span.end),
        (Ending::Done, Some(QUICK)),
        "{}",
        world::say!(
            en: "the work finished in time, so it ends done at 1000 ms, but yours {}",
            ko: "작업이 제한 시간 안에 끝났으므로 1000 ms에 완료로 끝나야 하는데, 여기서는 {}",
            fate(&span)
        )
    );
    assert!(
        world.trace().cleanups().is_empty(),
        "{}",
        world::say!(
            en: "the work finished, so it had nothing to roll back",
            ko: "작업이 끝났으므로 롤백할 것이 없습니다",
        )
    );
    assert_eq!(
        world.trace().finished_at(),
        QUICK,
        "{}",
        world::say!(
            en: "nothing runs after the answer: the last event is at 1000 ms",
            ko: "답한 뒤에는 아무것도 실행되지 않습니다: 마지막 이벤트는 1000 ms입니다",
        )
    );
}

#[world::step]
async fn step1_quick_operation() {
    let world = World::start();
    let op = Operation::new(&world, "quick_operation", QUICK);
    let (answer, returned_at) = call(&world, kata::with_timeout(&op)).await;
    assert_quick(&world, answer, returned_at);
    assert_timeline!("step1_quick_operation", world);
}

#[world::step]
async fn step2_quick_operation() {
    let world = World::start();
    let op = Operation::new(&world, "quick_operation", QUICK);
    let (answer, returned_at) = call(&world, kata::stop_waiting(&op)).await;
    assert_quick(&world, answer, returned_at);
    assert_timeline!("step2_quick_operation", world);
}

#[world::step]
async fn step3_quick_operation() {
    let world = World::start();
    let op = Operation::new(&world, "quick_operation", QUICK);
    let (answer, returned_at) = call(&world, kata::stop_the_task(&op)).await;
    assert_quick(&world, answer, returned_at);
    assert_timeline!("step3_quick_operation", world);
}

/// The budget of step 4: the seed's 3 s, for the whole retry loop.
const BUDGET: Duration = Duration::from_secs(3);

/// Awaits the retry loop under `budget`, failing at once if it is still
/// running half a second after its budget: a loop with no overall deadline
/// would otherwise retry until `within` gives up at 10 s, with a message
/// about deadlocks.
async fn retry(
    world: &World,
    op: &Unreliable,
    budget: Duration,
) -> (Result<String, kata::TimedOut>, Duration) {
    let guarded = async {
        match tokio::time::timeout(budget + ms(500), kata::retry_within(op, budget)).await {
            Ok(answer) => answer,
            Err(_) => panic!(
                "{}",
                world::say!(
                    en: "one deadline for the whole retry loop: the budget is {} ms for every attempt \
                         and pause together, but yours was still retrying at {} ms ({} attempts). \
                         A timeout around each attempt does not bound the loop, and a deadline checked \
                         only between attempts does not cut the attempt in flight: put the timeout \
                         around the loop. And a std::time::Instant deadline never passes on tokio's \
                         paused clock: take deadlines from tokio::time",
                    ko: "재시도 루프 전체의 데드라인은 하나입니다: 모든 시도와 대기를 합쳐 예산은 \
                         {} ms인데, 여러분의 코드는 {} ms에도 아직 재시도 중이었습니다(시도 {}번). \
                         시도마다 타임아웃을 걸어서는 루프 전체가 제한되지 않고, 시도 사이에서만 \
                         데드라인을 확인하면 진행 중인 시도를 끊지 못합니다: 타임아웃을 루프 \
                         전체에 거십시오. 그리고 `std::time::Instant`로 잡은 데드라인은 tokio의 \
                         멈춘 시계에서는 절대 지나가지 않습니다: 데드라인은 `tokio::time`으로 \
                         잡으십시오",
                    budget.as_millis(),
                    (budget + ms(500)).as_millis(),
                    op.attempts()
                )
            ),
        }
    };
    call(world, guarded).await
}

fn attempt_starts(world: &World) -> Vec<Duration> {
    world
        .trace()
        .spans_of("flaky_operation")
        .iter()
        .map(|s| s.start)
        .collect()
}

#[world::step]
async fn step4_retry_gives_up() {
    let world = World::start();
    let op = Unreliable::new(&world, "flaky_operation", ms(600));

    let (answer, returned_at) = retry(&world, &op, BUDGET).await;

    assert_eq!(
        answer,
        Err(kata::TimedOut),
        "{}",
        world::say!(
            en: "the service never recovers: the retry loop gives up with Err(TimedOut)",
            ko: "서비스는 끝내 회복되지 않습니다: 재시도 루프는 `Err(TimedOut)`으로 포기합니다",
        )
    );
    assert_eq!(
        returned_at,
        BUDGET,
        "{}",
        world::say!(
            en: "the deadline cuts the attempt in flight: give up at 3000 ms, the budget, not when \
                 that attempt ends",
            ko: "데드라인은 진행 중인 시도를 끊습니다: 그 시도가 끝날 때가 아니라 예산인 3000 ms에 \
                 포기하십시오",
        )
    );
    assert_eq!(
        attempt_starts(&world),
        [ms(0), ms(700), ms(1500), ms(2500)],
        "{}",
        world::say!(
            en: "attempts of 600 ms, pauses doubling from 100 ms: attempts start at 0, 700, 1500 and \
                 2500 ms",
            ko: "시도는 600 ms, 대기는 100 ms에서 시작해 두 배씩 늘어납니다: 시도는 0, 700, 1500, \
                 2500 ms에 시작합니다",
        )
    );
    let spans = world.trace().spans_of("flaky_operation");
    let last = spans.last().unwrap_or_else(|| {
        panic!(
            "{}",
            world::say!(en: "four attempts", ko: "시도가 네 번 있었어야 합니다")
        )
    });
    assert_eq!(
        (last.ending, last.end),
        (Ending::Cancelled, Some(BUDGET)),
        "{}",
        world::say!(
            en: "the attempt in flight at the deadline is dropped at 3000 ms, but it {}",
            ko: "데드라인에 진행 중이던 시도는 3000 ms에 drop되어야 하는데, 이 시도는 {}",
            fate(last)
        )
    );
    assert_eq!(
        world.trace().cleanups(),
        [(BUDGET, "flaky_operation", "rolled back the half-done work")],
        "{}",
        world::say!(
            en: "the dropped attempt rolls back in Drop at 3000 ms",
            ko: "drop된 시도는 3000 ms에 `Drop`에서 롤백됩니다",
        )
    );
    assert_eq!(
        world.trace().finished_at(),
        BUDGET,
        "{}",
        world::say!(
            en: "nothing runs after the deadline: the last event is at 3000 ms",
            ko: "데드라인 뒤에는 아무것도 실행되지 않습니다: 마지막 이벤트는 3000 ms입니다",
        )
    );
    assert_timeline!("step4_retry_gives_up", world);
}

#[world::step]
async fn step4_retry_recovers() {
    let world = World::start();
    let op = Unreliable::new(&world, "flaky_operation", ms(600)).recovers_after(2);

    let (answer, returned_at) = retry(&world, &op, BUDGET).await;

    // The pauses first: a backoff doubled too early or never also moves the
    // answer, and the starts name that cause.
    assert_eq!(
        attempt_starts(&world),
        [ms(0), ms(700), ms(1500)],
        "{}",
        world::say!(
            en: "attempts of 600 ms, pauses doubling from 100 ms: attempts start at 0, 700 and 1500 ms",
            ko: "시도는 600 ms, 대기는 100 ms에서 시작해 두 배씩 늘어납니다: 시도는 0, 700, 1500 ms에 \
                 시작합니다",
        )
    );
    assert_eq!(
        (answer, returned_at),
        (Ok("flaky_operation done".to_owned()), ms(2100)),
        "{}",
        world::say!(
            en: "two failures, then the third attempt (1500 ms to 2100 ms) succeeds: retry until an \
                 attempt succeeds, within the budget, and return its answer at once",
            ko: "두 번 실패한 뒤 세 번째 시도(1500 ms에서 2100 ms)가 성공합니다: 예산 안에서 시도가 \
                 성공할 때까지 재시도하고, 성공하면 그 답을 바로 반환하십시오",
        )
    );
    assert!(
        world.trace().cleanups().is_empty(),
        "{}",
        world::say!(
            en: "no attempt was cut short, so none rolled back",
            ko: "중간에 끊긴 시도가 없으므로 롤백된 것도 없습니다",
        )
    );
    assert_timeline!("step4_retry_recovers", world);
}

/// A budget whose deadline falls in a pause: the second attempt fails at
/// 1300 ms and the pause after it would last to 1500 ms.
const SHORT_BUDGET: Duration = Duration::from_millis(1400);

#[world::step]
async fn step4_deadline_in_a_pause() {
    let world = World::start();
    let op = Unreliable::new(&world, "flaky_operation", ms(600));

    let (answer, returned_at) = retry(&world, &op, SHORT_BUDGET).await;

    assert_eq!(
        answer,
        Err(kata::TimedOut),
        "{}",
        world::say!(
            en: "the service never recovers: the retry loop gives up with Err(TimedOut)",
            ko: "서비스는 끝내 회복되지 않습니다: 재시도 루프는 `Err(TimedOut)`으로 포기합니다",
        )
    );
    assert_eq!(
        returned_at,
        SHORT_BUDGET,
        "{}",
        world::say!(
            en: "with a budget of 1400 ms the deadline falls in the pause after the second attempt \
                 (1300 ms to 1500 ms): one deadline for attempts and pauses together cuts that pause \
                 and gives up at 1400 ms. Yours gave up at {} ms: a pause slept outside the deadline \
                 runs past it",
            ko: "예산이 1400 ms이면 데드라인은 두 번째 시도 뒤의 대기(1300 ms에서 1500 ms) 중에 \
                 옵니다: 시도와 대기를 함께 묶는 데드라인 하나가 그 대기를 끊고 1400 ms에 \
                 포기합니다. 여러분의 코드는 {} ms에 포기했습니다: 데드라인 밖에서 sleep한 대기는 \
                 데드라인을 넘겨 버립니다",
            returned_at.as_millis()
        )
    );
    assert_eq!(
        attempt_starts(&world),
        [ms(0), ms(700)],
        "{}",
        world::say!(
            en: "attempts of 600 ms, pauses doubling from 100 ms: attempts start at 0 and 700 ms, and \
                 none after the deadline",
            ko: "시도는 600 ms, 대기는 100 ms에서 시작해 두 배씩 늘어납니다: 시도는 0, 700 ms에 \
                 시작하고, 데드라인 뒤에는 시작하지 않습니다",
        )
    );
    assert!(
        world.trace().cleanups().is_empty(),
        "{}",
        world::say!(
            en: "the deadline cut a pause, not an attempt: nothing had to roll back",
            ko: "데드라인이 끊은 것은 시도가 아니라 대기입니다: 롤백할 것이 없습니다",
        )
    );
    assert_timeline!("step4_deadline_in_a_pause", world);
}
