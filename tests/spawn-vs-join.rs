//! Kata 03, spawn vs join: one test per step of the README.
//!
//! Compiled twice, against the kata and against its reference solution, so
//! both are judged by the same tests and the same snapshots.

use std::time::Duration;

#[cfg(not(feature = "reference"))]
use spawn_vs_join as kata;
#[cfg(feature = "reference")]
use spawn_vs_join_solution as kata;
use world::kit::{first_call, ms};
use world::{Api, World, assert_timeline, within};

/// When the first call on `row` started (one never called fails).
fn started(world: &World, row: &str) -> Duration {
    first_call(world, row).start
}

/// The tokio task the first call on `row` ran in: `None` when it ran in no
/// task of its own, polled by the test's body (directly, or through a
/// `join!` or `join_all` there), which is not a task.
fn task_of(world: &World, row: &str) -> Option<tokio::task::Id> {
    first_call(world, row).task
}

#[world::step]
async fn step1_one_after_another() {
    let world = World::start();
    let api = Api::new(&world);

    let (user, post) = within(10, kata::one_after_another(&api)).await;

    assert_eq!(
        (user.name.as_str(), post.title.as_str()),
        ("User1", "Post1")
    );
    let (user_at, post_at) = (
        started(&world, "fetch_user(1)"),
        started(&world, "fetch_post(1)"),
    );
    assert!(
        user_at <= post_at,
        "{}",
        world::say!(
            en: "the user first, then the post: yours fetched the post first (fetch_post(1) \
                 started at {post} ms, fetch_user(1) at {user} ms)",
            ko: "사용자를 먼저, 그다음 게시글을 가져옵니다: 여러분의 코드는 게시글을 먼저 \
                 가져왔습니다(`fetch_post(1)`은 {post} ms에, `fetch_user(1)`은 {user} ms에 \
                 시작했습니다)",
            post = post_at.as_millis(),
            user = user_at.as_millis(),
        )
    );
    assert_eq!(
        post_at,
        ms(500),
        "{}",
        world::say!(
            en: "one after the other: fetch_post(1) starts when fetch_user(1) is done, at 500 ms",
            ko: "차례로 실행하면 `fetch_post(1)`은 `fetch_user(1)`이 끝나는 500 ms에 시작합니다",
        )
    );
    assert_eq!(
        world.trace().finished_at(),
        ms(800),
        "{}",
        world::say!(
            en: "sequential awaits take the sum of the calls: 500 + 300 = 800 ms",
            ko: "차례로 await하면 호출 시간의 합만큼 걸립니다: 500 + 300 = 800 ms",
        )
    );
    assert_timeline!("step1_one_after_another", world);
}

#[world::step]
async fn step2_gather() {
    let world = World::start();
    let api = Api::new(&world);

    let (user, post) = within(10, kata::gather(&api)).await;

    assert_eq!(
        (user.name.as_str(), post.title.as_str()),
        ("User1", "Post1")
    );
    assert_eq!(
        (
            started(&world, "fetch_user(1)"),
            started(&world, "fetch_post(1)")
        ),
        (ms(0), ms(0)),
        "{}",
        world::say!(
            en: "gathered calls run concurrently: both start at 0 ms",
            ko: "gather한 호출은 동시에 실행됩니다: 둘 다 0 ms에 시작합니다",
        )
    );
    assert_eq!(
        world.trace().finished_at(),
        ms(500),
        "{}",
        world::say!(
            en: "gathered calls take as long as the slowest (500 ms), not the sum (800 ms)",
            ko: "gather한 호출은 합(800 ms)이 아니라 가장 느린 호출만큼(500 ms) 걸립니다",
        )
    );
    assert_timeline!("step2_gather", world);
}

