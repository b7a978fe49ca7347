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
use world::reactor::watched;
use world::{Reactor, World, assert_timeline};

fn ms(millis: u64) -> Duration {
    Duration::from_millis(millis)
}

/// When the first sleep on `row` started, or a message saying it never did.
fn started(world: &World, row: &str) -> Duration {
    let spans = world.trace().spans_of(row);
    spans
        .first()
        .unwrap_or_else(|| panic!("{row} never started: its future was never polled"))
        .start
}

/// Every future on `rows` was polled exactly once to start and once when
/// woken: `sleeps` futures, two polls each, none without a wake.
fn polled_only_when_woken(reactor: &Reactor, rows: &[(&str, usize)]) {
    for &(row, sleeps) in rows {
        let unwoken = reactor.polls_without_wake(row);
        assert_eq!(
            unwoken, 0,
            "a future that is not woken is never polled again, but {row} was polled without a \
             wake {unwoken} time(s): busy-polling. Poll a task only when its waker was called"
        );
        assert_eq!(
            reactor.polls(row),
            2 * sleeps,
            "a future that is woken is polled again: each of {row}'s {sleeps} sleep(s) is \
             polled once to start and once when woken"
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
            unwoken, 0,
            "a future that is not woken is never polled again, but {row} was polled without a \
             wake {unwoken} time(s): busy-polling (polling every task each round). Poll a task \
             only when its waker put it back on the run queue"
        );
    }
}

/// `run` returned only when every task was done: `sleeps` sleeps completed.
fn ran_to_the_end(reactor: &Reactor, sleeps: usize) {
    let completed = reactor.completed().len();
    assert!(
        completed == sleeps,
        "run returns when every task is done, but it returned at {} ms with {} of the {sleeps} \
         sleeps completed (the reactor turned {} time(s)): when the run queue is empty while \
         tasks still wait, park on reactor.turn(); an empty queue is not the end",
        reactor.world().now().as_millis(),
        completed,
        reactor.turns()
    );
}

/// Nothing was polled by `spawn`: no sleep on `rows` has started.
fn spawn_ran_nothing(reactor: &Reactor, rows: &[&str]) {
    for &row in rows {
        let polls = reactor.polls(row);
        assert_eq!(
            polls, 0,
            "spawn queues a task and runs nothing: {row}'s future was polled {polls} time(s) \
             inside spawn, before run. The loop polls a task, in queue order, once run starts"
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
                "task {} woke itself while it was polled (a yield), and its waker never \
                 returned: it waits for a lock that the loop holds across the poll, most likely \
                 the run queue's (`while let Some(t) = queue.lock().unwrap().pop_front()` keeps \
                 the guard for the whole body). Pop with the queue's lock released before the \
                 poll (the waker's thread then reports the lock poisoned by this panic)",
                self.row
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

    assert_eq!(answer, "A done", "block_on returns the future's output");
    assert_eq!(
        world.now(),
        ms(300),
        "block_on returns when the future is ready: 100 + 200 = 300 ms"
    );
    polled_only_when_woken(&reactor, &[("A", 2)]);
    assert_eq!(
        reactor.turns(),
        3,
        "the loop parks on the reactor once per event: A's two timers and the tick"
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
        "tasks interleave at their awaits: B starts at 0 ms, while A waits; spawn queues a \
         task, it does not run it to the end"
    );
    assert_eq!(
        reactor.completed(),
        ["A", "B", "A", "C", "B", "A"],
        "tasks interleave at their awaits: A, B, A, C, B, A, each resumed when its timer \
         fires, in the order the timers woke them (B's before A's at 300 ms)"
    );
    assert_eq!(
        world.now(),
        ms(300),
        "run returns when every task is done, at 300 ms: the tasks waited together, not one \
         after the other (800 ms)"
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
            "A and B were woken together at 100 ms, A first, but B ran first ({log:?}): the \
             run queue is first in, first out, so A runs, yields, and goes behind B. A waker \
             that pushes to the front of the queue, or a stack, runs the last woken first"
        );
    }
    if log == ["A yields", "A resumes", "B runs"] {
        panic!(
            "a task that wakes itself while it is polled goes to the back of the run queue, \
             behind the tasks woken before it: A yielded and ran again at once, before B, \
             woken at 100 ms ({log:?}). A queue that runs the last pushed first (a stack: \
             pop_back after push_back) hands A straight back to the loop"
        );
    }
    assert_eq!(
        log,
        ["A yields", "B runs", "A resumes"],
        "a task that wakes itself while it is polled goes to the back of the run queue: B, \
         woken at 100 ms before A yielded, runs first, then A resumes"
    );
    assert_eq!(
        reactor.completed(),
        ["A", "B", "B", "A"],
        "after its yield A sleeps again from 100 ms: B's 50 ms sleep ends at 150 ms, A's at \
         200 ms"
    );
    assert_eq!(
        world.now(),
        ms(200),
        "run returns when both tasks are done, at 200 ms"
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
        "the reactor wakes the timers of one instant in the order they were registered"
    );
    // At 30 ms the reactor wakes task 2, task 1, task 3 (timers registered
    // at 0, 20 and 25 ms): the last three of each list.
    let (completed, woken) = (reactor.completed(), reactor.woken());
    let at_30 = &completed[completed.len().saturating_sub(3)..];
    let how = if at_30 == ["task 3", "task 1", "task 2"] {
        "last in, first out: a stack (or pop_back) runs the last woken first"
    } else if at_30 == ["task 1", "task 2", "task 3"] {
        "in the order they were spawned: a scan over every task, not a queue of the woken"
    } else {
        "in neither order"
    };
    assert_eq!(
        completed, woken,
        "spawned tasks run in the order they were woken (left: completed, right: woken, \
         each sleep once): at 30 ms the reactor woke task 2, task 1, task 3, in the order \
         their timers were registered (at 0, 20 and 25 ms), and yours ran {at_30:?}, {how}. \
         The run queue is first in, first out"
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

    assert_eq!(answer, 42, "block_on returns the main future's output");
    assert_eq!(
        world.now(),
        ms(300),
        "block_on returns the main future's output as soon as it is ready, at 300 ms, while \
         other tasks still wait: it does not wait for the background task (1000 ms)"
    );
    no_busy_polling(&reactor, &["worker", "main", "background"]);
    assert!(
        reactor.polls("worker") > 0,
        "spawned tasks run while block_on waits for the main future, but the worker was never \
         polled: block_on must run the queued tasks between polls of main"
    );
    let woken = reactor.woken().iter().filter(|r| *r == "worker").count();
    let worker_polls = reactor.polls("worker");
    assert!(
        worker_polls > woken,
        "the worker's sleep was woken at 100 ms but its task was never polled again (polled \
         {worker_polls} time(s), woken {woken}): a task's waker must put it back on the run \
         queue, and block_on must run that queue while main waits"
    );
    assert_eq!(
        reactor.completed(),
        ["worker", "worker", "main"],
        "spawned tasks run while block_on waits for the main future: the worker's two sleeps \
         end at 100 and 200 ms, before main's at 300 ms"
    );
    assert_eq!(
        reactor.polls("background"),
        1,
        "the background task started (one poll) and still waits: it was never woken, so \
         never polled again"
    );
    polled_only_when_woken(&reactor, &[("worker", 2), ("main", 1)]);
    assert_timeline!("step4_block_on_returns_first", world);
}
