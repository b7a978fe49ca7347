//! Kata 17, send bounds: one test per step of the README.
//!
//! Compiled twice, against the kata and against its reference solution, so
//! both are judged by the same tests and the same snapshots.
//!
//! What `tokio::spawn` needs is checked at compile time, as `tokio::spawn`
//! itself checks it: [`assert_spawnable`] on the kata's futures, and
//! `tokio::spawn` on its boxed calls. An answer that holds an `Rc` or a
//! `MutexGuard` across an `.await`, boxes a future without `+ Send`, or
//! spawns a borrow does not compile, and rustc's error ("future cannot be
//! sent between threads safely", printed without a code; E0521 "borrowed
//! data escapes"; "lifetime may not live long enough") is what `cargo kata check` shows as the reason every step failed (the
//! manifest's `compile-checks = true`).

use std::cell::RefCell;
use std::collections::HashMap;
use std::future::Future;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;

#[cfg(not(feature = "reference"))]
use send_bounds as kata;
#[cfg(feature = "reference")]
use send_bounds_solution as kata;
use world::kit::{first_call, joined, ms, tasks_of};
use world::{Api, User, World, assert_timeline, within};

/// What `tokio::spawn` asks of a future, asked at compile time: it may
/// move to another worker thread between polls (`Send`), and it may
/// outlive its caller (`'static`).
fn assert_spawnable<F: Future + Send + 'static>(_: &F) {}

/// When each call on `rows` started, in that order (one never called
/// fails).
fn starts(world: &World, rows: &[&str]) -> Vec<Duration> {
    rows.iter()
        .map(|row| first_call(world, row).start)
        .collect()
}

/// A look into the learner's `Cache`, to tell "never inserted" from
/// "never read" by what the cache holds. The README's cache (a std
/// `Mutex`) and the one it allows (tokio's) can be read; a cache of another
/// shape falls through to [`Unread`] by autoref (the method of `&Look` is
/// found only when `Look`'s own is missing), and the test says both halves
/// of the rule instead.
struct Look<'a, T>(&'a T);

// Used when the cache is std's, as the README's is.
#[allow(dead_code)]
trait ReadStd {
    fn holds(&self, id: u32) -> Option<bool>;
}

impl ReadStd for Look<'_, Arc<std::sync::Mutex<HashMap<u32, User>>>> {
    fn holds(&self, id: u32) -> Option<bool> {
        let map = self.0.lock().unwrap_or_else(|p| p.into_inner());
        Some(map.contains_key(&id))
    }
}

// Used when the cache is tokio's (the reference's is std's).
#[allow(dead_code)]
trait ReadTokio {
    fn holds(&self, id: u32) -> Option<bool>;
}

impl ReadTokio for Look<'_, Arc<tokio::sync::Mutex<HashMap<u32, User>>>> {
    fn holds(&self, id: u32) -> Option<bool> {
        self.0.try_lock().ok().map(|map| map.contains_key(&id))
    }
}

// Used when the cache is neither of the two above.
#[allow(dead_code)]
trait Unread {
    fn holds(&self, _id: u32) -> Option<bool> {
        None
    }
}

impl<T> Unread for &Look<'_, T> {}

