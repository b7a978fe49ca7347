//! Kata 18, streams: one test per step of the README.
//!
//! Compiled twice, against the kata and against its reference solution, so
//! both are judged by the same tests and the same snapshots.
//!
//! The test is the consumer: it asks for each item with `next()` and notes
//! on the row `consumer` what it got, when. A stream's laziness, its bound
//! and its order are all read from those notes beside the catalogue's bars.

use std::collections::BTreeSet;
use std::time::Duration;

use futures::stream::{self, BoxStream, Stream, StreamExt};
use tokio::time::{Instant, sleep, sleep_until};
use world::kit::ms;
use world::trace::{Ending, Fill, Kind};
use world::{Catalog, Consumer, Source, World, assert_timeline, within};

#[cfg(not(feature = "reference"))]
use streams as kata;
#[cfg(feature = "reference")]
use streams_solution as kata;

fn show(d: Duration) -> String {
    format!("{} ms", d.as_millis())
}

/// Reads `items` to the end, noting each on the row `row` as it comes.
async fn consume<S, T>(world: &World, row: &str, items: S, say: impl Fn(&T) -> String) -> Vec<T>
where
    S: Stream<Item = T>,
{
    let mut items = std::pin::pin!(items);
    let mut got = Vec::new();
    while let Some(item) = items.next().await {
        world.note(row, say(&item));
        got.push(item);
    }
    got
}

/// When the test (the consumer) took each item: the notes on its row.
fn taken(world: &World) -> Vec<Duration> {
    taken_on(world, "consumer")
}

fn taken_on(world: &World, row: &str) -> Vec<Duration> {
    world
        .trace()
        .events()
        .iter()
        .filter(|e| e.actor == row && matches!(e.kind, Kind::Note(_)))
        .map(|e| e.at)
        .collect()
}

/// The spans of the rows whose name starts with `prefix`.
fn spans_on(world: &World, prefix: &str) -> Vec<world::trace::SpanRecord> {
    world
        .trace()
        .spans()
        .into_iter()
        .filter(|s| s.actor.starts_with(prefix))
        .collect()
}

/// The most lookups begun and not yet taken by the consumer, at the end of
/// any instant, and the first instant it was reached.
fn outstanding(world: &World) -> (usize, Duration) {
    let starts: Vec<Duration> = spans_on(world, "lookup(").iter().map(|s| s.start).collect();
    let taken = taken(world);
    let instants: BTreeSet<Duration> = starts.iter().chain(&taken).copied().collect();
    let mut peak = (0, Duration::ZERO);
    for t in instants {
        let begun = starts.iter().filter(|&&s| s <= t).count();
        let done = taken.iter().filter(|&&s| s <= t).count();
        let waiting = begun.saturating_sub(done);
        if waiting > peak.0 {
            peak = (waiting, t);
        }
    }
    peak
}

fn lookups_in_flight(world: &World) -> usize {
    world.trace().peak(|s| s.actor.starts_with("lookup("))
}

/// Steps 2 and 3: five items, lookups of uneven latency, two at a time.
fn uneven(world: &World) -> Catalog {
    Catalog::new(world, vec![vec![1, 2, 3, 4, 5]])
        .with_latency(1, ms(300))
        .with_latency(2, ms(100))
        .with_latency(3, ms(150))
        .with_latency(4, ms(250))
        .with_latency(5, ms(120))
}

