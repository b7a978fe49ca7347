//! Kata 11, semaphore limit: one test per step of the README.
//!
//! Compiled twice, against the kata and against its reference solution, so
//! both are judged by the same tests and the same snapshots.

use std::any::Any;
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::time::Duration;

use futures::FutureExt as _;
#[cfg(not(feature = "reference"))]
use semaphore_limit as kata;
#[cfg(feature = "reference")]
use semaphore_limit_solution as kata;
use world::kit::ms;
use world::{Job, World, assert_timeline, within};

/// The seed's workers: five jobs of 1 s, Worker0 to Worker4.
fn seed_jobs(world: &World) -> Vec<Job> {
    (0..5)
        .map(|i| Job::new(world, format!("Worker{i}"), Duration::from_secs(1)))
        .collect()
}

/// Jobs of unequal length: Worker1 is slow, Worker0 and Worker2 are quick.
fn uneven_jobs(world: &World) -> Vec<Job> {
    [1, 3, 1]
        .into_iter()
        .enumerate()
        .map(|(i, secs)| Job::new(world, format!("Worker{i}"), Duration::from_secs(secs)))
        .collect()
}

/// Jobs where a later job frees its permit first: Worker0 is slow (3 s),
/// Worker1 to Worker3 are quick (1 s). An answer that waits for the oldest
/// running job before starting the next one leaves Worker1's permit idle.
fn later_frees_first_jobs(world: &World) -> Vec<Job> {
    [3, 1, 1, 1]
        .into_iter()
        .enumerate()
        .map(|(i, secs)| Job::new(world, format!("Worker{i}"), Duration::from_secs(secs)))
        .collect()
}

fn reports(names: &[&str]) -> Vec<String> {
    names.iter().map(|name| format!("{name} done")).collect()
}

/// Every job's start, earliest first, whichever job it was.
fn starts(world: &World) -> Vec<Duration> {
    let mut starts: Vec<Duration> = world.trace().spans().iter().map(|s| s.start).collect();
    starts.sort();
    starts
}

/// When the job on `row` started, or a message saying it never did.
fn started(world: &World, row: &str) -> Duration {
    let spans = world.trace().spans_of(row);
    spans
        .first()
        .unwrap_or_else(|| {
            panic!(
                "{}",
                world::say!(en: "{row} never ran", ko: "`{row}` 작업은 한 번도 실행되지 않았습니다")
            )
        })
        .start
}

/// Awaits the kata's call on `jobs` jobs. If it has not returned after 9 s
/// of virtual time (just before `within`'s deadline) and the trace shows a
/// run that stalled with jobs finished, jobs never started and none running,
/// says why: the finished jobs' permits were never given back.
async fn settles<T>(world: &World, jobs: usize, call: impl Future<Output = T>) -> T {
    let mut call = std::pin::pin!(call);
    tokio::select! {
        biased;
        output = &mut call => return output,
        () = tokio::time::sleep(ms(9000)) => {}
    }
    let spans = world.trace().spans();
    let finished: Vec<_> = spans.iter().filter_map(|s| s.end).collect();
    let running = spans.iter().filter(|s| s.end.is_none()).count();
    let never = jobs.saturating_sub(spans.len());
    if let Some(last) = finished.iter().max().filter(|_| running == 0 && never > 0) {
        panic!(
            "{}",
            world::say!(
                en: "the run stalled: by {} ms {} job(s) had finished and {never} had never started, \
                     with none running, and nothing happened after that. The finished jobs' permits \
                     were never given back: a permit returns to the semaphore when it is dropped, so \
                     it must end with its job (`let _permit = ...` inside the job's future, or moved \
                     into its task), not be kept in the result or anywhere that outlives the job",
                ko: "실행이 멈췄습니다: {} ms까지 작업 {}개가 끝났고 {never}개는 시작조차 하지 \
                     않았는데, 도는 작업은 하나도 없었고 그 뒤로 아무 일도 일어나지 않았습니다. \
                     끝난 작업의 permit이 반환되지 않았습니다: permit은 drop될 때 세마포어로 \
                     돌아가므로 자기 작업과 함께 끝나야 합니다(작업의 future 안에서 \
                     `let _permit = ...`, 또는 작업의 태스크 안으로 move). 결과 안이나 작업보다 \
                     오래 사는 곳에 보관해서는 안 됩니다",
                last.as_millis(),
                finished.len()
            )
        );
    }
    call.await
}

