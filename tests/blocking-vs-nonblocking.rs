//! Kata 05, blocking vs non-blocking: one test per step of the README.
//!
//! Compiled twice, against the kata and against its reference solution, so
//! both are judged by the same tests and the same snapshots.
//!
//! Each test plays a server that handles three requests at once: the kata's
//! handler runs three times, joined, each as a tracked actor ("request 1",
//! "request 2", "request 3"), so a blocking call made inside a handler is
//! drawn on that request's row.

use std::future::Future;
use std::time::Duration;

#[cfg(not(feature = "reference"))]
use blocking_vs_nonblocking as kata;
#[cfg(feature = "reference")]
use blocking_vs_nonblocking_solution as kata;
use futures::future::join_all;
use world::kit::{blocking_spans, ms};
use world::{Ending, Fill, Invoice, Legacy, Thread, World, assert_timeline, within};

/// Serves requests 1, 2 and 3 at once: `handler(i)` runs as the actor
/// "request i", and the three are joined, as a server runs them.
async fn serve_three<F: Future>(world: &World, handler: impl Fn(u32) -> F) -> Vec<F::Output> {
    let requests = (1..=3).map(|i| world.track(format!("request {i}"), handler(i)));
    within(10, join_all(requests)).await
}

/// When each request finished: the end of its tracked span.
fn finish_times(world: &World) -> Vec<Duration> {
    (1..=3)
        .map(|i| {
            let row = format!("request {i}");
            world
                .trace()
                .spans_of(&row)
                .first()
                .and_then(|span| span.end)
                .unwrap_or_else(|| {
                    panic!(
                        "{}",
                        world::say!(
                            en: "{row} never finished",
                            ko: "`{row}` 행은 끝나지 않았습니다",
                        )
                    )
                })
        })
        .collect()
}

/// The notes saying that a call held the runtime's thread.
fn blocked_notes(world: &World) -> Vec<String> {
    world
        .trace()
        .notes()
        .into_iter()
        .filter(|note| note.contains("blocked the runtime thread"))
        .map(str::to_owned)
        .collect()
}

/// A real `std::thread::sleep` (or a sleep never awaited) leaves the paused
/// clock where it was: every request "finishes" at 0 ms.
fn assert_rate_limit_waited(world: &World, what_to_use: &str) {
    assert!(
        finish_times(world).iter().all(|at| *at >= ms(1000)),
        "{}",
        world::say!(
            en: "the rate-limit wait must take 1 s of virtual time, on the runtime: {what_to_use}. \
                 A real std::thread::sleep blocks the thread but the virtual clock never sees it, \
                 and a sleep future that is never awaited does nothing",
            ko: "rate limit 대기는 런타임 위에서 가상 시간으로 1 s가 걸려야 합니다: {what_to_use}. \
                 실제 `std::thread::sleep`은 스레드를 블로킹하지만 가상 시간은 흐르지 않고, \
                 await하지 않은 sleep future는 아무 일도 하지 않습니다",
        )
    );
}

#[world::step]
async fn step1_blocking_sleep() {
    let world = World::start();
    let legacy = Legacy::new(&world);

    serve_three(&world, |_| kata::blocking_handler(&legacy)).await;

    assert_rate_limit_waited(
        &world,
        &world::say!(
            en: "in step 1 use legacy.sleep, the simulated std::thread::sleep",
            ko: "1단계에서는 시뮬레이션된 `std::thread::sleep`인 `legacy.sleep`을 쓰십시오",
        ),
    );
    let notes = blocked_notes(&world).len();
    assert_eq!(
        notes,
        3,
        "{}",
        world::say!(
            en: "each request's legacy.sleep holds the runtime thread: three \"blocked the runtime \
                 thread\" notes, one call of legacy.sleep(1 s) per request, as Python's one \
                 time.sleep(1) (found {notes})",
            ko: "요청마다 `legacy.sleep`이 런타임 스레드를 붙잡으므로 `blocked the runtime thread` \
                 메모가 3개여야 합니다. Python의 `time.sleep(1)` 한 번처럼 요청마다 \
                 `legacy.sleep(1 s)`를 한 번 호출합니다(찾은 메모: {notes}개)",
        )
    );
    let early_starts: Vec<String> = (2..=3)
        .filter_map(|i| {
            let row = format!("request {i}");
            let start = world.trace().spans_of(&row).first()?.start;
            (start < ms(1000)).then(|| {
                world::say!(
                    en: "{row} at {} ms",
                    ko: "`{row}`: {} ms",
                    start.as_millis()
                )
            })
        })
        .collect();
    assert!(
        early_starts.is_empty(),
        "{}",
        world::say!(
            en: "the handler awaited something before its blocking sleep, so the runtime started \
                 the other requests first ({}), and then each waited its turn for the thread. \
                 Step 1 blocks at once: call legacy.sleep first, with no .await before it, as \
                 Python's time.sleep(1) is the handler's first line; request 2 does not even start \
                 until request 1 lets go of the thread, at 1000 ms",
            ko: "핸들러가 블로킹 sleep보다 먼저 무언가를 await해서, 런타임이 다른 요청들을 먼저 \
                 시작했습니다({}). 그 뒤로 요청마다 스레드를 차례로 기다렸습니다. 1단계는 곧바로 \
                 블로킹합니다: Python의 `time.sleep(1)`이 핸들러의 첫 줄이듯, 앞에 `.await` 없이 \
                 `legacy.sleep`을 먼저 호출하십시오. 그러면 요청 1이 1000 ms에 스레드를 내줄 \
                 때까지 요청 2는 시작조차 하지 않습니다",
            early_starts.join(", ")
        )
    );
    assert_eq!(
        finish_times(&world),
        [ms(1000), ms(2000), ms(3000)],
        "{}",
        world::say!(
            en: "a blocking call holds the runtime's only thread: the requests run one after \
                 another and finish at 1000, 2000 and 3000 ms",
            ko: "블로킹 호출은 런타임의 하나뿐인 스레드를 붙잡습니다: 요청들이 차례로 실행되어 \
                 1000, 2000, 3000 ms에 끝나야 합니다",
        )
    );
    assert_timeline!("step1_blocking_sleep", world);
}

