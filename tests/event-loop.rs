//! Kata 13, event loop: one test per step of the README.
//!
//! Compiled twice, against the kata and against its reference solution, so
//! both are judged by the same tests and the same snapshots.
//!
//! No tokio runtime here: the learner's executor is the only scheduler, and
//! the world's `Reactor` on a manual clock is the only source of events.
//! Each kata call runs under `watched`, a real-time safety net; every wrong
//! answer the reactor can see fails at once.

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, mpsc};
use std::task::{Context, Poll};
use std::time::Duration;

#[cfg(not(feature = "reference"))]
use event_loop as kata;
#[cfg(feature = "reference")]
use event_loop_solution as kata;
use world::kit::ms;
use world::reactor::watched;
use world::{Reactor, World, assert_timeline};

/// When the first sleep on `row` started, or a message saying it never did.
fn started(world: &World, row: &str) -> Duration {
    let spans = world.trace().spans_of(row);
    spans
        .first()
        .unwrap_or_else(|| {
            panic!(
                "{}",
                world::say!(
                    en: "{row} never started: its future was never polled",
                    ko: "`{row}` 행은 시작하지 않았습니다: 그 future가 한 번도 poll되지 않았습니다",
                )
            )
        })
        .start
}

/// Every future on `rows` was polled exactly once to start and once when
/// woken: `sleeps` futures, two polls each, none without a wake.
fn polled_only_when_woken(reactor: &Reactor, rows: &[(&str, usize)]) {
    for &(row, sleeps) in rows {
        let unwoken = reactor.polls_without_wake(row);
        assert_eq!(
            unwoken,
            0,
            "{}",
            world::say!(
                en: "a future that is not woken is never polled again, but {row} was polled without a \
                     wake {unwoken} time(s): busy-polling. Poll a task only when its waker was called",
                ko: "깨어나지 않은 future는 다시 poll되지 않아야 하는데, `{row}` 행은 깨어나지 않은 채 \
                     {unwoken}번 poll되었습니다: 바쁜 poll입니다. 태스크는 그 `Waker`가 호출되었을 \
                     때만 poll하십시오",
            )
        );
        assert_eq!(
            reactor.polls(row),
            2 * sleeps,
            "{}",
            world::say!(
                en: "a future that is woken is polled again: each of {row}'s {sleeps} sleep(s) is \
                     polled once to start and once when woken",
                ko: "깨어난 future는 다시 poll됩니다: `{row}` 행의 sleep {sleeps}개는 각각 시작할 때 \
                     한 번, 깨어났을 때 한 번 poll됩니다",
            )
        );
    }
}

/// Every future on `rows` was polled only when woken: checked first, since a
/// loop that polls every task after every turn also gets the order wrong,
/// and busy-polling is its cause.
fn no_busy_polling(reactor: &Reactor, rows: &[&str]) {
    for &row in rows {
        let unwoken = reactor.polls_without_wake(row);
        assert_eq!(
            unwoken,
            0,
            "{}",
            world::say!(
                en: "a future that is not woken is never polled again, but {row} was polled without a \
                     wake {unwoken} time(s): busy-polling (polling every task each round). Poll a task \
                     only when its waker put it back on the run queue",
                ko: "깨어나지 않은 future는 다시 poll되지 않아야 하는데, `{row}` 행은 깨어나지 않은 채 \
                     {unwoken}번 poll되었습니다: 바쁜 poll입니다(바퀴마다 모든 태스크를 poll함). \
                     태스크는 그 `Waker`가 실행 큐에 다시 넣었을 때만 poll하십시오",
            )
        );
    }
}

