//! Kata 15, connection pool: one test per step of the README.
//!
//! Compiled twice, against the kata and against its reference solution, so
//! both are judged by the same tests and the same snapshots.
//!
//! Every handler runs in a task of its own, as a web server runs each
//! request, on the row `hN`; its query is drawn on the row of the
//! connection it got (`conn 1`...).

use std::sync::Arc;
use std::time::Duration;

#[cfg(not(feature = "reference"))]
use connection_pool as kata;
#[cfg(feature = "reference")]
use connection_pool_solution as kata;
use kata::{HandlerError, Pool};
use tokio::task::JoinHandle;
use world::trace::SpanRecord;
use world::{Db, DbError, Query, World, assert_timeline, within};

fn ms(millis: u64) -> Duration {
    Duration::from_millis(millis)
}

type Outcome = Result<String, HandlerError>;

/// Starts handler `name` for `query` in a task of its own, `after` from now.
fn spawn_handler(
    world: &World,
    pool: &Arc<Pool>,
    name: &str,
    query: Query,
    after: Duration,
) -> JoinHandle<Outcome> {
    let (world, pool, name) = (world.clone(), Arc::clone(pool), name.to_owned());
    tokio::spawn(async move {
        if !after.is_zero() {
            tokio::time::sleep(after).await;
        }
        world.track(name, kata::handle(&pool, query)).await
    })
}

/// Every handler's outcome, in order; a panic in one fails the test.
async fn outcomes(handlers: Vec<JoinHandle<Outcome>>) -> Vec<Outcome> {
    let mut outcomes = Vec::new();
    for (i, handler) in handlers.into_iter().enumerate() {
        match handler.await {
            Ok(outcome) => outcomes.push(outcome),
            Err(e) => panic!("handler h{} did not return: {e}", i + 1),
        }
    }
    outcomes
}

/// When the handler on `row` returned.
fn ended(world: &World, row: &str) -> Duration {
    let spans = world.trace().spans_of(row);
    let span = spans.first().unwrap_or_else(|| panic!("{row} never ran"));
    span.end.unwrap_or_else(|| panic!("{row} never returned"))
}

/// The most queries that ran at once, on all connections together.
fn queries_at_once(world: &World) -> usize {
    world
        .trace()
        .peak(|s| s.actor.starts_with("conn ") && s.label != "connect")
}

/// The connects drawn on the connections' rows, in the order they started.
fn connects(world: &World) -> Vec<SpanRecord> {
    world
        .trace()
        .spans()
        .into_iter()
        .filter(|s| s.actor.starts_with("conn ") && s.label == "connect")
        .collect()
}

/// Fails in words when the pool opened connections it should not have:
/// `Pool::new` opened `opened_by_new` of its `size`, and `db` counts all.
/// Checked before the times, whose failure these cause: a connection
/// opened late, or beyond the cap, or in place of one that was lost.
fn assert_connections(world: &World, db: &Db, size: usize, opened_by_new: u32) {
    let connects = connects(world);
    let Some(first) = connects.first() else {
        return;
    };
    // Held at once: queries and connects on every connection's row.
    let held = world.trace().peak(|s| s.actor.starts_with("conn "));
    assert!(
        held <= size,
        "a pool of {size} holds at most {size} connections at once, but {held} were busy at \
         once ({} opened in all): a handler opened a connection while all {size} were lent, \
         so it connected before it had its place. Take the permit (the place among the \
         {size}) first, then an idle connection; connect only when there is none",
        db.opened()
    );
    // No connection can have been thrown away before a query ended.
    let first_query_end = world
        .trace()
        .spans()
        .iter()
        .filter(|s| s.actor.starts_with("conn ") && s.label != "connect")
        .filter_map(|s| s.end)
        .min();
    assert!(
        (opened_by_new as usize) == size || first_query_end.is_some_and(|end| end <= first.start),
        "Pool::new opens the pool's {size} connection(s) at once, with db.open(): it opened \
         {opened_by_new}, so a handler waited {} ms for a connect at {} ms, before any \
         connection could have been thrown away. Open them all in Pool::new; connect \
         (db.connect()) only to replace a connection that was closed",
        world::db::CONNECT_TIME.as_millis(),
        first.start.as_millis()
    );
}

/// Fails in words unless `size` queries ran at once at some point: a lock
/// held across the query lets one handler at a time in.
fn assert_lent_at_once(world: &World, size: usize) {
    let peak = queries_at_once(world);
    assert_eq!(
        peak, size,
        "a pool of {size} runs {size} queries at once, no more and no fewer: at most {peak} \
         ran at once (a lock held across the query lets one handler at a time in)"
    );
}

