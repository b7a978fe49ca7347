//! Kata 12, cancellation: one test per step of the README.
//!
//! Compiled twice, against the kata and against its reference solution, so
//! both are judged by the same tests and the same snapshots.

use std::time::Duration;

#[cfg(not(feature = "reference"))]
use cancellation as kata;
#[cfg(feature = "reference")]
use cancellation_solution as kata;
use kata::Outcome;
use tokio::time::sleep;
use world::kit::ms;
use world::trace::SpanRecord;
use world::{Ending, Fill, Item, Queue, Scratch, World, assert_timeline, within};

/// The one span on `row`, or a message saying it never started.
fn span_of(world: &World, row: &str) -> SpanRecord {
    world
        .trace()
        .spans_of(row)
        .into_iter()
        .next()
        .unwrap_or_else(|| {
            panic!(
                "{}",
                world::say!(
                    en: "{row} was never processed (never polled)",
                    ko: "`{row}` 행은 한 번도 처리되지 않았습니다(poll된 적이 없습니다)",
                )
            )
        })
}

/// Spawns `item`'s processing as a task of its own, as a caller would.
fn spawn_item(item: &Item) -> tokio::task::JoinHandle<String> {
    let item = item.clone();
    tokio::spawn(async move { item.process().await })
}

#[world::step]
async fn step1_abort() {
    let world = World::start();
    let item = Item::new(&world, 1, ms(1000));
    let handle = spawn_item(&item);

    within(10, kata::abort_after(handle, ms(300))).await;
    let returned_at = world.now();
    let at_return = world.trace();
    // Time for a task that was not cancelled to show it.
    sleep(ms(1200)).await;

    let span = span_of(&world, "item 1");
    assert_eq!(
        (span.ending, span.end),
        (Ending::Cancelled, Some(ms(300))),
        "{}",
        world::say!(
            en: "abort() cancels the task at its next .await: item 1 should stop at 300 ms (x). \
             Dropping its JoinHandle, or a timeout around the handle, only detaches it: it runs on \
             to 1000 ms",
            ko: "`abort()`는 태스크를 다음 `.await`에서 취소합니다: `item 1`은 300 ms에 멈춰야 \
                 합니다 (x). `JoinHandle`을 drop하거나 핸들에 타임아웃을 거는 것은 태스크를 \
                 분리할 뿐이라, 태스크는 1000 ms까지 계속 실행됩니다",
        )
    );
    assert_eq!(
        returned_at,
        ms(300),
        "{}",
        world::say!(
            en: "abort_after returns once the task is cancelled, at 300 ms",
            ko: "`abort_after`는 태스크가 취소된 뒤, 300 ms에 반환합니다",
        )
    );
    assert_eq!(
        at_return.cleanups(),
        [(ms(300), "item 1", "item 1 rolled back")],
        "{}",
        world::say!(
            en: "abort() only asks: the task is dropped when the runtime next gets to it. Await the \
             JoinHandle after abort() to know it has stopped and its Drop cleanup has run",
            ko: "`abort()`는 요청만 할 뿐입니다: 태스크는 런타임이 다음에 그 태스크를 다룰 때 \
                 drop됩니다. 태스크가 멈추고 `Drop`의 정리 코드가 실행된 것을 확인하려면 \
                 `abort()` 뒤에 `JoinHandle`을 await하십시오",
        )
    );
    assert_timeline!("step1_abort", world);
}

