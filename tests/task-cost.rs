//! Kata 14, task cost: one test per step of the README.
//!
//! Compiled twice, against the kata and against its reference solution, so
//! both are judged by the same tests and the same snapshots.
//!
//! The bytes a task costs are counted, not guessed from the process's
//! memory: `allocation-counter` puts a counting global allocator in this
//! test binary, and counts per thread. Each test runs on a current-thread
//! runtime, on its own libtest thread, so what it counts is its own
//! allocations only, whatever the other tests do meanwhile: the same figures
//! run after run. Steps 1 and 2 count what the kata's own polls allocate:
//! its first poll (the moment its tasks are spawned, or its futures built
//! and first polled), and what they left for others to free. Step 3 counts
//! the most held at once on the whole thread, the runtime's polls of the
//! tasks included (see `step3_bounded`).

use std::future::{Future, poll_fn};
use std::pin::pin;
use std::task::Poll;
use std::time::Duration;

use allocation_counter::{AllocationInfo, measure};
#[cfg(not(feature = "reference"))]
use task_cost as kata;
#[cfg(feature = "reference")]
use task_cost_solution as kata;
use world::kit::ms;
use world::{Batch, World, assert_timeline, within};

/// Ten thousand requests, as in the question.
const N: u32 = 10_000;

/// Each request waits 100 ms (I/O, not computing), except request 1, which
/// waits 500 ms: it finishes last, so "in id order" is not "in the order
/// they finished", and in step 3 the other places keep refilling while it
/// waits, where waves of 1000 would wait for it.
fn batch(world: &World) -> Batch {
    Batch::new(world, Duration::from_millis(100)).with_slow(1, Duration::from_millis(SLOW))
}

/// How long request 1 takes, in ms.
const SLOW: u64 = 500;

/// How long a step may take, in virtual time, before its requests are
/// judged too slow: five times the slowest reference.
const BUDGET: Duration = Duration::from_secs(5);

/// What the kata's own polls allocated.
#[derive(Clone, Copy, Debug, Default)]
struct Counted {
    /// Its first poll: the tasks it spawned (not run yet), or the futures
    /// it built and polled once, as they stand when that poll returns.
    first: AllocationInfo,
    /// The bytes its polls allocated and did not free by the end: freed
    /// elsewhere (by the tasks) or still held.
    left_held: i64,
}

/// Awaits `fut` under [`within`], counting the allocations of each of its
/// polls. A task's cell is allocated by the `spawn` (in the kata's poll) and
/// freed when both the task and its `JoinHandle` are done with it, which
/// may be in the runtime's poll of the task, not counted here.
async fn run_counted<F: Future>(batch: &Batch, fut: F) -> (F::Output, Counted) {
    let mut fut = pin!(fut);
    let mut counted: Option<Counted> = None;
    let mut held = 0i64;
    let counting = poll_fn(|cx| {
        let mut poll = Poll::Pending;
        let info = measure(|| poll = fut.as_mut().poll(cx));
        let seen = counted.get_or_insert(Counted {
            first: info,
            ..Counted::default()
        });
        held += info.bytes_current;
        seen.left_held = held;
        poll
    });
    let output = within(10, in_budget(batch, counting)).await;
    (output, counted.unwrap_or_default())
}