/// The most jobs that ran at once. A job that ends as another starts does
/// not overlap it.
fn peak(world: &World) -> usize {
    world.trace().peak(|_| true)
}

/// A freed permit starts the next job at once, whichever job freed it: no
/// job may still be waiting at an instant when a job ended and fewer than
/// `limit` jobs are left running. (Whether the permits were used from the
/// start is the peak's question.)
fn assert_no_idle_permit(world: &World, limit: usize) {
    let spans = world.trace().spans();
    for freed in &spans {
        let Some(at) = freed.end else { continue };
        let running = spans
            .iter()
            .filter(|s| s.start <= at && s.end.is_none_or(|end| end > at))
            .count();
        let next = spans
            .iter()
            .filter(|s| s.start > at)
            .min_by_key(|s| s.start);
        if let (true, Some(next)) = (running < limit, next) {
            panic!(
                "{}",
                world::say!(
                    en: "a freed permit must start the next job at once, whichever job freed it: \
                         {} finished at {} ms, but {} waited until {} ms with only {running} of \
                         {limit} permits in use",
                    ko: "어느 작업이 permit을 풀었든, 풀린 permit은 다음 작업을 곧바로 시작시켜야 \
                         합니다: `{}` 작업이 {} ms에 끝났는데, permit {limit}개 중 {running}개만 쓰이는 \
                         동안 `{}` 작업은 {} ms까지 기다렸습니다",
                    freed.actor,
                    at.as_millis(),
                    next.actor,
                    next.start.as_millis(),
                )
            );
        }
    }
}

/// Why more than `limit` jobs ran at once, from the trace: every job at once
/// (nothing capped them, or each permit was dropped as soon as it was
/// acquired), or a few more than the limit (more permits than asked).
fn cap_broken(world: &World, limit: usize) -> String {
    let peak = peak(world);
    let jobs = world.trace().spans().len();
    let why = if peak == jobs {
        world::say!(
            en: "No job ever waited for a permit: all {jobs} ran at once. Either nothing caps \
                 them, or each permit was dropped as soon as it was acquired. A permit caps \
                 only while it is alive: `let _ = sem.acquire().await` drops it at once, and a \
                 permit not moved into the spawned task is dropped at the end of the loop's \
                 turn; `let _permit = ...` (or moving it into the task) keeps it until the job \
                 ends",
            ko: "permit을 기다린 작업이 하나도 없습니다: {jobs}개가 모두 한꺼번에 돌았습니다. \
                 작업 수를 제한하는 것이 없거나, permit을 얻자마자 drop했습니다. permit은 살아 \
                 있는 동안만 제한합니다: `let _ = sem.acquire().await`는 permit을 바로 drop하고, \
                 spawn한 태스크 안으로 move하지 않은 permit은 루프의 한 바퀴가 끝날 때 \
                 drop됩니다. `let _permit = ...`(또는 태스크 안으로 move)로 잡아야 작업이 끝날 \
                 때까지 살아 있습니다",
        )
    } else {
        world::say!(
            en: "Jobs did wait for permits, but {peak} held one at once: the semaphore has more \
                 permits than the limit (Semaphore::new(limit + 1)?), or more than {limit} \
                 workers take jobs",
            ko: "작업들이 permit을 기다리기는 했지만, 한때 {peak}개가 permit을 쥐고 있었습니다: \
                 세마포어의 permit이 한도보다 많거나(`Semaphore::new(limit + 1)`입니까?), \
                 {limit}개보다 많은 워커가 작업을 가져갑니다",
        )
    };
    world::say!(
        en: "the cap is broken: at most {limit} jobs may run at once, but {peak} did. {why}",
        ko: "한도가 지켜지지 않았습니다: 한 번에 최대 {limit}개 작업만 돌 수 있는데 {peak}개가 \
             돌았습니다. {why}",
    )
}