#[world::step]
async fn step2_outcome() {
    let world = World::start();
    let finishes = spawn_item(&Item::new(&world, 1, ms(500)));
    let aborted = spawn_item(&Item::new(&world, 2, ms(1000)));
    let panics = tokio::spawn({
        let world = world.clone();
        async move {
            let _span = world.span("item 3", "", Fill::Work);
            sleep(ms(200)).await;
            world::panic_on_purpose("item 3", "disk full");
        }
    });
    // Someone else cancels item 2 at 300 ms.
    let abort = aborted.abort_handle();
    tokio::spawn(async move {
        sleep(ms(300)).await;
        abort.abort();
    });

    let outcomes = within(10, async {
        [
            kata::outcome(finishes).await,
            kata::outcome(aborted).await,
            kata::outcome(panics).await,
        ]
    })
    .await;

    assert_eq!(
        outcomes[0],
        Outcome::Done("item 1 done".to_owned()),
        "{}",
        world::say!(
            en: "a task that finished hands back its value: Ok from its JoinHandle",
            ko: "끝난 태스크는 값을 돌려줍니다: `JoinHandle`에서 `Ok`를 받습니다",
        )
    );
    assert_eq!(
        outcomes[1],
        Outcome::Cancelled,
        "{}",
        world::say!(
            en: "an aborted task's JoinHandle answers Err(JoinError) whose is_cancelled() is true: \
             Rust's CancelledError",
            ko: "`abort()`로 취소된 태스크의 `JoinHandle`은 `is_cancelled()`가 true인 \
                 `Err(JoinError)`를 돌려줍니다: Rust판 `CancelledError`입니다",
        )
    );
    assert_eq!(
        outcomes[2],
        Outcome::Panicked,
        "{}",
        world::say!(
            en: "a JoinError is a cancellation or a panic: item 3 panicked (is_panic()), nobody \
             cancelled it",
            ko: "`JoinError`는 취소 아니면 패닉입니다: `item 3`에서는 패닉이 났고(`is_panic()`), \
                 아무도 취소하지 않았습니다",
        )
    );
    assert_timeline!("step2_outcome", world);
}