#[world::step]
async fn step3_plain_future_waits() {
    let world = World::start();
    let api = Api::new(&world);

    let (user, data) = within(10, kata::plain_future_waits(&api)).await;

    assert_eq!((user.name.as_str(), data.as_str()), ("User1", "Data 1"));
    let user_start = started(&world, "fetch_user(1)");
    assert!(
        user_start == ms(0),
        "{}",
        world::say!(
            en: "fetch_user(1) started at {user_start:?}, after fetch_data(1): the data was awaited \
                 before the user was fetched. The order of the awaits is the step: create the data \
                 future, await the user, then await the data",
            ko: "`fetch_user(1)`이 `fetch_data(1)`보다 늦은 {user_start:?}에 시작했습니다: \
                 사용자를 가져오기 전에 데이터를 await했습니다. 이 단계의 핵심은 await의 \
                 순서입니다: 데이터 future를 만들고, 사용자를 await한 다음, 데이터를 \
                 await하십시오",
        )
    );
    assert_eq!(
        started(&world, "fetch_data(1)"),
        ms(500),
        "{}",
        world::say!(
            en: "a future is lazy: fetch_data(1) does not start when created, only when \
                 first awaited, after the user (500 ms)",
            ko: "future는 lazy합니다: `fetch_data(1)`은 만들 때가 아니라 처음 await될 때, 즉 \
                 사용자 다음(500 ms)에 시작합니다",
        )
    );
    assert_eq!(
        world.trace().finished_at(),
        ms(1500),
        "{}",
        world::say!(
            en: "an unspawned future waits its turn: 500 ms for the user, then 1000 ms of data",
            ko: "spawn하지 않은 future는 차례를 기다립니다: 사용자 호출에 500 ms, 그다음 \
                 데이터에 1000 ms",
        )
    );
    assert_timeline!("step3_plain_future_waits", world);
}

#[world::step]
async fn step4_spawned_task_runs() {
    let world = World::start();
    let api = Api::new(&world);

    let (user, data) = within(10, kata::spawned_task_runs(&api)).await;

    assert_eq!((user.name.as_str(), data.as_str()), ("User1", "Data 1"));
    assert_eq!(
        started(&world, "fetch_data(1)"),
        ms(0),
        "{}",
        world::say!(
            en: "a spawned task runs without being awaited: spawned before the user is fetched, it \
                 starts at 0 ms (on this current-thread runtime, when the caller yields at the user \
                 fetch's .await), even though its handle is awaited last. Spawn it first",
            ko: "spawn한 태스크는 await하지 않아도 실행됩니다: 사용자를 가져오기 전에 spawn하면, \
                 핸들은 마지막에 await하더라도 태스크는 0 ms에 시작합니다(이 싱글 스레드 \
                 런타임에서는 호출자가 사용자 호출의 `.await`에서 양보할 때). 먼저 \
                 spawn하십시오",
        )
    );
    assert_eq!(
        world.trace().finished_at(),
        ms(1000),
        "{}",
        world::say!(
            en: "the task ran while the user was fetched: all done at 1000 ms, not 1500 ms",
            ko: "사용자를 가져오는 동안 태스크가 실행되었습니다: 1500 ms가 아니라 1000 ms에 모두 \
                 끝납니다",
        )
    );
    // The same timeline comes from `join!(fetch_user, fetch_data)`: what
    // makes it a spawn is the task, so ask the trace where the call ran.
    let data_task = task_of(&world, "fetch_data(1)");
    assert!(
        data_task.is_some(),
        "{}",
        world::say!(
            en: "a spawned task is a task of its own, but fetch_data(1) ran in none: your function \
                 polled it itself (as join! does), so it makes progress only while your function is \
                 awaited. tokio::spawn hands it to the runtime",
            ko: "spawn한 태스크는 별도의 태스크인데, `fetch_data(1)`은 어떤 태스크에서도 실행되지 \
                 않았습니다: 여러분의 함수가 직접 poll했으므로(`join!`처럼) 그 함수가 await되는 \
                 동안에만 진행됩니다. `tokio::spawn`은 그 호출을 런타임에 넘깁니다",
        )
    );
    assert_ne!(
        data_task,
        task_of(&world, "fetch_user(1)"),
        "{}",
        world::say!(
            en: "a spawned task is a task of its own, but fetch_data(1) ran in the same task as \
                 fetch_user(1): spawn the data fetch by itself",
            ko: "spawn한 태스크는 별도의 태스크인데, `fetch_data(1)`이 `fetch_user(1)`과 같은 \
                 태스크에서 실행되었습니다: 데이터 호출만 따로 spawn하십시오",
        )
    );
    assert_timeline!("step4_spawned_task_runs", world);
}

/// Step 5's latencies of `fetch_data(1)`, `(2)` and `(3)`, in ms. The
/// README's finish in the reverse of their ids (3, 2, then 1); the mixed
/// ones in another order (3, 1, then 2), so that no fixed reading of the
/// order they finish in (reversing it, say) passes both.
const README_LATENCIES: [u64; 3] = [1000, 600, 300];
const MIXED_LATENCIES: [u64; 3] = [600, 1000, 300];

const DATA_ROWS: [&str; 3] = ["fetch_data(1)", "fetch_data(2)", "fetch_data(3)"];

