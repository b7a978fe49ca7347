//! The harness's promises: a hang is always named, a deadline missed while a
//! thread tokio cannot see did the work says so, and a failing test's two
//! timelines share one scale.

use std::process::Command;
use std::time::Duration;

use world::harness::compare;
use world::{Api, Legacy, WATCHDOG_LIMIT_ENV, World, timeline, within};

fn ms(millis: u64) -> Duration {
    Duration::from_millis(millis)
}

// ---- The watchdog ----------------------------------------------------------
//
// The watchdog ends the process it bites, so each hang runs in a child: this
// same test binary, running one ignored "victim" test, with a short limit.

/// Runs the ignored test `victim` in a child process; its exit success and
/// its stderr.
fn run_victim(victim: &str) -> (bool, String) {
    let output = Command::new(std::env::current_exe().unwrap())
        .args(["--ignored", "--exact", victim, "--test-threads=1"])
        .env(WATCHDOG_LIMIT_ENV, "300")
        .output()
        .unwrap();
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn a_loop_that_never_yields_is_named() {
    let (success, stderr) = run_victim("victim_never_yields");
    assert!(!success, "the watchdog must fail the run: {stderr}");
    assert!(
        stderr.contains("@kata stopped test=victim_never_yields cause=never-yields"),
        "{stderr}"
    );
    assert!(
        stderr.contains("never came back to the scheduler"),
        "{stderr}"
    );
}

#[test]
fn a_spin_that_keeps_the_clock_still_is_named() {
    let (success, stderr) = run_victim("victim_clock_stuck");
    assert!(!success, "the watchdog must fail the run: {stderr}");
    assert!(
        stderr.contains("@kata stopped test=victim_clock_stuck cause=clock-stuck"),
        "{stderr}"
    );
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

    let picture = compare(&reference, &yours, 200);

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

    let picture = compare(&reference, &yours, 80);

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
        let text = world::harness::explain("step4_x", &reference, &yours, width);
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

    let text = world::harness::explain("step4_x", &reference, &yours, 80);

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

    let words = world::harness::differences(&reference, &yours);

    // fetch_user(1) runs alike in both; fetch_post(1) starts late in yours.
    assert_eq!(
        words,
        ["`fetch_post(1)`: the reference has `+0ms start`, yours `+500ms start`."]
    );
    let (empty, _) = (World::start().trace(), ());
    let words = world::harness::differences(&reference, &empty);
    assert!(
        words[0].starts_with("`fetch_post(1)`: only the reference has this row"),
        "{words:?}"
    );
}