#[world::step]
async fn step3_drop_handle_or_future() {
    let world = World::start();
    let first = Item::new(&world, 1, ms(1000));
    let second = Item::new(&world, 2, ms(1000));

    within(10, kata::detach_and_drop(first, second, ms(300))).await;
    let returned_at = world.now();
    sleep(ms(1200)).await;

    let second = span_of(&world, "item 2");
    let second_why = match (second.ending, second.task) {
        (Ending::Done, Some(_)) => world::say!(
            en: "item 2 ran on to {} ms in a task of its own: a timeout around a spawned task's \
             JoinHandle drops only the handle, and the task runs on. Drop the future itself: \
             race item 2's processing, not a spawned task, against the 300 ms",
            ko: "`item 2`가 자기 태스크에서 {} ms까지 계속 실행됐습니다: spawn한 태스크의 \
                 `JoinHandle`에 타임아웃을 걸면 핸들만 drop되고 태스크는 계속 실행됩니다. future \
                 자체를 drop하십시오: spawn한 태스크가 아니라 `item 2`의 처리 자체를 300 ms와 \
                 경쟁시키십시오",
            second.end.unwrap_or_default().as_millis()
        ),
        (Ending::Done, None) => world::say!(
            en: "item 2 was awaited to the end ({} ms): nothing dropped it at 300 ms. Race it \
             against the time (tokio::time::timeout, or select! with a sleep): the future that \
             loses the race is dropped, and that cancels it at its .await",
            ko: "`item 2`는 끝까지 await됐습니다 ({} ms): 300 ms에 이 future를 drop한 코드가 \
                 없습니다. 시간과 경쟁시키십시오 (`tokio::time::timeout`, 또는 sleep과 함께 쓴 \
                 `select!`): 경쟁에서 진 future는 drop되고, 그래서 `.await` 지점에서 취소됩니다",
            second.end.unwrap_or_default().as_millis()
        ),
        _ => world::say!(
            en: "item 2 should stop at 300 ms",
            ko: "`item 2`는 300 ms에 멈춰야 합니다",
        ),
    };
    assert_eq!(
        (second.ending, second.end),
        (Ending::Cancelled, Some(ms(300))),
        "{}",
        world::say!(
            en: "dropping a future cancels it at its .await: {second_why}",
            ko: "future를 drop하면 그 future는 `.await` 지점에서 취소됩니다: {second_why}",
        )
    );
    let first = span_of(&world, "item 1");
    let first_why = match first.ending {
        Ending::Cancelled => world::say!(
            en: " Here item 1 was cancelled at {} ms: something aborted its task. abort() cancels, \
             and so does dropping a JoinSet, which aborts every task still in it; only a plain \
             JoinHandle, dropped, lets the task run on",
            ko: " 여기서는 `item 1`이 {} ms에 취소됐습니다: 무언가가 그 태스크에 `abort()`를 \
                 호출했습니다. `abort()`는 취소하고, `JoinSet`을 drop해도 그 안에 남은 태스크가 \
                 모두 `abort()`됩니다. 평범한 `JoinHandle`을 drop할 때만 태스크가 계속 실행됩니다",
            first.end.unwrap_or_default().as_millis()
        ),
        _ => String::new(),
    };
    assert_eq!(
        (first.ending, first.end),
        (Ending::Done, Some(ms(1000))),
        "{}",
        world::say!(
            en: "dropping a JoinHandle detaches the task, it does not cancel it: item 1 runs on to \
             1000 ms.{first_why}",
            ko: "`JoinHandle`을 drop하면 태스크가 분리될 뿐 취소되지 않습니다: `item 1`은 1000 \
                 ms까지 계속 실행됩니다.{first_why}",
        )
    );
    assert!(
        second.task.is_none(),
        "{}",
        world::say!(
            en: "item 2 ran in a task of its own, which was aborted at 300 ms: that is step 1's \
             abort() again. This step drops a future: process item 2 in detach_and_drop itself \
             (no spawn), race it against the 300 ms (tokio::time::timeout, or select! with a \
             sleep), and the future that loses is dropped",
            ko: "`item 2`가 자기 태스크에서 실행되다가 300 ms에 `abort()`로 취소됐습니다: 1단계의 \
                 `abort()`를 다시 한 것입니다. 이 단계에서는 future를 drop합니다: `item 2`를 \
                 `detach_and_drop` 안에서 직접(spawn 없이) 처리하고 300 ms와 경쟁시키십시오 \
                 (`tokio::time::timeout`, 또는 sleep과 함께 쓴 `select!`). 그러면 경쟁에서 진 \
                 future가 drop됩니다",
        )
    );
    assert!(
        first.task.is_some() && first.task != second.task,
        "{}",
        world::say!(
            en: "item 1 runs in a task of its own: tokio::spawn it",
            ko: "`item 1`은 자기 태스크에서 실행됩니다: `tokio::spawn`으로 spawn하십시오",
        )
    );
    assert_eq!(
        returned_at,
        ms(300),
        "{}",
        world::say!(
            en: "detach_and_drop returns at 300 ms, without waiting for the detached task",
            ko: "`detach_and_drop`은 분리한 태스크를 기다리지 않고 300 ms에 반환합니다",
        )
    );
    assert_timeline!("step3_drop_handle_or_future", world);
}