/// Awaits `fut` for at most [`BUDGET`] of virtual time; past it, says what
/// the requests did: one at a time, or only slow.
async fn in_budget<F: Future>(batch: &Batch, fut: F) -> F::Output {
    match tokio::time::timeout(BUDGET, fut).await {
        Ok(output) => output,
        Err(_) if batch.peak_in_flight() <= 1 => panic!(
            "{}",
            world::say!(
                en: "the requests ran one at a time: never more than 1 in flight, {} of 10,000 done \
                     after 5 s of virtual time (10,000 x 100 ms is 1000 s). Nothing is stuck: each was \
                     awaited before the next started. Start them all (spawn every task, or build every \
                     future) before awaiting any",
                ko: "요청이 하나씩 차례로 실행되었습니다: 동시에 진행 중인 요청이 1개를 넘은 적이 없고, \
                     가상 시간 5 s 뒤에 10,000개 중 {}개가 끝났습니다(10,000 x 100 ms는 1000 s입니다). \
                     멈춘 것은 없습니다: 요청마다 다음 요청이 시작되기 전에 await했습니다. 어느 것이든 \
                     await하기 전에 모두 시작하십시오(태스크를 모두 spawn하거나, future를 모두 \
                     만들어 두십시오)",
                batch.done()
            )
        ),
        Err(_) => panic!(
            "{}",
            world::say!(
                en: "too slow, not stuck: {} of 10,000 requests done after 5 s of virtual time, at \
                     most {} in flight at once; the reference is done by 1100 ms",
                ko: "멈춘 것이 아니라 너무 느립니다: 가상 시간 5 s 뒤에 요청 10,000개 중 {}개가 끝났고, \
                     동시에 진행 중인 요청은 최대 {}개였습니다. 레퍼런스는 1100 ms에 끝납니다",
                batch.done(),
                batch.peak_in_flight()
            )
        ),
    }
}

/// Checks the answers without printing two lists of 10,000: every id from
/// 1 to N once, and, when `in_order`, in id order.
fn check_answers(answers: &[u32], in_order: bool) {
    let mut sorted = answers.to_vec();
    sorted.sort_unstable();
    let missing: Vec<u32> = (1..=N)
        .filter(|id| sorted.binary_search(id).is_err())
        .collect();
    let duplicated = sorted.windows(2).filter(|w| w[0] == w[1]).count();
    assert!(
        missing.is_empty() && duplicated == 0 && answers.len() == N as usize,
        "{}",
        world::say!(
            en: "every answer, each id from 1 to 10,000 once, but there are {} answers: {} id(s) \
                 missing (first: {:?}), {duplicated} duplicated",
            ko: "1부터 10,000까지 모든 id의 응답이 한 번씩 있어야 하는데, 응답이 {}개입니다: id {}개가 \
                 빠졌고(앞의 몇 개: {:?}), {duplicated}개가 중복되었습니다",
            answers.len(),
            missing.len(),
            &missing[..missing.len().min(5)]
        )
    );
    if !in_order {
        return;
    }
    let Some(at) = (0..answers.len()).find(|&i| answers[i] != i as u32 + 1) else {
        return;
    };
    let finishing_order: Vec<u32> = (2..=N).chain([1]).collect();
    assert!(
        answers != finishing_order.as_slice(),
        "{}",
        world::say!(
            en: "every answer, in id order, but yours come in the order the requests finished: \
                 request 1 takes 500 ms and comes last. A JoinSet (or FuturesUnordered) hands answers \
                 back as they finish: sort them by id, or await the handles in the order you spawned \
                 them",
            ko: "모든 응답이 id 순서대로 와야 하는데, 요청이 끝난 순서대로 왔습니다: 요청 1은 500 ms가 \
                 걸려 마지막에 끝납니다. `JoinSet`(또는 `FuturesUnordered`)은 끝나는 대로 응답을 \
                 돌려줍니다: id로 정렬하거나, 핸들을 spawn한 순서대로 await하십시오",
        )
    );
    panic!(
        "{}",
        world::say!(
            en: "every answer, in id order, but answer {at} is {}, not {}: await the handles in the \
                 order you spawned them (ids 1 to 10,000)",
            ko: "모든 응답이 id 순서대로 와야 하는데, {at}번 응답이 {}입니다(기대한 값: {}): 핸들을 \
                 spawn한 순서대로 await하십시오(id 1부터 10,000까지)",
            answers[at],
            at + 1
        )
    );
}