#[world::step]
async fn step1_names_spawned() {
    let world = World::start();
    // Uneven: the calls finish in the order 2, 1, 3, not in the order of
    // the ids, so an answer that collects them as they finish is seen.
    let api = Api::new(&world)
        .with_latency("fetch_user(2)", ms(300))
        .with_latency("fetch_user(3)", ms(700));

    let names = kata::names(api.clone(), vec![3, 1, 2]);
    assert_spawnable(&names);
    let names = within(10, async { joined(tokio::spawn(names).await) }).await;

    assert_eq!(
        names,
        ["User3", "User1", "User2"],
        "{}",
        world::say!(
            en: "the names come back in the order of the ids asked, 3, 1, 2, not in the order the calls finish (user 2 at 300 ms, user 1 at 500, user 3 at 700)",
            ko: "이름은 호출이 끝난 순서(user 2가 300 ms, user 1이 500 ms, user 3이 700 ms)가 아니라 요청한 id 순서(3, 1, 2)대로 돌아와야 합니다",
        )
    );
    assert_eq!(
        starts(&world, &["fetch_user(1)", "fetch_user(2)", "fetch_user(3)"]),
        [ms(0), ms(0), ms(0)],
        "{}",
        world::say!(
            en: "the three calls run concurrently inside the spawned task: all start at 0 ms, not one after another (each call awaited before the next starts, or each holding a lock, a `tokio::sync::Mutex` guard, across its fetch's `.await`)",
            ko: "spawn된 태스크 안에서 세 호출이 차례로가 아니라 동시에 실행되어야 합니다: 모두 0 ms에 시작합니다(호출마다 await한 뒤에 다음 호출을 시작했거나, 호출마다 락, 곧 `tokio::sync::Mutex`의 가드를 fetch의 `.await` 너머까지 잡고 있었습니다)",
        )
    );
    assert_eq!(
        world.trace().finished_at(),
        ms(700),
        "{}",
        world::say!(
            en: "concurrent calls take as long as the slowest, user 3's 700 ms",
            ko: "동시에 실행한 호출은 가장 느린 호출, user 3의 700 ms만큼 걸립니다",
        )
    );
    assert_timeline!("step1_names_spawned", world);
}

#[world::step]
async fn step2_cached_user() {
    let world = World::start();
    let api = Api::new(&world);
    let cache = kata::Cache::default();

    let first = kata::cached_user(api.clone(), cache.clone(), 1);
    assert_spawnable(&first);
    let (one, two) = within(10, async {
        let one = tokio::spawn(first);
        let two = tokio::spawn(kata::cached_user(api.clone(), cache.clone(), 2));
        (joined(one.await), joined(two.await))
    })
    .await;
    assert_eq!((one.name.as_str(), two.name.as_str()), ("User1", "User2"));
    assert_eq!(
        starts(&world, &["fetch_user(1)", "fetch_user(2)"]),
        [ms(0), ms(0)],
        "{}",
        world::say!(
            en: "callers for different ids fetch at once: the cache's lock must not be held across the fetch's `.await`",
            ko: "서로 다른 id를 찾는 호출은 동시에 fetch해야 합니다: 캐시의 락을 fetch의 `.await` 너머까지 잡고 있으면 안 됩니다",
        )
    );

    // What the cache holds now, where the test can read it: user 1 was
    // fetched and must have been inserted.
    // The outer `&` is what lets an unreadable cache fall through to `Unread`.
    #[allow(clippy::needless_borrow)]
    let cached = (&Look(&cache)).holds(1);
    assert_ne!(
        cached,
        Some(false),
        "{}",
        world::say!(
            en: "user 1 was fetched (0 to 500 ms), but the cache does not hold it: insert what you fetched into the cache",
            ko: "user 1을 fetch했지만(0부터 500 ms까지) 캐시에 없습니다: fetch한 것을 캐시에 넣어야 합니다",
        )
    );

    // At 500 ms, user 1 again: from the cache, at once.
    let again = within(
        10,
        tokio::spawn(kata::cached_user(api.clone(), cache.clone(), 1)),
    )
    .await
    .unwrap();
    assert_eq!(again.name, "User1");
    let fetched = world.trace().spans_of("fetch_user(1)").len();
    assert!(
        !(fetched > 1 && cached == Some(true)),
        "{}",
        world::say!(
            en: "the cache held user 1 since 500 ms, but asked again, user 1 was fetched again: look in the cache before fetching, and fetch only what it does not hold",
            ko: "캐시에는 500 ms부터 user 1이 있었지만, 다시 묻자 user 1을 또 fetch했습니다: fetch하기 전에 캐시를 먼저 보고, 캐시에 없는 것만 fetch해야 합니다",
        )
    );
    assert_eq!(
        fetched,
        1,
        "{}",
        world::say!(
            en: "a cached user is not fetched again: asked again at 500 ms, user 1 was fetched a second time. Look in the cache before fetching, and insert what you fetched into the cache",
            ko: "캐시에 있는 user는 다시 fetch하지 않습니다: 500 ms에 다시 묻자 user 1을 또 fetch했습니다. fetch하기 전에 캐시를 먼저 보고, fetch한 것을 캐시에 넣어야 합니다",
        )
    );
    // And once more: a cache keeps what it serves.
    let third = within(
        10,
        tokio::spawn(kata::cached_user(api.clone(), cache.clone(), 1)),
    )
    .await
    .unwrap();
    assert_eq!(third.name, "User1");
    assert_eq!(
        world.trace().spans_of("fetch_user(1)").len(),
        1,
        "{}",
        world::say!(
            en: "a cache keeps what it serves: asked a third time, user 1 is still cached (read the entry, do not take it out)",
            ko: "캐시는 꺼내 준 것을 계속 가지고 있어야 합니다: 세 번째로 물어도 user 1은 캐시에 있어야 합니다(항목을 읽기만 하고 빼내지 마십시오)",
        )
    );
    assert_eq!(
        world.trace().finished_at(),
        ms(500),
        "{}",
        world::say!(
            en: "the cached answer takes no time: everything is done at 500 ms",
            ko: "캐시에서 꺼낸 답은 시간이 걸리지 않습니다: 모든 일이 500 ms에 끝납니다",
        )
    );
    assert_timeline!("step2_cached_user", world);
}

