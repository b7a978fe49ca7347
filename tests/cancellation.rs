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
use world::trace::SpanRecord;
use world::{Ending, Fill, Item, Queue, Scratch, World, assert_timeline, within};

fn ms(millis: u64) -> Duration {
    Duration::from_millis(millis)
}

/// The one span on `row`, or a message saying it never started.
fn span_of(world: &World, row: &str) -> SpanRecord {
    world
        .trace()
        .spans_of(row)
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("{row} was never processed (never polled)"))
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
        "abort() cancels the task at its next .await: item 1 should stop at 300 ms (x). \
         Dropping its JoinHandle, or a timeout around the handle, only detaches it: it runs on \
         to 1000 ms"
    );
    assert_eq!(
        returned_at,
        ms(300),
        "abort_after returns once the task is cancelled, at 300 ms"
    );
    assert_eq!(
        at_return.cleanups(),
        [(ms(300), "item 1", "item 1 rolled back")],
        "abort() only asks: the task is dropped when the runtime next gets to it. Await the \
         JoinHandle after abort() to know it has stopped and its Drop cleanup has run"
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
        "a task that finished hands back its value: Ok from its JoinHandle"
    );
    assert_eq!(
        outcomes[1],
        Outcome::Cancelled,
        "an aborted task's JoinHandle answers Err(JoinError) whose is_cancelled() is true: \
         Rust's CancelledError"
    );
    assert_eq!(
        outcomes[2],
        Outcome::Panicked,
        "a JoinError is a cancellation or a panic: item 3 panicked (is_panic()), nobody \
         cancelled it"
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
        (Ending::Done, Some(_)) => format!(
            "item 2 ran on to {} ms in a task of its own: a timeout around a spawned task's \
             JoinHandle drops only the handle, and the task runs on. Drop the future itself: \
             race item 2's processing, not a spawned task, against the 300 ms",
            second.end.unwrap_or_default().as_millis()
        ),
        (Ending::Done, None) => format!(
            "item 2 was awaited to the end ({} ms): nothing dropped it at 300 ms. Race it \
             against the time (tokio::time::timeout, or select! with a sleep): the future that \
             loses the race is dropped, and that cancels it at its .await",
            second.end.unwrap_or_default().as_millis()
        ),
        _ => "item 2 should stop at 300 ms".to_owned(),
    };
    assert_eq!(
        (second.ending, second.end),
        (Ending::Cancelled, Some(ms(300))),
        "dropping a future cancels it at its .await: {second_why}"
    );
    let first = span_of(&world, "item 1");
    let first_why = match first.ending {
        Ending::Cancelled => format!(
            " Here item 1 was cancelled at {} ms: something aborted its task. abort() cancels, \
             and so does dropping a JoinSet, which aborts every task still in it; only a plain \
             JoinHandle, dropped, lets the task run on",
            first.end.unwrap_or_default().as_millis()
        ),
        _ => String::new(),
    };
    assert_eq!(
        (first.ending, first.end),
        (Ending::Done, Some(ms(1000))),
        "dropping a JoinHandle detaches the task, it does not cancel it: item 1 runs on to \
         1000 ms.{first_why}"
    );
    assert!(
        second.task.is_none(),
        "item 2 ran in a task of its own, which was aborted at 300 ms: that is step 1's \
         abort() again. This step drops a future: process item 2 in detach_and_drop itself \
         (no spawn), race it against the 300 ms (tokio::time::timeout, or select! with a \
         sleep), and the future that loses is dropped"
    );
    assert!(
        first.task.is_some() && first.task != second.task,
        "item 1 runs in a task of its own: tokio::spawn it"
    );
    assert_eq!(
        returned_at,
        ms(300),
        "detach_and_drop returns at 300 ms, without waiting for the detached task"
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
        "item 1 takes 1000 ms: the 300 ms timeout cuts it off"
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
                format!(
                    "later in that same instant ({} ms on the paused clock)",
                    at.as_millis()
                )
            } else {
                format!("only at {} ms", at.as_millis())
            };
            panic!(
                "{left:?} was not removed when its export ended or was dropped: it was still \
                 there after both exports had returned ({} ms), and the trace shows `{what}` \
                 {when}: the Drop handed the removal to another task (async cleanup), which \
                 runs after the Drop has returned, and not at all if the runtime stops first. There is no async Drop: remove the file in the Drop \
                 itself, synchronously (scratch.remove is)",
                ended.as_millis(),
            );
        }
    }
    assert_eq!(
        left,
        Vec::<String>::new(),
        "a cancelled future runs no more of its code: nothing after the .await where it was \
         dropped. The temp file must be removed in a Drop, which runs either way"
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
        "the temp file lives as long as its item is processed: removed when item 2 is done \
         (200 ms) and when item 1 is cancelled (300 ms). `let _ = guard` drops it at once"
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
            "a graceful shutdown lets each worker finish the item it is on, but {} was cut off \
             at {:?} (x) and rolled back: the worker was killed mid-item. Signal the workers \
             instead of aborting them, and race only the wait for an item against the signal, \
             never its processing",
            cut.actor,
            cut.end.unwrap_or_default()
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
                "after the shutdown (300 ms) no worker takes a new item, but {} started at \
                 {:?}: its worker was asleep in queue.next() when the signal came, and the \
                 signal did not wake it. A flag checked between items is never seen by a \
                 worker waiting for its next item: race the wait against the signal",
                late.actor, late.start
            );
        }
        panic!(
            "after the shutdown (300 ms) no worker takes a new item, but {} started at {:?}: \
             its worker was busy with an item when the signal came, and missed it. The \
             shutdown must stay seen once it is sent (a watch's value read with wait_for or \
             borrow, a CancellationToken, a flag), not be an event that only a worker waiting \
             right then receives (Notify::notify_waiters) or that a busy worker can mark seen \
             and then wait for again (a watch's changed() after borrow_and_update)",
            late.actor, late.start
        );
    }
    assert!(
        returned_at >= ms(500),
        "serve returns once every worker has stopped: worker A finishes item 1 at 500 ms, but \
         serve returned at {returned_at:?}. Await the workers' JoinHandles"
    );
    assert_eq!(
        returned_at,
        ms(500),
        "a worker waiting for its next item must wake at the shutdown: serve should return at \
         500 ms, when worker A finishes item 1, but returned at {returned_at:?}. A flag checked \
         between items is never seen by a worker asleep in queue.next(): it sleeps on until its \
         next item"
    );
    let mut sorted = done.clone();
    sorted.sort();
    assert!(
        done == [vec![1], vec![2]] || sorted != [vec![1], vec![2]],
        "serve returns one list per queue in the order of `queues` (queue A's, then queue \
         B's), whatever order the workers stop in: [[1], [2]], not {done:?}. Worker B stopped \
         first (at 300 ms), worker A at 500 ms: collecting the results as the workers stop (a \
         JoinSet's join_next) puts them in stopping order; await the handles in the order of \
         the queues, or put each result back at its queue's index"
    );
    assert_eq!(
        done,
        [vec![1], vec![2]],
        "serve returns, per queue in the order of `queues`, the ids of the items its worker \
         finished: queue A's worker finished item 1, queue B's item 2"
    );
    let tasks: Vec<_> = ["item 1", "item 2"]
        .into_iter()
        .map(|row| span_of(&world, row).task)
        .collect();
    assert!(
        tasks.iter().all(Option::is_some) && tasks[0] != tasks[1],
        "spawn one worker task per queue: items 1 and 2 were processed in {}, not each in a \
         worker task of its own. Workers are tasks (tokio::spawn, or a JoinSet) that serve \
         awaits at the end: that is what a graceful shutdown waits for, and what the runtime \
         would drop at its next .await if serve returned without waiting",
        if tasks.iter().all(Option::is_none) {
            "serve's own future (joined in place, no task)"
        } else {
            "one and the same task"
        }
    );
    assert!(
        taken_after_shutdown < ROUNDS,
        "after the shutdown no worker takes a new item, even one already waiting in its queue: \
         in {ROUNDS} rounds of {ROUNDS} a worker that finished its item at 500 ms, after the \
         shutdown (300 ms), took the item that had arrived at 400 ms. Its select! polls the \
         queue before the signal: with `biased;`, write the stop branch above the wait"
    );
    assert_eq!(
        taken_after_shutdown, 0,
        "after the shutdown no worker takes a new item, even one already waiting in its queue: \
         in {taken_after_shutdown} of {ROUNDS} rounds a worker that finished its item at 500 \
         ms, after the shutdown (300 ms), took the item that had arrived at 400 ms. When the \
         signal and the next item are both ready, select! without `biased;` picks a branch at \
         random: write `biased;` first, with the stop branch above the wait"
    );
    assert_timeline!("step5_graceful_shutdown", world);
}