/// How many times a connection went back to the pool.
fn checkins(world: &World) -> usize {
    world
        .trace()
        .cleanups()
        .iter()
        .filter(|(_, _, what)| what.contains("back in the pool"))
        .count()
}

#[world::step]
async fn step1_three_at_a_time() {
    let world = World::start();
    let db = Db::new(&world);
    let pool = Arc::new(Pool::new(db.clone(), 3));
    let opened_by_new = db.opened();

    // h1 to h10 arrive 10 ms apart, so the connections come back one at a
    // time. Which idle connection a pool lends first (FIFO or LIFO) is its
    // choice: the rows `conn 1`... are numbered in the order of first use,
    // so every right pool draws the same picture.
    let handlers = (1..=10)
        .map(|i| {
            let query = Query::new(format!("q{i}"), ms(100));
            spawn_handler(&world, &pool, &format!("h{i}"), query, ms(10 * (i - 1)))
        })
        .collect();
    let outcomes = within(10, outcomes(handlers)).await;

    let peak = queries_at_once(&world);
    assert!(
        peak <= 3,
        "a pool of 3 lets at most 3 handlers hold a connection, but {peak} queries ran at once \
         on {} connections: nothing capped the handlers. Whatever caps them (a permit) is held \
         as long as the connection is: a field of the guard, given back in its Drop",
        db.opened()
    );
    assert_connections(&world, &db, 3, opened_by_new);
    assert_eq!(
        db.opened(),
        3,
        "the pool reuses its 3 connections, but {} were opened: a handler found no idle \
         connection although at most 3 held one (was a connection dropped instead of put \
         back?)",
        db.opened()
    );
    assert_lent_at_once(&world, 3);
    let expected: Vec<Outcome> = (1..=10).map(|i| Ok(format!("rows of q{i}"))).collect();
    assert_eq!(
        outcomes, expected,
        "every handler gets its rows: a connection goes back to the pool when the handler \
         is done with it, so ten handlers share three connections"
    );
    assert_eq!(
        world.trace().finished_at(),
        ms(400),
        "a freed connection goes to the next waiter at once: 10 queries of 100 ms, arriving \
         10 ms apart, on 3 connections are all done at 400 ms"
    );
    assert_eq!(
        checkins(&world),
        10,
        "every connection comes back: call conn.checked_in() where the pool takes it back \
         (in the guard's Drop)"
    );
    assert_timeline!("step1_three_at_a_time", world);
}

#[world::step]
async fn step2_errors_and_panics_give_it_back() {
    let world = World::start();
    let db = Db::new(&world);
    let pool = Arc::new(Pool::new(db.clone(), 2));
    let opened_by_new = db.opened();

    let h1 = spawn_handler(&world, &pool, "h1", Query::failing("q1", ms(100)), ms(0));
    // h2's query is longer than h1's, so the two connections come back at
    // 100 and 150 ms: one idle at a time, whichever order the pool lends in.
    let h2 = spawn_handler(&world, &pool, "h2", Query::panicking("q2", ms(150)), ms(0));
    let h3 = spawn_handler(&world, &pool, "h3", Query::new("q3", ms(100)), ms(0));
    let h4 = spawn_handler(&world, &pool, "h4", Query::new("q4", ms(100)), ms(0));
    let (h1, h2, rest) = within(10, async {
        let h1 = h1.await;
        let h2 = h2.await;
        (h1, h2, outcomes(vec![h3, h4]).await)
    })
    .await;

    assert_eq!(
        h1.expect("h1 returns its error, it does not panic"),
        Err(HandlerError::Query(DbError::Syntax {
            query: "q1".to_owned()
        })),
        "a failed query is the handler's error: HandlerError::Query"
    );
    assert!(
        h2.as_ref().is_err_and(|e| e.is_panic()),
        "h2's query panics (a bug in the code reading its rows), so its task ends in a \
         panic: {h2:?}"
    );
    assert_eq!(
        rest,
        [Ok("rows of q3".to_owned()), Ok("rows of q4".to_owned())],
        "a connection goes back to the pool however its handler ends, an error or a panic \
         too: h3 and h4 wait for the connections of h1 (its query failed) and h2 (it \
         panicked)"
    );
    assert_connections(&world, &db, 2, opened_by_new);
    assert_lent_at_once(&world, 2);
    for (row, how) in [("h1", "its query failed"), ("h2", "it panicked")] {
        let back = world
            .trace()
            .cleanups()
            .iter()
            .any(|(_, actor, what)| *actor == row && what.contains("back in the pool"));
        assert!(
            back,
            "a connection goes back to the pool however its handler ends: {row}'s did not \
             come back when {how} (no `c` on its row; {} connections opened in all, the \
             others to replace it). A line of handle that gives it back is skipped by `?` \
             and by a panic's unwinding: give it back in the guard's Drop, which runs on \
             every exit, and call conn.checked_in() there",
            db.opened()
        );
    }
    assert_eq!(
        world.trace().finished_at(),
        ms(250),
        "h3 gets h1's connection at 100 ms, h4 gets h2's at 150 ms, when h2 panics: all done \
         at 250 ms"
    );
    assert_eq!(
        checkins(&world),
        4,
        "every connection comes back, from an error and from a panic too: call \
         conn.checked_in() in the guard's Drop"
    );
    assert_timeline!("step2_errors_and_panics_give_it_back", world);
}

