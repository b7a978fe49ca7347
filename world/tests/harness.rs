//! The harness's promises: a hang is always named, a deadline missed while a
//! thread tokio cannot see did the work says so, and a failing test's two
//! timelines share one scale.

use std::time::Duration;

use world::harness::compare;
use world::{Api, Lang, Legacy, World, timeline, within};

fn ms(millis: u64) -> Duration {
    Duration::from_millis(millis)
}

// ---- The watchdog ----------------------------------------------------------

mod victim;

/// Runs the ignored test `victim` in a child (`victim/mod.rs`); its exit
/// success and its stderr, where the watchdog writes.
fn run_victim(victim: &str) -> (bool, String) {
    let output = victim::run(victim, &[]);
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// Runs the ignored test `victim` as [`run_victim`] does, and checks that the
/// watchdog stopped it with the marker line naming `cause`; its stderr.
fn stopped(victim: &str, cause: &str) -> String {
    let (success, stderr) = run_victim(victim);
    assert!(!success, "the watchdog must fail the run: {stderr}");
    assert!(
        stderr.contains(&format!("@kata stopped test={victim} cause={cause}")),
        "{stderr}"
    );
    stderr
}

#[test]
fn a_loop_that_never_yields_is_named() {
    let stderr = stopped("victim_never_yields", "never-yields");
    assert!(
        stderr.contains("never came back to the scheduler"),
        "{stderr}"
    );
}

/// A thread asleep on a lock is told from one that spins: the kernel says
/// it waits on a futex (Linux; elsewhere it is `never-yields`).
#[cfg(all(
    target_os = "linux",
    any(target_arch = "x86_64", target_arch = "aarch64")
))]
#[test]
fn a_std_mutex_locked_twice_is_named() {
    let stderr = stopped("victim_mutex_locked_twice", "blocked-forever");
    assert!(
        stderr.contains("locked a second time by the thread that already holds it")
            && stderr.contains("never came back to the scheduler"),
        "{stderr}"
    );
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
#[ignore = "a hang on purpose: run by a_std_mutex_locked_twice_is_named"]
async fn victim_mutex_locked_twice() {
    let table = std::sync::Mutex::new(0_u64);
    within(10, async {
        let held = table.lock().unwrap();
        // The same thread asks again: std's lock never returns.
        let again = table.lock().unwrap();
        drop((held, again));
    })
    .await;
}

/// A thread that sleeps on a futex with a timeout, wakes and sleeps again
/// (a `recv_timeout` loop) is asleep at most looks, but wakes between them:
/// it is a loop that never yields, not a wait for ever, whatever the load.
#[test]
fn a_loop_of_timed_futex_waits_is_not_blocked_forever() {
    stopped("victim_timed_waits", "never-yields");
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
#[ignore = "a hang on purpose: run by a_loop_of_timed_futex_waits_is_not_blocked_forever"]
async fn victim_timed_waits() {
    let (_keep, rx) = std::sync::mpsc::channel::<()>();
    within(10, async {
        // Nothing ever comes: each wait times out, and the loop waits again.
        while rx.recv_timeout(Duration::from_millis(2)).is_err() {}
    })
    .await;
}

#[test]
fn a_spin_that_keeps_the_clock_still_is_named() {
    let stderr = stopped("victim_clock_stuck", "clock-stuck");
    assert!(
        stderr.contains("the paused clock could not move"),
        "{stderr}"
    );
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
#[ignore = "a hang on purpose: run by a_loop_that_never_yields_is_named"]
async fn victim_never_yields() {
    let spin = std::sync::atomic::AtomicBool::new(false);
    within(10, async {
        while !spin.load(std::sync::atomic::Ordering::Relaxed) {
            std::hint::spin_loop();
        }
    })
    .await;
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
#[ignore = "a hang on purpose: run by a_spin_that_keeps_the_clock_still_is_named"]
async fn victim_clock_stuck() {
    let start = tokio::time::Instant::now();
    within(10, async {
        // Waits for a time it never lets come: each yield wakes it again
        // at once, so the runtime is never idle and the clock never moves.
        while start.elapsed() < Duration::from_secs(1) {
            tokio::task::yield_now().await;
        }
    })
    .await;
}

/// The cause each of `runs` runs of `victim` was stopped with, run side
/// by side.
fn causes(victim: &'static str, runs: usize) -> Vec<String> {
    let runs: Vec<_> = (0..runs)
        .map(|_| std::thread::spawn(move || run_victim(victim)))
        .collect();
    runs.into_iter()
        .map(|run| {
            let (success, stderr) = run.join().unwrap();
            assert!(!success, "the watchdog must fail the run: {stderr}");
            stderr
                .lines()
                .find_map(|l| l.split_once(" cause=").map(|(_, cause)| cause.to_owned()))
                .unwrap_or_else(|| format!("no cause in: {stderr}"))
        })
        .collect()
}

#[test]
fn blocking_calls_between_awaits_are_named_blocked_every_time() {
    // One look when the limit passes, as the watchdog once took, lands
    // between two sleeps about as often as in one: the cause was a toss-up.
    assert_eq!(
        causes("victim_blocked_between_awaits", 3),
        ["blocked", "blocked", "blocked"]
    );
}

#[test]
fn an_await_that_is_never_pending_is_not_called_a_loop_without_one() {
    let stderr = stopped("victim_never_pending", "never-yields");
    assert!(
        stderr.contains("never yields") && stderr.contains("`.await`s are never pending"),
        "{stderr}"
    );
}

#[test]
fn a_step_test_is_watched_without_within() {
    // No `within` anywhere: the step attribute alone arms the watchdog.
    stopped("victim_sync_step_never_returns", "never-returns");
}

#[world::step]
#[ignore = "a hang on purpose: run by blocking_calls_between_awaits_are_named_blocked_every_time"]
async fn victim_blocked_between_awaits() {
    within(10, async {
        // Real sleeps on the runtime thread, each two thirds of the probe
        // window, with an `.await` between them that gives the thread back.
        for _ in 0..4 {
            std::thread::sleep(ms(400));
            tokio::task::yield_now().await;
        }
    })
    .await;
}

#[world::step]
#[ignore = "a hang on purpose: run by an_await_that_is_never_pending_is_not_called_a_loop_without_one"]
async fn victim_never_pending() {
    let stop = std::sync::atomic::AtomicBool::new(false);
    within(10, async {
        // Full of `.await`s, none of which is ever pending (what a loop
        // of `futures::poll!` does).
        while !stop.load(std::sync::atomic::Ordering::Relaxed) {
            std::future::ready(()).await;
        }
    })
    .await;
}

#[world::step]
#[ignore = "a hang on purpose: run by a_step_test_is_watched_without_within"]
fn victim_sync_step_never_returns() {
    // A `block_on` that nothing drives: the runtime's timers need
    // `Runtime::block_on`, and this parks on a handle.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime
        .handle()
        .block_on(async { tokio::time::sleep(Duration::from_secs(1)).await });
}

// ---- The deadline ----------------------------------------------------------

#[world::step]
async fn a_deadline_missed_by_slow_work_says_slow_not_stuck() {
    let world = World::start();
    let api = Api::new(&world);

    // A hundred 300 ms calls, one at a time: 30 s of work for 10 s.
    let outcome = tokio::spawn({
        let api = api.clone();
        within(10, async move {
            for id in 1..=100 {
                api.fetch_post(id).await;
            }
        })
    })
    .await;

    let panic = outcome.expect_err("the deadline passes").into_panic();
    let message = panic.downcast_ref::<String>().unwrap();
    assert!(
        message.contains("slow, not stuck")
            && message.contains("33 call(s) finished, the last at 9900 ms")
            && !message.contains("deadlock"),
        "{message}"
    );
}

#[world::step]
async fn a_deadline_missed_after_a_long_silence_says_deadlock() {
    let world = World::start();
    let api = Api::new(&world);
    api.fetch_user(1).await;

    let outcome = tokio::spawn(within(10, std::future::pending::<()>())).await;

    let panic = outcome.expect_err("the deadline passes").into_panic();
    let message = panic.downcast_ref::<String>().unwrap();
    assert!(
        message.contains("(deadlock?): nothing happened for the last 10000 ms before the deadline (the last event at 500 ms)"),
        "{message}"
    );
}

// ---- The deadline ----------------------------------------------------------

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn a_deadline_missed_while_a_plain_thread_worked_says_so() {
    let world = World::start();
    let legacy = Legacy::new(&world);
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let (rendered, wait_rendered) = std::sync::mpsc::channel();
    let (finish, wait_finish) = std::sync::mpsc::channel::<()>();
    // The learner's thread renders, then (in this test) holds on to the
    // sender until the deadline has passed: the paused clock does not wait.
    let worker = std::thread::spawn(move || {
        legacy.render_invoice(1);
        rendered.send(()).unwrap();
        let _ = wait_finish.recv();
        drop(tx);
    });
    wait_rendered.recv().unwrap();

    let outcome = tokio::spawn(within(10, rx)).await;

    finish.send(()).unwrap();
    worker.join().unwrap();
    let panic = outcome.expect_err("the deadline passes").into_panic();
    let message = panic.downcast_ref::<String>().unwrap();
    assert!(
        message.contains("a thread tokio does not know")
            && message.contains("spawn_blocking")
            && !message.contains("deadlock"),
        "{message}"
    );
}

// ---- One scale -------------------------------------------------------------

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn a_snapshot_reads_back_as_the_trace_it_was() {
    let world = World::start();
    let api = Api::new(&world);
    let legacy = Legacy::new(&world);
    tokio::join!(
        world.track("a request", async {
            legacy.sleep(ms(100));
            api.fetch_post(1).await
        }),
        async {
            let _ = tokio::time::timeout(ms(250), api.fetch_data(2)).await;
        }
    );

    let rendered = timeline::render(&world.trace());
    let read_back = timeline::parse(&rendered).expect("a rendered trace parses");
    assert_eq!(timeline::render(&read_back), rendered);
}

/// The seed's gather as the reference (500 ms), and the classic mistake,
/// awaiting one call after the other (800 ms).
async fn gathered_and_sequential() -> (world::Trace, world::Trace) {
    let reference = World::start();
    let api = Api::new(&reference);
    tokio::join!(api.fetch_user(1), api.fetch_post(1));

    let yours = World::start();
    let api = Api::new(&yours);
    api.fetch_user(1).await;
    api.fetch_post(1).await;
    (reference.trace(), yours.trace())
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn both_timelines_are_drawn_on_the_scale_of_the_longer() {
    let (reference, yours) = gathered_and_sequential().await;

    let picture = compare(Lang::En, &reference, &yours, 200);

    let expected = "
  expected                                                  | yours
             ms 0         200       400       600       800 |            ms 0         200       400       600       800
                |---------|---------|---------|---------|   |               |---------|---------|---------|---------|
? fetch_post(1) [=============]                             | fetch_user(1) [=======================]
? fetch_user(1) [=======================]                   | fetch_post(1)                          [=============]
legend: [ start, = running or awaiting, ] done, ? this row differs from the reference
";
    assert_eq!(picture, expected[1..], "\n{picture}");
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn a_narrow_terminal_gets_one_above_the_other() {
    let (reference, yours) = gathered_and_sequential().await;

    let picture = compare(Lang::En, &reference, &yours, 80);

    assert!(picture.starts_with("  expected\n"), "{picture}");
    assert!(picture.contains("\n  yours\n"), "{picture}");
    assert!(
        picture.lines().all(|l| l.chars().count() <= 80),
        "{picture}"
    );
}

/// How many columns a terminal gives `line`: Hangul two a syllable.
fn display_width(line: &str) -> usize {
    timeline::display_width(line)
}

/// Every line of `text` in `width` columns, or the lines that are not.
fn assert_fits(text: &str, width: usize) {
    let wide: Vec<&str> = text.lines().filter(|l| display_width(l) > width).collect();
    assert!(wide.is_empty(), "wider than {width}: {wide:#?}\n{text}");
}

/// A long scenario (2.5 s, a 100 ms span among them) with a row name of
/// 70 characters and one in Hangul, against the same run with the last
/// call 400 ms late: what would draw wider than any terminal.
async fn long_names_and_a_long_run() -> (world::Trace, world::Trace) {
    let long = "handler h1 waiting for a connection from the pool, then its query, then";
    let mut traces = Vec::new();
    for late in [0, 400] {
        let world = World::start();
        let call = |row: &'static str, millis: u64| {
            let span = world.span(row, "", world::Fill::Work);
            async move {
                tokio::time::sleep(ms(millis)).await;
                span.end(None::<&str>);
            }
        };
        tokio::join!(
            call(long, 100),
            call("요청 처리기 한국어 이름", 2100),
            call("short", 2400 + late),
        );
        traces.push(world.trace());
    }
    let yours = traces.pop().unwrap();
    (traces.pop().unwrap(), yours)
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn a_failing_comparison_fits_80_columns_even_with_long_names() {
    let (reference, yours) = long_names_and_a_long_run().await;
    for width in [80, 60, 40] {
        let text = world::harness::explain(Lang::En, "step4_x", &reference, &yours, width);
        assert_fits(&text, width);
        // One above the other, the axis whole: its ruler on one line.
        assert!(text.contains("\n  yours\n"), "{text}");
        let rulers = text
            .lines()
            .filter(|l| l.trim_start().starts_with('|'))
            .count();
        assert_eq!(rulers, 2, "{text}");
        // The long name is cut in the middle, the same in both drawings.
        assert!(text.contains('…'), "{text}");
    }
}

/// One call that returns `value` after 100 ms.
async fn returns(value: &str) -> world::Trace {
    let world = World::start();
    let span = world.span("poll_once", "", world::Fill::Work);
    tokio::time::sleep(ms(100)).await;
    span.end(Some(value));
    world.trace()
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn traces_that_draw_alike_are_not_called_different_drawings() {
    let (reference, yours) = (returns("Pending").await, returns("Ready(42)").await);

    let text = world::harness::explain(Lang::En, "step4_x", &reference, &yours, 80);

    assert!(!text.contains("differs from the reference (both"), "{text}");
    assert!(text.contains("is drawn as the reference's is"), "{text}");
    // One drawing, no row marked as different.
    assert!(!text.contains("\n  yours\n"), "{text}");
    assert!(!text.contains("\n? "), "{text}");
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains(
            "`poll_once`: the reference has `+100ms done -> Pending`, yours \
             `+100ms done -> Ready(42)`."
        ),
        "{text}"
    );
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn what_differs_is_said_row_by_row_with_times() {
    let (reference, yours) = gathered_and_sequential().await;

    let words = world::harness::differences(Lang::En, &reference, &yours);

    // fetch_user(1) runs alike in both; fetch_post(1) starts late in yours.
    assert_eq!(
        words,
        ["`fetch_post(1)`: the reference has `+0ms start`, yours `+500ms start`."]
    );
    let (empty, _) = (World::start().trace(), ());
    let words = world::harness::differences(Lang::En, &reference, &empty);
    assert!(
        words[0].starts_with("`fetch_post(1)`: only the reference has this row"),
        "{words:?}"
    );
}

// ---- The real-clock run ----------------------------------------------------

/// kata 03 step 4's snapshot, with the event list's times given.
fn spawned(data_end: &str, user_end: &str) -> world::Trace {
    let rendered = format!(
        "           ms 0         200       400       600       800       1000
              |---------|---------|---------|---------|---------|
fetch_data(1) [================================================]
fetch_user(1) [=======================]

legend: = running or awaiting

     +0ms  fetch_data(1)  start
     +0ms  fetch_user(1)  start
{user_end}  fetch_user(1)  done -> User1
{data_end}  fetch_data(1)  done -> Data 1
finished at +1000ms"
    );
    timeline::parse(&rendered).expect("a rendered trace parses")
}

#[test]
fn a_real_clock_run_is_the_same_within_the_tolerance_and_says_what_differs() {
    use world::real_clock::verdict;
    let reference = spawned(" +1000ms", "  +500ms");

    assert_eq!(
        verdict(&reference, &spawned(" +1004ms", "  +503ms")),
        "same"
    );
    assert_eq!(
        verdict(&reference, &spawned(" +1030ms", "  +500ms")),
        "differs\ttime: `fetch_data(1) done -> Data 1` expected +1000 ms, real +1030 ms"
    );
    // The user done after the data, where the snapshot has it 500 ms before:
    // each event is found by what it is, and its time named.
    let swapped = verdict(&reference, &spawned("  +500ms", " +1000ms"));
    assert_eq!(
        swapped,
        "differs\ttime: `fetch_user(1) done -> User1` expected +500 ms, real +1000 ms; \
         time: `fetch_data(1) done -> Data 1` expected +1000 ms, real +500 ms",
    );
}