/// Bytes held per item after the first poll.
fn per_item(counted: &Counted, n: u32) -> u64 {
    counted.first.bytes_current.max(0) as u64 / u64::from(n)
}

#[world::step]
async fn step1_spawn_each() {
    let world = World::start();
    let batch = batch(&world);

    let (answers, spawned) = run_counted(&batch, kata::spawn_each(&batch, N)).await;

    check_answers(&answers, true);
    assert_eq!(
        batch.peak_tasks(),
        N as usize,
        "{}",
        world::say!(
            en: "one task per request, all spawned before any is awaited: 10,000 tasks alive at once",
            ko: "요청마다 태스크 하나, 어느 것도 await하기 전에 모두 spawn합니다: 태스크 10,000개가 동시에 \
                 살아 있어야 합니다",
        )
    );
    assert_eq!(
        world.trace().finished_at(),
        ms(SLOW),
        "{}",
        world::say!(
            en: "10,000 tasks that wait all wait at once: all done at 500 ms, when the slow request 1 \
                 is",
            ko: "기다리는 태스크 10,000개는 모두 동시에 기다립니다: 느린 요청 1이 끝나는 500 ms에 모두 \
                 끝납니다",
        )
    );
    let per_task = per_item(&spawned, N);
    assert!(
        (128..=1024).contains(&per_task),
        "{}",
        world::say!(
            en: "a tokio task is a few hundred bytes (the future in one cell with the task's header); \
                 spawning held {per_task} bytes per request",
            ko: "tokio 태스크 하나는 수백 바이트입니다(태스크 헤더와 함께 셀 하나에 든 future). 그런데 \
                 spawn한 뒤 요청마다 {per_task} 바이트를 쥐고 있었습니다",
        )
    );
    assert!(
        spawned.first.count_current <= 2 * i64::from(N) + 64,
        "{}",
        world::say!(
            en: "a spawn is one allocation (two with a JoinSet's entry), but {} allocations were held \
                 for 10,000 tasks: a future boxed before spawn is a second allocation per task",
            ko: "spawn 한 번은 할당 하나인데(`JoinSet`의 항목까지 치면 둘), 태스크 10,000개에 할당 \
                 {}개가 남아 있었습니다: spawn 전에 future를 `Box`에 담으면 태스크마다 할당이 하나 \
                 더 생깁니다",
            spawned.first.count_current
        )
    );
    let freed_by_tasks = spawned.left_held / i64::from(N);
    assert!(
        freed_by_tasks < 64,
        "{}",
        world::say!(
            en: "spawn puts the future in the task's cell, one allocation, but spawn_each allocated \
                 {freed_by_tasks} bytes per request that the tasks freed when they finished, not with \
                 their JoinHandles: a future boxed (Box::pin) before spawn, a second allocation per \
                 task",
            ko: "spawn은 future를 태스크의 셀에 넣습니다(할당 한 번). 그런데 `spawn_each`는 요청마다 \
                 {freed_by_tasks} 바이트를 더 할당했고, 그 메모리는 `JoinHandle`과 함께가 아니라 \
                 태스크가 끝날 때 해제되었습니다: spawn 전에 future를 `Box::pin`으로 감싸면 태스크마다 \
                 할당이 하나 더 생깁니다",
        )
    );
    assert_timeline!("step1_spawn_each", world);
}