/// `run` returned only when every task was done: `sleeps` sleeps completed.
fn ran_to_the_end(reactor: &Reactor, sleeps: usize) {
    let completed = reactor.completed().len();
    assert!(
        completed == sleeps,
        "{}",
        world::say!(
            en: "run returns when every task is done, but it returned at {} ms with {} of the {sleeps} \
                 sleeps completed (the reactor turned {} time(s)): when the run queue is empty while \
                 tasks still wait, park on reactor.turn(); an empty queue is not the end",
            ko: "`run`은 모든 태스크가 끝나야 반환하는데, {} ms에 sleep {sleeps}개 중 {}개만 끝난 채 \
                 반환했습니다(리액터는 {}번 돌았습니다): 태스크가 아직 기다리는데 실행 큐가 비었으면 \
                 `reactor.turn()`에서 기다리십시오. 큐가 비었다고 끝난 것이 아닙니다",
            reactor.world().now().as_millis(),
            completed,
            reactor.turns()
        )
    );
}

/// Nothing was polled by `spawn`: no sleep on `rows` has started.
fn spawn_ran_nothing(reactor: &Reactor, rows: &[&str]) {
    for &row in rows {
        let polls = reactor.polls(row);
        assert_eq!(
            polls,
            0,
            "{}",
            world::say!(
                en: "spawn queues a task and runs nothing: {row}'s future was polled {polls} time(s) \
                     inside spawn, before run. The loop polls a task, in queue order, once run starts",
                ko: "`spawn`은 태스크를 큐에 넣을 뿐 아무것도 실행하지 않습니다: `{row}` 행의 future가 \
                     `run` 전에 `spawn` 안에서 {polls}번 poll되었습니다. 태스크는 `run`이 시작된 뒤에 \
                     루프가 큐 순서대로 poll합니다",
            )
        );
    }
}

/// A future that wakes its own task while it is polled, then is ready at
/// its next poll: a yield (`tokio::task::yield_now`). The wake comes from a
/// helper thread that the poll waits for, so a waker that waits for a lock
/// the loop holds during the poll is named, not left to hang.
struct WakesItself {
    row: &'static str,
    woke: bool,
}

impl Future for WakesItself {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.woke {
            return Poll::Ready(());
        }
        self.woke = true;
        let waker = cx.waker().clone();
        let (done, called) = mpsc::channel();
        std::thread::Builder::new()
            .name(format!("{} wakes itself", self.row))
            .spawn(move || {
                waker.wake();
                let _ = done.send(());
            })
            .expect("cannot start a thread");
        // A healthy waker returns in microseconds; a second of real time
        // means it waits for something the polling thread holds.
        if called.recv_timeout(Duration::from_secs(1)).is_err() {
            panic!(
                "{}",
                world::say!(
                    en: "task {} woke itself while it was polled (a yield), and its waker never \
                         returned: it waits for a lock that the loop holds across the poll, most likely \
                         the run queue's (`while let Some(t) = queue.lock().unwrap().pop_front()` keeps \
                         the guard for the whole body). Pop with the queue's lock released before the \
                         poll (the waker's thread then reports the lock poisoned by this panic)",
                    ko: "`{}` 태스크가 poll되는 동안 스스로를 깨웠는데(양보), 그 `Waker`가 반환하지 \
                         않았습니다: 루프가 poll 내내 잡고 있는 락을 기다리고 있습니다. 실행 큐의 락일 \
                         가능성이 큽니다(`while let Some(t) = queue.lock().unwrap().pop_front()`는 \
                         본문 내내 가드를 쥐고 있습니다). 큐의 락을 놓은 다음에 poll하도록 꺼내십시오\
                         (그러면 `Waker`의 스레드는 이 패닉으로 poison된 락을 보고합니다)",
                    self.row
                )
            );
        }
        Poll::Pending
    }
}

