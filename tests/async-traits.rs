//! Kata 22, async traits: one test per step of the README.
//!
//! Compiled twice, against the kata and against its reference solution, so
//! both are judged by the same tests and the same snapshots.
//!
//! What `tokio::spawn` needs is checked at compile time, as `tokio::spawn`
//! itself checks it: the tests spawn `spawn_all`'s future from a function
//! generic over any `S: Source` ([`spawn_for_any_source`]), and
//! `spawn_all` spawns each call. With `Source` declared as the stub declares
//! it (`async fn`), neither compiles for an unknown service, and rustc's
//! error ("future cannot be sent between threads safely") is what `cargo
//! kata check` shows as the reason every step failed (the manifest's
//! `compile-checks = true`).
//!
//! What a call costs is counted, not guessed: `allocation-counter` puts a
//! counting global allocator in this test binary and counts per thread, as
//! kata 14's tests do. A call is made and its future dropped unpolled, so
//! what is counted is the call itself (the box, for a `dyn` call), not the
//! service's work.

use std::collections::HashSet;
use std::future::{Future, poll_fn};
use std::pin::pin;
use std::sync::Arc;
use std::task::Poll;
use std::time::Duration;

use allocation_counter::{AllocationInfo, measure};
#[cfg(not(feature = "reference"))]
use async_traits as kata;
#[cfg(feature = "reference")]
use async_traits_solution as kata;
use kata::{DynSource, Source};
use world::kit::{first_call, joined, ms};
use world::{Api, World, assert_timeline, within};

/// The tests' own service: data `id` (`"Data 1"`), from `Api::fetch_data`,
/// 1 s. It implements `Source` and nothing else, so what the kata writes
/// for "any `Source`" must serve a type it has never seen.
struct Data {
    api: Api,
}

impl Source for Data {
    async fn fetch(&self, id: u32) -> String {
        self.api.fetch_data(id).await
    }
}

/// Spawns `spawn_all` from a caller that knows the service only as some
/// `S: Source`, as generic code does: what `tokio::spawn` asks of the future
/// (`Send + 'static`) is asked at compile time for every `Source`, not for
/// one known service, whose future the compiler sees through (an `async fn`
/// of `Users` is `Send` whatever the trait says). So the trait itself must
/// promise `Send`: with `Source` as the stub declares it, a `spawn_all` that
/// holds a call's future across an `.await` does not compile here.
fn spawn_for_any_source<S>(source: Arc<S>, ids: Vec<u32>) -> tokio::task::JoinHandle<Vec<String>>
where
    S: Source + Send + Sync + 'static,
{
    tokio::spawn(kata::spawn_all(source, ids))
}

/// When each call on `rows` started, in that order (one never called
/// fails).
fn starts(world: &World, rows: &[&str]) -> Vec<Duration> {
    rows.iter()
        .map(|row| first_call(world, row).start)
        .collect()
}

/// Checks that every call on `rows` started at 0 ms: asked at once, not
/// one after another.
fn all_start_at_once(world: &World, rows: &[&str], what: &str) {
    let starts = starts(world, rows);
    let late: Vec<String> = rows
        .iter()
        .zip(&starts)
        .filter(|(_, start)| !start.is_zero())
        .map(|(row, start)| format!("{row} {} ms", start.as_millis()))
        .collect();
    assert!(
        late.is_empty(),
        "{}",
        world::say!(
            en: "{what} asks for every answer at once: every call starts at 0 ms, but these \
                 started later: {}. Start every call (build every future, or spawn every task) \
                 before you await any: not one after another, nor a few at a time",
            ko: "`{what}`: 모든 응답을 한꺼번에 요청해야 하므로 모든 호출이 0 ms에 시작해야 하는데, \
                 다음 호출이 늦게 시작했습니다: {}. 어느 것이든 await하기 전에 모든 호출을 \
                 시작하십시오(future를 모두 만들거나 태스크를 모두 spawn하십시오). 하나씩 차례로 \
                 await해도, 몇 개씩 나누어 실행해도 안 됩니다",
            late.join(", ")
        )
    );
}

