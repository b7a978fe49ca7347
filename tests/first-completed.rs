//! Kata 08, first completed: one test per step of the README.
//!
//! Compiled twice, against the kata and against its reference solution, so
//! both are judged by the same tests and the same snapshots.

use std::time::Duration;

#[cfg(not(feature = "reference"))]
use first_completed as kata;
#[cfg(feature = "reference")]
use first_completed_solution as kata;
use world::{Console, Ending, Feed, Job, World, assert_timeline, within};

fn ms(millis: u64) -> Duration {
    Duration::from_millis(millis)
}

/// The seed's workers: A takes 3 s, B 1 s, C 2 s.
fn seed_jobs(world: &World) -> [Job; 3] {
    [("A", 3000), ("B", 1000), ("C", 2000)].map(|(name, took)| Job::new(world, name, ms(took)))
}

/// How the last run of `row` ended, and when; a message if it never ran.
fn ending(world: &World, row: &str) -> (Ending, Option<Duration>) {
    let spans = world.trace().spans_of(row);
    let span = spans
        .last()
        .unwrap_or_else(|| panic!("{row} was never run (never polled)"));
    (span.ending, span.end)
}

/// Asserts that `row` was cut short (`x`) at `at`, in words that say what
/// happened instead.
fn assert_cancelled(world: &World, row: &str, at: Duration, function: &str) {
    match ending(world, row) {
        (Ending::Cancelled, Some(end)) if end == at => {}
        (Ending::Open, _) => panic!(
            "{row} is still running when {function} returns: the rest must be cancelled. \
             Dropping a JoinHandle detaches its task, it does not cancel it; abort(), \
             abort_all() and dropping a JoinSet only ask, the task stops when the runtime \
             next gets to it: await it (JoinSet::shutdown().await) or drop the futures \
             themselves, as select! does"
        ),
        (Ending::Done, Some(end)) if end == at => panic!(
            "{row} finished at {at:?}, the same instant as the winner, and ran to its end: \
             the loser must be cancelled (drawn x), in a tie too. Two spawned tasks that \
             finish in the same tick both complete before abort() or shutdown() can reach \
             the loser: race the futures themselves (select! drops the loser the moment the \
             winner is taken), not tasks"
        ),
        (Ending::Done, end) => panic!(
            "{row} ran to completion (at {end:?}), but the rest must be cancelled when the \
             first finishes, at {at:?}: you waited for every job"
        ),
        (how, end) => panic!(
            "{row} must be cancelled at {at:?}, when the first job finishes; it ended {how:?} \
             at {end:?}"
        ),
    }
}

#[world::step]
async fn step1_first_cancels_the_rest() {
    let world = World::start();
    let [a, b, c] = seed_jobs(&world);

    let first = within(10, kata::first_completed(&a, &b, &c)).await;

    assert_eq!(
        first, "B done",
        "the first to finish is B (1 s), whatever the order the jobs are listed in: \
         wait for all three at once, not one after the other"
    );
    assert_eq!(
        world.now(),
        ms(1000),
        "the first result is there at 1000 ms, when B finishes: return it then"
    );
    for row in ["A", "C"] {
        assert_cancelled(&world, row, ms(1000), "first_completed");
    }
    assert_timeline!("step1_first_cancels_the_rest", world);
}

/// How many of `rounds` ties (primary and backup both 1 s) the backup won,
/// each on a world of its own.
async fn backup_wins_of(rounds: u32) -> u32 {
    let mut backup_won = 0;
    for _ in 0..rounds {
        let world = World::start();
        let primary = Job::new(&world, "primary", ms(1000));
        let backup = Job::new(&world, "backup", ms(1000));
        if within(10, kata::hedged(&primary, &backup)).await == "backup done" {
            backup_won += 1;
        }
    }
    backup_won
}

#[world::step]
async fn step2_a_tie_goes_to_the_primary() {
    // Many ties first, each in a throwaway world: select! without `biased;`
    // picks a random ready branch, so one tie proves nothing.
    const ROUNDS: u32 = 32;
    let backup_won = backup_wins_of(ROUNDS).await;
    assert!(
        backup_won < ROUNDS,
        "the backup won all {ROUNDS} ties: a tie goes to the branch polled first, and yours \
         polls the backup first. With `biased;` the branches are polled top to bottom: write \
         the primary's branch above the backup's"
    );
    assert_eq!(
        backup_won, 0,
        "when the primary and the backup are ready at the same instant, select! without \
         `biased;` picks a random ready branch: the backup won {backup_won} of {ROUNDS} ties. \
         Write `biased;` first to poll the branches in order"
    );

    // The snapshot: a backup that is faster, then a tie at 2000 ms.
    let world = World::start();
    let primary = Job::new(&world, "primary", ms(2000));
    let backup = Job::new(&world, "backup", ms(1000));
    let faster = within(10, kata::hedged(&primary, &backup)).await;
    assert_eq!(
        faster, "backup done",
        "a hedged request answers with whichever comes first: the backup (1 s) beats a \
         primary that takes 2 s"
    );
    let backup_start = world.trace().spans_of("backup")[0].start;
    assert!(
        backup_start.is_zero(),
        "ask both at once: the backup was started at {} ms, not with the primary at 0 ms, \
         so its answer came late",
        backup_start.as_millis()
    );
    assert_eq!(
        world.now(),
        ms(1000),
        "the backup's answer is taken at once, at 1000 ms"
    );
    assert_cancelled(&world, "primary", ms(1000), "hedged");

    let primary = Job::new(&world, "primary", ms(1000));
    let backup = Job::new(&world, "backup", ms(1000));
    let tie = within(10, kata::hedged(&primary, &backup)).await;
    assert_eq!(tie, "primary done", "a tie goes to the primary");
    assert_cancelled(&world, "backup", ms(2000), "hedged");
    assert_timeline!("step2_a_tie_goes_to_the_primary", world);
}

