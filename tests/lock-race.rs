//! Kata 10, lock race: one test per step of the README.
//!
//! Compiled twice, against the kata and against its reference solution, so
//! both are judged by the same tests and the same snapshots.
//!
//! The kata writes the body of ONE increment. The test runs ten of them
//! concurrently, as the seed's `gather(*[increment() for _ in range(10)])`
//! does, each on its own row of the timeline: `inc 1` .. `inc 10`.

use std::future::Future;
use std::time::Duration;

use futures::future::join_all;
#[cfg(not(feature = "reference"))]
use lock_race as kata;
#[cfg(feature = "reference")]
use lock_race_solution as kata;
use world::kit::ms;
use world::trace::{SpanRecord, peak_overlap};
use world::{SlowCounter, World, assert_timeline, within};

/// Runs `increment` ten times concurrently, as the rows `inc 1` .. `inc 10`.
async fn ten_at_once<F, Fut>(world: &World, increment: F)
where
    F: Fn() -> Fut,
    Fut: Future<Output = ()>,
{
    let increments = (1..=10).map(|i| world.track(format!("inc {i}"), increment()));
    within(10, join_all(increments)).await;
}

/// Each increment's first read and last write, on its own row: `None` for a
/// row that has no read, or no write that landed.
fn reads_and_writes(world: &World) -> Vec<Option<(SpanRecord, SpanRecord)>> {
    let trace = world.trace();
    (1..=10)
        .map(|i| {
            let spans = trace.spans_of(&format!("inc {i}"));
            let read = spans.iter().find(|s| s.label == "read")?;
            let write = spans.iter().rev().find(|s| s.label == "write")?;
            write.end?;
            Some((read.clone(), write.clone()))
        })
        .collect()
}

/// Each increment's read..write window: from the start of its read of the
/// counter to the end of its write, the stretch during which nobody else
/// may touch the counter.
fn windows(world: &World) -> Vec<(Duration, Duration)> {
    let trace = world.trace();
    let elsewhere = |label: &str| {
        trace
            .spans()
            .into_iter()
            .find(|s| s.label == label && !s.actor.starts_with("inc "))
            .map(|s| s.actor)
    };
    (1..=10)
        .map(|i| {
            let row = format!("inc {i}");
            let spans = trace.spans_of(&row);
            let read = spans
                .iter()
                .find(|s| s.label == "read")
                .unwrap_or_else(|| match elsewhere("read") {
                    Some(other) => panic!(
                        "{}",
                        world::say!(
                            en: "{row} never read the counter itself: the reads were made on the \
                                 row `{other}`, by another task. Step 2 asks each increment to read \
                                 the counter and write what it read plus one, as in step 1, taking \
                                 turns with the other nine through a lock it holds from the read to \
                                 the write. Handing the work to one task that owns the counter (an \
                                 actor) serialises too, but it is not this step's lesson (see the \
                                 README's follow-up questions)",
                            ko: "`{row}` 행은 카운터를 직접 읽지 않았습니다: 읽기는 다른 태스크인 \
                                 `{other}` 행에서 일어났습니다. 2단계에서는 1단계처럼 증가 연산마다 \
                                 카운터를 읽고 읽은 값에 1을 더해 쓰되, 읽기부터 쓰기까지 락을 잡아 \
                                 나머지 아홉과 차례를 지켜야 합니다. 카운터를 소유한 태스크 \
                                 하나(actor)에 일을 넘겨도 직렬화되지만, 그것은 이 단계에서 배울 내용이 \
                                 아닙니다(README의 후속 질문을 보십시오)",
                        )
                    ),
                    None => panic!(
                        "{}",
                        world::say!(
                            en: "{row} never read the counter: an increment reads the counter, then \
                                 writes what it read plus one. Counting somewhere else (an atomic in \
                                 memory) and writing the count skips the read-modify-write the lock \
                                 must protect: it is right only while nobody else writes the counter",
                            ko: "`{row}` 행은 카운터를 읽지 않았습니다: 증가 연산은 카운터를 읽고, \
                                 읽은 값에 1을 더해 씁니다. 다른 곳(메모리의 atomic)에서 세고 그 \
                                 수를 쓰면 락이 지켜야 할 읽기-수정-쓰기를 건너뜁니다: 다른 누구도 \
                                 카운터에 쓰지 않을 때만 맞는 값이 됩니다",
                        )
                    ),
                });
            let write = spans
                .iter()
                .rev()
                .find(|s| s.label == "write")
                .unwrap_or_else(|| {
                    panic!(
                        "{}",
                        world::say!(
                            en: "{row} never wrote the counter",
                            ko: "`{row}` 행은 카운터에 쓰지 않았습니다",
                        )
                    )
                });
            let end = write
                .end
                .unwrap_or_else(|| {
                    panic!(
                        "{}",
                        world::say!(
                            en: "the write of {row} never landed",
                            ko: "`{row}` 행의 쓰기가 반영되지 않았습니다",
                        )
                    )
                });
            (read.start, end)
        })
        .collect()
}