#[world::step]
async fn step5_spawn_three_gather_two() {
    {
        let world = spawn_three_gather_two(README_LATENCIES, "step5_spawn_three_gather_two").await;
        assert_timeline!("step5_spawn_three_gather_two", world);
    }
    let world = spawn_three_gather_two(MIXED_LATENCIES, "step5_mixed_latencies").await;
    assert_timeline!("step5_mixed_latencies", world);
}

/// Step 5 with `fetch_data(1..=3)` taking `latencies`: the results, in the
/// order of the ids; every task spawned up front, in a task of its own,
/// making its call once; all done when the longest is. A failure shows the
/// timeline against `snapshot`; the world is returned for its own.
async fn spawn_three_gather_two(latencies: [u64; 3], snapshot: &str) -> World {
    let world = World::start();
    world.compared_with(snapshot);
    let api = DATA_ROWS
        .iter()
        .zip(latencies)
        .fold(Api::new(&world), |api, (row, millis)| {
            api.with_latency(row, ms(millis))
        });

    let (first_two, third) = within(10, kata::spawn_three_gather_two(&api)).await;

    check_results(&first_two, &third, latencies);
    for (n, row) in (1..).zip(DATA_ROWS) {
        let start = started(&world, row).as_millis();
        assert_eq!(
            start,
            0,
            "{}",
            world::say!(
                en: "all three tasks are spawned up front: task {n} starts at 0 ms, not at {start} \
                     ms. A spawn that comes late starts its task late: one after an .await, or \
                     one inside an async block, which runs only when the block is first polled \
                     (a future is lazy)",
                ko: "세 태스크를 모두 미리 spawn합니다: 태스크 {n}의 시작은 {start} ms가 아니라 \
                     0 ms여야 합니다. spawn이 늦으면 태스크도 늦게 시작합니다: `.await` 뒤의 spawn도, \
                     `async` 블록 안의 spawn도 그렇습니다. `async` 블록은 처음 poll될 때에야 \
                     실행됩니다(future는 lazy합니다)",
            )
        );
    }
    for row in DATA_ROWS {
        let calls = world.trace().spans_of(row).len();
        assert_eq!(
            calls,
            1,
            "{}",
            world::say!(
                en: "{row} was called {calls} times: each task makes its call once, and its \
                     result comes from its handle, not from another call (a dropped JoinHandle \
                     detaches its task, which runs on)",
                ko: "`{row}` 호출이 {calls}번 있었습니다: 태스크마다 호출은 한 번이고, 결과는 다시 \
                     호출해서가 아니라 그 태스크의 핸들에서 받습니다(`JoinHandle`을 drop하면 태스크가 \
                     분리되어 계속 실행됩니다)",
            )
        );
    }
    let [one, two, three] = latencies;
    let longest = one.max(two).max(three);
    assert_eq!(
        world.trace().finished_at(),
        ms(longest),
        "{}",
        world::say!(
            en: "three tasks of {one}, {two} and {three} ms running concurrently are all done \
                 at {longest} ms, when the longest is: the order in which their handles are \
                 awaited changes nothing",
            ko: "동시에 실행되는 {one}, {two}, {three} ms짜리 태스크 셋은 가장 긴 태스크가 끝나는 \
                 {longest} ms에 모두 끝납니다: 핸들을 어떤 순서로 await하든 달라지는 것은 \
                 없습니다",
        )
    );
    let tasks = DATA_ROWS.map(|row| task_of(&world, row));
    for (row, task) in DATA_ROWS.iter().zip(&tasks) {
        assert!(
            task.is_some(),
            "{}",
            world::say!(
                en: "each fetch_data(i) runs in a task of its own, spawned up front, but {row} ran in \
                     none: your function polled it itself (as join! does) instead of spawning it",
                ko: "각 `fetch_data(i)`는 미리 spawn한 자기 태스크에서 실행되어야 하는데, `{row}` \
                     호출은 어떤 태스크에서도 실행되지 않았습니다: 여러분의 함수가 spawn하지 않고 \
                     직접 poll했습니다(`join!`처럼)",
            )
        );
    }
    for (i, j) in [(0, 1), (0, 2), (1, 2)] {
        assert_ne!(
            tasks[i],
            tasks[j],
            "{}",
            world::say!(
                en: "each fetch_data(i) runs in a task of its own, but {} and {} ran in one task: \
                     one tokio::spawn per call",
                ko: "각 `fetch_data(i)`는 자기 태스크에서 실행되어야 하는데, `{}`, `{}` 두 호출이 \
                     한 태스크에서 실행되었습니다: 호출마다 `tokio::spawn`을 하나씩 하십시오",
                DATA_ROWS[i], DATA_ROWS[j],
            )
        );
    }
    world
}