#[world::step]
fn step1_block_on() {
    let world = World::manual();
    let reactor = Reactor::new(&world);
    // An event that wakes no future: a callback due at 150 ms, between the
    // two sleeps' ends.
    reactor.call_later("tick", 150);
    let fut = {
        let reactor = reactor.clone();
        async move {
            reactor.sleep("A", 100).await;
            reactor.sleep("A", 200).await;
            "A done"
        }
    };

    let answer = watched(|| kata::block_on(&reactor, fut));

    assert_eq!(
        answer,
        "A done",
        "{}",
        world::say!(
            en: "block_on returns the future's output",
            ko: "`block_on`은 future의 출력을 반환합니다",
        )
    );
    assert_eq!(
        world.now(),
        ms(300),
        "{}",
        world::say!(
            en: "block_on returns when the future is ready: 100 + 200 = 300 ms",
            ko: "`block_on`은 future가 준비되면 반환합니다: 100 + 200 = 300 ms",
        )
    );
    polled_only_when_woken(&reactor, &[("A", 2)]);
    assert_eq!(
        reactor.turns(),
        3,
        "{}",
        world::say!(
            en: "the loop parks on the reactor once per event: A's two timers and the tick",
            ko: "루프는 이벤트 하나마다 한 번 리액터에서 기다립니다: `A` 행의 타이머 두 개와 `tick` \
                 콜백 하나",
        )
    );
    assert_timeline!("step1_block_on", world);
}

#[world::step]
fn step2_spawn_interleaves() {
    let world = World::manual();
    let reactor = Reactor::new(&world);
    let executor = kata::Executor::new(&reactor);
    let a = reactor.clone();
    executor.spawn(async move {
        for _ in 0..3 {
            a.sleep("A", 100).await;
        }
    });
    let b = reactor.clone();
    executor.spawn(async move {
        for _ in 0..2 {
            b.sleep("B", 150).await;
        }
    });
    // A world future spawned as it is, not inside an async block.
    executor.spawn(reactor.sleep("C", 250));
    spawn_ran_nothing(&reactor, &["A", "B", "C"]);

    watched(|| executor.run());

    no_busy_polling(&reactor, &["A", "B", "C"]);
    ran_to_the_end(&reactor, 6);
    assert_eq!(
        started(&world, "B"),
        ms(0),
        "{}",
        world::say!(
            en: "tasks interleave at their awaits: B starts at 0 ms, while A waits; spawn queues a \
                 task, it does not run it to the end",
            ko: "태스크들은 `.await` 지점에서 번갈아 실행됩니다: `A` 태스크가 기다리는 동안 `B` 태스크는 \
                 0 ms에 시작합니다. `spawn`은 태스크를 큐에 넣을 뿐, 끝까지 실행하지 않습니다",
        )
    );
    assert_eq!(
        reactor.completed(),
        ["A", "B", "A", "C", "B", "A"],
        "{}",
        world::say!(
            en: "tasks interleave at their awaits: A, B, A, C, B, A, each resumed when its timer \
                 fires, in the order the timers woke them (B's before A's at 300 ms)",
            ko: "태스크들은 `.await` 지점에서 번갈아 실행됩니다: `A, B, A, C, B, A` 순으로, 각자 타이머가 \
                 울릴 때 타이머가 깨운 순서대로 재개됩니다(300 ms에는 `B` 행의 타이머가 `A` 행의 \
                 타이머보다 먼저)",
        )
    );
    assert_eq!(
        world.now(),
        ms(300),
        "{}",
        world::say!(
            en: "run returns when every task is done, at 300 ms: the tasks waited together, not one \
                 after the other (800 ms)",
            ko: "`run`은 모든 태스크가 끝나는 300 ms에 반환합니다: 태스크들은 하나씩 차례로(800 ms)가 \
                 아니라 함께 기다렸습니다",
        )
    );
    polled_only_when_woken(&reactor, &[("A", 3), ("B", 2), ("C", 1)]);
    assert_timeline!("step2_spawn_interleaves", world);
}

