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
use world::{Job, World, assert_timeline, within};

fn ms(millis: u64) -> Duration {
    Duration::from_millis(millis)
}

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
        .unwrap_or_else(|| panic!("{row} never ran"))
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
            "the run stalled: by {} ms {} job(s) had finished and {never} had never started, \
             with none running, and nothing happened after that. The finished jobs' permits \
             were never given back: a permit returns to the semaphore when it is dropped, so \
             it must end with its job (`let _permit = ...` inside the job's future, or moved \
             into its task), not be kept in the result or anywhere that outlives the job",
            last.as_millis(),
            finished.len()
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
                "a freed permit must start the next job at once, whichever job freed it: \
                 {} finished at {} ms, but {} waited until {} ms with only {running} of \
                 {limit} permits in use",
                freed.actor,
                at.as_millis(),
                next.actor,
                next.start.as_millis(),
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
        format!(
            "No job ever waited for a permit: all {jobs} ran at once. Either nothing caps \
             them, or each permit was dropped as soon as it was acquired. A permit caps \
             only while it is alive: `let _ = sem.acquire().await` drops it at once, and a \
             permit not moved into the spawned task is dropped at the end of the loop's \
             turn; `let _permit = ...` (or moving it into the task) keeps it until the job \
             ends"
        )
    } else {
        format!(
            "Jobs did wait for permits, but {peak} held one at once: the semaphore has more \
             permits than the limit (Semaphore::new(limit + 1)?), or more than {limit} \
             workers take jobs"
        )
    };
    format!("the cap is broken: at most {limit} jobs may run at once, but {peak} did. {why}")
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
                "jobs start in the order of `jobs`: {later} started at {} ms, before {earlier} \
                 ({} ms). A queue taken from the back (a stack, `Vec::pop`, `pop_back`) starts \
                 the last job first; take the jobs from the front",
                later_at.as_millis(),
                earlier_at.as_millis()
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
        "every job runs in a task of its own (tokio::spawn), but no job ever ran in a task \
         of its own: spawn_limited polled them all itself, as join_all does"
    );
    assert!(
        untasked.is_empty(),
        "every job runs in a task of its own (tokio::spawn), but {} ran in none: \
         spawn_limited polled it itself",
        untasked.join(" and ")
    );
    for (i, a) in spans.iter().enumerate() {
        if let Some(b) = spans[i + 1..].iter().find(|b| b.task == a.task) {
            panic!(
                "every job runs in a task of its own (tokio::spawn), but {} and {} ran in \
                 one task: one task per job",
                a.actor, b.actor
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
            "limit 0 must be refused at once with a panic: with 0 permits no job can ever \
             start, and the call waited 10 s of virtual time (it would wait forever)"
        ),
        Ok(Ok(_)) => panic!("limit 0 is a caller error and must panic, but the call returned"),
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
        "every job's report, in the order of `jobs`"
    );
    assert!(peak(world) <= 2, "{}", cap_broken(world, 2));
    assert_eq!(
        peak(world),
        2,
        "the permits are not used: with a limit of 2, two jobs should run at once, \
         but at most one did (the jobs ran one at a time)"
    );
    assert_start_order(world, 5);
    assert_no_idle_permit(world, 2);
    assert_eq!(
        starts(world),
        [ms(0), ms(0), ms(1000), ms(1000), ms(2000)],
        "two start at once, and each finished job lets the next one start: \
         starts at 0, 0, 1000, 1000, 2000 ms"
    );
    assert_eq!(
        world.trace().finished_at(),
        ms(3000),
        "five 1 s jobs two at a time take three rounds: done at 3000 ms"
    );
}

/// Uneven jobs (1 s, 3 s, 1 s) under 2 permits: Worker2 takes the permit
/// Worker0 frees at 1000 ms, and all are done with Worker1, at 3000 ms.
fn assert_uneven_schedule(world: &World, done: &[String]) {
    assert_eq!(
        done,
        reports(&["Worker0", "Worker1", "Worker2"]),
        "reports come back in the order of `jobs`, not the order the jobs finished \
         (Worker2 finishes before Worker1)"
    );
    assert!(peak(world) <= 2, "{}", cap_broken(world, 2));
    assert_start_order(world, 3);
    assert_no_idle_permit(world, 2);
    assert_eq!(
        started(world, "Worker2"),
        ms(1000),
        "a freed permit must start the next job at once: Worker2 starts when Worker0 \
         finishes (1000 ms), not when the whole batch of two is done (3000 ms)"
    );
    assert_eq!(
        world.trace().finished_at(),
        ms(3000),
        "with a sliding window the quick jobs run beside the slow one: all done when \
         Worker1 is, at 3000 ms"
    );
}

/// Jobs of 3, 1, 1 and 1 s under 2 permits: Worker1 frees its permit first
/// (1000 ms), and Worker2 takes it at once though Worker0 still runs; then
/// Worker3 takes Worker2's (2000 ms). All done with Worker0, at 3000 ms.
fn assert_later_frees_first_schedule(world: &World, done: &[String]) {
    assert_eq!(
        done,
        reports(&["Worker0", "Worker1", "Worker2", "Worker3"]),
        "reports come back in the order of `jobs`, not the order the jobs finished \
         (Worker0 finishes last)"
    );
    assert!(peak(world) <= 2, "{}", cap_broken(world, 2));
    assert_start_order(world, 4);
    assert_no_idle_permit(world, 2);
    assert_eq!(
        world.trace().finished_at(),
        ms(3000),
        "the quick jobs run one after another beside the slow one: all done when \
         Worker0 is, at 3000 ms"
    );
}

/// A limit of 0 is refused with a panic naming the limit, before any job.
fn assert_refuses_zero(world: &World, message: &str) {
    assert!(
        message.to_lowercase().contains("limit"),
        "limit 0 must panic with a message that names the limit, not: {message:?}"
    );
    let started = world.trace().spans().len();
    assert!(
        started == 0,
        "limit 0 is refused before any job starts, but {started} job(s) started first"
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
            "limit {limit}: every job's report, in the order of `jobs`"
        );
        assert!(peak(&world) <= limit, "{}", cap_broken(&world, limit));
        assert_eq!(
            peak(&world),
            at_once,
            "the permits are not used: with limit {limit}, {at_once} of the 5 jobs should \
             run at once, but at most {} did",
            peak(&world)
        );
        assert_start_order(&world, 5);
        assert_no_idle_permit(&world, limit);
        assert_eq!(
            world.trace().finished_at(),
            ms(done_at),
            "limit {limit}: five 1 s jobs take {} round(s), done at {done_at} ms",
            done_at / 1000
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