#[world::step]
async fn step1_pages_on_demand() {
    let world = World::start();
    let catalog = Catalog::new(&world, vec![vec![1, 2], vec![3], vec![4, 5]]);

    let mut pages = std::pin::pin!(kata::pages(catalog.clone()));
    // The consumer asks for page 1 at 100 ms, works on it for 300 ms, then
    // asks for the rest one after the other.
    sleep(ms(100)).await;
    let mut got = Vec::new();
    let first = within(10, pages.next()).await;
    if let Some(p) = &first {
        world.note("consumer", format!("got page {}", p.number));
    }
    got.push(first);
    sleep(ms(300)).await;
    // Up to the first `None`, and not past it: a stream that has ended may
    // not be polled again.
    for _ in 0..3 {
        let page = within(10, pages.next()).await;
        world.note(
            "consumer",
            match &page {
                Some(p) => format!("got page {}", p.number),
                None => "no more pages".to_owned(),
            },
        );
        let ended = page.is_none();
        got.push(page);
        if ended {
            break;
        }
    }

    let starts: Vec<(String, Duration)> = spans_on(&world, "page ")
        .iter()
        .map(|s| (s.actor.clone(), s.start))
        .collect();
    let start_of = |row: &str| starts.iter().find(|(r, _)| r == row).map(|(_, t)| *t);
    if let Some(t) = start_of("page 1") {
        assert!(
            t >= ms(100),
            "{}",
            world::say!(
                en: "page 1 was fetched at {}, before anyone asked for it (100 ms): a stream \
                     is lazy, it fetches nothing until it is polled. Work started when the \
                     stream is made (a spawned task, a future polled in the constructor) is \
                     not a stream's",
                ko: "`page 1`을 아무도 요청하지 않은 {}에 가져왔습니다(요청은 100 ms): stream은 \
                     lazy해서 poll되기 전에는 아무것도 가져오지 않습니다. stream을 만들 때 \
                     시작되는 작업(spawn한 태스크, 생성자에서 poll한 future)은 stream의 \
                     방식이 아닙니다",
                show(t)
            )
        );
    }
    if let Some(t) = start_of("page 2") {
        assert!(
            t >= ms(500),
            "{}",
            world::say!(
                en: "page 2 was fetched at {}, before it was asked for (500 ms): the stream \
                     fetches the next page only when asked (`next()`), not ahead and not all \
                     pages at the first ask",
                ko: "`page 2`를 요청(500 ms)보다 먼저 {}에 가져왔습니다: stream은 다음 \
                     페이지를 요청받을 때(`next()`)만 가져옵니다. 미리 가져오거나 첫 요청에 \
                     모든 페이지를 가져오지 않습니다",
                show(t)
            )
        );
    }
    let numbers: Vec<Option<usize>> = got.iter().map(|p| p.as_ref().map(|p| p.number)).collect();
    if let (Some(t), [.., Some(2), None]) = (start_of("page 3"), numbers.as_slice()) {
        panic!(
            "{}",
            world::say!(
                en: "page 3 was fetched at {}, but the stream ended (`None`) instead of giving \
                     it: the last page is lost. A page whose `next` is `None` is still a page: \
                     give it, and end at the ask after it",
                ko: "`page 3`을 {}에 가져왔지만 stream이 그 페이지를 주지 않고 끝났습니다\
                     (`None`): 마지막 페이지를 잃었습니다. `next`가 `None`인 페이지도 \
                     페이지입니다: 그 페이지를 주고, 그다음 요청에서 끝내십시오",
                show(t)
            )
        );
    }
    assert_eq!(
        numbers,
        [Some(1), Some(2), Some(3), None],
        "{}",
        world::say!(
            en: "the pages in order, following each page's `next`, then `None`: the stream \
                 ends after the last page",
            ko: "각 페이지의 `next`를 따라 페이지를 순서대로 내고, 마지막 페이지 다음에는 \
                 `None`으로 stream이 끝납니다",
        )
    );
    assert_eq!(
        got[0].as_ref().map(|p| p.items.clone()),
        Some(vec![1, 2]),
        "{}",
        world::say!(en: "`page 1` holds items 1 and 2", ko: "`page 1`에는 아이템 1과 2가 있습니다"),
    );
    assert_eq!(
        (start_of("page 1"), start_of("page 2"), start_of("page 3")),
        (Some(ms(100)), Some(ms(500)), Some(ms(600))),
        "{}",
        world::say!(
            en: "each page is fetched when it is asked for: page 1 at 100 ms, page 2 at \
                 500 ms, page 3 right after it, at 600 ms",
            ko: "각 페이지는 요청받을 때 가져옵니다: `page 1`은 100 ms, `page 2`는 500 ms, \
                 `page 3`은 바로 이어서 600 ms",
        )
    );
    assert_timeline!("step1_pages_on_demand", world);
}