/// Checks `answers` against `expected`; when they hold the same answers in
/// another order, says that the order is the one the calls finished in.
fn assert_answers(answers: &[String], expected: &[&str], what: &str, order: &str) {
    if answers == expected {
        return;
    }
    let mut sorted = answers.to_vec();
    sorted.sort();
    let mut wanted: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
    wanted.sort();
    assert!(
        sorted != wanted,
        "{}",
        world::say!(
            en: "{what} answers in the order asked ({order}), not in the order the calls finish: \
                 expected {expected:?}, got {answers:?}. Keep each answer in its place (join_all \
                 does; FuturesUnordered and JoinSet hand them back as they finish)",
            ko: "`{what}`: 호출이 끝난 순서가 아니라 요청한 순서({order})대로 답해야 합니다. 기대한 값은 \
                 {expected:?}인데, 받은 값은 {answers:?}입니다. 응답을 제자리에 두십시오(`join_all`은 \
                 그렇게 합니다. `FuturesUnordered`와 `JoinSet`은 끝나는 대로 돌려줍니다)",
        )
    );
    panic!(
        "{}",
        world::say!(
            en: "{what}: expected {expected:?}, got {answers:?}. Users::fetch answers user id's \
                 name (fetch_user), Posts::fetch post id's title (fetch_post), and each source is \
                 asked for the id given",
            ko: "`{what}`: 기대한 값은 {expected:?}인데, 받은 값은 {answers:?}입니다. `Users::fetch`는 \
                 사용자 id의 이름(`fetch_user`)을, `Posts::fetch`는 게시글 id의 제목(`fetch_post`)을 \
                 답하고, 각 서비스에는 주어진 id로 요청합니다",
        )
    );
}

/// What a call allocates from the moment it is made to its answer,
/// counted on each poll, as kata 14's tests count: the call itself (the box,
/// for a `dyn` call), and what the service allocates to answer it.
async fn run_counted<F: Future>(make: impl FnOnce() -> F) -> AllocationInfo {
    let mut info = AllocationInfo::default();
    let mut made = None;
    info += measure(|| made = Some(make()));
    let Some(call) = made else {
        unreachable!("measure runs its closure")
    };
    let mut call = pin!(call);
    let mut answer = None;
    poll_fn(|cx| {
        let mut poll = Poll::Pending;
        info += measure(|| poll = call.as_mut().poll(cx));
        poll.map(|output| answer = Some(output))
    })
    .await;
    drop(answer);
    info
}

/// What `$call` allocates, on a service that `$make` builds on a world of
/// its own: a fresh one for each call, so that what the world allocates to
/// record a call is the same every time, and started before the test's
/// world, so that the test's timeline does not show these calls.
macro_rules! cost {
    ($make:expr, |$source:ident| $call:expr) => {{
        let probe = World::start();
        let api = Api::new(&probe);
        let $source = ($make)(&api);
        within(10, run_counted(|| $call)).await
    }};
}

/// Checks that a generic call, run to its answer, allocates what the API's
/// call alone allocates (what the world allocates to record it), and nothing
/// more: static dispatch needs no box.
fn assert_no_box(generic: AllocationInfo, api_alone: AllocationInfo, call: &str, api_call: &str) {
    let more = generic.count_total as i64 - api_alone.count_total as i64;
    let bytes = generic.bytes_total as i64 - api_alone.bytes_total as i64;
    assert!(
        more <= 0,
        "{}",
        world::say!(
            en: "a generic call costs no allocation of its own: its future is a plain value, and \
                 the API's future inside it is awaited in place. But {call}, run to its answer, \
                 made {more} allocation(s) more ({bytes} bytes more) than the API's {api_call} \
                 alone: a box in the generic path (Box::pin inside the impl, as async-trait \
                 writes), or a copy of the answer. Await the API's future as it is; box only in \
                 DynSource, where dyn needs it",
            ko: "제네릭 호출에는 자기 할당이 없습니다: 그 future는 평범한 값이고, 그 안의 API future는 \
                 그 자리에서 await됩니다. 그런데 `{call}` 호출을 응답까지 실행하자 API의 `{api_call}` \
                 호출만 할 때보다 할당이 {more}번 더 있었습니다({bytes} 바이트 더). 제네릭 경로에 \
                 box가 있거나(`async-trait`이 쓰듯 impl 안의 `Box::pin`) 응답을 복사했을 것입니다. API의 \
                 future는 그대로 await하고, box는 dyn에 필요한 곳, `DynSource`에서만 쓰십시오",
        )
    );
}