/// Step 5's results, whatever the calls took: tasks 1 and 2 in the order
/// of their ids, then task 3. A wrong order is named by what it follows.
fn check_results(first_two: &[String], third: &str, latencies: [u64; 3]) {
    let [one, two, three] = latencies;
    if first_two != ["Data 1", "Data 2"] {
        let cause = if first_two == ["Data 2", "Data 1"] && two < one {
            world::say!(
                en: "Data 2 came before Data 1: tasks 1 and 2 were read as they finished \
                     (fetch_data(2) takes {two} ms, fetch_data(1) {one} ms; a JoinSet's \
                     join_next, or any read as they finish, gives the faster first), or the two \
                     were swapped. The first two results are in the order of their ids: join! on \
                     task 1 and task 2 keeps the order of its arguments; a JoinSet needs each \
                     result tagged with its id and put back in order",
                ko: "Data 2가 Data 1보다 먼저 나왔습니다: 태스크 1과 2를 끝나는 대로 읽었거나\
                     (`fetch_data(2)`는 {two} ms, `fetch_data(1)`은 {one} ms입니다. `JoinSet`의 \
                     `join_next`도, 끝나는 대로 읽는 다른 방법도 빠른 쪽을 먼저 줍니다), 둘의 순서를 \
                     뒤바꿨습니다. 처음 두 결과는 id 순서대로여야 합니다: 태스크 1과 태스크 2를 \
                     기다리는 `join!`은 인자의 순서를 지킵니다. `JoinSet`이라면 결과마다 id를 붙여 \
                     두었다가 id 순서로 다시 놓아야 합니다",
            )
        } else if first_two == ["Data 2", "Data 1"] {
            world::say!(
                en: "with fetch_data(1) taking {one} ms and fetch_data(2) {two} ms, Data 2 came \
                     before Data 1: the order follows how the calls finished (reversing it, say, \
                     gives the ids only when they finish 3, 2, 1), or the two were swapped. The first two results are in the order of their ids, whatever the \
                     calls take: join! on task 1 and task 2 keeps the order of its arguments; a \
                     JoinSet needs each result tagged with its id and put back in order",
                ko: "`fetch_data(1)`이 {one} ms, `fetch_data(2)`가 {two} ms 걸리는데 Data 2가 \
                     Data 1보다 먼저 나왔습니다: 결과의 순서를 호출이 끝난 순서에서 정했거나(예를 들어 \
                     끝난 순서를 뒤집으면 호출이 3, 2, 1 순서로 끝날 때만 id 순서가 됩니다), 둘의 \
                     순서를 뒤바꿨습니다. \
                     처음 두 결과는 호출이 얼마나 걸리든 id 순서대로여야 합니다: 태스크 1과 태스크 \
                     2를 기다리는 `join!`은 인자의 순서를 지킵니다. `JoinSet`이라면 결과마다 id를 \
                     붙여 두었다가 id 순서로 다시 놓아야 합니다",
            )
        } else if first_two.iter().any(|data| data == "Data 3") {
            world::say!(
                en: "the first two results are the first two tasks to finish (fetch_data(1) \
                     takes {one} ms, fetch_data(2) {two} ms, fetch_data(3) {three} ms), not tasks \
                     1 and 2: gather the handles of tasks 1 and 2, in the order of their ids, and \
                     get task 3's result on its own",
                ko: "처음 두 결과가 태스크 1과 2가 아니라 먼저 끝난 두 태스크의 결과입니다 \
                     (`fetch_data(1)`은 {one} ms, `fetch_data(2)`는 {two} ms, `fetch_data(3)`은 \
                     {three} ms): 태스크 1과 2의 핸들을 id 순서대로 gather하고, 태스크 3의 결과는 \
                     따로 받으십시오",
            )
        } else {
            world::say!(
                en: "the first two results are those of tasks 1 and 2, in the order of their ids",
                ko: "처음 두 결과는 태스크 1과 2의 결과이고, id 순서대로입니다",
            )
        };
        panic!(
            "{}",
            world::say!(
                en: "{cause} (got {first_two:?} and {third:?}, expected [\"Data 1\", \"Data 2\"] \
                     and \"Data 3\")",
                ko: "{cause} (받은 값 {first_two:?}, {third:?}, 기대한 값 [\"Data 1\", \
                     \"Data 2\"], \"Data 3\")",
            )
        );
    }
    assert_eq!(
        third,
        "Data 3",
        "{}",
        world::say!(
            en: "the third result is task 3's",
            ko: "세 번째 결과는 태스크 3의 결과입니다",
        )
    );
}