#[world::step]
async fn step3_boxed_calls() {
    let world = World::start();
    let api = Api::new(&world);

    let calls: Vec<kata::Call> = kata::calls(&api, 2);
    // The api is the test's; the boxed calls must not borrow it.
    drop(api);
    let answers = within(10, async {
        let tasks: Vec<_> = calls.into_iter().map(tokio::spawn).collect();
        let mut answers = Vec::new();
        for task in tasks {
            answers.push(joined(task.await));
        }
        answers
    })
    .await;

    assert_eq!(
        answers,
        ["User2", "Post2", "Data 2"],
        "{}",
        world::say!(
            en: "three calls in this order: user 2's name, post 2's title, data 2",
            ko: "세 호출이 이 순서여야 합니다: user 2의 이름, 게시글 2의 제목, data 2",
        )
    );
    let rows = ["fetch_user(2)", "fetch_post(2)", "fetch_data(2)"];
    assert_eq!(
        starts(&world, &rows),
        [ms(0), ms(0), ms(0)],
        "{}",
        world::say!(
            en: "spawned tasks run concurrently: the three calls start at 0 ms",
            ko: "spawn된 태스크는 동시에 실행됩니다: 세 호출 모두 0 ms에 시작합니다",
        )
    );
    assert_timeline!("step3_boxed_calls", world);
}

#[world::step]
async fn step4_spawn_names() {
    let world = World::start();
    // Uneven: user 1 is done first, so an answer that collects the names
    // as the calls finish is seen.
    let api = Api::new(&world).with_latency("fetch_user(1)", ms(300));

    let handle = {
        // Both borrowed for the call only: the task must own its copies.
        let (api, ids) = (api.clone(), vec![2, 1]);
        kata::spawn_names(&api, &ids)
    };
    // The handle is not awaited yet: a spawned task runs without it.
    within(10, tokio::time::sleep(ms(600))).await;
    let rows = ["fetch_user(1)", "fetch_user(2)"];
    let finished: Vec<Option<Duration>> = rows
        .iter()
        .map(|row| world.trace().spans_of(row).first().and_then(|s| s.end))
        .collect();
    assert_eq!(
        finished,
        [Some(ms(300)), Some(ms(500))],
        "{}",
        world::say!(
            en: "`spawn_names` spawns the work: both calls run, concurrently, and are done (user 1 at 300 ms, user 2 at 500) before anyone awaits the handle",
            ko: "`spawn_names`는 일을 spawn해야 합니다: 두 호출은 핸들을 await하기 전에 동시에 실행되어 끝납니다(user 1은 300 ms, user 2는 500 ms)",
        )
    );
    let names = joined(within(10, handle).await);
    assert_eq!(
        names,
        ["User2", "User1"],
        "{}",
        world::say!(
            en: "the names come back in the order of the ids asked, 2 then 1, not in the order the calls finish (user 1 first, at 300 ms)",
            ko: "이름은 호출이 끝난 순서(user 1이 먼저, 300 ms)가 아니라 요청한 id 순서(2, 1)대로 돌아와야 합니다",
        )
    );
    assert_timeline!("step4_spawn_names", world);
}