/// Checks that a call through `DynSource` allocates exactly once more than
/// the same service's generic call: the box.
fn assert_one_box(through_dyn: AllocationInfo, generic: AllocationInfo, call: &str) {
    let more = through_dyn.count_total as i64 - generic.count_total as i64;
    let bytes = through_dyn.bytes_total as i64 - generic.bytes_total as i64;
    assert!(
        more > 0,
        "{}",
        world::say!(
            en: "{call} allocated no more than the generic call ({} allocations): a future \
                 returned behind dyn must be boxed (Box::pin), one allocation per call",
            ko: "`{call}`: 제네릭 호출보다 더 할당하지 않았습니다(할당 {}번). dyn 뒤로 돌려주는 \
                 future는 `Box::pin`으로 box에 담아야 하므로, 호출마다 할당이 한 번 더 있어야 \
                 합니다",
            generic.count_total
        )
    );
    assert_eq!(
        more,
        1,
        "{}",
        world::say!(
            en: "a call through dyn costs one allocation more than the generic call, the box of \
                 the future, but {call} made {more} more ({bytes} bytes more): a box around \
                 another box, a copy of the answer, or anything else allocated per call is one \
                 more. Box the service's own future, once, and hand on its answer as it is",
            ko: "dyn을 거친 호출은 제네릭 호출보다 할당이 한 번 더 듭니다: future를 담은 box입니다. \
                 그런데 `{call}` 호출은 할당이 {more}번 더 있었습니다({bytes} 바이트 더). box를 또 box에 \
                 담거나, 응답을 복사하거나, 호출마다 무엇이든 더 할당하면 한 번씩 더 듭니다. \
                 서비스 자신의 future를 한 번만 box에 담고, 그 응답은 그대로 넘기십시오",
        )
    );
}

/// Checks that the calls on `rows` ran in the caller's task (here the
/// test's own body, which is in none), not in tasks spawned for them.
fn not_spawned(world: &World, rows: &[&str], call: &str) {
    let spawned: Vec<&str> = rows
        .iter()
        .copied()
        .filter(|row| {
            world
                .trace()
                .spans_of(row)
                .iter()
                .any(|span| span.task.is_some())
        })
        .collect();
    assert!(
        spawned.is_empty(),
        "{}",
        world::say!(
            en: "a call through dyn is a future that its caller awaits, not a task, but {} ran in \
                 a task of its own: {call} spawned it. The box is the only cost dyn needs",
            ko: "dyn을 거친 호출은 호출자가 await하는 future이지 태스크가 아닌데, `{}` 행의 호출이 \
                 자기 태스크에서 실행되었습니다: `{call}` 메서드가 spawn했습니다. dyn에 필요한 비용은 \
                 box뿐입니다",
            spawned.join(", ")
        )
    );
}

#[world::step]
async fn step1_generic() {
    let world = World::start();
    // Uneven: user 2 answers first, so the order the calls finish in is
    // not the order of the ids.
    let api = Api::new(&world).with_latency("fetch_user(2)", ms(100));
    let users = kata::Users::new(&api);
    let posts = kata::Posts::new(&api);

    let (names, titles) = within(10, async {
        tokio::join!(
            kata::fetch_all(&users, &[1, 2, 3]),
            kata::fetch_all(&posts, &[1, 2])
        )
    })
    .await;

    assert_answers(
        &names,
        &["User1", "User2", "User3"],
        "fetch_all(&users, &[1, 2, 3])",
        &world::say!(
            en: "1, 2, 3; user 2 is done first, at 100 ms",
            ko: "1, 2, 3. `fetch_user(2)` 호출이 100 ms에 가장 먼저 끝납니다",
        ),
    );
    assert_answers(
        &titles,
        &["Post1", "Post2"],
        "fetch_all(&posts, &[1, 2])",
        "1, 2",
    );
    all_start_at_once(
        &world,
        &["fetch_user(1)", "fetch_user(2)", "fetch_user(3)"],
        "fetch_all",
    );
    all_start_at_once(&world, &["fetch_post(1)", "fetch_post(2)"], "fetch_all");
    assert_timeline!("step1_generic", world);
    drop(world);

    // Six ids: every one asked at once. With three, a fetch_all that runs a
    // few at a time (`buffered(3)`) draws the same as one that runs all.
    let world = World::start();
    world.compared_with("step1_six_ids");
    let users = kata::Users::new(&Api::new(&world));
    let names = within(10, kata::fetch_all(&users, &[1, 2, 3, 4, 5, 6])).await;
    assert_answers(
        &names,
        &["User1", "User2", "User3", "User4", "User5", "User6"],
        "fetch_all(&users, &[1, 2, 3, 4, 5, 6])",
        "1 to 6",
    );
    let rows: Vec<String> = (1..=6).map(|id| format!("fetch_user({id})")).collect();
    let rows: Vec<&str> = rows.iter().map(String::as_str).collect();
    all_start_at_once(&world, &rows, "fetch_all");
    assert_timeline!("step1_six_ids", world);
}