/// The checks steps 2 and 3 share: the bound, and that it is used.
fn assert_bounded(world: &World, n: usize) {
    let in_flight = lookups_in_flight(world);
    let total = spans_on(world, "lookup(").len();
    assert!(
        in_flight != n + 1 || total <= n + 1,
        "{}",
        world::say!(
            en: "{in_flight} lookups ran at once, the cap is {n}: one more than the cap, an \
                 off-by-one bound (`<=` where `<` was meant, or a buffer of n + 1)",
            ko: "조회가 한꺼번에 {in_flight}개 실행되었는데 상한은 {n}개입니다: 상한보다 \
                 하나 많으니 경계를 하나 틀렸습니다(`<` 대신 `<=`, 또는 n + 1짜리 버퍼)",
        )
    );
    assert!(
        in_flight < total || in_flight <= n,
        "{}",
        world::say!(
            en: "{in_flight} lookups ran at once, the cap is {n}: every lookup was started \
                 up front (join_all, a task per item, an unbounded buffer)",
            ko: "조회가 한꺼번에 {in_flight}개 실행되었는데 상한은 {n}개입니다: 모든 조회를 \
                 처음에 시작했습니다(join_all, 아이템마다 태스크, 상한 없는 버퍼)",
        )
    );
    assert!(
        in_flight <= n,
        "{}",
        world::say!(
            en: "{in_flight} lookups ran at once, the cap is {n}: a lookup may start only \
                 when one of the {n} slots is free",
            ko: "조회가 한꺼번에 {in_flight}개 실행되었는데 상한은 {n}개입니다: 조회는 \
                 {n}개의 자리 중 하나가 비었을 때만 시작할 수 있습니다",
        )
    );
    assert!(
        in_flight == n,
        "{}",
        world::say!(
            en: "never more than {in_flight} lookup at a time: with a cap of {n}, {n} run \
                 concurrently. Awaiting each lookup in turn (`then`) is no concurrency at all",
            ko: "조회가 한 번에 {in_flight}개를 넘지 않았습니다: 상한이 {n}이면 {n}개가 \
                 동시에 실행됩니다. 조회를 하나씩 await하면(`then`) 동시성이 전혀 없습니다",
        )
    );
    let (waiting, at) = outstanding(world);
    assert!(
        waiting <= n,
        "{}",
        world::say!(
            en: "at {} {waiting} lookups were begun and not yet taken by the consumer, the \
                 bound is {n}: a result that finished early still holds its place until it \
                 is delivered (that is what keeps the memory bounded). Start the next \
                 lookup when one is delivered, not when one finishes",
            ko: "{}에 시작했지만 아직 소비자가 가져가지 않은 조회가 {waiting}개였는데 상한은 \
                 {n}입니다: 일찍 끝난 결과도 전달될 때까지 자리를 차지합니다(그래야 메모리가 \
                 제한됩니다). 조회가 끝날 때가 아니라 결과가 전달될 때 다음 조회를 \
                 시작하십시오",
            show(at)
        )
    );
}

#[world::step]
async fn step2_in_order() {
    let world = World::start();
    let catalog = uneven(&world);

    let details = within(
        10,
        consume(
            &world,
            "consumer",
            kata::lookups_in_order(catalog, vec![1, 2, 3, 4, 5], 2),
            |d| format!("got {}", d.id),
        ),
    )
    .await;

    let ids: Vec<u32> = details.iter().map(|d| d.id).collect();
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    if sorted == [1, 2, 3, 4, 5] {
        assert_eq!(
            ids,
            [1, 2, 3, 4, 5],
            "{}",
            world::say!(
                en: "the details come in input order, but these came as the lookups \
                     finished (lookup(2) is faster than lookup(1)): that is \
                     buffer_unordered's order; buffered(n) keeps the input's",
                ko: "상세 정보는 입력 순서대로 와야 하는데 조회가 끝난 순서로 왔습니다\
                     (`lookup(2)`가 `lookup(1)`보다 빠릅니다): 그것은 buffer_unordered의 \
                     순서이고, buffered(n)은 입력 순서를 지킵니다",
            )
        );
    }
    assert_eq!(
        ids,
        [1, 2, 3, 4, 5],
        "{}",
        world::say!(
            en: "every id looked up once, its detail delivered once, in input order",
            ko: "모든 id를 한 번씩 조회하고, 그 결과를 입력 순서대로 한 번씩 전달합니다",
        )
    );
    assert_bounded(&world, 2);
    let finished = world.trace().finished_at();
    assert!(
        finished <= ms(570),
        "{}",
        world::say!(
            en: "done at {}, not 570 ms: a slot left idle. With buffered(2) the next lookup \
                 starts as soon as a result is delivered, not when a whole wave of two is \
                 done (chunks + join_all)",
            ko: "570 ms가 아니라 {}에 끝났습니다: 빈 자리를 놀렸습니다. buffered(2)에서는 \
                 두 개짜리 묶음이 다 끝날 때(chunks + join_all)가 아니라 결과 하나가 전달되는 \
                 즉시 다음 조회가 시작됩니다",
            show(finished)
        )
    );
    assert_timeline!("step2_in_order", world);
}