#[world::step]
fn step2_task_wakes_itself() {
    let world = World::manual();
    let reactor = Reactor::new(&world);
    let executor = kata::Executor::new(&reactor);
    let log: Arc<Mutex<Vec<&'static str>>> = Arc::default();
    // A and B are woken together at 100 ms, A first. A then wakes itself
    // while it is polled (a yield), which puts it behind B.
    let (r, l) = (reactor.clone(), Arc::clone(&log));
    executor.spawn(async move {
        r.sleep("A", 100).await;
        l.lock().unwrap().push("A yields");
        r.world()
            .note("order", "A wakes itself while polled (a yield)");
        WakesItself {
            row: "A",
            woke: false,
        }
        .await;
        l.lock().unwrap().push("A resumes");
        r.world().note("order", "A resumes after its yield");
        r.sleep("A", 100).await;
    });
    let (r, l) = (reactor.clone(), Arc::clone(&log));
    executor.spawn(async move {
        r.sleep("B", 100).await;
        l.lock().unwrap().push("B runs");
        r.world().note("order", "B runs, woken before A's yield");
        r.sleep("B", 50).await;
    });
    spawn_ran_nothing(&reactor, &["A", "B"]);

    watched(|| executor.run());

    no_busy_polling(&reactor, &["A", "B"]);
    ran_to_the_end(&reactor, 4);
    let log = log.lock().unwrap().clone();
    if log.first() == Some(&"B runs") {
        panic!(
            "{}",
            world::say!(
                en: "A and B were woken together at 100 ms, A first, but B ran first ({log:?}): the \
                     run queue is first in, first out, so A runs, yields, and goes behind B. A waker \
                     that pushes to the front of the queue, or a stack, runs the last woken first",
                ko: "`A` 태스크와 `B` 태스크는 100 ms에 함께, `A`가 먼저 깨어났는데 `B`가 먼저 \
                     실행되었습니다({log:?}): 실행 큐는 먼저 들어온 것이 먼저 나가므로 `A`가 실행되고, \
                     양보하고, `B` 뒤로 갑니다. 큐의 앞쪽에 넣는 `Waker`나 스택은 마지막에 깨어난 \
                     태스크를 먼저 실행합니다",
            )
        );
    }
    if log == ["A yields", "A resumes", "B runs"] {
        panic!(
            "{}",
            world::say!(
                en: "a task that wakes itself while it is polled goes to the back of the run queue, \
                     behind the tasks woken before it: A yielded and ran again at once, before B, \
                     woken at 100 ms ({log:?}). A queue that runs the last pushed first (a stack: \
                     pop_back after push_back) hands A straight back to the loop",
                ko: "poll되는 동안 스스로를 깨운 태스크는 실행 큐의 맨 뒤, 먼저 깨어난 태스크들 뒤로 \
                     갑니다: `A`는 양보하자마자, 100 ms에 깨어난 `B`보다 먼저 다시 실행되었습니다\
                     ({log:?}). 마지막에 넣은 것을 먼저 실행하는 큐(스택: `push_back` 뒤에 \
                     `pop_back`)는 `A`를 곧바로 루프에 돌려줍니다",
            )
        );
    }
    assert_eq!(
        log,
        ["A yields", "B runs", "A resumes"],
        "{}",
        world::say!(
            en: "a task that wakes itself while it is polled goes to the back of the run queue: B, \
                 woken at 100 ms before A yielded, runs first, then A resumes",
            ko: "poll되는 동안 스스로를 깨운 태스크는 실행 큐의 맨 뒤로 갑니다: `A`가 양보하기 전, \
                 100 ms에 깨어난 `B`가 먼저 실행되고, 그다음에 `A`가 재개됩니다",
        )
    );
    assert_eq!(
        reactor.completed(),
        ["A", "B", "B", "A"],
        "{}",
        world::say!(
            en: "after its yield A sleeps again from 100 ms: B's 50 ms sleep ends at 150 ms, A's at \
                 200 ms",
            ko: "양보한 뒤 `A`는 100 ms부터 다시 sleep합니다: `B`의 50 ms sleep은 150 ms에, `A`의 \
                 sleep은 200 ms에 끝납니다",
        )
    );
    assert_eq!(
        world.now(),
        ms(200),
        "{}",
        world::say!(
            en: "run returns when both tasks are done, at 200 ms",
            ko: "`run`은 두 태스크가 모두 끝나는 200 ms에 반환합니다",
        )
    );
    polled_only_when_woken(&reactor, &[("A", 2), ("B", 2)]);
    assert_timeline!("step2_task_wakes_itself", world);
}

