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
use world::kit::ms;
use world::trace::SpanRecord;
use world::{Db, DbError, Query, World, assert_timeline, within};

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
            Err(e) => panic!(
                "{}",
                world::say!(
                    en: "handler h{} did not return: {e}",
                    ko: "핸들러 h{}의 태스크가 반환하지 못했습니다: {e}",
                    i + 1
                )
            ),
        }
    }
    outcomes
}

/// When the handler on `row` returned.
fn ended(world: &World, row: &str) -> Duration {
    let spans = world.trace().spans_of(row);
    let span = spans.first().unwrap_or_else(|| {
        panic!(
            "{}",
            world::say!(en: "{row} never ran", ko: "`{row}` 행은 한 번도 실행되지 않았습니다")
        )
    });
    span.end.unwrap_or_else(|| {
        panic!(
            "{}",
            world::say!(en: "{row} never returned", ko: "`{row}` 행은 반환하지 않았습니다")
        )
    })
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
        "{}",
        world::say!(
            en: "a pool of {size} holds at most {size} connections at once, but {held} were busy at \
             once ({} opened in all): a handler opened a connection while all {size} were lent, \
             so it connected before it had its place. Take the permit (the place among the \
             {size}) first, then an idle connection; connect only when there is none",
            ko: "크기 {size}인 풀은 한 번에 커넥션을 최대 {size}개 가지는데, {held}개가 동시에 \
                 쓰였습니다 (모두 {}개를 열었습니다): {size}개가 모두 빌려 나간 동안 한 핸들러가 \
                 커넥션을 열었으니, 자리를 얻기 전에 커넥션을 연 것입니다. permit({size}개 중 한 \
                 자리)을 먼저 받고, 그다음 유휴 커넥션을 꺼내십시오. 유휴 커넥션이 없을 때만 새로 \
                 여십시오",
            db.opened(),
        )
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
        "{}",
        world::say!(
            en: "Pool::new opens the pool's {size} connection(s) at once, with db.open(): it opened \
             {opened_by_new}, so a handler waited {} ms for a connect at {} ms, before any \
             connection could have been thrown away. Open them all in Pool::new; connect \
             (db.connect()) only to replace a connection that was closed",
            ko: "`Pool::new`는 풀의 커넥션 {size}개를 `db.open()`으로 한꺼번에 엽니다: \
                 {opened_by_new}개만 열었기 때문에, 아직 어떤 커넥션도 버려졌을 수 없는 때에 한 \
                 핸들러가 {} ms 걸리는 커넥션 열기를 {} ms에 기다렸습니다. 커넥션은 모두 \
                 `Pool::new`에서 여십시오. `db.connect()`로 새로 여는 것은 닫힌 커넥션을 대신할 \
                 때뿐입니다",
            world::db::CONNECT_TIME.as_millis(),
            first.start.as_millis(),
        )
    );
}