#[world::step]
async fn step2_dyn() {
    // What one call costs, generic and through dyn, each run to its answer
    // on a world of its own, before the test's world starts. The first run
    // only warms the runtime up (a first timer, a first span), so that the
    // runs compared allocate alike.
    let users = |api: &Api| kata::Users::new(api);
    let posts = |api: &Api| kata::Posts::new(api);
    cost!(users, |source| Source::fetch(&source, 1));
    let made = {
        let probe = World::start();
        let source = users(&Api::new(&probe));
        measure(|| drop(Source::fetch(&source, 1)))
    };
    let generic = [
        cost!(users, |source| Source::fetch(&source, 1)),
        cost!(posts, |source| Source::fetch(&source, 1)),
    ];
    // The service's own work, with no trait around it: the API's call alone.
    let api_only = |api: &Api| api.clone();
    let api_alone = [
        cost!(api_only, |api| api.fetch_user(1)),
        cost!(api_only, |api| api.fetch_post(1)),
    ];
    let through_dyn = [
        cost!(users, |source| DynSource::fetch_boxed(&source, 1)),
        cost!(posts, |source| DynSource::fetch_boxed(&source, 1)),
    ];

    let world = World::start();
    let api = Api::new(&world);
    let users = kata::Users::new(&api);
    let posts = kata::Posts::new(&api);
    let answers = within(10, kata::fetch_from_each(&[&users, &posts], 1)).await;

    assert_eq!(
        made.count_total,
        0,
        "{}",
        world::say!(
            en: "a generic call allocates nothing: its future is a value of a type the compiler \
                 knows, on the caller's stack; but calling Source::fetch on Users made {} \
                 allocations ({} bytes). Box only where dyn needs it, in DynSource",
            ko: "제네릭 호출은 아무것도 할당하지 않습니다: 그 future는 컴파일러가 아는 타입의 값으로, \
                 호출자의 스택에 있습니다. 그런데 `Users`의 `Source::fetch`를 호출하자 할당이 {}번 \
                 있었습니다({} 바이트). box는 dyn에 필요한 곳, `DynSource`에서만 쓰십시오",
            made.count_total,
            made.bytes_total
        )
    );
    assert_no_box(
        generic[0],
        api_alone[0],
        "Source::fetch on Users",
        "fetch_user(1)",
    );
    assert_no_box(
        generic[1],
        api_alone[1],
        "Source::fetch on Posts",
        "fetch_post(1)",
    );
    not_spawned(&world, &["fetch_user(1)", "fetch_post(1)"], "fetch_boxed");
    assert_one_box(
        through_dyn[0],
        generic[0],
        "DynSource::fetch_boxed on Users",
    );
    assert_one_box(
        through_dyn[1],
        generic[1],
        "DynSource::fetch_boxed on Posts",
    );
    assert_answers(
        &answers,
        &["User1", "Post1"],
        "fetch_from_each(&[&users, &posts], 1)",
        &world::say!(
            en: "users, then posts; the post is done first, at 300 ms",
            ko: "`users`, 그다음 `posts`. 게시글이 300 ms에 먼저 끝납니다",
        ),
    );
    all_start_at_once(
        &world,
        &["fetch_user(1)", "fetch_post(1)"],
        "fetch_from_each",
    );
    assert_timeline!("step2_dyn", world);
}

