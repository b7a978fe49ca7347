//! Kata 01, lazy futures: one test per step of the README.
//!
//! Compiled twice, against the kata and against its reference solution, so
//! both are judged by the same tests and the same snapshots.
//!
//! The tests drive futures by hand where the lesson is the polling itself:
//! `tokio_test::task::spawn` wraps a future in a mock task whose `poll` is
//! one poll, and whose `is_woken` says whether the future's `Waker` was
//! called since.

use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::pin::pin;
use std::task::Poll;

#[cfg(not(feature = "reference"))]
use lazy_futures as kata;
#[cfg(feature = "reference")]
use lazy_futures_solution as kata;
use tokio::time::sleep;
use tokio_test::{assert_pending, assert_ready};
use world::kit::ms;
use world::{Console, Ending, World, assert_timeline, within};

/// Calls `call` and keeps what it returns without polling it, as
/// `let f = fetch_data()` does. The call runs under the watchdog, in case
/// it blocks; a call that panics for another reason than a `todo!()` is
/// told that a call should only build a future.
async fn call_only<F>(what: &str, call: impl FnOnce() -> F) -> F {
    within(10, async move {
        match catch_unwind(AssertUnwindSafe(call)) {
            Ok(fut) => fut,
            Err(panic) => {
                let message = panic
                    .downcast_ref::<String>()
                    .map(String::as_str)
                    .or_else(|| panic.downcast_ref::<&str>().copied())
                    .unwrap_or("");
                if message.starts_with("not yet implemented") {
                    resume_unwind(panic);
                }
                panic!(
                    "{}",
                    world::say!(
                        en: "calling {what} should only build a future and hand it back, but the call \
                             itself panicked (did it block_on the work?): {message}",
                        ko: "`{what}`를 호출하면 future를 만들어 돌려주기만 해야 하는데, \
                             호출 자체가 패닉했습니다 (일을 `block_on`으로 돌렸습니까?): \
                             {message}",
                    )
                );
            }
        }
    })
    .await
}

#[world::step]
async fn step1_calling_runs_nothing() {
    let world = World::start();
    let console = Console::new(&world);

    let unawaited = call_only("fetch_data", || kata::fetch_data(&console)).await;
    assert_eq!(
        console.printed_ms(),
        [],
        "{}",
        world::say!(
            en: "calling an async fn runs none of its body: nothing may be printed before the \
                 future is polled",
            ko: "`async fn`을 호출하는 것만으로는 본문이 전혀 실행되지 않습니다: future가 \
                 poll되기 전에는 아무것도 출력되면 안 됩니다",
        )
    );
    drop(unawaited);
    tokio::task::yield_now().await;
    assert!(
        world.trace().events().is_empty(),
        "{}",
        world::say!(
            en: "a future dropped without ever being polled never ran: the trace must stay empty",
            ko: "한 번도 poll되지 않고 drop된 future는 실행된 적이 없습니다: trace는 비어 \
                 있어야 합니다",
        )
    );

    let data = within(10, world.track("fetch_data()", kata::fetch_data(&console))).await;

    assert_eq!(data, "data");
    assert_eq!(
        console.printed_ms(),
        [(0, "fetching".to_owned())],
        "{}",
        world::say!(
            en: "awaited, the body runs from its first line: \"fetching\" at 0 ms, once",
            ko: "await하면 본문이 첫 줄부터 실행됩니다: 0 ms에 `\"fetching\"`을 한 번 출력해야 \
                 합니다",
        )
    );
    assert_ne!(
        world.trace().finished_at(),
        ms(0),
        "{}",
        world::say!(
            en: "fetch_data answered at 0 ms: its 1 s sleep took no time on tokio's clock. Either \
                 the sleep was never awaited (`tokio::time::sleep(..)` only builds a future, which \
                 does nothing until awaited: rustc warns \"unused `Sleep` that must be used\"), or \
                 it was a blocking `std::thread::sleep`, which holds the runtime's thread and never \
                 moves its clock. Write `tokio::time::sleep(..).await`",
            ko: "`fetch_data`가 0 ms에 답했습니다: 1 s sleep이 tokio의 시계로 시간을 전혀 \
                 쓰지 않았습니다. sleep을 await하지 않았거나(`tokio::time::sleep(..)`은 \
                 future를 만들기만 하고, await하기 전에는 아무 일도 하지 않습니다. rustc가 \
                 ``unused `Sleep` that must be used``라고 경고합니다), 블로킹 \
                 `std::thread::sleep`을 썼을 것입니다. `std::thread::sleep`은 런타임의 \
                 스레드를 붙잡고 있어서 시계가 전혀 움직이지 않습니다. \
                 `tokio::time::sleep(..).await`로 쓰십시오",
        )
    );
    assert_eq!(
        world.trace().finished_at(),
        ms(1000),
        "{}",
        world::say!(
            en: "awaited, fetch_data answers after its 1 s sleep: \"data\" at 1000 ms",
            ko: "await하면 `fetch_data`는 1 s sleep 뒤에 답합니다: 1000 ms에 `\"data\"`를 \
                 돌려줘야 합니다",
        )
    );
    assert_timeline!("step1_calling_runs_nothing", world);
}

