//! Kata 09, producer consumer: one test per step of the README.
//!
//! Compiled twice, against the kata and against its reference solution, so
//! both are judged by the same tests and the same snapshots.

use std::future::Future;
use std::time::Duration;

#[cfg(not(feature = "reference"))]
use producer_consumer as kata;
#[cfg(feature = "reference")]
use producer_consumer_solution as kata;
use world::{Consumer, Ending, Source, World, assert_timeline, within};

fn ms(millis: u64) -> Duration {
    Duration::from_millis(millis)
}

/// Awaits the kata's call, which returns once its consumers have stopped.
/// If they never do, the message says why, from what the trace shows: a
/// producer stuck handing an item over, or producers long done while
/// their sender lives on.
async fn stops<T>(world: &World, call: impl Future<Output = T>) -> T {
    // Not `timeout`, which would drop the call before the trace is read:
    // the diagnosis needs the producers' bars as they were, still open.
    let mut call = std::pin::pin!(call);
    tokio::select! {
        biased;
        output = &mut call => output,
        () = tokio::time::sleep(Duration::from_secs(8)) => panic!("{}", why_never_stopped(world)),
    }
}

fn why_never_stopped(world: &World) -> String {
    let spans = world.trace().spans();
    let producers: Vec<_> = spans
        .iter()
        .filter(|s| s.actor.starts_with("producer"))
        .collect();
    if let Some(stuck) = producers.iter().find(|s| s.ending == Ending::Open) {
        return format!(
            "the consumers never stopped, and {} is still handing {} over (since {} ms): its \
             send waits for room in a full queue that no consumer takes from. Run the consumers \
             while the producer runs (not after awaiting it), until recv() answers None",
            stuck.actor,
            stuck.label,
            stuck.start.as_millis()
        );
    }
    let producers_done = producers.iter().filter_map(|s| s.end).max();
    let last_consumed = spans
        .iter()
        .filter(|s| s.actor.starts_with("consumer"))
        .filter_map(|s| s.end)
        .max();
    format!(
        "the consumers never stopped: the producers were done by {} ms and the last item was \
         consumed at {} ms, yet recv() kept waiting. recv() answers None only once every Sender \
         is dropped, so a sender is still alive: the tx kept after cloning it for the producer \
         (drop it), or a clone held on the consumers' side. No sentinel is needed: drop the \
         senders",
        producers_done.map_or(0, |d| d.as_millis()),
        last_consumed.map_or(0, |d| d.as_millis()),
    )
}

/// When `row` handed each item over: the ends of its item bars.
fn handed_over(world: &World, row: &str) -> Vec<Duration> {
    world
        .trace()
        .spans_of(row)
        .iter()
        .filter(|s| s.label.starts_with("item"))
        .filter_map(|s| s.end)
        .collect()
}

/// When `row` started work on each item.
fn work_starts(world: &World, row: &str) -> Vec<Duration> {
    world
        .trace()
        .spans_of(row)
        .iter()
        .map(|s| s.start)
        .collect()
}

fn sorted(mut ids: Vec<u32>) -> Vec<u32> {
    ids.sort_unstable();
    ids
}

/// Why the items consumed are not `expected`, from the trace: the call
/// returned while a consumer was still at work (detached consumers not
/// waited for), an item consumed twice (every consumer got every item), or
/// items that no consumer ever took.
fn why_not_all_consumed(world: &World, consumed: &[u32], expected: &[u32]) -> String {
    let returned = world.now();
    let busy: Vec<String> = world
        .trace()
        .spans()
        .iter()
        .filter(|s| s.actor.starts_with("consumer"))
        .filter(|s| s.end.is_none_or(|end| end > returned))
        .map(|s| format!("{} on {}", s.actor, s.label))
        .collect();
    if !busy.is_empty() {
        return format!(
            "the call returned at {} ms while consumers were still at work ({}): return only \
             once every consumer has stopped, and await each consumer task (its JoinHandle, or \
             a JoinSet) for its items; a detached consumer's items are lost",
            returned.as_millis(),
            busy.join(", ")
        );
    }
    let mut seen = sorted(consumed.to_vec());
    seen.dedup();
    if seen.len() < consumed.len() {
        return "each item is consumed exactly once, by one of the consumers, but an item was \
                consumed more than once (a broadcast channel gives every consumer every item)"
            .to_owned();
    }
    let missing: Vec<u32> = expected
        .iter()
        .copied()
        .filter(|id| !consumed.contains(id))
        .collect();
    format!("items {missing:?} were never consumed: every item is consumed, once")
}

/// How many items `row` worked on at the same time, at most.
fn at_once(world: &World, row: &str) -> usize {
    world.trace().peak(|s| s.actor == row)
}

