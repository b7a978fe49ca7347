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
use world::kit::ms;
use world::{Consumer, Ending, Source, World, assert_timeline, within};

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
        return world::say!(
            en: "the consumers never stopped, and {} is still handing {} over (since {} ms): its \
                 send waits for room in a full queue that no consumer takes from. Run the consumers \
                 while the producer runs (not after awaiting it), until recv() answers None",
            ko: "소비자가 끝내 멈추지 않았고, `{}` 행은 아직 `{}` 넘기기를 끝내지 못했습니다({} \
                 ms부터): 그 `send`는 가득 찬 큐에 자리가 나기를 기다리는데, 그 큐에서 꺼내 가는 \
                 소비자가 없습니다. 소비자는 생산자를 await한 뒤가 아니라 생산자가 도는 동안 \
                 실행하고, `recv()`가 `None`을 답할 때까지 돌리십시오",
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
    world::say!(
        en: "the consumers never stopped: the producers were done by {} ms and the last item was \
             consumed at {} ms, yet recv() kept waiting. recv() answers None only once every Sender \
             is dropped, so a sender is still alive: the tx kept after cloning it for the producer \
             (drop it), or a clone held on the consumers' side. No sentinel is needed: drop the \
             senders",
        ko: "소비자가 끝내 멈추지 않았습니다: 생산자는 {} ms까지 모두 끝났고 마지막 아이템은 {} ms에 \
             소비되었는데도 `recv()`가 계속 기다렸습니다. `recv()`는 모든 `Sender`가 drop되어야 \
             `None`을 답하므로, 아직 살아 있는 `Sender`가 있습니다: 생산자에게 줄 복제본을 만든 \
             뒤에도 남겨 둔 `tx`(drop하십시오)이거나, 소비자 쪽이 쥐고 있는 복제본입니다. \
             센티널은 필요 없습니다: `Sender`를 drop하십시오",
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
        .map(|s| world::say!(en: "{} on {}", ko: "`{}`(`{}` 처리 중)", s.actor, s.label))
        .collect();
    if !busy.is_empty() {
        return world::say!(
            en: "the call returned at {} ms while consumers were still at work ({}): return only \
                 once every consumer has stopped, and await each consumer task (its JoinHandle, or \
                 a JoinSet) for its items; a detached consumer's items are lost",
            ko: "소비자가 아직 일하는 중인데 호출이 {} ms에 반환되었습니다({}): 모든 소비자가 멈춘 \
                 뒤에만 반환하고, 소비자 태스크마다 (`JoinHandle`이나 `JoinSet`으로) await해서 그 \
                 아이템을 받으십시오. 분리된 소비자의 아이템은 사라집니다",
            returned.as_millis(),
            busy.join(", ")
        );
    }
    let mut seen = sorted(consumed.to_vec());
    seen.dedup();
    if seen.len() < consumed.len() {
        return world::say!(
            en: "each item is consumed exactly once, by one of the consumers, but an item was \
                 consumed more than once (a broadcast channel gives every consumer every item)",
            ko: "각 아이템은 소비자 중 하나가 정확히 한 번 소비해야 하는데, 두 번 이상 소비된 \
                 아이템이 있습니다(broadcast 채널은 모든 소비자에게 모든 아이템을 줍니다)",
        );
    }
    let missing: Vec<u32> = expected
        .iter()
        .copied()
        .filter(|id| !consumed.contains(id))
        .collect();
    world::say!(
        en: "items {missing:?} were never consumed: every item is consumed, once",
        ko: "소비되지 않은 아이템이 있습니다({missing:?}): 모든 아이템은 한 번씩 소비되어야 합니다",
    )
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
        "{}",
        world::say!(
            en: "every item is consumed, in order; the consumer returned at {} ms. An empty queue is \
                 not a closed one: try_recv's Empty only says nothing is there yet. Await recv(), \
                 which answers None only when the producer is done",
            ko: "모든 아이템이 순서대로 소비되어야 합니다. 소비자는 {} ms에 반환했습니다. 빈 큐는 \
                 닫힌 큐가 아닙니다: `try_recv`의 `Empty`는 아직 아무것도 없다는 뜻일 뿐입니다. \
                 생산자가 끝났을 때만 `None`을 답하는 `recv()`를 await하십시오",
            returned.as_millis()
        )
    );
    assert_eq!(
        work_starts(&world, "consumer"),
        [ms(0), ms(500), ms(1000), ms(1500), ms(2000)],
        "{}",
        world::say!(
            en: "item i is consumed at i x 500 ms: the consumer takes each item as it arrives",
            ko: "아이템 i는 i x 500 ms에 소비됩니다: 소비자는 아이템이 도착하는 대로 가져갑니다",
        )
    );
    assert_eq!(
        returned,
        ms(2500),
        "{}",
        world::say!(
            en: "the consumer stops when the producer drops its sender after its last wait, at 2500 ms: \
                 recv() answers None then, no sentinel needed",
            ko: "소비자는 생산자가 마지막 대기 뒤 2500 ms에 `Sender`를 drop할 때 멈춥니다: 그때 \
                 `recv()`가 `None`을 답하므로 센티널은 필요 없습니다",
        )
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
        "{}",
        world::say!(
            en: "items {missing:?} were never consumed: the producer did not wait for room in the full \
                 queue, and the items it could not put in were dropped (try_send answers Err(Full) at \
                 once, and an item dropped then is lost). That is load shedding, not backpressure: \
                 send().await waits for room, and the wait is what slows the producer down",
            ko: "소비되지 않은 아이템이 있습니다({missing:?}): 생산자가 가득 찬 큐에 자리가 나기를 \
                 기다리지 않았고, 넣지 못한 아이템은 버려졌습니다(`try_send`는 곧바로 `Err(Full)`을 \
                 답하고, 그때 버린 아이템은 사라집니다). 이것은 백프레셔가 아니라 로드 셰딩입니다: \
                 `send().await`는 자리가 날 때까지 기다리고, 그 기다림이 생산자를 늦춥니다",
        )
    );
    assert_eq!(
        consumed,
        [0, 1, 2, 3, 4],
        "{}",
        world::say!(
            en: "every item is consumed, in order",
            ko: "모든 아이템이 순서대로 소비되어야 합니다",
        )
    );
    let together = at_once(&world, "consumer");
    assert_eq!(
        together,
        1,
        "{}",
        world::say!(
            en: "the one consumer worked on {together} items at the same time: each consume() was \
                 handed to a task of its own, so recv() emptied the queue at once, the producer never \
                 waited for room, and the bound held back nothing. Backpressure needs the consumer to \
                 finish an item before its next recv()",
            ko: "소비자 하나가 아이템 {together}개를 동시에 처리했습니다: `consume()`을 하나씩 별도 \
                 태스크에 넘겼기 때문에 `recv()`가 큐를 곧바로 비웠고, 생산자는 자리를 기다릴 일이 \
                 없었고, 용량 제한은 아무것도 붙잡아 두지 못했습니다. 백프레셔가 생기려면 소비자가 \
                 아이템 하나를 끝낸 뒤에 다음 `recv()`를 해야 합니다",
        )
    );
    assert_eq!(
        handed_over(&world, "producer"),
        [ms(0), ms(50), ms(200), ms(400), ms(600)],
        "{}",
        world::say!(
            en: "backpressure: with room for 1 item, a producer that makes one every 50 ms must wait \
                 for the consumer (200 ms an item): it hands items 2, 3 and 4 over at 200, 400 and \
                 600 ms. A producer that never waits (an unbounded channel, or a bound larger than \
                 asked) lets the queue grow without limit",
            ko: "백프레셔: 큐에 아이템이 1개만 들어갈 수 있으면, 50 ms마다 아이템을 만드는 생산자는 \
                 소비자(아이템당 200 ms)를 기다려야 합니다: 아이템 2, 3, 4를 200, 400, 600 ms에 \
                 넘깁니다. 기다리지 않는 생산자(용량 제한이 없는 채널, 또는 요구보다 큰 용량)는 \
                 큐를 끝없이 키웁니다",
        )
    );
    assert_eq!(
        returned,
        ms(1000),
        "{}",
        world::say!(
            en: "the consumer works through the five items back to back and stops at 1000 ms",
            ko: "소비자는 다섯 아이템을 쉬지 않고 차례로 처리하고 1000 ms에 멈춥니다",
        )
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
            "{}",
            world::say!(
                en: "several consumers share the work, but {row} consumed nothing: every consumer \
                     must take items from the one queue",
                ko: "여러 소비자가 일을 나눠야 하는데, 아무것도 소비하지 않은 소비자가 있습니다(`{row}`): \
                     모든 소비자가 하나의 큐에서 아이템을 가져가야 합니다",
            )
        );
    }
    assert_eq!(
        world.trace().peak(|s| s.actor.starts_with("consumer ")),
        2,
        "{}",
        world::say!(
            en: "several consumers share the work: both consumers work at the same time. Does a \
                 consumer hold the receiver's lock while it works (a `while let` keeps its lock guard \
                 for the whole loop body)? Lock for the recv() only",
            ko: "여러 소비자가 일을 나눕니다: 두 소비자가 동시에 일해야 합니다. 소비자가 일하는 \
                 동안 `Receiver`의 락을 잡고 있지 않습니까(`while let`은 락 가드를 루프 본문 내내 \
                 쥐고 있습니다)? 락은 `recv()` 동안에만 잡으십시오",
        )
    );
    assert_eq!(
        returned,
        ms(700),
        "{}",
        world::say!(
            en: "two consumers keep up with an item every 100 ms: the last is done at 700 ms, and \
                 both consumers stop once the producer has dropped its sender",
            ko: "소비자가 둘이면 100 ms마다 오는 아이템을 따라잡습니다: 마지막 아이템은 700 ms에 \
                 끝나고, 생산자가 `Sender`를 drop하면 두 소비자 모두 멈춥니다",
        )
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
        "{}",
        world::say!(
            en: "the consumer takes every producer's items: it stops only when the last producer is \
                 done, not at the first one's end (one sentinel per producer stops it too early)",
            ko: "소비자는 모든 생산자의 아이템을 받습니다: 첫 생산자가 끝날 때가 아니라 마지막 \
                 생산자가 끝났을 때에야 멈춥니다(생산자마다 센티널을 하나씩 보내면 너무 일찍 \
                 멈춥니다)",
        )
    );
    let b_starts = work_starts(&world, "producer B").first().copied();
    assert_eq!(
        b_starts,
        Some(ms(0)),
        "{}",
        world::say!(
            en: "the producers run at the same time, each with its own Sender clone (each spawned, or \
                 all joined in place): producer B starts at 0 ms, beside A. Here B started at {} ms: \
                 the producers ran one after another",
            ko: "생산자들은 각자 `Sender` 복제본을 들고 동시에 실행됩니다(각각 spawn하거나, 그 \
                 자리에서 모두 `join!`하거나): 생산자 B는 A와 나란히 0 ms에 시작합니다. 여기서는 \
                 B가 {} ms에 시작했습니다: 생산자들이 하나씩 차례로 실행되었습니다",
            b_starts.map_or(0, |t| t.as_millis())
        )
    );
    assert_eq!(
        returned,
        ms(900),
        "{}",
        world::say!(
            en: "the consumer stops once every producer has dropped its sender (B, at 800 ms) and the \
                 queue is drained: at 900 ms",
            ko: "소비자는 모든 생산자가 `Sender`를 drop하고(B는 800 ms에) 큐가 비었을 때, 즉 \
                 900 ms에 멈춥니다",
        )
    );
    assert_timeline!("step4_many_producers", world);
}