#[world::step]
async fn step2_lazy_until_polled() {
    let world = World::start();
    let console = Console::new(&world);

    let later = call_only("fetch_later", || kata::fetch_later(&console)).await;
    // Half a second in which nothing polls it: a task spawned by the call
    // would run now.
    sleep(ms(500)).await;
    assert_eq!(
        console.printed_ms(),
        [],
        "{}",
        world::say!(
            en: "a lazy value runs nothing until it is polled, but it printed before any poll. Code \
                 before the `async` block of a plain fn runs on the call, and tokio::spawn starts a \
                 task at once",
            ko: "lazy한 값은 poll되기 전까지 아무것도 실행하지 않는데, poll되기도 전에 \
                 출력했습니다. 일반 fn에서 `async` 블록 앞에 있는 코드는 호출할 때 실행되고, \
                 `tokio::spawn`은 태스크를 바로 시작합니다",
        )
    );

    let mut task = tokio_test::task::spawn(world.track("fetch_data()", later));
    // A check that fails drops the future first: the test stopped it (drawn
    // `x`); dropped while the test unwinds, it would be drawn `*`, as if the
    // future itself had panicked.
    assert_pending!(
        task.poll(),
        "{}",
        world::say!(
            en: "the first poll runs the body up to its first .await, the 1 s sleep, and returns Pending",
            ko: "첫 poll은 본문을 첫 `.await`(1 s sleep)까지 실행하고 `Pending`을 반환합니다",
        )
    );
    let printed = console.printed_ms();
    if printed != [(500, "fetching".to_owned())] {
        drop(task);
        panic!(
            "{}",
            world::say!(
                en: "the first poll runs the body from its first line: \"fetching\" at 500 ms, when \
                     it was first polled, not at 0 ms when it was made (printed: {printed:?})",
                ko: "첫 poll이 본문을 첫 줄부터 실행합니다: `\"fetching\"`은 future가 만들어진 \
                     0 ms가 아니라 처음 poll된 500 ms에 출력되어야 합니다 (출력: \
                     {printed:?})",
            )
        );
    }
    if task.is_woken() {
        drop(task);
        panic!(
            "{}",
            world::say!(
                en: "nothing wakes a future before what it awaits is ready",
                ko: "future가 await하는 것이 준비되기 전에는 아무것도 그 future를 깨우지 \
                     않습니다",
            )
        );
    }

    sleep(ms(750)).await;
    if task.is_woken() {
        drop(task);
        panic!(
            "{}",
            world::say!(
                en: "woken before 1500 ms: the 1 s sleep starts at the first poll (500 ms), so it \
                     ends at 1500 ms. Was the `Sleep` made on the call? `tokio::time::sleep(d)` \
                     fixes its deadline when it is created, not when it is first polled: create it \
                     inside the `async` block",
                ko: "1500 ms 전에 깨워졌습니다: 1 s sleep은 첫 poll(500 ms)에 시작하므로 \
                     1500 ms에 끝납니다. `Sleep`을 호출할 때 만들었습니까? \
                     `tokio::time::sleep(d)`는 처음 poll될 때가 아니라 만들어질 때 \
                     데드라인을 정합니다: `async` 블록 안에서 만드십시오",
            )
        );
    }
    sleep(ms(250)).await;
    if !task.is_woken() {
        drop(task);
        panic!(
            "{}",
            world::say!(
                en: "when the sleep is over (1500 ms), the timer calls the future's Waker: poll me \
                     again",
                ko: "sleep이 끝나면(1500 ms) 타이머가 future의 `Waker`를 호출합니다: 다시 \
                     poll해 달라는 신호입니다",
            )
        );
    }
    let data = assert_ready!(
        task.poll(),
        "{}",
        world::say!(
            en: "woken and polled again, the future carries on from its .await and returns Ready",
            ko: "깨워진 뒤 다시 poll되면 future는 `.await`에서 이어서 실행하고 `Ready`를 \
                 반환합니다",
        )
    );
    assert_eq!(data, "data");
    assert_timeline!("step2_lazy_until_polled", world);
}