#[world::step]
async fn step1_seed() {
    let world = World::start();
    let source = Source::every(&world, "producer", 5, ms(500));
    let consumer = Consumer::new(&world, "consumer");

    let consumed = within(10, stops(&world, kata::seed(source, consumer))).await;
    let returned = world.now();

    assert_eq!(
        consumed,
        [0, 1, 2, 3, 4],
        "every item is consumed, in order; the consumer returned at {} ms. An empty queue is \
         not a closed one: try_recv's Empty only says nothing is there yet. Await recv(), \
         which answers None only when the producer is done",
        returned.as_millis()
    );
    assert_eq!(
        work_starts(&world, "consumer"),
        [ms(0), ms(500), ms(1000), ms(1500), ms(2000)],
        "item i is consumed at i x 500 ms: the consumer takes each item as it arrives"
    );
    assert_eq!(
        returned,
        ms(2500),
        "the consumer stops when the producer drops its sender after its last wait, at 2500 ms: \
         recv() answers None then, no sentinel needed"
    );
    assert_timeline!("step1_seed", world);
}

#[world::step]
async fn step2_backpressure() {
    let world = World::start();
    let source = Source::every(&world, "producer", 5, ms(50));
    let consumer = Consumer::new(&world, "consumer");

    let consumed = within(10, stops(&world, kata::bounded(source, consumer, 1))).await;
    let returned = world.now();

    let missing: Vec<u32> = (0..5).filter(|id| !consumed.contains(id)).collect();
    assert!(
        missing.is_empty(),
        "items {missing:?} were never consumed: the producer did not wait for room in the full \
         queue, and the items it could not put in were dropped (try_send answers Err(Full) at \
         once, and an item dropped then is lost). That is load shedding, not backpressure: \
         send().await waits for room, and the wait is what slows the producer down"
    );
    assert_eq!(
        consumed,
        [0, 1, 2, 3, 4],
        "every item is consumed, in order"
    );
    let together = at_once(&world, "consumer");
    assert_eq!(
        together, 1,
        "the one consumer worked on {together} items at the same time: each consume() was \
         handed to a task of its own, so recv() emptied the queue at once, the producer never \
         waited for room, and the bound held back nothing. Backpressure needs the consumer to \
         finish an item before its next recv()"
    );
    assert_eq!(
        handed_over(&world, "producer"),
        [ms(0), ms(50), ms(200), ms(400), ms(600)],
        "backpressure: with room for 1 item, a producer that makes one every 50 ms must wait \
         for the consumer (200 ms an item): it hands items 2, 3 and 4 over at 200, 400 and \
         600 ms. A producer that never waits (an unbounded channel, or a bound larger than \
         asked) lets the queue grow without limit"
    );
    assert_eq!(
        returned,
        ms(1000),
        "the consumer works through the five items back to back and stops at 1000 ms"
    );
    assert_timeline!("step2_backpressure", world);
}

#[world::step]
async fn step3_shared_work() {
    let world = World::start();
    let source = Source::every(&world, "producer", 6, ms(100));
    let consumers = vec![
        Consumer::new(&world, "consumer 1"),
        Consumer::new(&world, "consumer 2"),
    ];

    let consumed = within(10, stops(&world, kata::shared(source, consumers, 1))).await;
    let returned = world.now();

    let expected = [0, 1, 2, 3, 4, 5];
    assert_eq!(
        sorted(consumed.clone()),
        expected,
        "{}",
        why_not_all_consumed(&world, &consumed, &expected)
    );
    for row in ["consumer 1", "consumer 2"] {
        assert!(
            !world.trace().spans_of(row).is_empty(),
            "several consumers share the work, but {row} consumed nothing: every consumer \
             must take items from the one queue"
        );
    }
    assert_eq!(
        world.trace().peak(|s| s.actor.starts_with("consumer ")),
        2,
        "several consumers share the work: both consumers work at the same time. Does a \
         consumer hold the receiver's lock while it works (a `while let` keeps its lock guard \
         for the whole loop body)? Lock for the recv() only"
    );
    assert_eq!(
        returned,
        ms(700),
        "two consumers keep up with an item every 100 ms: the last is done at 700 ms, and \
         both consumers stop once the producer has dropped its sender"
    );
    assert_timeline!("step3_shared_work", world);
}

#[world::step]
async fn step4_many_producers() {
    let world = World::start();
    let sources = vec![
        Source::new(
            &world,
            "producer A",
            vec![(ms(100), 1), (ms(100), 2)],
            ms(100),
        ),
        Source::new(
            &world,
            "producer B",
            vec![(ms(300), 11), (ms(300), 12)],
            ms(200),
        ),
    ];
    let consumer = Consumer::new(&world, "consumer");

    let consumed = within(
        10,
        stops(&world, kata::many_producers(sources, consumer, 2)),
    )
    .await;
    let returned = world.now();

    assert_eq!(
        sorted(consumed),
        [1, 2, 11, 12],
        "the consumer takes every producer's items: it stops only when the last producer is \
         done, not at the first one's end (one sentinel per producer stops it too early)"
    );
    let b_starts = work_starts(&world, "producer B").first().copied();
    assert_eq!(
        b_starts,
        Some(ms(0)),
        "the producers run at the same time, each with its own Sender clone (each spawned, or \
         all joined in place): producer B starts at 0 ms, beside A. Here B started at {} ms: \
         the producers ran one after another",
        b_starts.map_or(0, |t| t.as_millis())
    );
    assert_eq!(
        returned,
        ms(900),
        "the consumer stops once every producer has dropped its sender (B, at 800 ms) and the \
         queue is drained: at 900 ms"
    );
    assert_timeline!("step4_many_producers", world);
}
