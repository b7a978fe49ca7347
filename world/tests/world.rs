//! The simulated world's own promises: what each service records, how the
//! clock treats a blocking call, and how a trace is ordered and drawn.

use std::time::Duration;

use world::timeline;
use world::{Api, Ending, Fill, Job, Legacy, SlowCounter, Thread, World, within};

fn ms(millis: u64) -> Duration {
    Duration::from_millis(millis)
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn a_timeline_has_an_axis_a_row_per_actor_and_a_legend() {
    let world = World::start();
    let api = Api::new(&world);

    tokio::join!(api.fetch_user(1), api.fetch_post(1));

    let expected = "
           ms 0         100       200       300       400       500
              |---------|---------|---------|---------|---------|
fetch_post(1) [============================]
fetch_user(1) [================================================]

legend: [ start, = running or awaiting, ] done

     +0ms  fetch_post(1)  start
     +0ms  fetch_user(1)  start
   +300ms  fetch_post(1)  done -> Post1
   +500ms  fetch_user(1)  done -> User1
finished at +500ms";
    assert_eq!(timeline::render(&world.trace()), expected[1..]);
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn touching_spans_sit_side_by_side() {
    let world = World::start();
    let counter = SlowCounter::new(&world, 0);

    world
        .track("inc", async {
            let value = counter.read().await;
            counter.write(value + 1).await;
        })
        .await;

    let picture = timeline::timeline(&world.trace());
    let row = picture.lines().find(|l| l.starts_with("inc")).unwrap();
    // The tracked call's own bar is drawn first, the read and the write on
    // top of it: 100 ms in all at 2 ms a column, so 25 columns each.
    let expected = format!("inc [{}][{}]", "r".repeat(23), "w".repeat(23));
    assert_eq!(row, expected);
    assert_eq!(counter.peek(), 1);
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn a_blocking_call_on_the_runtime_thread_stalls_everyone() {
    let world = World::start();
    let legacy = Legacy::new(&world);
    let api = Api::new(&world);

    // A 300 ms call is in flight when a task blocks the thread for 1 s.
    tokio::join!(
        api.fetch_post(1),
        world.track("blocker", async { legacy.sleep(ms(1000)) }),
    );

    let trace = world.trace();
    assert!(
        trace
            .notes()
            .iter()
            .any(|n| n.contains("blocked the runtime thread for 1000 ms")),
        "{:?}",
        trace.notes()
    );
    let blocked = trace
        .spans_of("blocker")
        .into_iter()
        .find(|s| s.fill == Fill::Blocked)
        .expect("the block is drawn on the blocker's row");
    assert_eq!((blocked.start, blocked.end), (ms(0), Some(ms(1000))));
    // The post's timer was due at 300 ms, but nothing ran until the thread
    // was free again: everything after the block is 1000 ms later.
    assert_eq!(trace.spans_of("fetch_post(1)")[0].end, Some(ms(1300)));
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn a_blocking_call_on_the_pool_is_marked_and_stalls_no_one() {
    let world = World::start();
    let legacy = Legacy::new(&world);

    let invoice = within(10, async {
        let legacy = legacy.clone();
        tokio::task::spawn_blocking(move || legacy.render_invoice(7))
            .await
            .unwrap()
    })
    .await;

    assert_eq!(invoice.to_string(), "Invoice #7");
    let trace = world.trace();
    assert!(
        !trace
            .notes()
            .iter()
            .any(|n| n.contains("blocked the runtime"))
    );
    let span = &trace.spans_of("render_invoice(7)")[0];
    assert_eq!(
        (span.fill, span.start, span.end),
        (Fill::Pool, ms(0), Some(ms(0)))
    );
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn a_dropped_call_is_drawn_as_cancelled() {
    let world = World::start();
    let api = Api::new(&world);

    let outcome = tokio::time::timeout(ms(200), api.fetch_data(1)).await;

    assert!(outcome.is_err());
    let span = &world.trace().spans_of("fetch_data(1)")[0];
    assert_eq!(span.ending, Ending::Cancelled);
    assert_eq!(span.end, Some(ms(200)));
    let picture = timeline::timeline(&world.trace());
    let row = picture
        .lines()
        .find(|l| l.starts_with("fetch_data(1)"))
        .unwrap();
    assert!(row.ends_with("=x"), "{picture}");
    assert!(picture.contains("x cancelled"), "{picture}");
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn peak_counts_spans_open_at_once() {
    let world = World::start();
    let jobs: Vec<Job> = (0..3)
        .map(|i| Job::new(&world, format!("job {i}"), ms(100 * (i + 1))))
        .collect();

    // Job 0 runs alone; jobs 1 and 2 start the instant it ends.
    jobs[0].run().await;
    tokio::join!(jobs[1].run(), jobs[2].run());

    let trace = world.trace();
    assert_eq!(trace.peak(|s| s.actor.starts_with("job")), 2);
    assert_eq!(trace.finished_at(), ms(400));
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn same_instant_events_put_endings_before_what_they_start() {
    let world = World::start();
    let api = Api::new(&world);

    // "b" starts the instant "a" ends; by name alone "a" < "b" anyway, so
    // name the actors the other way round to see the rule at work.
    world.track("z first", api.fetch_post(1)).await;
    world.track("a second", api.fetch_post(2)).await;

    let lines: Vec<String> = world
        .trace()
        .events()
        .iter()
        .filter(|e| e.at == ms(300))
        .map(|e| e.actor.clone())
        .collect();
    assert_eq!(
        lines,
        ["fetch_post(1)", "z first", "a second", "fetch_post(2)"]
    );
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn the_deadline_fails_a_deadlock_in_virtual_time() {
    let outcome = tokio::spawn(within(10, std::future::pending::<()>())).await;

    let panic = outcome.expect_err("a pending future cannot finish");
    let message = panic.into_panic();
    let message = message
        .downcast_ref::<String>()
        .expect("a formatted message");
    assert!(
        message.contains("did not finish within 10 s of virtual time (deadlock?)"),
        "{message}"
    );
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn a_thread_of_its_own_reads_the_virtual_clock() {
    let world = World::start();
    tokio::time::sleep(ms(700)).await;

    // A thread tokio knows nothing of would read the real clock, and its
    // mark would land at about 0 ms.
    let on_thread = world.clone();
    std::thread::spawn(move || on_thread.note("worker", "hello from a plain thread"))
        .join()
        .unwrap();

    let trace = world.trace();
    let event = &trace.events()[0];
    assert_eq!((event.at, event.thread), (ms(700), Thread::Foreign));
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn each_event_knows_its_task() {
    let world = World::start();
    let api = Api::new(&world);

    let spawned = tokio::spawn({
        let api = api.clone();
        async move { api.fetch_post(1).await }
    });
    let (_, joined) = tokio::join!(api.fetch_user(1), spawned);
    joined.unwrap();

    let trace = world.trace();
    let task_of = |row: &str| trace.spans_of(row)[0].task;
    // The test's body is no task: `block_on` polls it, and what it joins.
    assert_eq!(task_of("fetch_user(1)"), None);
    assert!(task_of("fetch_post(1)").is_some());
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn the_runtime_waiting_on_pool_work_without_awaiting_is_blocked() {
    let world = World::start();
    let legacy = Legacy::new(&world);
    let api = Api::new(&world);

    // A 300 ms call is in flight while the runtime thread waits for the
    // pool on a std channel: `spawn_blocking` in name, blocking in fact.
    let (user, invoice) = within(
        10,
        world.track("request", async {
            let (tx, rx) = std::sync::mpsc::channel();
            let legacy = legacy.clone();
            tokio::task::spawn_blocking(move || tx.send(legacy.render_invoice(7)));
            tokio::join!(api.fetch_post(1), async { rx.recv().unwrap() })
        }),
    )
    .await;

    assert_eq!((user.title.as_str(), invoice.id), ("Post1", 7));
    let trace = world.trace();
    let render = &trace.spans_of("render_invoice(7)")[0];
    assert_eq!(render.fill, Fill::Blocked);
    assert_eq!((render.start, render.end), (ms(0), Some(ms(500))));
    assert_eq!(trace.spans_of("fetch_post(1)")[0].end, Some(ms(800)));
}

#[test]
fn a_manual_world_moves_only_when_told() {
    // No tokio here: a kata whose learner writes the executor drives the
    // clock itself.
    let world = World::manual();
    world.note("event loop", "tick");
    world.advance(ms(250));
    world.note("event loop", "tock");

    let trace = world.trace();
    let at: Vec<Duration> = trace.events().iter().map(|e| e.at).collect();
    assert_eq!(at, [ms(0), ms(250)]);
    assert_eq!(trace.events()[0].thread, Thread::Runtime);
}

/// A guard that records its cleanup when dropped, as a kata's would.
struct Cleanup(World, &'static str);

impl Drop for Cleanup {
    fn drop(&mut self) {
        self.0.cleanup(self.1, "connection closed");
    }
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn every_way_a_call_can_end_has_its_mark() {
    let world = World::start();
    let api = Api::new(&world);

    // An error returned at 200 ms.
    let failing = async {
        let span = world.span("lookup(7)", "", Fill::Work);
        tokio::time::sleep(ms(200)).await;
        span.fail("user 7 not found");
    };
    // A panic at 300 ms, caught as a JoinError.
    let panicking = tokio::spawn({
        let world = world.clone();
        async move {
            let _span = world.span("parse(9)", "", Fill::Work);
            tokio::time::sleep(ms(300)).await;
            panic!("bad input");
        }
    });
    // A call cut short at 400 ms by a timeout; its guard cleans up then.
    let cut_short = tokio::time::timeout(ms(400), {
        let world = world.clone();
        let api = api.clone();
        async move {
            let _guard = Cleanup(world, "fetch_data(1)");
            api.fetch_data(1).await
        }
    });
    let (_, joined, timed_out) = tokio::join!(failing, panicking, cut_short);
    assert!(joined.unwrap_err().is_panic());
    assert!(timed_out.is_err());

    let trace = world.trace();
    let ending = |row: &str| {
        let span = &trace.spans_of(row)[0];
        (span.ending, span.end)
    };
    assert_eq!(ending("lookup(7)"), (Ending::Failed, Some(ms(200))));
    assert_eq!(ending("parse(9)"), (Ending::Panicked, Some(ms(300))));
    assert_eq!(ending("fetch_data(1)"), (Ending::Cancelled, Some(ms(400))));
    assert_eq!(
        trace.cleanups(),
        [(ms(400), "fetch_data(1)", "connection closed")]
    );

    let rendered = timeline::render(&trace);
    let expected_picture = "
           ms 0         100       200       300       400
              |---------|---------|---------|---------|
fetch_data(1) [======================================xc
lookup(7)     [==================!
parse(9)      [============================*

legend: [ start, = running or awaiting, x cancelled, ! returned an error, * panicked, c cleanup ran in Drop
";
    assert!(rendered.starts_with(&expected_picture[1..]), "\n{rendered}");
    // The event list says each in words, and reads back as it was.
    assert!(
        rendered.contains("lookup(7)      failed -> user 7 not found"),
        "\n{rendered}"
    );
    assert!(rendered.contains("parse(9)       panicked"), "\n{rendered}");
    assert!(
        rendered.contains("cleanup in Drop: connection closed"),
        "\n{rendered}"
    );
    let read_back = timeline::parse(&rendered).expect("a rendered trace parses");
    assert_eq!(timeline::render(&read_back), rendered);
}