#[world::step]
async fn step3_poll_drives_it() {
    let world = World::start();
    let console = Console::new(&world);

    assert_eq!(
        within(10, kata::poll_once(&mut std::future::ready(7))).await,
        Poll::Ready(7),
        "{}",
        world::say!(
            en: "a future with nothing to wait for is Ready on its first poll",
            ko: "기다릴 것이 없는 future는 첫 poll에서 `Ready`입니다",
        )
    );
    let mut counted = ReadyOnSecondPoll::default();
    let _ = within(10, kata::poll_once(&mut counted)).await;
    assert_eq!(
        counted.polls,
        1,
        "{}",
        world::say!(
            en: "poll_once polls exactly once, whatever the answer; it polled {} times (an \
                 `.await`, a loop or a second `poll!` polls until the future is Ready)",
            ko: "`poll_once`는 결과와 상관없이 정확히 한 번 poll합니다. 그런데 {}번 \
                 poll했습니다 (`.await`, 루프, 두 번째 `poll!`은 future가 `Ready`가 될 \
                 때까지 poll합니다)",
            counted.polls,
        )
    );

    let mut kept = pin!(world.track("polled at 0 and 1500", kata::fetch_data(&console)));
    let mut dropped = Box::pin(world.track("polled at 0, dropped", kata::fetch_data(&console)));
    assert_eq!(
        console.printed_ms(),
        [],
        "{}",
        world::say!(
            en: "fetch_data printed on the call, before any poll: make step 1 pass first (calling \
                 an async fn runs none of its body)",
            ko: "`fetch_data`가 poll되기도 전에, 호출할 때 출력했습니다: 먼저 1단계를 \
                 통과하십시오 (`async fn`을 호출하는 것만으로는 본문이 실행되지 않습니다)",
        )
    );
    let first = within(10, kata::poll_once(&mut kept)).await;
    if console.printed_ms().is_empty() && !world.trace().spans_of("polled at 0 and 1500").is_empty()
    {
        // poll_once polled it (its span started), and the body printed
        // nothing: the print is not the body's first line.
        panic!(
            "{}",
            world::say!(
                en: "poll_once polled fetch_data at 0 ms, and its first poll printed nothing: \
                     \"fetching\" is the body's first line, before its first .await. Make step 1 \
                     pass first",
                ko: "`poll_once`가 0 ms에 `fetch_data`를 poll했는데, 첫 poll에서 아무것도 \
                     출력되지 않았습니다: `\"fetching\"` 출력은 첫 `.await` 앞, 본문의 첫 \
                     줄입니다. 먼저 1단계를 통과하십시오",
            )
        );
    }
    assert_eq!(
        console.printed_ms(),
        [(0, "fetching".to_owned())],
        "{}",
        world::say!(
            en: "the first poll runs the body up to its first .await: \"fetching\" at 0 ms. Did \
                 poll_once poll it?",
            ko: "첫 poll은 본문을 첫 `.await`까지 실행합니다: 0 ms에 `\"fetching\"`이 \
                 출력되어야 합니다. `poll_once`가 future를 poll했습니까?",
        )
    );
    if first.is_ready() {
        assert_eq!(
            world.now(),
            ms(0),
            "{}",
            world::say!(
                en: "the first poll runs fetch_data up to its first .await, the 1 s sleep, and \
                     returns Pending; poll_once must not wait for the answer (it waited until {:?})",
                ko: "첫 poll은 `fetch_data`를 첫 `.await`(1 s sleep)까지 실행하고 \
                     `Pending`을 반환합니다. `poll_once`는 답을 기다리면 안 됩니다 ({:?}까지 \
                     기다렸습니다)",
                world.now(),
            )
        );
        panic!(
            "{}",
            world::say!(
                en: "fetch_data answered on its first poll, at 0 ms: its 1 s sleep did not wait. Make \
                     step 1 pass first (`tokio::time::sleep(..).await`)",
                ko: "`fetch_data`가 첫 poll에서, 0 ms에 답했습니다: 1 s sleep이 기다리지 \
                     않았습니다. 먼저 1단계를 통과하십시오 (`tokio::time::sleep(..).await`)",
            )
        );
    }
    assert!(within(10, kata::poll_once(&mut dropped)).await.is_pending());

    // Half a second later, the second future is dropped mid-way.
    sleep(ms(500)).await;
    drop(dropped);
    // Its sleep would have ended at 1000 ms; nothing polls the first one.
    sleep(ms(1000)).await;
    let spans = world.trace().spans_of("polled at 0 and 1500");
    assert_eq!(
        spans[0].end,
        None,
        "{}",
        world::say!(
            en: "a future makes progress only when polled: its sleep ended at 1000 ms, but nobody \
                 polled it since, so at 1500 ms it has still not returned",
            ko: "future는 poll될 때만 진행합니다: sleep은 1000 ms에 끝났지만 그 뒤로 아무도 \
                 poll하지 않았으므로, 1500 ms에도 아직 반환하지 않았어야 합니다",
        )
    );
    let second = within(10, kata::poll_once(&mut kept)).await;
    assert_eq!(
        second,
        Poll::Ready("data".to_owned()),
        "{}",
        world::say!(
            en: "polled again after its sleep ended, the future returns Ready(\"data\")",
            ko: "sleep이 끝난 뒤 다시 poll되면 future는 `Ready(\"data\")`를 반환합니다",
        )
    );
    let dropped = &world.trace().spans_of("polled at 0, dropped")[0];
    assert!(
        dropped.ending == Ending::Cancelled && dropped.end == Some(ms(500)),
        "{}",
        world::say!(
            en: "a future dropped mid-way stops at its .await: cancelled at 500 ms, never done",
            ko: "도중에 drop된 future는 `.await`에서 멈춥니다: 500 ms에 취소되고, 끝까지 \
                 실행되지 않습니다",
        )
    );
    assert_eq!(
        console.printed_ms().len(),
        2,
        "{}",
        world::say!(
            en: "each future printed \"fetching\" once, on its first poll",
            ko: "각 future는 첫 poll에서 `\"fetching\"`을 한 번씩 출력합니다",
        )
    );
    assert_timeline!("step3_poll_drives_it", world);

    // The poll leaves the caller's own Waker with the future, so that the
    // task that polled is woken when the future can go on. (After the
    // snapshot: the nap adds nothing to the picture.)
    let mut nap = Box::pin(sleep(ms(100)));
    let mut caller = tokio_test::task::spawn(kata::poll_once(&mut nap));
    assert!(
        matches!(caller.poll(), Poll::Ready(Poll::Pending)),
        "{}",
        world::say!(
            en: "poll_once answers on its first poll: a 100 ms sleep is Pending",
            ko: "`poll_once`는 첫 poll에서 답합니다: 100 ms sleep은 `Pending`입니다",
        )
    );
    assert!(
        !caller.is_woken(),
        "{}",
        world::say!(
            en: "the caller was woken as soon as poll_once returned, though the 100 ms sleep is \
                 not over: a wake by hand (`cx.waker().wake_by_ref()`) is not the future's own. \
                 poll_once must hand the caller's own Waker to the future it polls (its task's \
                 `Context`: `futures::poll!`, `std::future::poll_fn`), so that the future wakes \
                 the caller when it can go on",
            ko: "100 ms sleep이 끝나지 않았는데 `poll_once`가 반환하자마자 호출자가 \
                 깨워졌습니다: 손으로 깨운 것(`cx.waker().wake_by_ref()`)은 future가 깨운 \
                 것이 아닙니다. `poll_once`는 호출자 자신의 `Waker`(태스크의 `Context`: \
                 `futures::poll!`, `std::future::poll_fn`)를 poll하는 future에 넘겨야 \
                 합니다. 그래야 future가 진행할 수 있을 때 호출자를 깨웁니다",
        )
    );
    sleep(ms(99)).await;
    assert!(
        !caller.is_woken(),
        "{}",
        world::say!(
            en: "the caller was woken before the 100 ms sleep ended: only the future's timer \
                 should wake it",
            ko: "100 ms sleep이 끝나기 전에 호출자가 깨워졌습니다: 호출자를 깨우는 것은 \
                 future의 타이머뿐이어야 합니다",
        )
    );
    sleep(ms(1)).await;
    assert!(
        caller.is_woken(),
        "{}",
        world::say!(
            en: "poll_once must poll with the caller's own Waker (its task's `Context`: \
                 `futures::poll!`, `std::future::poll_fn`), so that the task that polled is woken \
                 when the future can go on. A no-op waker (`Waker::noop()`, `now_or_never`) is \
                 never called: no executor would ever poll that future again",
            ko: "`poll_once`는 호출자 자신의 `Waker`(태스크의 `Context`: `futures::poll!`, \
                 `std::future::poll_fn`)로 poll해야 합니다. 그래야 future가 진행할 수 있을 \
                 때 poll한 태스크가 깨워집니다. 아무 일도 하지 않는 `Waker`(`Waker::noop()`, \
                 `now_or_never`)는 호출되지 않으므로, 어떤 executor도 그 future를 다시 \
                 poll하지 않습니다",
        )
    );
}