#[world::step]
async fn step3_the_rest_as_they_finish() {
    let world = World::start();
    let console = Console::new(&world);
    let jobs = seed_jobs(&world).to_vec();

    let reports = within(10, kata::first_then_the_rest(jobs, &console)).await;

    let returned_at = world.now();
    for row in ["A", "B", "C"] {
        let runs = world.trace().spans_of(row);
        if runs.is_empty() || runs.iter().any(|run| run.ending == Ending::Open) {
            panic!(
                "{row} {} when first_then_the_rest returned at {} ms: nothing waited for the \
                 jobs. A spawned task nobody awaits is detached: the caller goes on without it. \
                 Wait for each job's result as it comes (JoinSet::join_next) before you return",
                if runs.is_empty() {
                    "had not even started"
                } else {
                    "was still running"
                },
                returned_at.as_millis()
            );
        }
        assert!(
            runs.len() == 1 && runs[0].ending == Ending::Done,
            "each job runs once, to the end: {row} ran {} time(s), the last one ending \
             {:?}. A select! loop that calls run() again every turn cancels the jobs that \
             lost and restarts them from scratch",
            runs.len(),
            runs.last().map(|run| run.ending)
        );
    }
    assert_eq!(
        reports,
        ["B done", "C done", "A done"],
        "the reports come as they finish: B at 1 s, C at 2 s, A at 3 s, not in the order \
         the jobs were started"
    );
    assert_eq!(
        console.printed(),
        [
            (ms(1000), "B done".to_owned()),
            (ms(2000), "C done".to_owned()),
            (ms(3000), "A done".to_owned())
        ],
        "each report is printed as soon as its job finishes, at 1000, 2000 and 3000 ms"
    );
    assert_timeline!("step3_the_rest_as_they_finish", world);
}

#[world::step]
async fn step4_no_message_lost() {
    let world = World::start();
    // Five messages 150 ms apart; decoding each takes 100 ms; the heartbeat
    // ticks at 0, 300 and 600 ms, twice while a message is being decoded.
    let arrivals = [100, 250, 400, 550, 700].map(ms);
    let texts = ["m1", "m2", "m3", "m4", "m5"];
    let feed = Feed::start(
        &world,
        &arrivals
            .iter()
            .zip(texts)
            .map(|(at, text)| (*at, text))
            .collect::<Vec<_>>(),
    );

    let (messages, beats) = within(10, kata::consume(&feed, ms(300))).await;
    let returned_at = world.now();
    // Let the clock run on: a decode left behind in a task of its own shows
    // itself running after consume returned.
    within(10, tokio::time::sleep(ms(500))).await;

    for span in world.trace().spans() {
        let after_return =
            span.start >= returned_at || span.end.is_none_or(|end| end > returned_at);
        if span.actor.starts_with("decode(") && after_return {
            panic!(
                "{} was still to be decoded when consume returned at {} ms: a decode spawned \
                 into a task of its own and never awaited is detached, and its message is lost \
                 to the caller. Decode where you read (in the loop, or the branch's handler), \
                 and push the message when it is done",
                span.actor,
                returned_at.as_millis()
            );
        }
    }
    for span in world.trace().spans() {
        if span.actor.starts_with("decode(") && span.ending == Ending::Cancelled {
            panic!(
                "{} was lost: the message was taken off the channel, then dropped half-way \
                 through decoding at {:?}, when the heartbeat won the select!. A future created \
                 anew every turn of the loop is cancelled every time another branch wins, and \
                 next_message is not cancel-safe: keep one pinned across turns, or select on \
                 the cancel-safe recv_frame",
                span.actor,
                span.end.unwrap_or_default()
            );
        }
    }
    assert_eq!(
        messages, texts,
        "every message, in order, none lost or duplicated"
    );
    assert!(
        beats >= 3,
        "the heartbeat keeps ticking while messages are read: at 0, 300 and 600 ms, before \
         the feed closes at 800 ms. Yours beat {beats} time(s): likely a sleep(every) written \
         inside the select! loop, which starts again every turn, so that a message every \
         150 ms restarts it before it ends. Keep one tokio::time::interval across the turns"
    );
    assert_eq!(
        beats, 3,
        "the heartbeat keeps ticking while messages are read: at 0, 300 and 600 ms, before \
         the feed closes at 800 ms"
    );
    assert_eq!(
        returned_at,
        ms(800),
        "done when the feed is closed and drained: m5 is decoded at 800 ms"
    );
    assert_timeline!("step4_no_message_lost", world);
}