#[world::step]
async fn step2_nonblocking_sleep() {
    let world = World::start();

    let alive = || {
        tokio::runtime::Handle::current()
            .metrics()
            .num_alive_tasks()
    };
    let before = alive();
    serve_three(&world, |_| kata::rate_limited_handler()).await;
    let left_running = alive().saturating_sub(before);
    assert!(
        left_running == 0 || finish_times(&world).iter().all(|at| *at >= ms(1000)),
        "{}",
        world::say!(
            en: "the requests returned at 0 ms and left {left_running} task(s) running: a \
                 tokio::spawn whose JoinHandle is dropped is detached, and the handler does not \
                 wait for it. The sleep is the handler's own wait: tokio::time::sleep(..).await in \
                 the handler itself",
            ko: "요청들이 0 ms에 반환했는데 태스크 {left_running}개가 아직 실행 중입니다: \
                 `JoinHandle`을 drop한 `tokio::spawn` 태스크는 분리되고, 핸들러는 그 태스크를 \
                 기다리지 않습니다. sleep은 핸들러 자신의 대기입니다: 핸들러 안에서 직접 \
                 `tokio::time::sleep(..).await`하십시오",
        )
    );

    assert_eq!(
        blocked_notes(&world),
        Vec::<String>::new(),
        "{}",
        world::say!(
            en: "the runtime thread must never block: wait with tokio::time::sleep(..).await",
            ko: "런타임 스레드는 절대 블로킹되면 안 됩니다: `tokio::time::sleep(..).await`로 \
                 기다리십시오",
        )
    );
    assert_rate_limit_waited(
        &world,
        &world::say!(
            en: "use tokio::time::sleep(..).await",
            ko: "`tokio::time::sleep(..).await`를 쓰십시오",
        ),
    );
    assert_eq!(
        finish_times(&world),
        [ms(1000); 3],
        "{}",
        world::say!(
            en: "non-blocking waits overlap: three requests that each wait 1 s are all done at \
                 1000 ms, not one after another",
            ko: "논블로킹 대기는 서로 겹칩니다: 각각 1 s를 기다리는 요청 세 개는 차례로가 아니라 \
                 모두 1000 ms에 끝납니다",
        )
    );
    assert_timeline!("step2_nonblocking_sleep", world);
}