/// A future that is Pending on its first poll (waking itself) and Ready on
/// the second, counting its polls: one poll and an `.await` differ.
#[derive(Default)]
struct ReadyOnSecondPoll {
    polls: u32,
}

impl std::future::Future for ReadyOnSecondPoll {
    type Output = ();

    fn poll(mut self: std::pin::Pin<&mut Self>, cx: &mut std::task::Context<'_>) -> Poll<()> {
        self.polls += 1;
        if self.polls == 1 {
            cx.waker().wake_by_ref();
            Poll::Pending
        } else {
            Poll::Ready(())
        }
    }
}

#[world::step]
async fn step4_await_once() {
    let world = World::start();
    // A fetch in a task of its own (allowed) prints outside the tracked
    // call: on the call's row all the same, so both draw alike.
    let console = Console::on_row(&world, "data_twice");

    let (first, second) = within(10, world.track("data_twice", kata::data_twice(&console))).await;

    assert_eq!((first.as_str(), second.as_str()), ("data", "data"));
    assert!(
        !console.printed_ms().is_empty(),
        "{}",
        world::say!(
            en: "data_twice returned without a fetch having run: the data must come from a fetch it \
                 awaits. A task spawned and never awaited runs on its own, detached, and the \
                 answer it would give is lost",
            ko: "`data_twice`가 `fetch_data`를 한 번도 실행하지 않고 반환했습니다: 데이터는 \
                 `data_twice`가 await하는 fetch에서 와야 합니다. spawn하고 await하지 않은 \
                 태스크는 분리된 채 혼자 실행되고, 그 태스크가 낼 답은 사라집니다",
        )
    );
    let printed = console.printed_ms();
    if let [(at, _)] = printed.as_slice() {
        // One fetch, but its body's first line came late: step 1's mistake,
        // not a second request.
        assert_eq!(
            *at,
            0,
            "{}",
            world::say!(
                en: "one fetch, as asked, but \"fetching\" was printed at {at} ms, not at 0 ms: \
                     the print is fetch_data's first line, before its sleep. Make step 1 pass first",
                ko: "요구대로 fetch는 한 번이지만, `\"fetching\"`이 0 ms가 아니라 {at} ms에 \
                     출력되었습니다: 이 출력은 sleep보다 앞, `fetch_data`의 첫 줄에 있어야 \
                     합니다. 먼저 1단계를 통과하십시오",
            )
        );
    }
    assert_eq!(
        printed.len(),
        1,
        "{}",
        world::say!(
            en: "a future runs once per call, and \"fetching\" was printed {} times: fetch the \
                 data once and reuse the answer. Calling fetch_data again runs its body again (a \
                 second request), and so does a task spawned with a fetch that nobody awaits",
            ko: "future는 호출 한 번에 한 번 실행되는데, `\"fetching\"`이 {}번 출력되었습니다: \
                 데이터는 한 번만 가져와서 그 답을 다시 쓰십시오. `fetch_data`를 다시 \
                 호출하면 본문이 다시 실행되고(두 번째 요청), 아무도 await하지 않는 fetch를 \
                 spawn한 태스크도 마찬가지입니다",
            printed.len(),
        )
    );
    assert_eq!(
        world.trace().finished_at(),
        ms(1000),
        "{}",
        world::say!(
            en: "one fetch, one second: done at 1000 ms",
            ko: "fetch 한 번, 1 s: 1000 ms에 끝나야 합니다",
        )
    );
    assert_timeline!("step4_await_once", world);
}