#[world::step]
async fn step5_log_in_tasks() {
    let world = World::start();
    // Uneven: user 3 (the last id) answers first, at 200 ms, user 2 last, at
    // 700 ms, so an answer that awaits only the last handle, or only the
    // first, returns before every task is done.
    let api = Api::new(&world)
        .with_latency("fetch_user(2)", ms(700))
        .with_latency("fetch_user(3)", ms(200));
    let log = Rc::new(RefCell::new(Vec::new()));

    within(
        10,
        kata::log_in_tasks(api.clone(), vec![1, 2, 3], log.clone()),
    )
    .await;
    let returned = world.now();

    let mut logged = log.borrow().clone();
    logged.sort();
    // The specific cause first: some tasks ran to the end, and the function
    // returned before the others did.
    assert!(
        logged.is_empty() || logged.len() >= 3,
        "{}",
        world::say!(
            en: "`log_in_tasks` returned at {} ms with {logged:?} in the log: it awaited only some of the tasks (the last handle, or the first), and the tasks still running were dropped with the `LocalSet`. User 3 answers at 200 ms, user 1 at 500, user 2 at 700: await every handle (or the `LocalSet` itself), not the one you expect to end last",
            ko: "`log_in_tasks`가 log에 {logged:?}만 담긴 채 {} ms에 돌아왔습니다: 일부 태스크만(마지막 핸들이나 첫 핸들만) await했고, 아직 실행 중인 태스크는 `LocalSet`과 함께 drop되었습니다. user 3은 200 ms, user 1은 500 ms, user 2는 700 ms에 답합니다: 마지막에 끝날 것으로 예상한 핸들 하나가 아니라 모든 핸들을(또는 `LocalSet` 자체를) await하십시오",
            returned.as_millis(),
        )
    );
    assert_eq!(
        logged,
        ["User1", "User2", "User3"],
        "{}",
        world::say!(
            en: "`log_in_tasks` returns when every task is done: the log holds all three names",
            ko: "`log_in_tasks`는 모든 태스크가 끝난 뒤에 돌아와야 합니다: log에 이름 셋이 모두 있어야 합니다",
        )
    );
    let rows = ["fetch_user(1)", "fetch_user(2)", "fetch_user(3)"];
    assert_eq!(
        tasks_of(&world, &rows),
        3,
        "{}",
        world::say!(
            en: "a task per id, spawned with `spawn_local` on a `LocalSet`: three calls, three tasks",
            ko: "id마다 태스크 하나를 `LocalSet` 위에서 `spawn_local`로 spawn해야 합니다: 호출 셋, 태스크 셋",
        )
    );
    assert_eq!(
        starts(&world, &rows),
        [ms(0), ms(0), ms(0)],
        "{}",
        world::say!(
            en: "the local tasks run concurrently: the three calls start at 0 ms",
            ko: "local 태스크도 동시에 실행됩니다: 세 호출 모두 0 ms에 시작합니다",
        )
    );
    assert_eq!(
        returned,
        ms(700),
        "{}",
        world::say!(
            en: "`log_in_tasks` returns when every task is done: at 700 ms, when the slowest, user 2, answers",
            ko: "`log_in_tasks`는 모든 태스크가 끝날 때, 곧 가장 느린 user 2가 답하는 700 ms에 돌아옵니다",
        )
    );
    assert_timeline!("step5_log_in_tasks", world);
}