#[world::step]
async fn step3_acquire_times_out() {
    let world = World::start();
    let db = Db::new(&world);
    let pool = Arc::new(Pool::new(db.clone(), 3));
    let opened_by_new = db.opened();

    // Three reports of 1500, 1600 and 1700 ms: the connections come back
    // one at a time.
    let mut handlers: Vec<_> = (1..=3)
        .map(|i| {
            let query = Query::new(format!("report{i}"), ms(1400 + 100 * i));
            spawn_handler(&world, &pool, &format!("h{i}"), query, ms(0))
        })
        .collect();
    handlers.push(spawn_handler(
        &world,
        &pool,
        "h4",
        Query::new("q4", ms(100)),
        ms(0),
    ));
    // h5 arrives at 600 ms and waits 900 ms for report1's connection (less
    // than ACQUIRE_TIMEOUT); its 1.4 s query is shorter than
    // REQUEST_DEADLINE, but the wait and the query together are not.
    handlers.push(spawn_handler(
        &world,
        &pool,
        "h5",
        Query::new("q5", ms(1400)),
        ms(600),
    ));
    let outcomes = within(10, outcomes(handlers)).await;

    assert!(
        db.opened() <= 3,
        "a pool of 3 holds at most 3 connections, but {} were opened: h4 should wait for one \
         of the three, not open its own (nothing caps the handlers)",
        db.opened()
    );
    assert_connections(&world, &db, 3, opened_by_new);
    assert_lent_at_once(&world, 3);
    let h4_ended = ended(&world, "h4");
    match &outcomes[3] {
        Err(HandlerError::NoConnection) => {}
        Err(HandlerError::Deadline) if h4_ended < ms(2000) => panic!(
            "with every connection busy, acquire gives up after ACQUIRE_TIMEOUT (1 s), and \
             h4 did, at {} ms, but answered HandlerError::Deadline: a timed-out acquire \
             (PoolError::Timeout) is HandlerError::NoConnection. Deadline is the request's \
             own REQUEST_DEADLINE (2 s), which h4 never reached",
            h4_ended.as_millis()
        ),
        Ok(rows) => panic!(
            "with every connection busy, acquire gives up after ACQUIRE_TIMEOUT (1 s) and \
             the 4th handler answers HandlerError::NoConnection, but h4 waited until \
             {} ms and got {rows:?}: its wait for a connection had no timeout, so it lasts \
             as long as the others hold theirs",
            h4_ended.as_millis()
        ),
        other => panic!(
            "with every connection busy, acquire gives up after ACQUIRE_TIMEOUT (1 s): the \
             4th handler answers HandlerError::NoConnection rather than wait for as long as \
             the others hold their connections, but h4 answered {other:?} at {} ms",
            h4_ended.as_millis()
        ),
    }
    assert_eq!(
        ended(&world, "h4"),
        ms(1000),
        "acquire gives up after ACQUIRE_TIMEOUT: h4 ends at 1000 ms"
    );
    let reports: Vec<Outcome> = (1..=3).map(|i| Ok(format!("rows of report{i}"))).collect();
    assert_eq!(outcomes[..3], reports, "the three reports get their rows");
    assert_eq!(
        (&outcomes[4], ended(&world, "h5")),
        (&Err(HandlerError::Deadline), ms(2600)),
        "a request gets REQUEST_DEADLINE (2 s) in all, the wait for a connection included: \
         h5 arrived at 600 ms, waited 900 ms for a connection, and its 1.4 s query is cut off \
         at 2600 ms with HandlerError::Deadline (a deadline around the query alone lets it \
         run to 2900 ms)"
    );
    assert_eq!(
        world.trace().finished_at(),
        ms(2600),
        "the reports end at 1500, 1600 and 1700 ms, h5 at its deadline, 2600 ms"
    );
    let half_used_back = world
        .trace()
        .cleanups()
        .iter()
        .any(|(_, _, what)| what.contains("half-used"));
    assert!(
        !half_used_back,
        "h5's query was cut off at its deadline, mid-query, and its connection went back to \
         the pool half-used (`back in the pool (half-used!)` on h5's row): its next user \
         would read q5's rows. In Drop, a connection that is not conn.is_clean() is closed \
         (dropped), not put back"
    );
    assert_timeline!("step3_acquire_times_out", world);
}