#[world::step]
async fn step4_cleanup_in_drop() {
    let world = World::start();
    let scratch = Scratch::new(&world);
    let slow = Item::new(&world, 1, ms(1000));
    let quick = Item::new(&world, 2, ms(200));

    let (cut, finished) = within(10, async {
        tokio::join!(
            tokio::time::timeout(ms(300), kata::export(&scratch, &slow)),
            kata::export(&scratch, &quick),
        )
    })
    .await;

    assert!(
        cut.is_err(),
        "{}",
        world::say!(
            en: "item 1 takes 1000 ms: the 300 ms timeout cuts it off",
            ko: "`item 1`은 1000 ms가 걸립니다: 300 ms 타임아웃이 중간에 끊습니다",
        )
    );
    assert_eq!(finished, "item 2 done");
    let left = scratch.files();
    if !left.is_empty() {
        // Was the removal only put off (a task spawned from the Drop), or is
        // there none? Give a deferred removal the time to show itself.
        let ended = world.now();
        sleep(ms(100)).await;
        let trace = world.trace();
        let later = trace
            .cleanups()
            .into_iter()
            .find(|(_, _, what)| left.iter().any(|path| *what == format!("removed {path}")));
        if let Some((at, _, what)) = later {
            let when = if at == ended {
                world::say!(
                    en: "later in that same instant ({} ms on the paused clock)",
                    ko: "같은 순간의 조금 뒤에야 (멈춘 시계로 {} ms)",
                    at.as_millis()
                )
            } else {
                world::say!(en: "only at {} ms", ko: "{} ms에야", at.as_millis())
            };
            panic!(
                "{}",
                world::say!(
                    en: "{left:?} was not removed when its export ended or was dropped: it was still \
                     there after both exports had returned ({} ms), and the trace shows `{what}` \
                     {when}: the Drop handed the removal to another task (async cleanup), which \
                     runs after the Drop has returned, and not at all if the runtime stops first. There is no async Drop: remove the file in the Drop \
                     itself, synchronously (scratch.remove is)",
                    ko: "{left:?}: `export`가 끝나거나 drop될 때 지워지지 않았습니다. 두 \
                         `export`가 모두 반환한 뒤({} ms)에도 남아 있었고, trace에는 `{what}` \
                         기록이 {when} 나타납니다: `Drop`이 삭제를 다른 태스크에 넘긴 \
                         것입니다(비동기 정리). 그 태스크는 `Drop`이 반환한 뒤에 실행되고, \
                         런타임이 먼저 멈추면 아예 실행되지 않습니다. 비동기 `Drop`은 없습니다: \
                         `Drop` 안에서 직접, 동기적으로 파일을 지우십시오 (`scratch.remove`는 \
                         동기 함수입니다)",
                    ended.as_millis(),
                )
            );
        }
    }
    assert_eq!(
        left,
        Vec::<String>::new(),
        "{}",
        world::say!(
            en: "a cancelled future runs no more of its code: nothing after the .await where it was \
             dropped. The temp file must be removed in a Drop, which runs either way",
            ko: "취소된 future는 자기 코드를 더 실행하지 않습니다: drop된 `.await` 뒤의 코드는 \
                 하나도 실행되지 않습니다. 임시 파일은 어느 쪽이든 실행되는 `Drop`에서 지워야 \
                 합니다",
        )
    );
    let trace = world.trace();
    let removed: Vec<(Duration, &str)> = trace
        .cleanups()
        .into_iter()
        .filter(|(_, _, what)| what.starts_with("removed"))
        .map(|(at, row, _)| (at, row))
        .collect();
    assert_eq!(
        removed,
        [(ms(200), "item 2"), (ms(300), "item 1")],
        "{}",
        world::say!(
            en: "the temp file lives as long as its item is processed: removed when item 2 is done \
             (200 ms) and when item 1 is cancelled (300 ms). `let _ = guard` drops it at once",
            ko: "임시 파일은 아이템을 처리하는 동안만 살아 있습니다: `item 2`가 끝날 때(200 ms)와 \
                 `item 1`이 취소될 때(300 ms) 지워집니다. `let _ = guard`는 그 자리에서 바로 \
                 drop합니다",
        )
    );
    assert_timeline!("step4_cleanup_in_drop", world);
}

/// In how many of `rounds` graceful shutdowns a worker took a new item
/// after the shutdown, each on a world of its own: the shutdown comes at
/// 300 ms, while the worker is busy with item 1 (until 500 ms), and its next
/// item (item 3) is already in the queue at 400 ms, so at 500 ms the signal
/// and the next item are both ready.
async fn items_taken_after_shutdown(rounds: u32) -> u32 {
    let mut taken = 0;
    for _ in 0..rounds {
        let world = World::start();
        let queue = Queue::new(
            &world,
            "queue A",
            vec![
                (ms(0), Item::new(&world, 1, ms(500))),
                (ms(400), Item::new(&world, 3, ms(500))),
            ],
        );
        within(10, kata::serve(vec![queue], sleep(ms(300)))).await;
        // Time for a worker left running to show it.
        sleep(ms(1000)).await;
        if !world.trace().spans_of("item 3").is_empty() {
            taken += 1;
        }
    }
    taken
}