#[world::step]
fn step3_woken_order() {
    let world = World::manual();
    let reactor = Reactor::new(&world);
    let executor = kata::Executor::new(&reactor);
    // Spawned in the order 1, 2, 3. All three timers end at 30 ms, but they
    // were registered 2 (at 0 ms), 1 (at 20 ms), 3 (at 25 ms), and the
    // reactor fires the timers of one instant in that order.
    let r = reactor.clone();
    executor.spawn(async move {
        r.sleep("task 1", 20).await;
        r.sleep("task 1", 10).await;
    });
    let r = reactor.clone();
    executor.spawn(async move {
        r.sleep("task 2", 30).await;
    });
    let r = reactor.clone();
    executor.spawn(async move {
        r.sleep("task 3", 25).await;
        r.sleep("task 3", 5).await;
    });
    spawn_ran_nothing(&reactor, &["task 1", "task 2", "task 3"]);

    watched(|| executor.run());

    no_busy_polling(&reactor, &["task 1", "task 2", "task 3"]);
    ran_to_the_end(&reactor, 5);
    assert_eq!(
        reactor.woken(),
        ["task 1", "task 3", "task 2", "task 1", "task 3"],
        "{}",
        world::say!(
            en: "the reactor wakes the timers of one instant in the order they were registered",
            ko: "리액터는 같은 시각의 타이머를 등록된 순서대로 깨웁니다",
        )
    );
    // At 30 ms the reactor wakes task 2, task 1, task 3 (timers registered
    // at 0, 20 and 25 ms): the last three of each list.
    let (completed, woken) = (reactor.completed(), reactor.woken());
    let at_30 = &completed[completed.len().saturating_sub(3)..];
    let how = if at_30 == ["task 3", "task 1", "task 2"] {
        world::say!(
            en: "last in, first out: a stack (or pop_back) runs the last woken first",
            ko: "나중에 들어온 것이 먼저 나가는 순서입니다. 스택(또는 `pop_back`)은 마지막에 깨어난 \
                 태스크를 먼저 실행합니다",
        )
    } else if at_30 == ["task 1", "task 2", "task 3"] {
        world::say!(
            en: "in the order they were spawned: a scan over every task, not a queue of the woken",
            ko: "spawn한 순서입니다. 깨어난 태스크의 큐가 아니라 모든 태스크를 차례로 훑었습니다",
        )
    } else {
        world::say!(en: "in neither order", ko: "두 순서 어느 쪽도 아닙니다")
    };
    assert_eq!(
        completed,
        woken,
        "{}",
        world::say!(
            en: "spawned tasks run in the order they were woken (left: completed, right: woken, \
                 each sleep once): at 30 ms the reactor woke task 2, task 1, task 3, in the order \
                 their timers were registered (at 0, 20 and 25 ms), and yours ran {at_30:?}, {how}. \
                 The run queue is first in, first out",
            ko: "spawn한 태스크는 깨어난 순서대로 실행됩니다(left: 끝난 순서, right: 깨어난 순서, sleep마다 \
                 한 번씩): 30 ms에 리액터는 타이머가 등록된 순서(0, 20, 25 ms)대로 `task 2`, `task 1`, \
                 `task 3` 행을 깨웠는데, 여러분의 코드는 {at_30:?} 순으로 실행했습니다: {how}. \
                 실행 큐는 먼저 들어온 것이 먼저 나가야 합니다",
        )
    );
    polled_only_when_woken(&reactor, &[("task 1", 2), ("task 2", 1), ("task 3", 2)]);
    assert_timeline!("step3_woken_order", world);
}