#[world::step]
async fn step2_join_each() {
    let world = World::start();
    let batch = batch(&world);

    let (answers, joined) = run_counted(&batch, kata::join_each(&batch, N)).await;

    check_answers(&answers, true);
    assert_eq!(
        batch.peak_tasks(),
        0,
        "{}",
        world::say!(
            en: "plain futures joined are polled inside the caller: no task at all, none spawned",
            ko: "join한 일반 future는 호출자 안에서 poll됩니다: 태스크는 하나도 없어야 하고, spawn한 \
                 것도 없어야 합니다",
        )
    );
    assert_eq!(
        world.trace().finished_at(),
        ms(SLOW),
        "{}",
        world::say!(
            en: "joined futures wait at once, as tasks do: all done at 500 ms, when the slow request \
                 1 is",
            ko: "join한 future도 태스크처럼 동시에 기다립니다: 느린 요청 1이 끝나는 500 ms에 모두 \
                 끝납니다",
        )
    );
    assert!(
        joined.first.count_current <= i64::from(N) + 64,
        "{}",
        world::say!(
            en: "join_all holds one allocation per future at most (none for 30 or fewer), but {} \
                 allocations were held for 10,000 futures: boxing each future (Box::pin, BoxFuture) \
                 before join_all boxes it twice",
            ko: "`join_all`은 future마다 할당을 많아야 하나 쥡니다(30개 이하면 하나도 없습니다). 그런데 \
                 future 10,000개에 할당 {}개가 남아 있었습니다: `join_all`에 넘기기 전에 future마다 \
                 `Box`에 담으면(`Box::pin`, `BoxFuture`) 두 번 담게 됩니다",
            joined.first.count_current
        )
    );
    let per_future = per_item(&joined, N);
    assert!(
        per_future < 384,
        "{}",
        world::say!(
            en: "a joined future costs less than a task (384 bytes of cell here: no header, no \
                 scheduler, no JoinHandle), but it held {per_future} bytes per request",
            ko: "join한 future는 태스크(여기서는 셀 384 바이트)보다 적게 듭니다: 헤더도, 스케줄러도, \
                 `JoinHandle`도 없습니다. 그런데 요청마다 {per_future} 바이트를 쥐고 있었습니다",
        )
    );
    assert_timeline!("step2_join_each", world);
}

/// The bound of step 3.
const LIMIT: usize = 1000;