#[world::step]
async fn step4_deadline_mid_query() {
    let world = World::start();
    let db = Db::new(&world);
    let pool = Arc::new(Pool::new(db.clone(), 1));
    let opened_by_new = db.opened();

    let h1 = spawn_handler(&world, &pool, "h1", Query::new("q1", ms(5000)), ms(0));
    let h2 = spawn_handler(&world, &pool, "h2", Query::new("q2", ms(100)), ms(1500));
    let outcomes = within(10, outcomes(vec![h1, h2])).await;

    assert_eq!(
        (&outcomes[0], ended(&world, "h1")),
        (&Err(HandlerError::Deadline), ms(2000)),
        "a request gets REQUEST_DEADLINE (2 s) in all: h1's 5 s query is cut off at 2000 ms, \
         and h1 answers HandlerError::Deadline"
    );
    match &outcomes[1] {
        Ok(rows) if rows == "rows of q2" => {}
        Err(HandlerError::NoConnection) => panic!(
            "a connection closed mid-query must be replaced: h2 found no connection at all \
             (did the pool shrink when it threw the half-used one away?)"
        ),
        other => panic!(
            "the next user of a connection cancelled mid-query gets a clean one: h2 asked \
             for q2 and got {other:?} (a half-used connection hands its next user the rows \
             still owed to the cancelled query)"
        ),
    }
    assert_eq!(
        world.trace().finished_at(),
        ms(2150),
        "h2 waits for h1's slot (2000 ms), the pool opens a fresh connection (50 ms), q2 \
         runs 100 ms: done at 2150 ms"
    );
    assert_connections(&world, &db, 1, opened_by_new);
    assert_timeline!("step4_deadline_mid_query", world);
}

#[world::step]
async fn step5_cancelled_at_the_worst_moment() {
    let world = World::start();
    let db = Db::new(&world);
    let pool = Arc::new(Pool::new(db.clone(), 1));
    let opened_by_new = db.opened();

    let (connecting, h3) = within(10, async {
        let h1 = spawn_handler(&world, &pool, "h1", Query::new("q1", ms(100)), ms(0));
        // Its query is sent and its rows not read yet: the worst moment.
        tokio::time::sleep(ms(50)).await;
        h1.abort();
        let aborted = h1.await;
        assert!(
            aborted.as_ref().is_err_and(|e| e.is_cancelled()),
            "h1 was aborted mid-query: {aborted:?}"
        );
        let h2 = spawn_handler(&world, &pool, "h2", Query::new("q2", ms(100)), ms(0));
        // h2 finds no idle connection: the pool opens one for it (50 ms),
        // and h2 is aborted half-way through that connect.
        tokio::time::sleep(ms(25)).await;
        let connecting = db.opened() == 2;
        h2.abort();
        let aborted = h2.await;
        assert!(
            aborted.as_ref().is_err_and(|e| e.is_cancelled()),
            "h2 was aborted while the pool was connecting: {aborted:?}"
        );
        let h3 = spawn_handler(&world, &pool, "h3", Query::new("q3", ms(100)), ms(0));
        (connecting, h3.await.expect("h3 panicked"))
    })
    .await;

    match &h3 {
        Ok(rows) if rows == "rows of q3" => {}
        Err(HandlerError::NoConnection) if !connecting => panic!(
            "a connection closed mid-query must be replaced: 25 ms after h1's abort, h2 had \
             not begun to open a new one, and h3 found no connection at all (did the pool \
             shrink when it threw the half-used one away?)"
        ),
        Err(HandlerError::NoConnection) => panic!(
            "a handler cancelled while the pool is connecting for it gives its place back: \
             h2 was aborted 25 ms into its connect, and h3 found no connection at all. Hold \
             the place (the permit, the slot) in something whose Drop returns it, from before \
             the connect's .await on"
        ),
        other => panic!(
            "a handler cancelled from outside (its task aborted, its client gone) mid-query \
             must not hand its connection on half-used: h3 asked for q3 and got {other:?}. \
             Only Drop runs when a future is cancelled: decide there"
        ),
    }
    assert_eq!(
        world.trace().finished_at(),
        ms(225),
        "h3 starts at 75 ms, the pool opens a fresh connection (50 ms), q3 runs 100 ms: \
         done at 225 ms"
    );
    assert_connections(&world, &db, 1, opened_by_new);
    assert_timeline!("step5_cancelled_at_the_worst_moment", world);
}