/// What the counter says happened to ten increments that started from 0.
fn what_happened(value: u64) -> String {
    match value {
        0 => world::say!(
            en: "the counter is still 0: no write ever landed. Was each write awaited? \
                 A future that is never awaited does nothing",
            ko: "카운터가 아직 0입니다: 반영된 쓰기가 하나도 없습니다. 쓰기마다 `.await`했습니까? \
                 await하지 않은 future는 아무 일도 하지 않습니다",
        ),
        1 => world::say!(
            en: "the counter is 1: nine of the ten updates were lost. Every increment read 0 \
                 before any of them had written, so each one wrote 0 + 1",
            ko: "카운터가 1입니다: 갱신 열 번 중 아홉 번을 잃었습니다. 누구도 쓰기 전에 모든 \
                 증가 연산이 0을 읽었으므로, 저마다 0 + 1을 썼습니다",
        ),
        2..=9 => world::say!(
            en: "the counter is {value}: {lost} of the ten updates were lost. Some increments \
                 read a value that another increment was about to overwrite",
            ko: "카운터가 {value}입니다: 갱신 열 번 중 {lost}번을 잃었습니다. 일부 증가 연산이 \
                 다른 증가 연산이 곧 덮어쓸 값을 읽었습니다",
            lost = 10 - value
        ),
        10 => world::say!(
            en: "the counter is 10: no update was lost",
            ko: "카운터가 10입니다: 잃은 갱신이 없습니다",
        ),
        _ => world::say!(
            en: "the counter is {value}: more updates landed than the ten increments made",
            ko: "카운터가 {value}입니다: 증가 연산 열 개가 한 것보다 많은 갱신이 반영되었습니다",
        ),
    }
}

#[world::step]
async fn step1_lost_update() {
    let world = World::start();
    let counter = SlowCounter::new(&world, 0);

    ten_at_once(&world, || kata::increment(&counter)).await;

    let value = counter.peek();
    assert_eq!(
        value,
        1,
        "{}",
        world::say!(
            en: "{}. Step 1 reproduces the lost update on purpose: without a lock, all ten \
                 increments read 0 before any of them writes, each writes 0 + 1, and nine of the \
                 ten updates are lost. Read, then write the value read + 1, nothing else",
            ko: "{}. 1단계는 갱신 손실을 일부러 재현합니다: 락이 없으면 증가 연산 열 개가 \
                 누구도 쓰기 전에 모두 0을 읽고, 각자 0 + 1을 써서 갱신 열 번 중 아홉 번을 \
                 잃습니다. 읽고, 읽은 값 + 1을 쓰십시오. 그 밖의 일은 하지 마십시오",
            what_happened(value)
        )
    );
    assert_eq!(
        world.trace().finished_at(),
        ms(100),
        "{}",
        world::say!(
            en: "nothing makes an increment wait for another: all ten read at once (0-50 ms) \
                 and write at once (50-100 ms), done at 100 ms",
            ko: "어느 증가 연산도 다른 증가 연산을 기다리지 않습니다: 열 개가 한꺼번에 읽고 \
                 (0-50 ms) 한꺼번에 써서(50-100 ms) 100 ms에 끝납니다",
        )
    );
    assert_timeline!("step1_lost_update", world);
}