/// Fails in words unless `size` queries ran at once at some point: a lock
/// held across the query lets one handler at a time in.
fn assert_lent_at_once(world: &World, size: usize) {
    let peak = queries_at_once(world);
    assert_eq!(
        peak,
        size,
        "{}",
        world::say!(
            en: "a pool of {size} runs {size} queries at once, no more and no fewer: at most {peak} \
             ran at once (a lock held across the query lets one handler at a time in)",
            ko: "크기 {size}인 풀은 쿼리를 정확히 {size}개 동시에 실행합니다. 더도 덜도 아닙니다: \
                 동시에 실행된 쿼리는 최대 {peak}개였습니다 (쿼리 내내 락을 잡고 있으면 핸들러가 \
                 한 번에 하나씩만 들어갑니다)",
        )
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
        "{}",
        world::say!(
            en: "a pool of 3 lets at most 3 handlers hold a connection, but {peak} queries ran at once \
             on {} connections: nothing capped the handlers. Whatever caps them (a permit) is held \
             as long as the connection is: a field of the guard, given back in its Drop",
            ko: "크기 3인 풀에서는 최대 3개의 핸들러만 커넥션을 가질 수 있는데, 커넥션 {}개에서 \
                 쿼리 {peak}개가 동시에 실행됐습니다: 핸들러 수를 제한하는 것이 없었습니다. \
                 핸들러 수를 제한하는 것(permit)은 커넥션을 가지고 있는 동안 계속 잡고 있어야 \
                 합니다: 가드의 필드로 두고, 가드의 `Drop`에서 돌려주십시오",
            db.opened(),
        )
    );
    assert_connections(&world, &db, 3, opened_by_new);
    assert_eq!(
        db.opened(),
        3,
        "{}",
        world::say!(
            en: "the pool reuses its 3 connections, but {} were opened: a handler found no idle \
             connection although at most 3 held one (was a connection dropped instead of put \
             back?)",
            ko: "풀은 커넥션 3개를 재사용하는데, {}개가 열렸습니다: 커넥션을 가진 핸들러가 최대 \
                 3개였는데도 한 핸들러가 유휴 커넥션을 찾지 못했습니다 (커넥션을 풀에 돌려놓지 \
                 않고 drop했습니까?)",
            db.opened(),
        )
    );
    assert_lent_at_once(&world, 3);
    let expected: Vec<Outcome> = (1..=10).map(|i| Ok(format!("rows of q{i}"))).collect();
    assert_eq!(
        outcomes,
        expected,
        "{}",
        world::say!(
            en: "every handler gets its rows: a connection goes back to the pool when the handler \
             is done with it, so ten handlers share three connections",
            ko: "모든 핸들러가 결과를 받습니다: 핸들러가 다 쓴 커넥션은 풀로 돌아가므로, 핸들러 \
                 10개가 커넥션 3개를 나눠 씁니다",
        )
    );
    assert_eq!(
        world.trace().finished_at(),
        ms(400),
        "{}",
        world::say!(
            en: "a freed connection goes to the next waiter at once: 10 queries of 100 ms, arriving \
             10 ms apart, on 3 connections are all done at 400 ms",
            ko: "반납된 커넥션은 곧바로 다음 대기자에게 갑니다: 10 ms 간격으로 도착하는 100 ms짜리 \
                 쿼리 10개는 커넥션 3개로 400 ms에 모두 끝납니다",
        )
    );
    assert_eq!(
        checkins(&world),
        10,
        "{}",
        world::say!(
            en: "every connection comes back: call conn.checked_in() where the pool takes it back \
             (in the guard's Drop)",
            ko: "모든 커넥션이 돌아와야 합니다: 풀이 커넥션을 돌려받는 곳(가드의 `Drop`)에서 \
                 `conn.checked_in()`을 호출하십시오",
        )
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
        h1.expect(&world::say!(
            en: "h1 returns its error, it does not panic",
            ko: "h1은 에러를 반환합니다. 패닉하지 않습니다",
        )),
        Err(HandlerError::Query(DbError::Syntax {
            query: "q1".to_owned()
        })),
        "{}",
        world::say!(
            en: "a failed query is the handler's error: HandlerError::Query",
            ko: "실패한 쿼리는 핸들러의 에러입니다: `HandlerError::Query`",
        )
    );
    assert!(
        h2.as_ref().is_err_and(|e| e.is_panic()),
        "{}",
        world::say!(
            en: "h2's query panics (a bug in the code reading its rows), so its task ends in a \
             panic: {h2:?}",
            ko: "h2의 쿼리는 패닉합니다(결과를 읽는 코드의 버그). 그러니 그 태스크는 패닉으로 \
                 끝나야 합니다: {h2:?}",
        )
    );
    assert_eq!(
        rest,
        [Ok("rows of q3".to_owned()), Ok("rows of q4".to_owned())],
        "{}",
        world::say!(
            en: "a connection goes back to the pool however its handler ends, an error or a panic \
             too: h3 and h4 wait for the connections of h1 (its query failed) and h2 (it \
             panicked)",
            ko: "커넥션은 핸들러가 어떻게 끝나든, 에러로 끝나도 패닉으로 끝나도 풀로 돌아갑니다: \
                 h3과 h4는 h1(쿼리 실패)과 h2(패닉)의 커넥션을 기다립니다",
        )
    );
    assert_connections(&world, &db, 2, opened_by_new);
    assert_lent_at_once(&world, 2);
    let how_it_ended = [
        (
            "h1",
            world::say!(en: "its query failed", ko: "쿼리가 실패했을 때"),
        ),
        ("h2", world::say!(en: "it panicked", ko: "패닉했을 때")),
    ];
    for (row, how) in how_it_ended {
        let back = world
            .trace()
            .cleanups()
            .iter()
            .any(|(_, actor, what)| *actor == row && what.contains("back in the pool"));
        assert!(
            back,
            "{}",
            world::say!(
                en: "a connection goes back to the pool however its handler ends: {row}'s did not \
                 come back when {how} (no `c` on its row; {} connections opened in all, the \
                 others to replace it). A line of handle that gives it back is skipped by `?` \
                 and by a panic's unwinding: give it back in the guard's Drop, which runs on \
                 every exit, and call conn.checked_in() there",
                ko: "커넥션은 핸들러가 어떻게 끝나든 풀로 돌아가야 합니다: `{row}`의 커넥션은 {how} \
                     돌아오지 않았습니다 (그 행에 `c`가 없습니다. 모두 {}개의 커넥션이 열렸고, \
                     나머지는 그 커넥션을 대신해 열린 것입니다). `handle`에서 커넥션을 돌려주는 \
                     줄은 `?`와 패닉 언와인딩에 건너뛰어집니다: 모든 종료 경로에서 실행되는 \
                     가드의 `Drop`에서 돌려주고, 거기서 `conn.checked_in()`을 호출하십시오",
                db.opened(),
            )
        );
    }
    assert_eq!(
        world.trace().finished_at(),
        ms(250),
        "{}",
        world::say!(
            en: "h3 gets h1's connection at 100 ms, h4 gets h2's at 150 ms, when h2 panics: all done \
             at 250 ms",
            ko: "h3은 100 ms에 h1의 커넥션을, h4는 h2가 패닉하는 150 ms에 h2의 커넥션을 받습니다: \
                 250 ms에 모두 끝납니다",
        )
    );
    assert_eq!(
        checkins(&world),
        4,
        "{}",
        world::say!(
            en: "every connection comes back, from an error and from a panic too: call \
             conn.checked_in() in the guard's Drop",
            ko: "에러에서도 패닉에서도 모든 커넥션이 돌아와야 합니다: 가드의 `Drop`에서 \
                 `conn.checked_in()`을 호출하십시오",
        )
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
        "{}",
        world::say!(
            en: "a pool of 3 holds at most 3 connections, but {} were opened: h4 should wait for one \
             of the three, not open its own (nothing caps the handlers)",
            ko: "크기 3인 풀은 커넥션을 최대 3개 가지는데, {}개가 열렸습니다: h4는 자기 커넥션을 \
                 열지 말고 3개 중 하나를 기다려야 합니다 (핸들러 수를 제한하는 것이 없습니다)",
            db.opened(),
        )
    );
    assert_connections(&world, &db, 3, opened_by_new);
    assert_lent_at_once(&world, 3);
    let h4_ended = ended(&world, "h4");
    match &outcomes[3] {
        Err(HandlerError::NoConnection) => {}
        Err(HandlerError::Deadline) if h4_ended < ms(2000) => panic!(
            "{}",
            world::say!(
                en: "with every connection busy, acquire gives up after ACQUIRE_TIMEOUT (1 s), and \
                 h4 did, at {} ms, but answered HandlerError::Deadline: a timed-out acquire \
                 (PoolError::Timeout) is HandlerError::NoConnection. Deadline is the request's \
                 own REQUEST_DEADLINE (2 s), which h4 never reached",
                ko: "커넥션이 모두 사용 중이면 `acquire`는 `ACQUIRE_TIMEOUT`(1 s) 뒤에 포기합니다. \
                     h4도 {} ms에 포기했지만 `HandlerError::Deadline`으로 답했습니다: 타임아웃된 \
                     `acquire`(`PoolError::Timeout`)는 `HandlerError::NoConnection`입니다. \
                     `Deadline`은 요청 자체의 `REQUEST_DEADLINE`(2 s)이고, h4는 거기까지 가지 \
                     않았습니다",
                h4_ended.as_millis(),
            )
        ),
        Ok(rows) => panic!(
            "{}",
            world::say!(
                en: "with every connection busy, acquire gives up after ACQUIRE_TIMEOUT (1 s) and \
                 the 4th handler answers HandlerError::NoConnection, but h4 waited until \
                 {} ms and got {rows:?}: its wait for a connection had no timeout, so it lasts \
                 as long as the others hold theirs",
                ko: "커넥션이 모두 사용 중이면 `acquire`는 `ACQUIRE_TIMEOUT`(1 s) 뒤에 포기하고 \
                     4번째 핸들러는 `HandlerError::NoConnection`으로 답해야 하는데, h4는 {} \
                     ms까지 기다렸고 받은 결과는 {rows:?}입니다: 커넥션을 기다리는 데 타임아웃이 \
                     없어서, 다른 핸들러들이 커넥션을 잡고 있는 동안 계속 기다립니다",
                h4_ended.as_millis(),
            )
        ),
        other => panic!(
            "{}",
            world::say!(
                en: "with every connection busy, acquire gives up after ACQUIRE_TIMEOUT (1 s): the \
                 4th handler answers HandlerError::NoConnection rather than wait for as long as \
                 the others hold their connections, but h4 answered {other:?} at {} ms",
                ko: "커넥션이 모두 사용 중이면 `acquire`는 `ACQUIRE_TIMEOUT`(1 s) 뒤에 포기합니다: \
                     4번째 핸들러는 다른 핸들러들이 커넥션을 잡고 있는 내내 기다리지 않고 \
                     `HandlerError::NoConnection`으로 답해야 하는데, h4는 {} ms에 답했고 그 \
                     값은 {other:?}입니다",
                h4_ended.as_millis(),
            )
        ),
    }
    assert_eq!(
        ended(&world, "h4"),
        ms(1000),
        "{}",
        world::say!(
            en: "acquire gives up after ACQUIRE_TIMEOUT: h4 ends at 1000 ms",
            ko: "`acquire`는 `ACQUIRE_TIMEOUT` 뒤에 포기합니다: h4는 1000 ms에 끝나야 합니다",
        )
    );
    let reports: Vec<Outcome> = (1..=3).map(|i| Ok(format!("rows of report{i}"))).collect();
    assert_eq!(
        outcomes[..3],
        reports,
        "{}",
        world::say!(
            en: "the three reports get their rows",
            ko: "리포트 3개는 모두 결과를 받습니다",
        )
    );
    assert_eq!(
        (&outcomes[4], ended(&world, "h5")),
        (&Err(HandlerError::Deadline), ms(2600)),
        "{}",
        world::say!(
            en: "a request gets REQUEST_DEADLINE (2 s) in all, the wait for a connection included: \
             h5 arrived at 600 ms, waited 900 ms for a connection, and its 1.4 s query is cut off \
             at 2600 ms with HandlerError::Deadline (a deadline around the query alone lets it \
             run to 2900 ms)",
            ko: "요청 하나에 주어지는 시간은 커넥션을 기다리는 시간까지 합쳐 `REQUEST_DEADLINE`(2 \
                 s)입니다: h5는 600 ms에 도착해 900 ms 동안 커넥션을 기다렸고, 1.4 s짜리 쿼리는 \
                 2600 ms에 `HandlerError::Deadline`으로 끊깁니다 (쿼리에만 데드라인을 걸면 2900 \
                 ms까지 실행됩니다)",
        )
    );
    assert_eq!(
        world.trace().finished_at(),
        ms(2600),
        "{}",
        world::say!(
            en: "the reports end at 1500, 1600 and 1700 ms, h5 at its deadline, 2600 ms",
            ko: "리포트는 1500, 1600, 1700 ms에 끝나고, h5는 데드라인인 2600 ms에 끝납니다",
        )
    );
    let half_used_back = world
        .trace()
        .cleanups()
        .iter()
        .any(|(_, _, what)| what.contains("half-used"));
    assert!(
        !half_used_back,
        "{}",
        world::say!(
            en: "h5's query was cut off at its deadline, mid-query, and its connection went back to \
             the pool half-used (`back in the pool (half-used!)` on h5's row): its next user \
             would read q5's rows. In Drop, a connection that is not conn.is_clean() is closed \
             (dropped), not put back",
            ko: "h5의 쿼리가 데드라인에 쿼리 도중 끊겼는데, 그 커넥션이 반쯤 쓴 채로 풀에 \
                 돌아갔습니다 (h5의 행에 `back in the pool (half-used!)`): 다음 사용자가 q5의 \
                 결과를 읽게 됩니다. `Drop`에서 `conn.is_clean()`이 아닌 커넥션은 돌려놓지 말고 \
                 닫으십시오(drop)",
        )
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
        "{}",
        world::say!(
            en: "a request gets REQUEST_DEADLINE (2 s) in all: h1's 5 s query is cut off at 2000 ms, \
             and h1 answers HandlerError::Deadline",
            ko: "요청 하나에 주어지는 시간은 모두 합쳐 `REQUEST_DEADLINE`(2 s)입니다: h1의 5 s짜리 \
                 쿼리는 2000 ms에 끊기고, h1은 `HandlerError::Deadline`으로 답합니다",
        )
    );
    match &outcomes[1] {
        Ok(rows) if rows == "rows of q2" => {}
        Err(HandlerError::NoConnection) => panic!(
            "{}",
            world::say!(
                en: "a connection closed mid-query must be replaced: h2 found no connection at all \
                 (did the pool shrink when it threw the half-used one away?)",
                ko: "쿼리 도중 닫힌 커넥션은 새 커넥션으로 대신해야 합니다: h2는 커넥션을 하나도 \
                     찾지 못했습니다 (반쯤 쓴 커넥션을 버릴 때 풀이 줄어들었습니까?)",
            )
        ),
        other => panic!(
            "{}",
            world::say!(
                en: "the next user of a connection cancelled mid-query gets a clean one: h2 asked \
                 for q2 and got {other:?} (a half-used connection hands its next user the rows \
                 still owed to the cancelled query)",
                ko: "쿼리 도중 취소된 커넥션의 다음 사용자는 깨끗한 커넥션을 받아야 합니다: h2는 \
                     q2를 요청했는데 받은 것은 {other:?}입니다 (반쯤 쓴 커넥션은 취소된 쿼리가 \
                     아직 받지 않은 결과를 다음 사용자에게 넘깁니다)",
            )
        ),
    }
    assert_eq!(
        world.trace().finished_at(),
        ms(2150),
        "{}",
        world::say!(
            en: "h2 waits for h1's slot (2000 ms), the pool opens a fresh connection (50 ms), q2 \
             runs 100 ms: done at 2150 ms",
            ko: "h2는 h1의 슬롯을 기다리고(2000 ms), 풀이 새 커넥션을 열고(50 ms), q2가 100 ms \
                 실행됩니다: 2150 ms에 끝납니다",
        )
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
            "{}",
            world::say!(
                en: "h1 was aborted mid-query: {aborted:?}",
                ko: "h1은 쿼리 도중 `abort()`됐습니다: {aborted:?}",
            )
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
            "{}",
            world::say!(
                en: "h2 was aborted while the pool was connecting: {aborted:?}",
                ko: "h2는 풀이 커넥션을 여는 동안 `abort()`됐습니다: {aborted:?}",
            )
        );
        let h3 = spawn_handler(&world, &pool, "h3", Query::new("q3", ms(100)), ms(0));
        (
            connecting,
            h3.await
                .expect(&world::say!(en: "h3 panicked", ko: "h3이 패닉했습니다")),
        )
    })
    .await;

    match &h3 {
        Ok(rows) if rows == "rows of q3" => {}
        Err(HandlerError::NoConnection) if !connecting => panic!(
            "{}",
            world::say!(
                en: "a connection closed mid-query must be replaced: 25 ms after h1's abort, h2 had \
                 not begun to open a new one, and h3 found no connection at all (did the pool \
                 shrink when it threw the half-used one away?)",
                ko: "쿼리 도중 닫힌 커넥션은 새 커넥션으로 대신해야 합니다: h1의 `abort()` 뒤 25 \
                     ms가 지나도록 h2는 새 커넥션을 열기 시작하지 않았고, h3은 커넥션을 하나도 \
                     찾지 못했습니다 (반쯤 쓴 커넥션을 버릴 때 풀이 줄어들었습니까?)",
            )
        ),
        Err(HandlerError::NoConnection) => panic!(
            "{}",
            world::say!(
                en: "a handler cancelled while the pool is connecting for it gives its place back: \
                 h2 was aborted 25 ms into its connect, and h3 found no connection at all. Hold \
                 the place (the permit, the slot) in something whose Drop returns it, from before \
                 the connect's .await on",
                ko: "풀이 커넥션을 열어 주는 동안 취소된 핸들러는 자기 자리를 돌려줘야 합니다: \
                     h2는 커넥션을 열기 시작한 지 25 ms 만에 `abort()`됐고, h3은 커넥션을 하나도 \
                     찾지 못했습니다. 커넥션 열기의 `.await` 전부터, 자리(permit, 슬롯)를 \
                     `Drop`에서 돌려주는 값에 담아 두십시오",
            )
        ),
        other => panic!(
            "{}",
            world::say!(
                en: "a handler cancelled from outside (its task aborted, its client gone) mid-query \
                 must not hand its connection on half-used: h3 asked for q3 and got {other:?}. \
                 Only Drop runs when a future is cancelled: decide there",
                ko: "쿼리 도중 밖에서 취소된 핸들러(태스크가 `abort()`됐거나 클라이언트가 떠남)는 \
                     커넥션을 반쯤 쓴 채로 넘기면 안 됩니다: h3은 q3을 요청했는데 받은 것은 \
                     {other:?}입니다. future가 취소될 때 실행되는 것은 `Drop`뿐입니다: 거기서 \
                     결정하십시오",
            )
        ),
    }
    assert_eq!(
        world.trace().finished_at(),
        ms(225),
        "{}",
        world::say!(
            en: "h3 starts at 75 ms, the pool opens a fresh connection (50 ms), q3 runs 100 ms: \
             done at 225 ms",
            ko: "h3은 75 ms에 시작하고, 풀이 새 커넥션을 열고(50 ms), q3이 100 ms 실행됩니다: 225 \
                 ms에 끝납니다",
        )
    );
    assert_connections(&world, &db, 1, opened_by_new);
    assert_timeline!("step5_cancelled_at_the_worst_moment", world);
}
