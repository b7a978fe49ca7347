//! Kata 06, cpu bound: one test per step of the README.
//!
//! Compiled twice, against the kata and against its reference solution, so
//! both are judged by the same tests and the same snapshots.
//!
//! Each test plays the same scene: a heartbeat task beats every 100 ms from
//! 0 ms (each beat 10 ms of work on the runtime thread) until 1200 ms; at
//! 240 ms the kata's job starts, as the actor "job": the sum of the squares
//! of 0..5,000,000, 500 ms of CPU. The world stalls its clock while the
//! runtime thread is blocked, and a beat due during a block comes as soon
//! as the block (or the piece) is over, as on a real clock (see
//! `world::cpu`).
//!
//! The times are chosen so that the picture is the same for every right
//! answer. The job starts between two beats, so a beat falls due during it.
//! Step 3's pieces (50 ms) are shorter than the beat period, and with the
//! job starting at 240 ms no beat is due when its first piece starts or its
//! last piece ends (the beats come at 340, 400, 510, 620 and 730 ms): an
//! answer that yields before every piece, or after every piece, or only
//! between them, draws the same timeline. With 100 ms pieces a beat would
//! always be pending after the last one, and a trailing `yield_now` would
//! end the job a beat later.

use std::time::Duration;

#[cfg(not(feature = "reference"))]
use cpu_bound as kata;
#[cfg(feature = "reference")]
use cpu_bound_solution as kata;
use world::kit::{blocking_spans, ms};
use world::trace::{Kind, SpanRecord, Trace};
use world::{Beat, Cpu, Fill, Heartbeat, Thread, World, assert_timeline, within};

/// The sum of the squares of 0..5,000,000.
const SUM: u128 = 41_666_654_166_667_500_000;

/// When the job starts, between the beats of 200 and 300 ms.
const JOB_STARTS: u64 = 240;

/// The job's CPU time, and one piece's in step 3.
const JOB_TAKES: Duration = Duration::from_millis(500);
const PIECE_TAKES: Duration = Duration::from_millis(50);

/// Runs the scene around `job`: the heartbeat, the job at 240 ms, and the
/// heartbeat's last beat. Gives the job's answer and every beat.
async fn scene<F>(world: &World, cpu: &Cpu, job: F) -> (u128, Vec<Beat>)
where
    F: Future<Output = u128>,
{
    let heartbeat = Heartbeat::start(cpu, ms(1200));
    cpu.wait_until(ms(JOB_STARTS)).await;
    let sum = within(10, world.track("job", job)).await;
    let beats = within(10, heartbeat.beats()).await;
    (sum, beats)
}

/// The job's own span: from its first poll to its answer.
fn job_span(world: &World) -> SpanRecord {
    world
        .trace()
        .spans_of("job")
        .into_iter()
        .find(|span| span.label.is_empty())
        .unwrap_or_else(|| {
            panic!(
                "{}",
                world::say!(en: "the job ran", ko: "작업이 실행되었어야 합니다")
            )
        })
}

/// The job as one call: `cpu.crunch(JOB)`, the row step 2's snapshot shows.
const JOB_CALL: &str = "crunch(0..5000000)";

/// The ranges crunched on the pool, from their rows `crunch(a..b)`, in
/// order of their start, and whether they tile `0..5,000,000` exactly.
fn pool_ranges(world: &World) -> (Vec<(u64, u64)>, bool) {
    let mut ranges: Vec<(u64, u64)> = world
        .trace()
        .spans()
        .iter()
        .filter(|span| span.fill == Fill::Pool)
        .filter_map(|span| {
            let inner = span.actor.strip_prefix("crunch(")?.strip_suffix(')')?;
            let (a, b) = inner.split_once("..")?;
            Some((a.parse().ok()?, b.parse().ok()?))
        })
        .collect();
    ranges.sort_unstable();
    let mut next = 0;
    let tiles = !ranges.is_empty()
        && ranges.iter().all(|&(a, b)| {
            let fits = a == next && b > a;
            next = b;
            fits
        })
        && next == 5_000_000;
    (ranges, tiles)
}