#[world::step]
async fn step3_as_they_finish() {
    let world = World::start();
    let catalog = uneven(&world);

    let details = within(
        10,
        consume(
            &world,
            "consumer",
            kata::lookups_as_they_finish(catalog, vec![1, 2, 3, 4, 5], 2),
            |d| format!("got {}", d.id),
        ),
    )
    .await;

    let ids: Vec<u32> = details.iter().map(|d| d.id).collect();
    assert!(
        ids != [1, 2, 3, 4, 5],
        "{}",
        world::say!(
            en: "the details came in input order, but lookup(2) finished 200 ms before \
                 lookup(1): as they finish means the fastest first (buffer_unordered), \
                 not buffered's input order",
            ko: "상세 정보가 입력 순서대로 왔지만 `lookup(2)`는 `lookup(1)`보다 200 ms 먼저 \
                 끝났습니다: 끝나는 대로란 빠른 것부터(buffer_unordered)라는 뜻이지, \
                 buffered의 입력 순서가 아닙니다",
        )
    );
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    assert_eq!(
        sorted,
        [1, 2, 3, 4, 5],
        "{}",
        world::say!(
            en: "every id looked up once, its detail delivered once",
            ko: "모든 id를 한 번씩 조회하고, 그 결과를 한 번씩 전달합니다",
        )
    );
    assert_bounded(&world, 2);
    // Each detail is delivered the instant its lookup ends.
    let ends: Vec<(u32, Duration)> = ids
        .iter()
        .map(|id| {
            let row = format!("lookup({id})");
            let end = world.trace().spans_of(&row)[0].end.unwrap_or_default();
            (*id, end)
        })
        .collect();
    for ((id, end), at) in ends.iter().zip(taken(&world)) {
        assert!(
            at == *end,
            "{}",
            world::say!(
                en: "lookup({id}) finished at {} but its detail was delivered at {}: as they \
                     finish means each result goes to the consumer the moment it is ready",
                ko: "`lookup({id})`은 {}에 끝났는데 결과는 {}에 전달되었습니다: 끝나는 \
                     대로란 결과가 준비되는 즉시 소비자에게 간다는 뜻입니다",
                show(*end),
                show(at)
            )
        );
    }
    let start3 = world.trace().spans_of("lookup(3)")[0].start;
    assert!(
        start3 == ms(100),
        "{}",
        world::say!(
            en: "lookup(3) started at {}, but a slot was free at 100 ms, when lookup(2) \
                 finished: the next lookup starts as each one finishes, not in waves of two",
            ko: "`lookup(3)`이 {}에 시작했지만 `lookup(2)`가 끝난 100 ms에 자리가 \
                 비었습니다: 다음 조회는 두 개씩 묶음으로가 아니라 하나가 끝날 때마다 \
                 시작합니다",
            show(start3)
        )
    );
    assert_eq!(
        ids,
        [2, 3, 1, 5, 4],
        "{}",
        world::say!(
            en: "in finishing order: 2 (100 ms), 3 (250), 1 (300), 5 (420), 4 (500)",
            ko: "끝난 순서대로: 2(100 ms), 3(250), 1(300), 5(420), 4(500)",
        )
    );
    assert_timeline!("step3_as_they_finish", world);
}

/// Step 4's events: a burst of four, then two, then two, ending at 900 ms.
const ARRIVALS: [(u64, u32); 8] = [
    (0, 1),
    (10, 2),
    (20, 3),
    (30, 4),
    (500, 5),
    (600, 6),
    (750, 7),
    (800, 8),
];
const EVENTS_END: u64 = 900;

/// The burst of four alone, ending at 300 ms: right after `[4]` went by its
/// timer, with nothing in hand.
const BURST: [(u64, u32); 4] = [(0, 1), (10, 2), (20, 3), (30, 4)];
const BURST_END: u64 = 300;

const AFTER_THE_END: &str = "polled after the end";