#[world::step]
async fn step5_graceful_shutdown() {
    // Many ties first, each in a throwaway world: a select! without
    // `biased;` picks a random ready branch, so it takes item 3 in about
    // half the rounds; the chance that it stops in all 32 is 2^-32, about
    // one run in four billion. Judged after the scenario below, whose
    // checks name the other mistakes first.
    const ROUNDS: u32 = 32;
    let taken_after_shutdown = items_taken_after_shutdown(ROUNDS).await;

    let world = World::start();
    let item = |id, takes| Item::new(&world, id, ms(takes));
    let queue_a = Queue::new(
        &world,
        "queue A",
        vec![(ms(0), item(1, 500)), (ms(600), item(3, 500))],
    );
    let queue_b = Queue::new(
        &world,
        "queue B",
        vec![(ms(0), item(2, 200)), (ms(2000), item(4, 300))],
    );

    let done = within(10, kata::serve(vec![queue_a, queue_b], sleep(ms(300)))).await;
    let returned_at = world.now();
    // Time for a worker left running to show it.
    sleep(ms(3000)).await;

    let items: Vec<SpanRecord> = world
        .trace()
        .spans()
        .into_iter()
        .filter(|s| s.actor.starts_with("item"))
        .collect();
    if let Some(cut) = items.iter().find(|s| s.ending == Ending::Cancelled) {
        panic!(
            "{}",
            world::say!(
                en: "a graceful shutdown lets each worker finish the item it is on, but {} was cut off \
                 at {:?} (x) and rolled back: the worker was killed mid-item. Signal the workers \
                 instead of aborting them, and race only the wait for an item against the signal, \
                 never its processing",
                ko: "우아한 종료에서는 워커마다 처리 중인 아이템을 끝까지 처리하게 두어야 하는데, \
                     {} 처리가 {:?}에 중간에 끊기고(x) 롤백됐습니다: 워커가 아이템 도중에 \
                     죽었습니다. 워커를 `abort()`하지 말고 신호를 보내십시오. 그리고 신호와 \
                     경쟁시킬 것은 아이템을 기다리는 부분뿐이고, 아이템을 처리하는 부분은 절대 \
                     아닙니다",
                cut.actor,
                cut.end.unwrap_or_default(),
            )
        );
    }
    if let Some(late) = items.iter().find(|s| s.start > ms(300)) {
        // Was the worker asleep in queue.next() at the shutdown (its queue's
        // wait spans 300 ms), or busy with an item then?
        let asleep = world.trace().spans().into_iter().any(|s| {
            s.actor.starts_with("queue")
                && s.start <= ms(300)
                && s.end.is_some_and(|end| end > ms(300) && end <= late.start)
        });
        if asleep {
            panic!(
                "{}",
                world::say!(
                    en: "after the shutdown (300 ms) no worker takes a new item, but {} started at \
                     {:?}: its worker was asleep in queue.next() when the signal came, and the \
                     signal did not wake it. A flag checked between items is never seen by a \
                     worker waiting for its next item: race the wait against the signal",
                    ko: "종료(300 ms) 뒤에는 어떤 워커도 새 아이템을 가져가지 않아야 하는데, {} \
                         처리가 {:?}에 시작됐습니다: 신호가 왔을 때 그 워커는 `queue.next()`에서 \
                         잠들어 있었고, 신호가 워커를 깨우지 못했습니다. 아이템 사이에 확인하는 \
                         플래그는 다음 아이템을 기다리는 워커에게는 보이지 않습니다: 기다림을 \
                         신호와 경쟁시키십시오",
                    late.actor, late.start,
                )
            );
        }
        panic!(
            "{}",
            world::say!(
                en: "after the shutdown (300 ms) no worker takes a new item, but {} started at {:?}: \
                 its worker was busy with an item when the signal came, and missed it. The \
                 shutdown must stay seen once it is sent (a watch's value read with wait_for or \
                 borrow, a CancellationToken, a flag), not be an event that only a worker waiting \
                 right then receives (Notify::notify_waiters) or that a busy worker can mark seen \
                 and then wait for again (a watch's changed() after borrow_and_update)",
                ko: "종료(300 ms) 뒤에는 어떤 워커도 새 아이템을 가져가지 않아야 하는데, {} 처리가 \
                     {:?}에 시작됐습니다: 신호가 왔을 때 그 워커는 아이템을 처리하느라 바빠서 \
                     신호를 놓쳤습니다. 종료 신호는 한 번 보내면 계속 보여야 합니다 (`wait_for`나 \
                     `borrow`로 읽는 `watch`의 값, `CancellationToken`, 플래그). 바로 그때 \
                     기다리던 워커만 받는 이벤트(`Notify::notify_waiters`)나, 바쁜 워커가 본 \
                     것으로 표시해 놓고 다시 기다릴 수 있는 이벤트(`borrow_and_update` 뒤의 \
                     `watch`의 `changed()`)여서는 안 됩니다",
                late.actor, late.start,
            )
        );
    }
    assert!(
        returned_at >= ms(500),
        "{}",
        world::say!(
            en: "serve returns once every worker has stopped: worker A finishes item 1 at 500 ms, but \
             serve returned at {returned_at:?}. Await the workers' JoinHandles",
            ko: "`serve`는 모든 워커가 멈춘 뒤에 반환합니다: 워커 A는 500 ms에 `item 1`을 \
                 끝내는데, `serve`는 {returned_at:?}에 반환했습니다. 워커들의 `JoinHandle`을 \
                 await하십시오",
        )
    );
    assert_eq!(
        returned_at,
        ms(500),
        "{}",
        world::say!(
            en: "a worker waiting for its next item must wake at the shutdown: serve should return at \
             500 ms, when worker A finishes item 1, but returned at {returned_at:?}. A flag checked \
             between items is never seen by a worker asleep in queue.next(): it sleeps on until its \
             next item",
            ko: "다음 아이템을 기다리는 워커는 종료 때 깨어나야 합니다: `serve`는 워커 A가 \
                 `item 1`을 끝내는 500 ms에 반환해야 하는데, {returned_at:?}에 반환했습니다. \
                 아이템 사이에 확인하는 플래그는 `queue.next()`에서 잠든 워커에게 보이지 \
                 않습니다: 워커는 다음 아이템이 올 때까지 계속 잡니다",
        )
    );
    let mut sorted = done.clone();
    sorted.sort();
    assert!(
        done == [vec![1], vec![2]] || sorted != [vec![1], vec![2]],
        "{}",
        world::say!(
            en: "serve returns one list per queue in the order of `queues` (queue A's, then queue \
             B's), whatever order the workers stop in: [[1], [2]], not {done:?}. Worker B stopped \
             first (at 300 ms), worker A at 500 ms: collecting the results as the workers stop (a \
             JoinSet's join_next) puts them in stopping order; await the handles in the order of \
             the queues, or put each result back at its queue's index",
            ko: "`serve`는 워커가 어떤 순서로 멈추든 `queues`의 순서대로 큐마다 목록을 하나씩 \
                 돌려줍니다 (`queue A`의 것, 그다음 `queue B`의 것): {done:?}이 아니라 [[1], \
                 [2]]입니다. 워커 B가 먼저(300 ms), 워커 A가 500 ms에 멈췄습니다: 워커가 멈추는 \
                 대로 결과를 모으면(`JoinSet`의 `join_next`) 멈춘 순서가 됩니다. 핸들을 큐의 \
                 순서대로 await하거나, 각 결과를 그 큐의 인덱스 자리에 넣으십시오",
        )
    );
    assert_eq!(
        done,
        [vec![1], vec![2]],
        "{}",
        world::say!(
            en: "serve returns, per queue in the order of `queues`, the ids of the items its worker \
             finished: queue A's worker finished item 1, queue B's item 2",
            ko: "`serve`는 `queues`의 순서대로, 큐마다 그 워커가 끝낸 아이템의 id를 돌려줍니다: \
                 `queue A`의 워커는 `item 1`을, `queue B`의 워커는 `item 2`를 끝냈습니다",
        )
    );
    let tasks: Vec<_> = ["item 1", "item 2"]
        .into_iter()
        .map(|row| span_of(&world, row).task)
        .collect();
    assert!(
        tasks.iter().all(Option::is_some) && tasks[0] != tasks[1],
        "{}",
        world::say!(
            en: "spawn one worker task per queue: items 1 and 2 were processed in {}, not each in a \
             worker task of its own. Workers are tasks (tokio::spawn, or a JoinSet) that serve \
             awaits at the end: that is what a graceful shutdown waits for, and what the runtime \
             would drop at its next .await if serve returned without waiting",
            ko: "큐마다 워커 태스크를 하나씩 spawn하십시오: `item 1`과 `item 2`가 각자의 워커 \
                 태스크가 아니라 {}에서 처리됐습니다. 워커는 `serve`가 마지막에 await하는 \
                 태스크입니다(`tokio::spawn`, 또는 `JoinSet`): 우아한 종료가 기다리는 것이 바로 \
                 이 태스크이고, `serve`가 기다리지 않고 반환하면 런타임이 다음 `.await`에서 \
                 drop할 것도 이 태스크입니다",
            if tasks.iter().all(Option::is_none) {
                world::say!(
                    en: "serve's own future (joined in place, no task)",
                    ko: "`serve` 자신의 future(태스크 없이 그 자리에서 join)",
                )
            } else {
                world::say!(en: "one and the same task", ko: "하나의 같은 태스크")
            },
        )
    );
    assert!(
        taken_after_shutdown < ROUNDS,
        "{}",
        world::say!(
            en: "after the shutdown no worker takes a new item, even one already waiting in its queue: \
             in {ROUNDS} rounds of {ROUNDS} a worker that finished its item at 500 ms, after the \
             shutdown (300 ms), took the item that had arrived at 400 ms. Its select! polls the \
             queue before the signal: with `biased;`, write the stop branch above the wait",
            ko: "종료 뒤에는 어떤 워커도 새 아이템을 가져가지 않습니다. 이미 큐에서 기다리는 \
                 아이템도 마찬가지입니다: {ROUNDS}번 중 {ROUNDS}번 모두, 종료(300 ms) 뒤 500 ms에 \
                 아이템을 끝낸 워커가 400 ms에 도착한 아이템을 가져갔습니다. `select!`가 신호보다 \
                 큐를 먼저 poll합니다: `biased;`와 함께 멈춤 분기를 기다림 분기보다 위에 쓰십시오",
        )
    );
    assert_eq!(
        taken_after_shutdown,
        0,
        "{}",
        world::say!(
            en: "after the shutdown no worker takes a new item, even one already waiting in its queue: \
             in {taken_after_shutdown} of {ROUNDS} rounds a worker that finished its item at 500 \
             ms, after the shutdown (300 ms), took the item that had arrived at 400 ms. When the \
             signal and the next item are both ready, select! without `biased;` picks a branch at \
             random: write `biased;` first, with the stop branch above the wait",
            ko: "종료 뒤에는 어떤 워커도 새 아이템을 가져가지 않습니다. 이미 큐에서 기다리는 \
                 아이템도 마찬가지입니다: {ROUNDS}번 중 {taken_after_shutdown}번, 종료(300 ms) 뒤 \
                 500 ms에 아이템을 끝낸 워커가 400 ms에 도착한 아이템을 가져갔습니다. 신호와 다음 \
                 아이템이 둘 다 준비되어 있으면 `biased;` 없는 `select!`는 분기를 무작위로 \
                 고릅니다: `biased;`를 맨 앞에 쓰고, 멈춤 분기를 기다림 분기보다 위에 두십시오",
        )
    );
    assert_timeline!("step5_graceful_shutdown", world);
}