/// Jobs start in the order of `jobs`: no job starts before an earlier one.
fn assert_start_order(world: &World, count: usize) {
    let starts: Vec<(String, Duration)> = (0..count)
        .map(|i| {
            let row = format!("Worker{i}");
            let at = started(world, &row);
            (row, at)
        })
        .collect();
    for (i, (earlier, earlier_at)) in starts.iter().enumerate() {
        let first_later = starts[i + 1..].iter().min_by_key(|(_, at)| *at);
        if let Some((later, later_at)) = first_later.filter(|(_, at)| at < earlier_at) {
            panic!(
                "{}",
                world::say!(
                    en: "jobs start in the order of `jobs`: {later} started at {} ms, before {earlier} \
                         ({} ms). A queue taken from the back (a stack, `Vec::pop`, `pop_back`) starts \
                         the last job first; take the jobs from the front",
                    ko: "작업은 `jobs`의 순서대로 시작합니다: `{later}` 작업이 `{earlier}` 작업({1} ms)보다 \
                         먼저, {0} ms에 시작했습니다. 큐를 뒤에서부터 꺼내면(스택, `Vec::pop`, \
                         `pop_back`) 마지막 작업이 먼저 시작합니다. 작업은 앞에서부터 꺼내십시오",
                    later_at.as_millis(),
                    earlier_at.as_millis()
                )
            );
        }
    }
}

/// Every job ran in a tokio task of its own: spawned, not polled by the
/// function itself (`join_all`, a stream) nor all in one task.
fn assert_own_tasks(world: &World) {
    let spans = world.trace().spans();
    let untasked: Vec<&str> = spans
        .iter()
        .filter(|s| s.task.is_none())
        .map(|s| s.actor.as_str())
        .collect();
    assert!(
        untasked.len() < spans.len() || spans.is_empty(),
        "{}",
        world::say!(
            en: "every job runs in a task of its own (tokio::spawn), but no job ever ran in a task \
                 of its own: spawn_limited polled them all itself, as join_all does",
            ko: "작업마다 자기 태스크에서 돌아야 하는데(`tokio::spawn`), 자기 태스크에서 돈 작업이 \
                 하나도 없습니다: `join_all`처럼 `spawn_limited`가 모든 작업을 직접 poll했습니다",
        )
    );
    assert!(
        untasked.is_empty(),
        "{}",
        world::say!(
            en: "every job runs in a task of its own (tokio::spawn), but {} ran in none: \
                 spawn_limited polled it itself",
            ko: "작업마다 자기 태스크에서 돌아야 하는데(`tokio::spawn`), `{}` 작업은 어느 태스크에서도 \
                 돌지 않았습니다: `spawn_limited`가 직접 poll했습니다",
            untasked.join(&world::say!(en: " and ", ko: "`, `"))
        )
    );
    for (i, a) in spans.iter().enumerate() {
        if let Some(b) = spans[i + 1..].iter().find(|b| b.task == a.task) {
            panic!(
                "{}",
                world::say!(
                    en: "every job runs in a task of its own (tokio::spawn), but {} and {} ran in \
                         one task: one task per job",
                    ko: "작업마다 자기 태스크에서 돌아야 하는데(`tokio::spawn`), `{}` 작업과 `{}` 작업이 \
                         한 태스크에서 돌았습니다: 작업 하나에 태스크 하나입니다",
                    a.actor,
                    b.actor
                )
            );
        }
    }
}