/// Step 3 is a plain `fn` that runs its own runtime (the one
/// `#[world::step]` gives an `async fn`: current_thread, clock paused), so
/// that the memory held is measured on the whole thread, the runtime's own
/// polls of the tasks included: a task whose `JoinHandle` was dropped at
/// once (detached) is freed by the runtime when it finishes, outside the
/// kata's polls, and a measure of those polls alone would count it as held
/// for ever.
#[world::step]
fn step3_bounded() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .start_paused(!world::real_clock::real_clock())
        .build()
        .expect("cannot build the test's runtime");
    let mut run = None;
    let thread = measure(|| {
        run = Some(runtime.block_on(async {
            let world = World::start();
            let batch = batch(&world);
            // Not run_counted: a measure nested in this one adds its
            // peak to this one's (allocation-counter sums them).
            let answers = within(10, in_budget(&batch, kata::bounded(&batch, N, LIMIT))).await;
            (world, batch, answers)
        }));
    });
    let (world, batch, answers) = run.expect("the run returned");

    check_answers(&answers, false);
    let (in_flight, tasks) = (batch.peak_in_flight(), batch.peak_tasks());
    assert!(
        in_flight <= LIMIT || tasks <= 2 * LIMIT,
        "{}",
        world::say!(
            en: "at most 1000 requests in flight and 1000 tasks alive, but {tasks} tasks were alive and \
                 {in_flight} requests in flight at once: the tasks were spawned before the bound. A \
                 task runs from its spawn, whether or not anything awaits its JoinHandle, so a bound \
                 on the handles (buffer_unordered over JoinHandles, a window of awaits) bounds nothing: \
                 spawn each request only when its turn comes",
            ko: "진행 중인 요청도, 살아 있는 태스크도 최대 1000개여야 하는데, 한때 태스크 {tasks}개가 \
                 살아 있고 요청 {in_flight}개가 진행 중이었습니다: 한도를 걸기 전에 태스크를 spawn했습니다. \
                 태스크는 누가 `JoinHandle`을 await하든 말든 spawn한 순간부터 실행되므로, 핸들에 건 \
                 한도(`JoinHandle`에 건 `buffer_unordered`, await의 창)는 아무것도 제한하지 못합니다: \
                 각 요청은 자기 차례가 왔을 때에만 spawn하십시오",
        )
    );
    assert!(
        in_flight <= LIMIT,
        "{}",
        world::say!(
            en: "at most 1000 requests in flight, but {in_flight} were at once: bound the work in flight",
            ko: "진행 중인 요청은 최대 1000개여야 하는데, 한때 {in_flight}개였습니다: 진행 중인 일의 \
                 수를 제한하십시오",
        )
    );
    assert!(
        tasks <= LIMIT,
        "{}",
        world::say!(
            en: "at most 1000 tasks alive, but {tasks} were at once: a task waiting for a permit still \
                 costs its memory; spawn the next request only when one finishes",
            ko: "살아 있는 태스크는 최대 1000개여야 하는데, 한때 {tasks}개였습니다: permit을 기다리는 \
                 태스크도 자기 메모리를 차지합니다. 다음 요청은 하나가 끝났을 때에만 spawn하십시오",
        )
    );
    let held = thread.bytes_max;
    assert!(
        held <= u64::from(N) * 100,
        "{}",
        world::say!(
            en: "the memory held grows with the limit (1000), not with the 10,000 requests, but it \
                 reached {held} bytes (on the whole thread, the runtime's frees included): over 100 \
                 bytes per request, with never more than {tasks} tasks alive. Something outlives its \
                 request: JoinHandles of finished tasks kept (a task's cell lives as long as its \
                 handle), or futures built before their turn. Create each task or future only when \
                 its turn comes, and keep no JoinHandle of a finished task",
            ko: "쥐고 있는 메모리는 요청 수(10,000)가 아니라 한도(1000)에 따라 늘어야 하는데, {held} \
                 바이트까지 올라갔습니다(스레드 전체 기준, 런타임의 해제 포함): 살아 있는 태스크가 \
                 {tasks}개를 넘은 적이 없는데도 요청마다 100 바이트가 넘습니다. 무언가가 자기 요청보다 \
                 오래 삽니다: 끝난 태스크의 `JoinHandle`을 보관했거나(태스크의 셀은 핸들이 살아 있는 \
                 동안 함께 삽니다), 차례가 오기 전에 future를 만들었습니다. 태스크나 future는 차례가 \
                 왔을 때에만 만들고, 끝난 태스크의 `JoinHandle`은 보관하지 마십시오",
        )
    );
    let finished = world.trace().finished_at();
    assert!(
        finished <= ms(1100),
        "{}",
        world::say!(
            en: "the next request starts as soon as any one finishes: while request 1 takes 500 ms, \
                 the other 999 places keep refilling, and all are done at 1100 ms. Yours finished at \
                 {} ms: waves of 1000 (each waits for its slowest), or a queue that waits for the \
                 oldest request (`buffered` rather than `buffer_unordered`), leave places empty",
            ko: "다음 요청은 어느 하나라도 끝나는 즉시 시작합니다: 요청 1이 500 ms 걸리는 동안 나머지 \
                 999자리는 계속 다시 채워지고, 모두 1100 ms에 끝납니다. 여러분의 코드는 {} ms에 \
                 끝났습니다: 1000개씩 묶어 보내거나(묶음마다 가장 느린 요청을 기다립니다), 가장 오래된 \
                 요청을 기다리는 큐(`buffer_unordered` 대신 `buffered`)를 쓰면 자리가 빕니다",
            finished.as_millis()
        )
    );
    assert_eq!(
        finished,
        ms(1100),
        "{}",
        world::say!(
            en: "1000 at a time, 100 ms each, request 1 taking 500 ms: all done at 1100 ms",
            ko: "한 번에 1000개, 각각 100 ms, 요청 1은 500 ms: 모두 1100 ms에 끝납니다",
        )
    );
    assert_timeline!("step3_bounded", world);
}