#[world::step]
fn step4_block_on_returns_first() {
    let world = World::manual();
    let reactor = Reactor::new(&world);
    let executor = kata::Executor::new(&reactor);
    let r = reactor.clone();
    executor.spawn(async move {
        r.sleep("worker", 100).await;
        r.sleep("worker", 100).await;
    });
    executor.spawn(reactor.sleep("background", 1000));
    spawn_ran_nothing(&reactor, &["worker", "background"]);
    let main = {
        let reactor = reactor.clone();
        async move {
            reactor.sleep("main", 300).await;
            42
        }
    };

    let answer = watched(|| executor.block_on(main));

    assert_eq!(
        answer,
        42,
        "{}",
        world::say!(
            en: "block_on returns the main future's output",
            ko: "`block_on`은 `main` future의 출력을 반환합니다",
        )
    );
    assert_eq!(
        world.now(),
        ms(300),
        "{}",
        world::say!(
            en: "block_on returns the main future's output as soon as it is ready, at 300 ms, while \
                 other tasks still wait: it does not wait for the background task (1000 ms)",
            ko: "`block_on`은 다른 태스크가 아직 기다리더라도 `main` future가 준비되는 즉시, 300 ms에 \
                 그 출력을 반환합니다: `background` 태스크(1000 ms)는 기다리지 않습니다",
        )
    );
    no_busy_polling(&reactor, &["worker", "main", "background"]);
    assert!(
        reactor.polls("worker") > 0,
        "{}",
        world::say!(
            en: "spawned tasks run while block_on waits for the main future, but the worker was never \
                 polled: block_on must run the queued tasks between polls of main",
            ko: "spawn한 태스크는 `block_on`이 `main` future를 기다리는 동안 실행되어야 하는데, `worker` \
                 태스크는 한 번도 poll되지 않았습니다: `block_on`은 `main`을 poll하는 사이사이에 큐에 든 \
                 태스크를 실행해야 합니다",
        )
    );
    let woken = reactor.woken().iter().filter(|r| *r == "worker").count();
    let worker_polls = reactor.polls("worker");
    assert!(
        worker_polls > woken,
        "{}",
        world::say!(
            en: "the worker's sleep was woken at 100 ms but its task was never polled again (polled \
                 {worker_polls} time(s), woken {woken}): a task's waker must put it back on the run \
                 queue, and block_on must run that queue while main waits",
            ko: "`worker` 행의 sleep은 100 ms에 깨어났지만 그 태스크는 다시 poll되지 않았습니다\
                 (poll {worker_polls}번, 깨어남 {woken}번): 태스크의 `Waker`는 태스크를 실행 큐에 다시 \
                 넣어야 하고, `block_on`은 `main`이 기다리는 동안 그 큐를 실행해야 합니다",
        )
    );
    assert_eq!(
        reactor.completed(),
        ["worker", "worker", "main"],
        "{}",
        world::say!(
            en: "spawned tasks run while block_on waits for the main future: the worker's two sleeps \
                 end at 100 and 200 ms, before main's at 300 ms",
            ko: "spawn한 태스크는 `block_on`이 `main` future를 기다리는 동안 실행됩니다: `worker` 행의 \
                 sleep 두 개는 `main` 행의 sleep(300 ms)보다 먼저, 100 ms와 200 ms에 끝납니다",
        )
    );
    assert_eq!(
        reactor.polls("background"),
        1,
        "{}",
        world::say!(
            en: "the background task started (one poll) and still waits: it was never woken, so \
                 never polled again",
            ko: "`background` 태스크는 시작했고(poll 한 번) 아직 기다립니다: 깨어난 적이 없으니 다시 \
                 poll되지 않습니다",
        )
    );
    polled_only_when_woken(&reactor, &[("worker", 2), ("main", 1)]);
    assert_timeline!("step4_block_on_returns_first", world);
}