/// Awaits a call made with limit 0 and returns its panic message. Fails with
/// a message naming the concept if the call returns, or waits: the deadline
/// is `within`'s 10 s of virtual time, spelled out to say why it matters.
async fn refusal<F: Future>(call: F) -> String {
    let caught = tokio::time::timeout(
        Duration::from_secs(10),
        AssertUnwindSafe(call).catch_unwind(),
    )
    .await;
    match caught {
        Err(_) => panic!(
            "{}",
            world::say!(
                en: "limit 0 must be refused at once with a panic: with 0 permits no job can ever \
                     start, and the call waited 10 s of virtual time (it would wait forever)",
                ko: "한도 0은 곧바로 패닉으로 거부해야 합니다: permit이 0개면 어떤 작업도 시작할 수 \
                     없는데, 호출이 가상 시간으로 10 s를 기다렸습니다(영원히 기다렸을 것입니다)",
            )
        ),
        Ok(Ok(_)) => panic!(
            "{}",
            world::say!(
                en: "limit 0 is a caller error and must panic, but the call returned",
                ko: "한도 0은 호출자의 실수이므로 패닉해야 하는데, 호출이 반환했습니다",
            )
        ),
        Ok(Err(payload)) => panic_message(payload),
    }
}

fn panic_message(payload: Box<dyn Any + Send>) -> String {
    match payload.downcast::<String>() {
        Ok(text) => *text,
        Err(payload) => payload
            .downcast_ref::<&str>()
            .map_or_else(String::new, |text| (*text).to_owned()),
    }
}

/// The seed's schedule: five 1 s jobs under 2 permits start at 0, 0, 1000,
/// 1000, 2000 ms and are all done at 3000 ms.
fn assert_seed_schedule(world: &World, done: &[String]) {
    assert_eq!(
        done,
        reports(&["Worker0", "Worker1", "Worker2", "Worker3", "Worker4"]),
        "{}",
        world::say!(
            en: "every job's report, in the order of `jobs`",
            ko: "모든 작업의 보고가 `jobs`의 순서대로 와야 합니다",
        )
    );
    assert!(peak(world) <= 2, "{}", cap_broken(world, 2));
    assert_eq!(
        peak(world),
        2,
        "{}",
        world::say!(
            en: "the permits are not used: with a limit of 2, two jobs should run at once, \
                 but at most one did (the jobs ran one at a time)",
            ko: "permit을 쓰지 않았습니다: 한도가 2이면 작업 두 개가 동시에 돌아야 하는데, \
                 많아야 하나만 돌았습니다(작업이 하나씩 차례로 돌았습니다)",
        )
    );
    assert_start_order(world, 5);
    assert_no_idle_permit(world, 2);
    assert_eq!(
        starts(world),
        [ms(0), ms(0), ms(1000), ms(1000), ms(2000)],
        "{}",
        world::say!(
            en: "two start at once, and each finished job lets the next one start: \
                 starts at 0, 0, 1000, 1000, 2000 ms",
            ko: "두 개가 한꺼번에 시작하고, 작업이 하나 끝날 때마다 다음 작업이 시작합니다: \
                 시작 시각은 0, 0, 1000, 1000, 2000 ms입니다",
        )
    );
    assert_eq!(
        world.trace().finished_at(),
        ms(3000),
        "{}",
        world::say!(
            en: "five 1 s jobs two at a time take three rounds: done at 3000 ms",
            ko: "1 s짜리 작업 다섯 개를 둘씩 돌리면 세 번에 나뉩니다: 3000 ms에 끝납니다",
        )
    );
}