/// Step 2's trace as its snapshot draws it: the job's work on the pool as
/// the one call `crunch(0..5000000)`, however many pieces it was cut into
/// (one call, a JoinSet of pieces, halves one after the other: pool work
/// takes no virtual time, so they all fall at the instant the job starts).
/// The lesson is where the job ran and that the heartbeat kept its rhythm,
/// not how many pieces; the test checks in words first that the pieces
/// tile the job.
fn pool_work_as_one_call(world: &World) -> Trace {
    world.trace().edited(|events| {
        let mut pool: Vec<String> = Vec::new();
        for event in &events {
            if let Kind::Start {
                fill: Fill::Pool, ..
            } = event.kind
            {
                if !pool.contains(&event.actor) {
                    pool.push(event.actor.clone());
                }
            }
        }
        let Some(first) = pool.first().cloned() else {
            return events;
        };
        events
            .into_iter()
            .filter(|event| event.actor == first || !pool.contains(&event.actor))
            .map(|mut event| {
                if event.actor == first {
                    event.actor = JOB_CALL.to_owned();
                    if let Kind::Note(note) = &mut event.kind {
                        // A note of the drawing, not a failure message: it
                        // stands for the world's own note (world::legacy),
                        // which the snapshot pins in English whatever the
                        // learner's language, so it is always English here.
                        *note = world::say!(in world::Lang::En;
                            en: "{} ms of CPU work, on a blocking-pool thread; the runtime \
                                 thread stayed free",
                            ko: "블로킹 풀 스레드에서 CPU 작업 {} ms를 실행했습니다. 런타임 \
                                 스레드는 계속 비어 있었습니다",
                            JOB_TAKES.as_millis()
                        );
                    }
                }
                event
            })
            .collect()
    })
}

/// The beats, as "due -> came" in ms, for messages.
fn shown(beats: &[Beat]) -> String {
    let each: Vec<String> = beats
        .iter()
        .map(|b| format!("{}->{}", b.due.as_millis(), b.at.as_millis()))
        .collect();
    each.join(" ")
}

#[world::step]
async fn step1_inline() {
    let world = World::start();
    let cpu = Cpu::new(&world);

    let (sum, beats) = scene(&world, &cpu, kata::inline(&cpu)).await;

    assert_eq!(
        sum,
        SUM,
        "{}",
        world::say!(
            en: "the job is cpu.crunch(JOB): the squares of 0..5,000,000",
            ko: "작업은 `cpu.crunch(JOB)`, 즉 0..5,000,000의 제곱을 더하는 것입니다",
        )
    );
    let blocking = blocking_spans(&world);
    let calls: Vec<&str> = blocking.iter().map(|span| span.label.as_str()).collect();
    if let [call] = calls.as_slice() {
        assert!(
            *call == JOB_CALL,
            "{}",
            world::say!(
                en: "the job is cpu.crunch(JOB), the numbers 0..5,000,000, but yours crunched \
                     {call}: use the constant JOB, not a range of your own (the sum of squares \
                     hardly shows a missing 0, the range does)",
                ko: "작업은 `cpu.crunch(JOB)`, 즉 0..5,000,000의 수인데, 여러분의 코드가 계산한 \
                     것은 {call}입니다. 범위를 직접 만들지 말고 상수 `JOB`을 쓰십시오(0이 빠져도 \
                     제곱의 합으로는 거의 드러나지 않지만, 범위에는 드러납니다)",
            )
        );
    }
    assert!(
        blocking.len() == 1
            && blocking[0].thread == Thread::Runtime
            && blocking[0].end.map(|end| end - blocking[0].start) == Some(JOB_TAKES),
        "{}",
        world::say!(
            en: "step 1 is the mistake, on purpose: crunch the whole job in one call, right in \
                 the async fn, so that it holds the runtime thread for 500 ms (found {} blocking \
                 spans: {calls:?})",
            ko: "1단계는 일부러 틀리는 단계입니다: `async fn` 안에서 바로, 한 번의 호출로 작업 \
                 전체를 계산해서 런타임 스레드를 500 ms 동안 블로킹하십시오(블로킹 span {}개: \
                 {calls:?})",
            blocking.len()
        )
    );
    let job = job_span(&world);
    let end = job.end.unwrap_or_else(|| {
        panic!(
            "{}",
            world::say!(en: "the job finished", ko: "작업이 끝났어야 합니다")
        )
    });
    let during: Vec<&Beat> = beats
        .iter()
        .filter(|b| b.at > job.start && b.at < end)
        .collect();
    assert!(
        during.is_empty(),
        "{}",
        world::say!(
            en: "CPU work inline holds the runtime thread: no beat can come while it runs, \
                 but {} did (beats due->came: {})",
            ko: "CPU 작업을 그 자리에서 실행하면 런타임 스레드가 블로킹됩니다: 작업이 도는 동안에는 \
                 하트비트가 뛸 수 없는데 {}번 뛰었습니다(하트비트, 예정->실제 ms: {})",
            during.len(),
            shown(&beats)
        )
    );
    assert_eq!(
        beats.iter().map(|b| b.late()).max(),
        Some(ms(440)),
        "{}",
        world::say!(
            en: "the heartbeat freezes for the job: the beat due at 300 ms comes at 740 ms, when \
                 the job lets go of the thread (beats due->came: {})",
            ko: "작업이 도는 동안 하트비트가 멈춥니다: 300 ms에 뛰어야 할 하트비트는 작업이 \
                 스레드를 놓는 740 ms에야 뜁니다(하트비트, 예정->실제 ms: {})",
            shown(&beats)
        )
    );
    assert_timeline!("step1_inline", world);
}