/// The events as a stream: each at its instant, then `None` at `end`. Each
/// wait is drawn on the row `events in`, from the poll that asks for the
/// next event to its arrival: it shows when the batcher asked. A `next()`
/// dropped by a timeout leaves the wait where it was, as the stream's own
/// state, so the bar runs on until the event arrives. A poll after the
/// `None` is noted on the row (a stream that has ended may not be polled
/// again; this one answers `None` again, so that the test can say so).
fn events(world: &World, arrivals: &'static [(u64, u32)], end: u64) -> BoxStream<'static, u32> {
    let start = Instant::now();
    let inner = {
        let world = world.clone();
        stream::unfold(0, move |i| {
            let world = world.clone();
            async move {
                match arrivals.get(i) {
                    Some(&(at, id)) => {
                        let wait = world.span("events in", "", Fill::Work);
                        sleep_until(start + ms(at)).await;
                        wait.end(Some(format!("{id} arrives")));
                        Some((id, i + 1))
                    }
                    None => {
                        let wait = world.span("events in", "", Fill::Work);
                        sleep_until(start + ms(end)).await;
                        wait.end(Some("no more"));
                        None
                    }
                }
            }
        })
        .boxed()
    };
    let world = world.clone();
    let mut inner = Some(inner);
    stream::poll_fn(move |cx| {
        let Some(events) = inner.as_mut() else {
            world.note("events in", AFTER_THE_END);
            return std::task::Poll::Ready(None);
        };
        let polled = events.poll_next_unpin(cx);
        if let std::task::Poll::Ready(None) = polled {
            inner = None;
        }
        polled
    })
    .boxed()
}

/// Step 4's checks on the batches taken (on the row `events out`), for any
/// arrivals: from the specific mistakes to the general rule.
fn assert_batches(world: &World, got: &[Vec<u32>], arrivals: &[(u64, u32)], end: u64) {
    let at = taken_on(world, "events out");
    let batches: Vec<(Duration, Vec<u32>)> = at.into_iter().zip(got.iter().cloned()).collect();
    if let Some((t, _)) = batches.iter().find(|(_, b)| b.is_empty()) {
        if *t == ms(end) {
            panic!(
                "{}",
                world::say!(
                    en: "an empty batch at {}, when the events ended with nothing in hand \
                         (the batch before it had gone): an empty batch never goes. When the \
                         events end and the batch is empty, the stream ends (`None`)",
                    ko: "모인 것이 없을 때 이벤트가 끝난 {}에 빈 배치가 나왔습니다(앞의 \
                         배치는 이미 나갔습니다): 빈 배치는 절대 보내지 않습니다. 이벤트가 \
                         끝났는데 배치가 비어 있으면 stream을 끝냅니다(`None`)",
                    show(*t)
                )
            );
        }
        panic!(
            "{}",
            world::say!(
                en: "an empty batch at {}: a timer that fires with nothing in hand sends \
                     nothing. The clock of a batch starts at its first event",
                ko: "{}에 빈 배치가 나왔습니다: 모인 것이 없을 때 타이머가 울리면 아무것도 \
                     보내지 않습니다. 배치의 시계는 첫 이벤트에서 시작합니다",
                show(*t)
            )
        );
    }
    if let Some((t, b)) = batches.iter().find(|(_, b)| b.len() > 3) {
        panic!(
            "{}",
            world::say!(
                en: "a batch of {} at {}: a batch holds at most 3 events",
                ko: "{}에 {}개짜리 배치가 나왔습니다: 배치에는 이벤트가 많아야 3개입니다",
                b.len(),
                show(*t)
            )
        );
    }
    let all: Vec<u32> = got.iter().flatten().copied().collect();
    let sent: Vec<u32> = arrivals.iter().map(|(_, id)| *id).collect();
    assert_eq!(
        all,
        sent,
        "{}",
        world::say!(
            en: "every event, once, in order: an event is never lost, not when a wait for \
                 the next one times out (`next()` is cancel-safe), and not the last batch, \
                 which goes when the events end",
            ko: "모든 이벤트가 한 번씩 순서대로 나와야 합니다: 다음 이벤트를 기다리다 \
                 시간이 다 되어도(`next()`는 취소에 안전합니다), 이벤트가 끝날 때 나가는 \
                 마지막 배치에서도 이벤트를 잃으면 안 됩니다",
        )
    );
    let arrival = |id: u32| {
        ms(arrivals
            .iter()
            .find(|(_, i)| *i == id)
            .map_or(0, |(t, _)| *t))
    };
    let mut last_went = Duration::ZERO;
    for (t, batch) in &batches {
        let first = arrival(batch[0]);
        assert!(
            *t <= ms(end),
            "{}",
            world::say!(
                en: "batch {batch:?} went at {}, but the events ended at {}: what is left when \
                     the events end goes at once, it does not wait out its timer",
                ko: "배치 {batch:?}가 {}에 나갔지만 이벤트는 {}에 끝났습니다: 이벤트가 끝날 \
                     때 남은 것은 즉시 나갑니다. 타이머가 다 될 때까지 기다리지 않습니다",
                show(*t),
                show(ms(end))
            )
        );
        assert!(
            *t <= first + ms(200),
            "{}",
            world::say!(
                en: "batch {batch:?} went at {}, but its first event arrived at {}: a batch \
                     waits at most 200 ms from its first event (a batch by size alone, or a \
                     timer restarted at every event, waits longer)",
                ko: "배치 {batch:?}가 {}에 나갔지만 첫 이벤트는 {}에 도착했습니다: 배치는 \
                     첫 이벤트부터 최대 200 ms만 기다립니다(크기로만 묶거나 이벤트마다 \
                     타이머를 다시 시작하면 더 기다립니다)",
                show(*t),
                show(first)
            )
        );
        let last = arrival(*batch.last().unwrap_or(&0));
        let due = (first + ms(200)).min(ms(end));
        let early = !(batch.len() == 3 || *t >= due || *t < last);
        if early && *t == last_went + ms(200) {
            panic!(
                "{}",
                world::say!(
                    en: "batch {batch:?} went at {}, 200 ms after the batch before it went \
                         ({}), but its first event arrived at {}: its timer started when the \
                         last batch went, not at this batch's first event. Set the deadline \
                         when the first event arrives (due at {})",
                    ko: "배치 {batch:?}가 앞 배치가 나간 때({1})부터 200 ms 뒤인 {0}에 \
                         나갔지만 첫 이벤트는 {2}에 도착했습니다: 타이머가 이 배치의 첫 \
                         이벤트가 아니라 앞 배치가 나갈 때 시작했습니다. 데드라인은 첫 \
                         이벤트가 도착할 때 정하십시오({3}에 만료)",
                    show(*t),
                    show(last_went),
                    show(first),
                    show(due)
                )
            );
        }
        assert!(
            !early,
            "{}",
            world::say!(
                en: "batch {batch:?} went at {}, with room left, before its 200 ms were up \
                     (at {}): a batch goes when it is full or when its time is up, not with \
                     whatever is ready now (ready_chunks)",
                ko: "배치 {batch:?}가 자리가 남은 채로 200 ms가 다 되기 전({1})인 {0}에 \
                     나갔습니다: 배치는 가득 찼거나 시간이 다 되었을 때 나갑니다. 지금 준비된 \
                     것만 모아서(ready_chunks) 보내지 않습니다",
                show(*t),
                show(due)
            )
        );
        last_went = *t;
    }
    if let Some(t) = world
        .trace()
        .events()
        .iter()
        .find(|e| e.actor == "events in" && matches!(&e.kind, Kind::Note(n) if n == AFTER_THE_END))
        .map(|e| e.at)
    {
        panic!(
            "{}",
            world::say!(
                en: "the events stream was polled again at {}, after it had ended (`None` at \
                     {}): a stream that has ended may not be polled again (futures' own \
                     streams panic). When the events end, hand the last batch over and make \
                     the state say \"done\" (an `Option` around the stream)",
                ko: "이벤트 stream이 끝난 뒤({1}에 `None`) {0}에 다시 poll되었습니다: 끝난 \
                     stream은 다시 poll하면 안 됩니다(futures의 stream은 패닉합니다). \
                     이벤트가 끝나면 마지막 배치를 넘기고 상태에 \"끝\"을 기록하십시오\
                     (stream을 감싼 `Option`)",
                show(t),
                show(ms(end))
            )
        );
    }
}

#[world::step]
async fn step4_batches() {
    let world = World::start();

    let got = within(
        10,
        consume(
            &world,
            "events out",
            kata::batches(events(&world, &ARRIVALS, EVENTS_END), 3, ms(200)),
            |b| format!("batch {b:?}"),
        ),
    )
    .await;

    assert_batches(&world, &got, &ARRIVALS, EVENTS_END);
    let batches: Vec<(Duration, Vec<u32>)> = taken_on(&world, "events out")
        .into_iter()
        .zip(got.iter().cloned())
        .collect();
    let expected = [
        (ms(20), vec![1, 2, 3]),
        (ms(230), vec![4]),
        (ms(700), vec![5, 6]),
        (ms(900), vec![7, 8]),
    ];
    assert_eq!(
        batches,
        expected,
        "{}",
        world::say!(
            en: "a batch goes when it holds 3 events or 200 ms after its first event, and \
                 what is left goes when the events end: [1, 2, 3] at 20 ms (full), [4] at \
                 230, [5, 6] at 700, [7, 8] at 900 (the end)",
            ko: "배치는 이벤트가 3개 모이거나 첫 이벤트 후 200 ms가 되면 나가고, 남은 것은 \
                 이벤트가 끝날 때 나갑니다: [1, 2, 3]은 20 ms(가득 참), [4]는 230, [5, 6]은 \
                 700, [7, 8]은 900(끝)",
        )
    );
    assert_timeline!("step4_batches", world);

    // The burst alone, ending at 300 ms, right after [4] went by its timer:
    // nothing is in hand at the end, and an empty batch never goes.
    let world = World::start();
    world.compared_with("step4_batches_end_with_nothing_in_hand");

    let got = within(
        10,
        consume(
            &world,
            "events out",
            kata::batches(events(&world, &BURST, BURST_END), 3, ms(200)),
            |b| format!("batch {b:?}"),
        ),
    )
    .await;

    assert_batches(&world, &got, &BURST, BURST_END);
    assert_eq!(
        got,
        [vec![1, 2, 3], vec![4]],
        "{}",
        world::say!(
            en: "the burst alone: [1, 2, 3] at 20 ms (full), [4] at 230 (its time is up), \
                 then the events end at 300 ms with nothing in hand, and so does the stream",
            ko: "몰려온 이벤트만 있을 때: [1, 2, 3]은 20 ms(가득 참), [4]는 230(시간이 다 \
                 됨), 그리고 300 ms에 모인 것 없이 이벤트가 끝나면 stream도 끝납니다",
        )
    );
    assert_timeline!("step4_batches_end_with_nothing_in_hand", world);
}

/// How far ahead of the consumer the producer was: items handed over and
/// not yet taken, at the end of any instant, and the first instant.
fn ahead(world: &World) -> (usize, Duration) {
    let trace = world.trace();
    let handed: Vec<Duration> = trace
        .spans_of("producer")
        .iter()
        .filter(|s| s.label.starts_with("item ") && s.ending == Ending::Done)
        .filter_map(|s| s.end)
        .collect();
    let taken: Vec<Duration> = trace.spans_of("consumer").iter().map(|s| s.start).collect();
    let instants: BTreeSet<Duration> = handed.iter().chain(&taken).copied().collect();
    let mut peak = (0, Duration::ZERO);
    for t in instants {
        let h = handed.iter().filter(|&&s| s <= t).count();
        let k = taken.iter().filter(|&&s| s <= t).count();
        let waiting = h.saturating_sub(k);
        if waiting > peak.0 {
            peak = (waiting, t);
        }
    }
    peak
}

#[world::step]
async fn step5_backpressure() {
    let world = World::start();
    let source = Source::every(&world, "producer", 6, ms(50));
    let consumer = Consumer::new(&world, "consumer");

    let ids = within(10, kata::run_ahead(source, consumer, 2)).await;

    assert_eq!(
        ids,
        [0, 1, 2, 3, 4, 5],
        "{}",
        world::say!(
            en: "every item consumed once, in the order made",
            ko: "모든 아이템을 만든 순서대로 한 번씩 소비합니다",
        )
    );
    let consuming = world.trace().peak(|s| s.actor == "consumer");
    assert!(
        consuming == 1,
        "{}",
        world::say!(
            en: "the consumer worked on {consuming} items at once: it is the slow one, one \
                 item at a time; the lesson is the producer waiting for it",
            ko: "소비자가 한꺼번에 {consuming}개를 처리했습니다: 소비자는 한 번에 하나씩 \
                 처리하는 느린 쪽이고, 이 단계의 핵심은 생산자가 소비자를 기다리는 것입니다",
        )
    );
    let (waiting, at) = ahead(&world);
    assert!(
        waiting != 3,
        "{}",
        world::say!(
            en: "at {} the producer was 3 items ahead of the consumer, one more than the \
                 channel's room for 2: a channel that holds room + 1. \
                 `futures::channel::mpsc::channel(room)` keeps one more slot per sender, \
                 which `feed` or `try_send` fills; tokio's `mpsc::channel(room)` holds room",
            ko: "{}에 생산자가 소비자보다 3개 앞서 있었는데, 채널의 자리 2개보다 하나 \
                 많습니다: 자리가 room + 1개인 채널입니다. \
                 `futures::channel::mpsc::channel(room)`은 `Sender`마다 자리를 하나 더 \
                 두고, `feed`나 `try_send`가 그 자리를 채웁니다. tokio의 \
                 `mpsc::channel(room)`은 room개를 담습니다",
            show(at)
        )
    );
    assert!(
        waiting <= 2,
        "{}",
        world::say!(
            en: "at {} the producer was {waiting} items ahead of the consumer, and the \
                 channel has room for 2: a buffer without a bound (an unbounded channel, a \
                 Vec that grows) takes backpressure away, and a fast producer fills memory. \
                 With a bounded channel, send().await waits for room",
            ko: "{}에 생산자가 소비자보다 {waiting}개 앞서 있었는데 채널의 자리는 2개입니다: \
                 용량 제한이 없는 버퍼(용량 제한이 없는 채널, 계속 커지는 Vec)는 백프레셔를 없애고, \
                 빠른 생산자가 메모리를 채웁니다. 용량 제한이 있는 채널에서는 `send().await`가 자리가 \
                 날 때까지 기다립니다",
            show(at)
        )
    );
    assert!(
        waiting == 2,
        "{}",
        world::say!(
            en: "the producer was at most {waiting} ahead of the consumer: \
                 with room for 2 it runs ahead by 2, handing items over before the consumer \
                 asks (a producer polled only when the consumer asks, or a channel of 1, \
                 does not)",
            ko: "생산자가 소비자보다 {waiting}개를 넘게 앞선 적이 없습니다: 자리가 2개이면 \
                 2개 앞서 달리며 소비자가 요청하기 전에 아이템을 넘깁니다(소비자가 요청할 \
                 때만 poll되는 생산자나 자리가 1개인 채널은 그러지 못합니다)",
        )
    );
    let finished = world.trace().finished_at();
    assert_eq!(
        finished,
        ms(1200),
        "{}",
        world::say!(
            en: "six items of 200 ms, one after the other: the consumer is done at 1200 ms",
            ko: "200 ms짜리 아이템 여섯 개를 차례로 처리하므로 소비자는 1200 ms에 끝납니다",
        )
    );
    assert_timeline!("step5_backpressure", world);
}

#[world::step]
async fn step6_drop_stops_fetching() {
    let world = World::start();
    // lookup(5) is still running when item 4 is found: work that goes on
    // after the answer (a spawned lookup, a detached pipeline that cannot
    // know the answer was taken until it has item 5 to send) shows.
    let catalog = Catalog::new(&world, vec![vec![1, 2], vec![3, 4, 5, 6, 7], vec![8, 9]])
        .with_latency(3, ms(50))
        .with_latency(4, ms(250))
        .with_latency(5, ms(300))
        .with_latency(6, ms(50))
        .with_rating(4, 5)
        .with_rating(7, 5);

    let found = within(10, kata::first_five_star(catalog, 3)).await;
    let answered = world.now();
    world.note("consumer", "answered");
    // Whatever the answer left running shows in the next second.
    sleep(ms(1000)).await;

    let id = found.as_ref().map(|d| d.id);
    if id == Some(7) {
        panic!(
            "{}",
            world::say!(
                en: "the answer is item 7, the first five-star item to finish, but item 4 \
                     comes first in the catalogue: keep input order (buffered), not \
                     finishing order (buffer_unordered)",
                ko: "답이 먼저 끝난 별 다섯 개 아이템인 7번인데, 카탈로그에서는 4번이 \
                     먼저입니다: 끝난 순서(buffer_unordered)가 아니라 입력 순서(buffered)를 \
                     지키십시오",
            )
        );
    }
    assert_eq!(
        found.map(|d| (d.id, d.stars)),
        Some((4, 5)),
        "{}",
        world::say!(
            en: "the first five-star item in catalogue order is item 4",
            ko: "카탈로그 순서로 첫 번째 별 다섯 개 아이템은 4번입니다",
        )
    );
    let spans = world.trace().spans();
    let calls: Vec<_> = spans
        .iter()
        .filter(|s| s.actor.starts_with("page ") || s.actor.starts_with("lookup("))
        .collect();
    if let Some(late) = calls.iter().find(|s| s.start > answered) {
        panic!(
            "{}",
            world::say!(
                en: "`{}` started at {}, after the answer was returned ({}): work that lives \
                     apart from the stream (a spawned task that fetches ahead) goes on when \
                     the stream is dropped",
                ko: "`{0}`가 답을 반환한 뒤({2})인 {1}에 시작했습니다: stream과 따로 사는 작업\
                     (미리 가져오는 spawn한 태스크)은 stream을 drop해도 계속됩니다",
                late.actor,
                show(late.start),
                show(answered)
            )
        );
    }
    if let Some(on) = calls
        .iter()
        .find(|s| s.end.is_some_and(|e| e > answered) && s.ending == Ending::Done)
    {
        panic!(
            "{}",
            world::say!(
                en: "`{}` was still running when the answer was returned ({}) and finished \
                     at {}: it ran in a spawned task (a lookup's, or a whole pipeline's), \
                     which returning detaches, not cancels. A future owned by the stream is \
                     cancelled with it when the stream is dropped",
                ko: "답을 반환할 때({1}) `{0}`가 아직 실행 중이었고 {2}에 끝났습니다: spawn한 \
                     태스크(조회 하나, 또는 파이프라인 전체)에서 실행되었기 때문인데, \
                     반환해도 태스크는 취소되지 않고 분리될 뿐입니다. stream이 소유한 \
                     future는 stream을 drop할 때 함께 취소됩니다",
                on.actor,
                show(answered),
                show(on.end.unwrap_or_default())
            )
        );
    }
    if let Some(page3) = calls.iter().find(|s| s.actor == "page 3") {
        panic!(
            "{}",
            world::say!(
                en: "page 3 was fetched (at {}), but the answer is on page 2: read the pages \
                     lazily, and stop asking once the answer is found",
                ko: "`page 3`을 가져왔지만({}) 답은 `page 2`에 있습니다: 페이지를 lazy하게 읽고, \
                     답을 찾으면 그만 요청하십시오",
                show(page3.start)
            )
        );
    }
    let in_flight = lookups_in_flight(&world);
    assert!(
        in_flight == 3,
        "{}",
        world::say!(
            en: "at the peak {in_flight} lookups ran at once, the cap is 3: look up 3 items \
                 at a time, 3 in flight at all times, across the pages",
            ko: "가장 많을 때 조회가 한꺼번에 {in_flight}개 실행되었는데 상한은 3개입니다: \
                 페이지를 넘나들며 언제나 3개씩 실행되도록, 한 번에 3개씩 조회하십시오",
        )
    );
    let cancelled: Vec<&str> = calls
        .iter()
        .filter(|s| s.ending == Ending::Cancelled)
        .map(|s| s.actor.as_str())
        .collect();
    assert_eq!(
        (answered, cancelled),
        (ms(450), vec!["lookup(5)"]),
        "{}",
        world::say!(
            en: "item 4 is found at 450 ms; returning drops the stream, and lookup(5), still \
                 in flight, is cancelled then",
            ko: "4번은 450 ms에 찾습니다. 반환하면 stream이 drop되고, 아직 실행 중인 \
                 `lookup(5)`는 그때 취소됩니다",
        )
    );
    assert_timeline!("step6_drop_stops_fetching", world);
}