/// Uneven jobs (1 s, 3 s, 1 s) under 2 permits: Worker2 takes the permit
/// Worker0 frees at 1000 ms, and all are done with Worker1, at 3000 ms.
fn assert_uneven_schedule(world: &World, done: &[String]) {
    assert_eq!(
        done,
        reports(&["Worker0", "Worker1", "Worker2"]),
        "{}",
        world::say!(
            en: "reports come back in the order of `jobs`, not the order the jobs finished \
                 (Worker2 finishes before Worker1)",
            ko: "보고는 작업이 끝난 순서가 아니라 `jobs`의 순서대로 돌아와야 합니다 \
                 (`Worker2`가 `Worker1`보다 먼저 끝납니다)",
        )
    );
    assert!(peak(world) <= 2, "{}", cap_broken(world, 2));
    assert_start_order(world, 3);
    assert_no_idle_permit(world, 2);
    assert_eq!(
        started(world, "Worker2"),
        ms(1000),
        "{}",
        world::say!(
            en: "a freed permit must start the next job at once: Worker2 starts when Worker0 \
                 finishes (1000 ms), not when the whole batch of two is done (3000 ms)",
            ko: "풀린 permit은 다음 작업을 곧바로 시작시켜야 합니다: `Worker2`는 두 개짜리 묶음이 \
                 다 끝날 때(3000 ms)가 아니라 `Worker0`이 끝날 때(1000 ms) 시작합니다",
        )
    );
    assert_eq!(
        world.trace().finished_at(),
        ms(3000),
        "{}",
        world::say!(
            en: "with a sliding window the quick jobs run beside the slow one: all done when \
                 Worker1 is, at 3000 ms",
            ko: "슬라이딩 윈도에서는 빠른 작업들이 느린 작업 옆에서 돕니다: `Worker1`이 끝나는 \
                 3000 ms에 모두 끝납니다",
        )
    );
}

/// Jobs of 3, 1, 1 and 1 s under 2 permits: Worker1 frees its permit first
/// (1000 ms), and Worker2 takes it at once though Worker0 still runs; then
/// Worker3 takes Worker2's (2000 ms). All done with Worker0, at 3000 ms.
fn assert_later_frees_first_schedule(world: &World, done: &[String]) {
    assert_eq!(
        done,
        reports(&["Worker0", "Worker1", "Worker2", "Worker3"]),
        "{}",
        world::say!(
            en: "reports come back in the order of `jobs`, not the order the jobs finished \
                 (Worker0 finishes last)",
            ko: "보고는 작업이 끝난 순서가 아니라 `jobs`의 순서대로 돌아와야 합니다 \
                 (`Worker0`이 마지막에 끝납니다)",
        )
    );
    assert!(peak(world) <= 2, "{}", cap_broken(world, 2));
    assert_start_order(world, 4);
    assert_no_idle_permit(world, 2);
    assert_eq!(
        world.trace().finished_at(),
        ms(3000),
        "{}",
        world::say!(
            en: "the quick jobs run one after another beside the slow one: all done when \
                 Worker0 is, at 3000 ms",
            ko: "빠른 작업들이 느린 작업 옆에서 하나씩 이어서 돕니다: `Worker0`이 끝나는 \
                 3000 ms에 모두 끝납니다",
        )
    );
}

/// A limit of 0 is refused with a panic naming the limit, before any job.
fn assert_refuses_zero(world: &World, message: &str) {
    assert!(
        message.to_lowercase().contains("limit"),
        "{}",
        world::say!(
            en: "limit 0 must panic with a message that names the limit, not: {message:?}",
            ko: "한도 0이면 한도를 언급하는(`limit`이 들어간) 메시지로 패닉해야 합니다. 실제 메시지: {message:?}",
        )
    );
    let started = world.trace().spans().len();
    assert!(
        started == 0,
        "{}",
        world::say!(
            en: "limit 0 is refused before any job starts, but {started} job(s) started first",
            ko: "한도 0은 어떤 작업도 시작하기 전에 거부해야 하는데, 작업 {started}개가 먼저 \
                 시작했습니다",
        )
    );
}

#[world::step]
async fn step1_seed() {
    let world = World::start();

    let done = within(
        10,
        settles(&world, 5, kata::run_limited(seed_jobs(&world), 2)),
    )
    .await;

    assert_seed_schedule(&world, &done);
    assert_timeline!("step1_seed", world);
}