#[world::step]
async fn step2_locked() {
    let world = World::start();
    let counter = SlowCounter::new(&world, 0);
    // Clones of a SlowCounter share one value: `peek` reads what the ten
    // increments did to it, whatever `Shared` holds.
    let shared = kata::share(counter.clone());

    ten_at_once(&world, || kata::increment_shared(&shared)).await;

    let value = counter.peek();
    let advice = match value {
        0 | 10.. => String::new(),
        _ if world.trace().finished_at() <= ms(100) => world::say!(
            en: " No increment ever waited for another: a lock makes an increment wait only \
                 if another increment holds that same lock, in a mode that shuts others out, at \
                 that moment. Either each increment took a lock of its own (make one lock for all \
                 ten, in share), or a lock that lets many in at once (an RwLock's read(): read \
                 guards are shared, so all ten got in together; an increment writes, so it needs \
                 write()), or it let go of the lock before the read (a guard dropped, a handle \
                 cloned out of it): hold the one lock, exclusively, from before the read until \
                 the write has landed",
            ko: " 어느 증가 연산도 다른 증가 연산을 기다린 적이 없습니다: 락이 증가 연산을 \
                 기다리게 하는 것은 그 순간 다른 증가 연산이 바로 그 락을, 다른 쪽을 막아서는 \
                 모드로 잡고 있을 때뿐입니다. 증가 연산마다 자기 락을 잡았거나(`share`에서 열 개 \
                 모두가 쓸 락 하나를 만드십시오), 여럿을 한꺼번에 들여보내는 락을 잡았거나 \
                 (`RwLock`의 `read()`: 읽기 가드는 공유되므로 열 개가 함께 들어갔습니다. 증가 \
                 연산은 쓰므로 `write()`가 필요합니다), 읽기 전에 락을 놓았습니다(가드를 \
                 drop했거나, 가드에서 핸들을 clone해 꺼냈습니다): 락 하나를 배타적으로, 읽기 \
                 전부터 쓰기가 반영될 때까지 잡고 있으십시오",
        ),
        _ => {
            // Told apart from the trace: an increment that wrote the instant its
            // read answered held its turn from the read to the write; if such
            // increments still overlapped, the lock let more than one in.
            let pairs = reads_and_writes(&world);
            let held_through = pairs.iter().all(|p| {
                p.as_ref()
                    .is_some_and(|(read, write)| read.end == Some(write.start))
            });
            let together = peak_overlap(
                pairs
                    .iter()
                    .flatten()
                    .map(|(read, write)| (read.start, write.end.unwrap_or(read.start))),
            );
            if held_through && together > 1 {
                world::say!(
                    en: " Each increment held its turn from its read to its write, but up to \
                         {together} increments were between their read and their write at the \
                         same time: the lock lets {together} in at once (a Semaphore with \
                         {together} permits?). Excluding the others needs a lock that admits \
                         one: a Mutex, or a Semaphore of one permit",
                    ko: " 증가 연산마다 읽기부터 쓰기까지 차례를 지켰지만, 읽기와 쓰기 사이에 있던 \
                         증가 연산이 한때 {together}개까지 있었습니다: 락이 한 번에 {together}개를 \
                         들여보냅니다(permit이 {together}개인 `Semaphore`입니까?). 다른 쪽을 \
                         막으려면 하나만 들여보내는 락이 필요합니다: `Mutex`, 또는 permit이 \
                         하나인 `Semaphore`입니다",
                )
            } else {
                world::say!(
                    en: " The increments waited for one another, but not from the read to the \
                         write: hold the lock from before the read until the write has landed, as \
                         one critical section",
                    ko: " 증가 연산들이 서로를 기다렸지만, 읽기부터 쓰기까지 기다린 것은 \
                         아닙니다: 읽기 전부터 쓰기가 반영될 때까지를 임계 구역 하나로 보고 \
                         락을 잡고 있으십시오",
                )
            }
        }
    };
    assert_eq!(
        value,
        10,
        "{}",
        world::say!(en: "{}.{advice}", ko: "{}.{advice}", what_happened(value))
    );
    assert_eq!(
        peak_overlap(windows(&world)),
        1,
        "{}",
        world::say!(
            en: "the lock must cover the whole read..write window of an increment: \
                 no two increments may have read and not yet written at the same time",
            ko: "락은 증가 연산의 읽기..쓰기 구간 전체를 덮어야 합니다: 읽기는 했지만 아직 \
                 쓰지 않은 증가 연산이 동시에 둘 있어서는 안 됩니다",
        )
    );
    let finished = world.trace().finished_at();
    if finished > ms(1000) {
        // They took turns (the overlap is 1), yet ended late: was the lock
        // left free between one increment's write and the next one's read?
        let mut turns: Vec<(Duration, Duration, usize)> = windows(&world)
            .into_iter()
            .enumerate()
            .map(|(i, (start, end))| (start, end, i + 1))
            .collect();
        turns.sort();
        let idle = turns
            .windows(2)
            .find(|pair| pair[1].0 > pair[0].1)
            .map(|pair| (pair[0].1, pair[1].0, pair[1].2));
        if let Some((freed, taken, row)) = idle {
            panic!(
                "{}",
                world::say!(
                    en: "the increments took turns, but the lock sat free between them: inc {row} \
                         began its read at {} ms, {} ms after the previous increment's write had \
                         landed ({} ms), and the ten ended at {} ms, not 10 x 100 ms = 1000 ms. The \
                         lock was polled, not awaited: a try_lock retried after a sleep (or a yield) \
                         finds it free only at its next try. Await lock(): the waiting increments \
                         queue, and the lock passes to the next one the moment the guard drops",
                    ko: "증가 연산들이 차례를 지켰지만, 그 사이사이 락이 비어 있었습니다: `inc {row}` 행은 \
                         앞 증가 연산의 쓰기가 반영되고({2} ms) {1} ms 뒤인 {0} ms에 읽기를 \
                         시작했고, 열 개는 10 x 100 ms = 1000 ms가 아니라 {3} ms에 끝났습니다. \
                         락을 await하지 않고 poll했습니다: `sleep`(또는 양보) 뒤에 다시 시도하는 \
                         `try_lock`은 다음 시도 때에야 락이 빈 것을 봅니다. `lock()`을 \
                         await하십시오: 기다리는 증가 연산들이 줄을 서고, 가드가 drop되는 순간 \
                         락이 다음 증가 연산에게 넘어갑니다",
                    taken.as_millis(),
                    (taken - freed).as_millis(),
                    freed.as_millis(),
                    finished.as_millis()
                )
            );
        }
    }
    assert_eq!(
        finished,
        ms(1000),
        "{}",
        world::say!(
            en: "the lock serialises the increments: 10 x 100 ms = 1000 ms",
            ko: "락이 증가 연산들을 직렬화합니다: 10 x 100 ms = 1000 ms",
        )
    );
    assert_timeline!("step2_locked", world);
}