#[world::step]
async fn step3_spawn() {
    let world = World::start();
    // Uneven: user 1 is done last, so the order the tasks finish in is
    // not the order of the ids.
    let api = Api::new(&world).with_latency("fetch_user(1)", ms(700));
    let users = Arc::new(kata::Users::new(&api));
    let data = Arc::new(Data { api: api.clone() });

    let (names, datas) = within(10, async {
        let (names, datas) = tokio::join!(
            spawn_for_any_source(users, vec![3, 1, 2]),
            spawn_for_any_source(data, vec![4])
        );
        (joined(names), joined(datas))
    })
    .await;

    assert_answers(
        &names,
        &["User3", "User1", "User2"],
        "spawn_all(users, vec![3, 1, 2])",
        &world::say!(
            en: "3, 1, 2; user 1 is done last, at 700 ms: await the handles in the order you \
                 spawned them",
            ko: "3, 1, 2. `fetch_user(1)` 호출이 700 ms에 마지막으로 끝납니다: 핸들은 spawn한 순서대로 \
                 await하십시오",
        ),
    );
    assert_answers(&datas, &["Data 4"], "spawn_all(data, vec![4])", "4");
    let rows = ["fetch_user(3)", "fetch_user(1)", "fetch_user(2)"];
    all_start_at_once(&world, &rows, "spawn_all");
    let tasks: Vec<_> = rows
        .iter()
        .map(|row| world.trace().spans_of(row)[0].task)
        .collect();
    assert!(
        tasks.iter().all(Option::is_some),
        "{}",
        world::say!(
            en: "spawn_all runs each call in a tokio task, but a call ran outside any task (on a \
                 blocking thread, or polled by a block_on): tokio::spawn each call",
            ko: "`spawn_all`은 호출마다 tokio 태스크에서 실행해야 하는데, 어떤 호출이 태스크 밖에서 \
                 실행되었습니다(블로킹 풀의 스레드에서, 또는 `block_on`이 poll했습니다): 호출마다 \
                 `tokio::spawn`하십시오",
        )
    );
    let distinct: HashSet<_> = tasks.iter().collect();
    assert_eq!(
        distinct.len(),
        3,
        "{}",
        world::say!(
            en: "spawn_all runs each call in a task of its own (tokio::spawn), but the three calls \
                 ran in {} task(s): joined in one task, they run concurrently but never on another \
                 thread",
            ko: "`spawn_all`은 호출마다 자기 태스크에서 실행해야 하는데(`tokio::spawn`), 세 호출이 \
                 태스크 {}개에서 실행되었습니다: 한 태스크에서 join하면 동시에 실행되지만 다른 \
                 스레드로는 결코 가지 못합니다",
            distinct.len()
        )
    );
    assert_timeline!("step3_spawn", world);
}

#[world::step]
async fn step4_boxed_once() {
    // As in step 2: each call run to its answer on a world of its own,
    // generic and through `Boxed`, after one run that warms the runtime up.
    let users = |api: &Api| kata::Boxed(kata::Users::new(api));
    let posts = |api: &Api| kata::Boxed(kata::Posts::new(api));
    let data = |api: &Api| kata::Boxed(Data { api: api.clone() });
    cost!(users, |source| Source::fetch(&source.0, 2));
    let generic = [
        cost!(users, |source| Source::fetch(&source.0, 2)),
        cost!(posts, |source| Source::fetch(&source.0, 2)),
        cost!(data, |source| Source::fetch(&source.0, 2)),
    ];
    let through_dyn = [
        cost!(users, |source| source.fetch_boxed(2)),
        cost!(posts, |source| source.fetch_boxed(2)),
        cost!(data, |source| source.fetch_boxed(2)),
    ];

    let world = World::start();
    let api = Api::new(&world);
    let users = kata::Boxed(kata::Users::new(&api));
    let posts = kata::Boxed(kata::Posts::new(&api));
    let data = kata::Boxed(Data { api: api.clone() });
    let answers = within(10, kata::fetch_from_each(&[&users, &posts, &data], 2)).await;

    not_spawned(
        &world,
        &["fetch_user(2)", "fetch_post(2)", "fetch_data(2)"],
        "Boxed::fetch_boxed",
    );
    assert_one_box(through_dyn[0], generic[0], "Boxed(users).fetch_boxed");
    assert_one_box(through_dyn[1], generic[1], "Boxed(posts).fetch_boxed");
    assert_one_box(through_dyn[2], generic[2], "Boxed(data).fetch_boxed");
    assert_answers(
        &answers,
        &["User2", "Post2", "Data 2"],
        "fetch_from_each(&[&Boxed(users), &Boxed(posts), &Boxed(data)], 2)",
        "users, posts, data",
    );
    all_start_at_once(
        &world,
        &["fetch_user(2)", "fetch_post(2)", "fetch_data(2)"],
        "fetch_from_each",
    );
    assert_timeline!("step4_boxed_once", world);
}