#[world::step]
async fn step3_blocking_call_off_the_runtime() {
    let world = World::start();
    let legacy = Legacy::new(&world);

    let invoices = serve_three(&world, |id| kata::invoice_handler(&legacy, id)).await;
    // Which invoices were rendered by the time the requests returned: read
    // before this test yields, so that nothing left behind can run first.
    let rendered_by_return: Vec<bool> = (1..=3)
        .map(|id| {
            world
                .trace()
                .spans_of(&format!("render_invoice({id})"))
                .iter()
                .any(|span| span.ending == Ending::Done)
        })
        .collect();
    // Then let the clock run on: a render left behind shows itself now.
    within(10, tokio::time::sleep(ms(100))).await;

    assert_eq!(
        invoices,
        [1, 2, 3].map(|id| Invoice { id }),
        "{}",
        world::say!(
            en: "request i renders invoice i",
            ko: "요청 i는 청구서 i를 렌더링합니다",
        )
    );
    let blocking = blocking_spans(&world);
    let on_runtime: Vec<&str> = blocking
        .iter()
        .filter(|span| span.thread == Thread::Runtime)
        .map(|span| span.actor.as_str())
        .collect();
    assert!(
        on_runtime.is_empty(),
        "{}",
        world::say!(
            en: "render_invoice blocks its thread for 500 ms, and it ran on the runtime thread \
                 (rows {on_runtime:?}). Called directly, from an async fn around it or from a \
                 tokio::spawn task, it is the same thread: a task is not a thread. Run it with \
                 tokio::task::spawn_blocking so that it never blocks the runtime thread",
            ko: "`render_invoice`는 자기 스레드를 500 ms 동안 블로킹하는데, 런타임 스레드에서 \
                 실행됐습니다(행 {on_runtime:?}). 직접 호출하든, 감싼 `async fn`에서 호출하든, \
                 `tokio::spawn` 태스크에서 호출하든 같은 스레드입니다: 태스크는 스레드가 \
                 아닙니다. 런타임 스레드를 블로킹하지 않도록 `tokio::task::spawn_blocking`으로 \
                 실행하십시오",
        )
    );
    let waited_for: Vec<&str> = blocking.iter().map(|span| span.actor.as_str()).collect();
    assert!(
        waited_for.is_empty(),
        "{}",
        world::say!(
            en: "{waited_for:?} ran off the runtime, but the runtime thread waited for its result \
                 without awaiting (a std channel's recv, joining a thread, a spin on \
                 is_finished, a home-made block_on): a blocking wait holds the runtime thread as surely \
                 as the blocking call itself. Await the JoinHandle of spawn_blocking instead",
            ko: "{waited_for:?} 행은 런타임 밖에서 실행됐지만, 런타임 스레드가 그 결과를 await하지 \
                 않고 기다렸습니다(std 채널의 `recv`, 스레드 join, `is_finished`를 도는 스핀, 직접 \
                 만든 `block_on`): 블로킹 대기는 블로킹 호출 자체와 똑같이 런타임 스레드를 \
                 붙잡습니다. 대신 `spawn_blocking`의 `JoinHandle`을 await하십시오",
        )
    );
    assert_rate_limit_waited(
        &world,
        &world::say!(
            en: "use tokio::time::sleep(..).await",
            ko: "`tokio::time::sleep(..).await`를 쓰십시오",
        ),
    );
    for id in 1..=3 {
        let row = format!("render_invoice({id})");
        let spans = world.trace().spans_of(&row);
        assert!(
            !spans.is_empty() && spans.iter().all(|span| span.fill == Fill::Pool),
            "{}",
            world::say!(
                en: "{row} must run on a blocking-pool thread (tokio::task::spawn_blocking)",
                ko: "`{row}` 행은 블로킹 풀 스레드에서 실행돼야 합니다(`tokio::task::spawn_blocking`)",
            )
        );
        assert!(
            spans.iter().all(|span| span.thread == Thread::Pool),
            "{}",
            world::say!(
                en: "{row} ran on a thread tokio does not know (std::thread::spawn). On a real \
                     runtime that is right, but spawn_blocking is the tool: a pool of reused \
                     threads, and the only threads this test's paused clock can see",
                ko: "`{row}` 행은 tokio가 모르는 스레드(`std::thread::spawn`)에서 실행됐습니다. \
                     실제 런타임에서는 맞는 방법이지만, 여기에 쓸 도구는 `spawn_blocking`입니다: \
                     재사용하는 스레드의 풀이고, 이 테스트의 멈춘 시계가 볼 수 있는 유일한 \
                     스레드입니다",
            )
        );
        assert!(
            rendered_by_return[id as usize - 1],
            "{}",
            world::say!(
                en: "{row} ran on the blocking pool, but only after request {id} had returned: the \
                     JoinHandle of spawn_blocking was dropped, not awaited, so the task was detached \
                     and the request answered without its invoice. Await the JoinHandle (it is a \
                     future of the closure's result) and return what it gives",
                ko: "`{row}` 행은 블로킹 풀에서 실행됐지만, {id}번 요청이 반환한 뒤였습니다: \
                     `spawn_blocking`의 `JoinHandle`을 await하지 않고 drop해서 태스크가 \
                     분리됐고, 요청은 청구서 없이 응답했습니다. `JoinHandle`을 await하고(클로저 \
                     결과의 future입니다) 그 값을 반환하십시오",
            )
        );
        let request_start = world.trace().spans_of(&format!("request {id}"))[0].start;
        assert!(
            spans
                .iter()
                .all(|span| span.start >= request_start + ms(1000)),
            "{}",
            world::say!(
                en: "{row} started at {} ms, before request {id}'s 1 s rate-limit wait was over: \
                     wait first (tokio::time::sleep(..).await), then render the invoice",
                ko: "`{row}` 행은 {id}번 요청의 1 s rate limit 대기가 끝나기 전인 {} ms에 \
                     시작했습니다: 먼저 기다리고(`tokio::time::sleep(..).await`) 그다음에 \
                     청구서를 렌더링하십시오",
                spans[0].start.as_millis()
            )
        );
    }
    assert_eq!(
        finish_times(&world),
        [ms(1000); 3],
        "{}",
        world::say!(
            en: "with render_invoice on the blocking pool, no request waits for another's \
                 invoice: all three are done at 1000 ms (pool work takes no virtual time here)",
            ko: "`render_invoice`를 블로킹 풀에서 실행하면 어떤 요청도 다른 요청의 청구서를 \
                 기다리지 않습니다: 셋 모두 1000 ms에 끝나야 합니다(여기서 풀의 일은 가상 \
                 시간을 쓰지 않습니다)",
        )
    );
    assert_timeline!("step3_blocking_call_off_the_runtime", world);
}