#[world::step]
async fn step2_uneven_jobs() {
    let world = World::start();

    let done = within(
        10,
        settles(&world, 3, kata::run_limited(uneven_jobs(&world), 2)),
    )
    .await;

    assert_uneven_schedule(&world, &done);
    assert_timeline!("step2_uneven_jobs", world);

    // The slow job first: the permit that frees first is a later job's.
    let world = World::start();
    world.compared_with("step2_later_job_frees_first");
    let done = within(
        10,
        settles(
            &world,
            4,
            kata::run_limited(later_frees_first_jobs(&world), 2),
        ),
    )
    .await;

    assert_later_frees_first_schedule(&world, &done);
    assert_timeline!("step2_later_job_frees_first", world);
}

#[world::step]
async fn step3_any_limit() {
    // (limit, jobs running at once, when all five are done)
    let cases = [
        (1, 1, 5000),
        (2, 2, 3000),
        (3, 3, 2000),
        (4, 4, 2000),
        (5, 5, 1000),
        (8, 5, 1000),
    ];
    for (limit, at_once, done_at) in cases {
        let world = World::start();

        let done = within(
            10,
            settles(&world, 5, kata::run_limited(seed_jobs(&world), limit)),
        )
        .await;

        assert_eq!(
            done,
            reports(&["Worker0", "Worker1", "Worker2", "Worker3", "Worker4"]),
            "{}",
            world::say!(
                en: "limit {limit}: every job's report, in the order of `jobs`",
                ko: "한도 {limit}: 모든 작업의 보고가 `jobs`의 순서대로 와야 합니다",
            )
        );
        assert!(peak(&world) <= limit, "{}", cap_broken(&world, limit));
        assert_eq!(
            peak(&world),
            at_once,
            "{}",
            world::say!(
                en: "the permits are not used: with limit {limit}, {at_once} of the 5 jobs should \
                     run at once, but at most {} did",
                ko: "permit을 쓰지 않았습니다: 한도가 {limit}이면 작업 5개 중 {at_once}개가 동시에 \
                     돌아야 하는데, 많아야 {}개만 돌았습니다",
                peak(&world)
            )
        );
        assert_start_order(&world, 5);
        assert_no_idle_permit(&world, limit);
        assert_eq!(
            world.trace().finished_at(),
            ms(done_at),
            "{}",
            world::say!(
                en: "limit {limit}: five 1 s jobs take {} round(s), done at {done_at} ms",
                ko: "한도 {limit}: 1 s짜리 작업 다섯 개는 {}번에 나뉘어 {done_at} ms에 끝납니다",
                done_at / 1000
            )
        );
        if limit == 3 {
            assert_timeline!("step3_limit_3", world);
        }
    }

    let world = World::start();
    let message = refusal(kata::run_limited(seed_jobs(&world), 0)).await;
    assert_refuses_zero(&world, &message);
}

#[world::step]
async fn step4_spawned_tasks() {
    let world = World::start();

    let done = within(
        10,
        settles(&world, 5, kata::spawn_limited(seed_jobs(&world), 2)),
    )
    .await;

    assert_seed_schedule(&world, &done);
    assert_own_tasks(&world);
    assert_timeline!("step4_spawned_tasks", world);

    // The same contract as run_limited, on uneven jobs and on limit 0. A
    // failure shows the step 2 reference, which these runs must match.
    let world = World::start();
    world.compared_with("step2_uneven_jobs");
    let done = within(
        10,
        settles(&world, 3, kata::spawn_limited(uneven_jobs(&world), 2)),
    )
    .await;
    assert_uneven_schedule(&world, &done);
    assert_own_tasks(&world);

    let world = World::start();
    world.compared_with("step2_later_job_frees_first");
    let done = within(
        10,
        settles(
            &world,
            4,
            kata::spawn_limited(later_frees_first_jobs(&world), 2),
        ),
    )
    .await;
    assert_later_frees_first_schedule(&world, &done);
    assert_own_tasks(&world);

    let world = World::start();
    let message = refusal(kata::spawn_limited(seed_jobs(&world), 0)).await;
    assert_refuses_zero(&world, &message);
}