#[world::step]
async fn step2_off_the_runtime() {
    let world = World::start();
    let cpu = Cpu::new(&world);

    let (sum, beats) = scene(&world, &cpu, kata::off_the_runtime(&cpu)).await;

    assert_eq!(
        sum,
        SUM,
        "{}",
        world::say!(
            en: "the job is cpu.crunch(JOB): the squares of 0..5,000,000",
            ko: "작업은 `cpu.crunch(JOB)`, 즉 0..5,000,000의 제곱을 더하는 것입니다",
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
            en: "the job ran on the runtime thread (rows {on_runtime:?}). Called inline, from an \
                 async fn around it or in a tokio::spawn task, it is the same thread: a task is \
                 not a thread. Run it with tokio::task::spawn_blocking",
            ko: "작업이 런타임 스레드에서 실행되었습니다(행 {on_runtime:?}). 그 자리에서 호출하든, \
                 감싼 `async fn`에서 호출하든, `tokio::spawn`한 태스크 안에서 호출하든 같은 \
                 스레드입니다: 태스크는 스레드가 아닙니다. `tokio::task::spawn_blocking`으로 \
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
                 as the work itself. Await the JoinHandle of spawn_blocking instead",
            ko: "{waited_for:?} 행은 런타임 밖에서 실행되었지만, 런타임 스레드가 그 결과를 await하지 \
                 않고 기다렸습니다(std 채널의 `recv`, 스레드의 `join()`, `is_finished`를 계속 \
                 확인하는 루프, 직접 만든 `block_on`): 블로킹으로 기다리면 작업 자체만큼이나 \
                 확실하게 런타임 스레드가 블로킹됩니다. 대신 `spawn_blocking`의 `JoinHandle`을 \
                 await하십시오",
        )
    );
    let crunched: Vec<SpanRecord> = world
        .trace()
        .spans()
        .into_iter()
        .filter(|span| span.fill == Fill::Pool)
        .collect();
    assert!(
        !crunched.is_empty(),
        "{}",
        world::say!(
            en: "the job must run on a blocking-pool thread (tokio::task::spawn_blocking)",
            ko: "작업은 블로킹 풀 스레드에서 실행되어야 합니다(`tokio::task::spawn_blocking`)",
        )
    );
    assert!(
        crunched.iter().all(|span| span.thread == Thread::Pool),
        "{}",
        world::say!(
            en: "the job ran on a thread tokio does not know (std::thread::spawn). On a real \
                 runtime that works, but the paused clock cannot see such a thread (see the README): \
                 spawn_blocking is the tool, a pool of reused threads, and the only threads this \
                 test's paused clock can see",
            ko: "작업이 tokio가 모르는 스레드에서 실행되었습니다(`std::thread::spawn`). 실제 \
                 런타임에서는 동작하지만, 멈춘 시계는 그런 스레드를 볼 수 없습니다(README 참고). \
                 맞는 도구는 재사용되는 스레드의 풀인 `spawn_blocking`이고, 이 테스트의 멈춘 \
                 시계가 볼 수 있는 스레드도 그것뿐입니다",
        )
    );
    let (ranges, tiles) = pool_ranges(&world);
    assert!(
        tiles,
        "{}",
        world::say!(
            en: "the job is cpu.crunch(JOB), the numbers 0..5,000,000, once: in one call, or in \
                 pieces that cover it exactly, each number once. The pool crunched {ranges:?}",
            ko: "작업은 `cpu.crunch(JOB)`, 즉 0..5,000,000의 수를 한 번씩 계산하는 것입니다: 한 \
                 번의 호출로, 또는 그 범위를 빈틈없이 덮는 조각으로 나눠 각 수를 한 번씩 \
                 계산하십시오. 풀이 계산한 범위: {ranges:?}",
        )
    );
    assert!(
        beats.iter().all(|b| b.late().is_zero()) && beats.len() == 12,
        "{}",
        world::say!(
            en: "with the job off the runtime thread, the heartbeat keeps its 100 ms rhythm: \
                 12 beats, none late (beats due->came: {})",
            ko: "작업이 런타임 스레드 밖에서 돌면 하트비트는 100 ms 간격을 지킵니다: 12번, 하나도 \
                 늦지 않고 뜁니다(하트비트, 예정->실제 ms: {})",
            shown(&beats)
        )
    );
    // One call or many pieces on the pool draw alike: the snapshot pins
    // where the job ran, not how it was cut.
    assert_timeline!(
        "step2_off_the_runtime",
        world,
        drawn: pool_work_as_one_call(&world)
    );
}

#[world::step]
async fn step3_chopped() {
    let world = World::start();
    let cpu = Cpu::new(&world);

    let (sum, beats) = scene(&world, &cpu, kata::chopped(&cpu)).await;

    assert_eq!(
        sum,
        SUM,
        "{}",
        world::say!(
            en: "the pieces must add up to the whole job: crunch 0..500,000, then \
                 500,000..1,000,000, and so on up to 5,000,000, and add the results",
            ko: "조각을 모두 합하면 작업 전체가 되어야 합니다: 0..500,000, 그다음 \
                 500,000..1,000,000, 이렇게 5,000,000까지 계산하고 결과를 더하십시오",
        )
    );
    let pieces: Vec<SpanRecord> = blocking_spans(&world)
        .into_iter()
        .filter(|span| span.thread == Thread::Runtime)
        .collect();
    let on_the_pool = world
        .trace()
        .spans()
        .iter()
        .any(|span| span.fill == Fill::Pool);
    assert!(
        pieces.len() >= 2,
        "{}",
        world::say!(
            en: "step 3 keeps the job on the runtime thread, cut into pieces of PIECE numbers{}; \
                 found {} piece(s) on the runtime thread",
            ko: "3단계는 작업을 런타임 스레드에 둔 채 `PIECE`개 수씩의 조각으로 자릅니다{}. \
                 런타임 스레드에서 실행된 조각은 {}개였습니다",
            if on_the_pool {
                world::say!(
                    en: " (spawn_blocking is step 2's answer)",
                    ko: "(`spawn_blocking`은 2단계의 답입니다)",
                )
            } else {
                world::say!(
                    en: ", each a crunch call of its own with a yield between them",
                    ko: ": 조각마다 `crunch`를 따로 호출하고, 조각 사이에 양보합니다",
                )
            },
            pieces.len()
        )
    );
    assert!(
        pieces
            .iter()
            .all(|p| p.end.is_some_and(|end| end - p.start <= PIECE_TAKES)),
        "{}",
        world::say!(
            en: "each piece is at most PIECE numbers: 50 ms of CPU",
            ko: "조각 하나는 많아야 `PIECE`개 수, 즉 CPU 50 ms입니다",
        )
    );
    let late = beats.iter().map(|b| b.late()).max().unwrap_or_default();
    assert!(
        late <= PIECE_TAKES,
        "{}",
        world::say!(
            en: "a beat came {} ms late. Between pieces, yield to the runtime with \
                 tokio::task::yield_now().await, so that the heartbeat beats at most one piece \
                 (50 ms) late: without a pending .await between them, the pieces run back to \
                 back and the thread is held for the whole job (beats due->came: {})",
            ko: "하트비트가 {} ms 늦게 뛰었습니다. 조각 사이에 `tokio::task::yield_now().await`로 \
                 런타임에 양보해서, 하트비트가 많아야 조각 하나(50 ms)만큼만 늦게 하십시오: 조각 \
                 사이에 실제로 기다리는(`Pending`이 되는) `.await`가 없으면 조각들이 쉬지 않고 \
                 이어서 실행되고, 작업 전체 동안 스레드가 블로킹됩니다(하트비트, 예정->실제 ms: {})",
            late.as_millis(),
            shown(&beats)
        )
    );
    let job = job_span(&world);
    let took = job.end.unwrap_or_else(|| {
        panic!(
            "{}",
            world::say!(en: "the job finished", ko: "작업이 끝났어야 합니다")
        )
    }) - job.start;
    assert!(
        took > JOB_TAKES,
        "{}",
        world::say!(
            en: "chopping has a cost: the job shares the thread, so the heartbeat's beats run \
                 between its pieces and it takes longer than its 500 ms of CPU (took {} ms)",
            ko: "조각으로 자르는 데는 비용이 있습니다: 작업이 스레드를 나눠 쓰므로 조각 사이에 \
                 하트비트가 실행되고, 작업은 CPU 시간 500 ms보다 오래 걸립니다(걸린 시간 {} ms)",
            took.as_millis()
        )
    );
    assert_timeline!("step3_chopped", world);
}
