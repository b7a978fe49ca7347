//! Kata 21, local tasks: one test per step of the README.
//!
//! Compiled twice, against the kata and against its reference solution, so
//! both are judged by the same tests and the same snapshots.
//!
//! Steps 1 to 3 run on the paused clock, as every kata does. Step 4 starts
//! real threads, each with a runtime and a clock of its own, which the
//! test's paused clock cannot see: it is judged by outcomes only (what
//! each add answered, where it was served, what each shard held at the
//! end), never by time, and guarded against a hang in real time.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::rc::Rc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures::FutureExt as _;
#[cfg(not(feature = "reference"))]
use local_tasks as kata;
#[cfg(feature = "reference")]
use local_tasks_solution as kata;
use tokio::task::LocalSet;
use world::kit::{ms, tasks_of};
use world::place::Stage;
use world::trace::Ending;
use world::{Api, Flavor, Post, User, World, assert_timeline, within};

/// What `tokio::spawn` asks of a future, asked at compile time: it may
/// move to another worker thread between polls (`Send`), and it may
/// outlive its caller (`'static`).
fn assert_spawnable<F: Future + Send + 'static>(_: &F) {}

/// What sharing a handle between tasks on any runtime asks of it.
fn assert_shareable<T: Send + Sync>(_: &T) {}

/// The message of a panic payload, when it has one.
fn panic_text(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| payload.downcast_ref::<&str>().map(|s| (*s).to_owned()))
        .unwrap_or_default()
}

/// Whether a panic message is `RefCell`'s: a borrow asked while another,
/// incompatible one was alive.
fn is_borrow_panic(text: &str) -> bool {
    text.contains("already borrowed") || text.contains("already mutably borrowed")
}

/// Fails with the words for `spawn_local` called outside any `LocalSet`,
/// when that is what `text` says; any other panic goes on as it came.
fn explain_panic(payload: Box<dyn std::any::Any + Send>) -> ! {
    let text = panic_text(payload.as_ref());
    if text.contains("spawn_local") && text.contains("outside") {
        panic!(
            "{}",
            world::say!(
                en: "`spawn_local` panicked: it was called outside any `LocalSet` (tokio: \"{text}\"). \
                     Make a `LocalSet` and call it inside `local.run_until(..)`, or spawn with \
                     `local.spawn_local(..)`, the method, and then drive the set",
                ko: "`spawn_local`이 패닉했습니다: 어떤 `LocalSet`에도 속하지 않은 곳에서 \
                     호출했습니다(tokio: \"{text}\"). `LocalSet`을 만들고 `local.run_until(..)` \
                     안에서 호출하거나, 메서드인 `local.spawn_local(..)`로 spawn한 뒤 그 set을 \
                     구동하십시오",
            )
        );
    }
    if is_borrow_panic(&text) {
        panic!(
            "{}",
            world::say!(
                en: "a `RefCell` borrow panicked (\"{text}\"): a `borrow_mut()` was asked while \
                     another borrow of the cache was alive. Borrow in one statement, between two \
                     `.await`s, never across one",
                ko: "`RefCell`의 borrow가 패닉했습니다(\"{text}\"): 캐시의 다른 borrow가 살아 \
                     있는 동안 `borrow_mut()`을 요청했습니다. borrow는 두 `.await` 사이의 한 \
                     문장 안에서만 하고, `.await` 너머로 넘기지 마십시오",
            )
        );
    }
    std::panic::resume_unwind(payload)
}

/// A spawned task's output, as `world::kit::joined` gives it, except that a
/// task that panicked is explained first (a borrow held across an `.await`
/// is named, see `explain_panic`).
fn joined<T>(result: Result<T, tokio::task::JoinError>) -> T {
    match result {
        Err(error) if error.is_panic() => explain_panic(error.into_panic()),
        other => world::kit::joined(other),
    }
}

/// The first span on `row`, or a failure saying the call never ran.
fn first_span(world: &World, row: &str, why: &str) -> world::trace::SpanRecord {
    world
        .trace()
        .spans_of(row)
        .first()
        .cloned()
        .unwrap_or_else(|| {
            panic!(
                "{}",
                world::say!(
                    en: "`{row}` was never called: {why}",
                    ko: "`{row}` 호출이 한 번도 없었습니다: {why}",
                )
            )
        })
}

/// What counts as "at once" in the worded checks: the paused clock gives
/// exact times, a real one (`KATA_REAL_CLOCK`) a millisecond or two more;
/// every wrong answer these checks name is hundreds of milliseconds off.
const SLACK_MS: u128 = 5;

const WARM_ROWS: [&str; 3] = ["fetch_user(1)", "fetch_user(2)", "fetch_user(3)"];

/// Which of steps 1 and 3 is judged: the words differ (step 3 has no
/// `LocalSet`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Warm {
    /// Step 1: `spawn_local` on a `LocalSet`.
    Local,
    /// Step 3: `tokio::spawn`.
    Shared,
}

/// When the test counts the holders of the cache, while the post is
/// awaited: every warming task holds a clone of it once spawned.
const PROBE_MS: u64 = 100;

/// Steps 1 and 3 ask the same of the trace: the warming fetches all ran to
/// the end, each in a task of its own, all from 0 ms, beside the post's;
/// and the function returned at 500 ms, when the last of them was done.
/// `holders` is how many held the cache at [`PROBE_MS`], the test's own
/// included: more than one per warming task means the tasks were all
/// spawned by then, which tells the causes of a late or serial warm-up
/// apart.
fn assert_warmed(world: &World, returned_at: Duration, step: Warm, users: usize, holders: usize) {
    let spawn = match step {
        Warm::Local => "`spawn_local`",
        Warm::Shared => "`tokio::spawn`",
    };
    let all_spawned = holders > WARM_ROWS.len();
    let why = world::say!(
        en: "a warming task never ran (spawned where nobody polled it, or not spawned)",
        ko: "데우는 태스크가 한 번도 실행되지 않았습니다(아무도 poll하지 않는 곳에 spawn했거나, spawn하지 않았습니다)",
    );
    let spans: Vec<_> = WARM_ROWS
        .iter()
        .map(|row| first_span(world, row, &why))
        .collect();
    let post = first_span(
        world,
        "fetch_post(9)",
        &world::say!(en: "the post is fetched too", ko: "게시글도 가져와야 합니다"),
    );
    // A warming fetch cut off: the set (or the task) dropped before it ended.
    if let Some(cut) = spans.iter().find(|s| s.ending == Ending::Cancelled) {
        panic!(
            "{}",
            world::say!(
                en: "`{}` was dropped at {} ms, before its answer: the warming task was cancelled \
                     half-way. `run_until` returns when its own future does (here the post's, at \
                     300 ms); the set's tasks not done yet stay in the set, and are dropped with \
                     it. Await every task's `JoinHandle` inside `run_until` (or await the set) \
                     before returning",
                ko: "`{}` 호출이 답을 받기 전 {} ms에 drop됐습니다: 데우는 태스크가 도중에 \
                     취소됐습니다. `run_until`은 자기 future가 끝나면(여기서는 게시글, 300 ms) \
                     돌아옵니다. 아직 끝나지 않은 set의 태스크는 set에 남아 있다가 set과 함께 \
                     drop됩니다. 함수가 돌아오기 전에 `run_until` 안에서 모든 태스크의 `JoinHandle`을 \
                     await하십시오(또는 set을 await하십시오)",
                cut.actor,
                cut.end.unwrap_or_default().as_millis(),
            )
        );
    }
    let starts: Vec<u128> = spans.iter().map(|s| s.start.as_millis()).collect();
    let post_end = post.end.unwrap_or_default();
    let late = starts.iter().all(|&s| s >= SLACK_MS)
        && spans
            .iter()
            .all(|s| s.start + ms(SLACK_MS as u64) >= post_end);
    if late && !all_spawned {
        let where_ = match step {
            Warm::Local => world::say!(
                en: ", all inside `run_until`",
                ko: ". 모두 `run_until` 안에서 하십시오",
            ),
            Warm::Shared => String::new(),
        };
        panic!(
            "{}",
            world::say!(
                en: "the warming fetches started at {starts:?} ms, only once the post was in ({} \
                     ms): the post was awaited first, and the tasks spawned after it (at {PROBE_MS} \
                     ms, while the post was awaited, no warming task held the cache yet). A task \
                     runs beside what you await only if it is spawned before you await it: spawn \
                     every warming task first, then fetch the post{where_}",
                ko: "데우는 fetch가 {starts:?} ms에, 게시글이 도착한 뒤({} ms)에야 시작했습니다: \
                     게시글을 먼저 await하고 태스크는 그 뒤에 spawn했습니다({PROBE_MS} ms에, 게시글을 \
                     기다리는 동안 캐시를 가진 데우는 태스크가 아직 없었습니다). 태스크는 await하기 \
                     전에 spawn해야 그 await 곁에서 실행됩니다: 데우는 태스크를 모두 먼저 spawn하고, \
                     그다음 게시글을 가져오십시오{where_}",
                post_end.as_millis(),
            )
        );
    }
    if late && step == Warm::Shared {
        panic!(
            "{}",
            world::say!(
                en: "the warming fetches started at {starts:?} ms, only once the post was in ({} \
                     ms), though the tasks were spawned by then (at {PROBE_MS} ms they held the \
                     cache): nothing ran them while the post was awaited. A task spawned with \
                     `tokio::spawn` runs when the spawner yields, at the post's `.await`",
                ko: "태스크를 이미 spawn했는데도({PROBE_MS} ms에 캐시를 갖고 있었습니다) 데우는 \
                     fetch가 {starts:?} ms에, 게시글이 도착한 뒤({} ms)에야 시작했습니다: 게시글을 \
                     기다리는 동안 아무것도 그 태스크를 실행하지 않았습니다. `tokio::spawn`으로 \
                     spawn한 태스크는 spawn한 쪽이 양보할 때, 곧 게시글의 `.await`에서 실행됩니다",
                post_end.as_millis(),
            )
        );
    }
    if late {
        panic!(
            "{}",
            world::say!(
                en: "the warming fetches started at {starts:?} ms, only once the post was in ({} \
                     ms): the tasks were spawned, then the post awaited outside the set. Nothing \
                     spawned on a `LocalSet` runs until the set is driven (`run_until`, or \
                     awaiting the set): fetch the post inside `run_until`, beside the tasks",
                ko: "데우는 fetch가 {starts:?} ms에, 게시글이 도착한 뒤({} ms)에야 시작했습니다: \
                     태스크를 spawn한 뒤 set 밖에서 게시글을 await했습니다. `LocalSet`에 spawn한 \
                     것은 그 set을 구동할 때까지(`run_until`, 또는 set을 await) 실행되지 \
                     않습니다. 게시글은 태스크 곁에서, `run_until` 안에서 가져오십시오",
                post_end.as_millis(),
            )
        );
    }
    if starts.iter().any(|&s| s >= SLACK_MS) && all_spawned {
        panic!(
            "{}",
            world::say!(
                en: "the warming fetches started at {starts:?} ms, one after another, though all \
                     three tasks were spawned at once (at {PROBE_MS} ms each held its clone of the \
                     cache): something they share let one fetch run at a time. A lock held across \
                     the fetch's `.await` (an async `tokio::sync::Mutex`, whose guard may live \
                     across one) serialises the tasks: take no lock around the fetch, lock only to \
                     insert, in a statement of its own after it",
                ko: "데우는 태스크 셋을 한꺼번에 spawn했는데도({PROBE_MS} ms에 셋 모두 캐시의 \
                     clone을 갖고 있었습니다) fetch가 {starts:?} ms에 차례로 시작했습니다: 태스크들이 \
                     함께 쓰는 무언가가 한 번에 fetch 하나만 허락했습니다. fetch의 `.await` 너머로 \
                     잡은 락(가드를 `.await` 너머로 들고 있을 수 있는 비동기 \
                     `tokio::sync::Mutex`)은 태스크를 직렬화합니다: fetch를 락으로 감싸지 \
                     말고, fetch 뒤 한 문장 안에서 insert할 때만 락을 잡으십시오",
            )
        );
    }
    if starts.iter().any(|&s| s >= SLACK_MS) {
        panic!(
            "{}",
            world::say!(
                en: "the warming fetches started at {starts:?} ms, one after another: the tasks \
                     must run at once, each spawned before any is awaited, and all three start \
                     at 0 ms",
                ko: "데우는 fetch가 {starts:?} ms에 차례로 시작했습니다: 태스크는 동시에 실행되어야 \
                     합니다. 어느 것도 await하기 전에 모두 spawn하면 셋 다 0 ms에 시작합니다",
            )
        );
    }
    if post.start >= ms(SLACK_MS as u64) {
        panic!(
            "{}",
            world::say!(
                en: "the post was fetched at {} ms, after the warm-up: it is fetched while the \
                     warming tasks run, from 0 ms",
                ko: "게시글을 데우기가 끝난 뒤 {} ms에 가져왔습니다: 게시글은 데우는 태스크가 실행되는 \
                     동안, 0 ms부터 가져와야 합니다",
                post.start.as_millis(),
            )
        );
    }
    let tasks = tasks_of(world, &WARM_ROWS);
    // Joined where the post was fetched (the function's own body, in the
    // test's task or in none), or in a task of their own.
    let in_caller = spans.iter().all(|s| s.task == post.task);
    let how = if in_caller {
        world::say!(
            en: "Joined in the caller (`join_all`, `join!`), the fetches run at once too, but in \
                 no task of their own",
            ko: "호출자 안에서 fetch를 join하면(`join_all`, `join!`) 동시에 실행되기는 하지만, \
                 자기 태스크 없이 실행됩니다",
        )
    } else {
        world::say!(
            en: "Joined inside one task (`join_all`, `join!`), the fetches run at once too, but \
                 share that task: spawn one per id",
            ko: "태스크 하나 안에서 fetch를 join하면(`join_all`, `join!`) 동시에 실행되기는 \
                 하지만, 그 태스크 하나를 나눠 씁니다: id마다 하나씩 spawn하십시오",
        )
    };
    assert_eq!(
        tasks,
        3,
        "{}",
        world::say!(
            en: "a task per id, spawned with {spawn}: the three fetches ran in {tasks} task(s). \
                 {how}",
            ko: "id마다 {spawn} 함수로 태스크를 하나씩 spawn해야 합니다: 세 fetch가 태스크 {tasks}개에서 \
                 실행됐습니다. {how}",
        )
    );
    assert_eq!(
        users,
        3,
        "{}",
        world::say!(
            en: "the function returned at {} ms with {users} user(s) in the cache: it returns once \
                 every warming task is done, with all three",
            ko: "함수가 {} ms에 캐시에 사용자 {users}명을 두고 돌아왔습니다: 데우는 태스크가 모두 \
                 끝난 뒤에, 셋 다 넣은 채로 돌아와야 합니다",
            returned_at.as_millis(),
        )
    );
    assert_eq!(
        returned_at,
        ms(500),
        "{}",
        world::say!(
            en: "every fetch at once: the function returns at 500 ms, when the last user is in, \
                 not at {} ms",
            ko: "모든 fetch를 동시에 하면 함수는 마지막 사용자가 들어온 500 ms에 돌아옵니다. {} ms가 \
                 아닙니다",
            returned_at.as_millis(),
        )
    );
}

fn assert_post(world: &World, post: &Post) {
    let _ = world;
    assert_eq!(
        post.title,
        "Post9",
        "{}",
        world::say!(
            en: "the function returns the post it was asked to serve, post 9",
            ko: "함수는 가져오라고 한 게시글, 곧 게시글 9를 돌려줘야 합니다",
        )
    );
}

/// The ids a cache holds, in order.
fn cached_ids(cache: &HashMap<u32, User>) -> Vec<u32> {
    let mut ids: Vec<u32> = cache.keys().copied().collect();
    ids.sort_unstable();
    ids
}

#[world::step]
async fn step1_drive_the_set() {
    let world = World::start();
    let api = Api::new(&world);
    let cache: kata::Cache = Rc::new(RefCell::new(HashMap::new()));

    let call = kata::warm_and_serve(api.clone(), cache.clone(), vec![1, 2, 3], 9);
    // Beside the call, on the test's own task: how many hold the cache
    // while the post is awaited (each spawned warming task holds a clone).
    let probe = async {
        tokio::time::sleep(ms(PROBE_MS)).await;
        Rc::strong_count(&cache)
    };
    let call = async {
        let outcome = AssertUnwindSafe(call).catch_unwind().await;
        (outcome, world.now())
    };
    let ((outcome, returned_at), holders) = within(10, async { tokio::join!(call, probe) }).await;
    let post = match outcome {
        Ok(post) => post,
        Err(payload) => explain_panic(payload),
    };
    let users = cache.borrow().len();

    assert_warmed(&world, returned_at, Warm::Local, users, holders);
    assert_post(&world, &post);
    assert_eq!(
        cached_ids(&cache.borrow()),
        [1, 2, 3],
        "{}",
        world::say!(
            en: "the cache holds users 1, 2 and 3, each under its own id",
            ko: "캐시에는 사용자 1, 2, 3이 각자의 id로 들어 있어야 합니다",
        )
    );
    assert_timeline!("step1_drive_the_set", world);
}

/// One call of step 2's scenario: which id, asked when, and its row.
struct Ask {
    id: u32,
    at: u64,
}

impl Ask {
    fn row(&self) -> String {
        format!("ask {} @{}", self.id, self.at)
    }
}

#[world::step]
async fn step2_borrow_between_awaits() {
    let world = World::start();
    let api = Api::new(&world).with_latency("fetch_user(3)", ms(200));
    let cache: kata::Cache = Rc::new(RefCell::new(HashMap::new()));
    let asks = [
        Ask { id: 1, at: 0 },
        Ask { id: 2, at: 0 },
        Ask { id: 3, at: 0 },
        Ask { id: 1, at: 600 },
        Ask { id: 2, at: 600 },
        Ask { id: 3, at: 600 },
        Ask { id: 1, at: 700 },
    ];

    // The test's own local tasks, one per ask, each started at its time.
    let local = LocalSet::new();
    let outcomes = within(
        10,
        local.run_until(async {
            let start = tokio::time::Instant::now();
            let mut outcomes = Vec::new();
            let mut after_first = Vec::new();
            for round in [0, 600, 700] {
                tokio::time::sleep_until(start + ms(round)).await;
                let tasks: Vec<_> = asks
                    .iter()
                    .filter(|ask| ask.at == round)
                    .map(|ask| {
                        let (api, cache, world) = (api.clone(), cache.clone(), world.clone());
                        let (id, row) = (ask.id, ask.row());
                        tokio::task::spawn_local(async move {
                            world
                                .track(row, async { kata::cached_user(&api, &cache, id).await })
                                .await
                        })
                    })
                    .collect();
                for task in tasks {
                    outcomes.push(task.await);
                }
                if round == 0 {
                    // What the three calls at 0 ms left in the cache, once
                    // all three have answered: how a later fetch is told.
                    after_first = cache
                        .try_borrow()
                        .map_or_else(|_| Vec::new(), |map| cached_ids(&map));
                }
            }
            (outcomes, after_first)
        }),
    )
    .await;
    let (outcomes, after_first) = outcomes;

    // A borrow panic first: it is the lesson, and the reason the other
    // checks would fail.
    let mut users: Vec<User> = Vec::new();
    for (ask, outcome) in asks.iter().zip(outcomes) {
        match outcome {
            Ok(user) => users.push(user),
            Err(error) if error.is_panic() => {
                let text = panic_text(error.into_panic().as_ref());
                if is_borrow_panic(&text) {
                    let row = ask.row();
                    panic!(
                        "{}",
                        world::say!(
                            en: "`{row}` panicked: \"{text}\". A borrow of the cache was still alive \
                                 when this call asked for another: a `borrow_mut()` (or a `borrow()`) \
                                 held across the fetch's `.await` is still held when the next task \
                                 runs; a `match cache.borrow().get(&id)` keeps its guard to the end \
                                 of the whole `match`, the fetch and the insert included. One \
                                 thread means no data race, not no conflict: borrow in one \
                                 statement, between two `.await`s",
                            ko: "`{row}` 호출이 패닉했습니다: \"{text}\". 이 호출이 borrow를 요청할 때 \
                                 캐시의 다른 borrow가 아직 살아 있었습니다: fetch의 `.await` 너머로 \
                                 잡은 `borrow_mut()`(또는 `borrow()`)는 다음 태스크가 실행될 때도 \
                                 잡혀 있습니다. `match cache.borrow().get(&id)`는 fetch와 insert를 \
                                 포함한 `match` 전체가 끝날 때까지 가드를 붙듭니다. 스레드가 하나면 \
                                 데이터 경쟁은 없지만 충돌이 없는 것은 아닙니다: borrow는 두 \
                                 `.await` 사이의 한 문장 안에서 하십시오",
                        )
                    );
                }
                explain_panic(Box::new(text));
            }
            Err(_) => panic!(
                "{}",
                world::say!(
                    en: "a call of `cached_user` was cancelled",
                    ko: "`cached_user` 호출 하나가 취소되었습니다",
                )
            ),
        }
    }

    let wrong: Vec<(u32, u32)> = asks
        .iter()
        .zip(&users)
        .filter(|(ask, user)| user.id != ask.id)
        .map(|(ask, user)| (ask.id, user.id))
        .collect();
    assert!(
        wrong.is_empty(),
        "{}",
        world::say!(
            en: "each call answers the user it asked for; (asked, got): {wrong:?}",
            ko: "호출마다 요청한 사용자를 돌려줘야 합니다. (요청, 받음): {wrong:?}",
        )
    );
    // A later fetch has three causes, told apart by what the calls at 0 ms
    // left in the cache: nothing (no insert), some of the three (an insert
    // written over), or all three (an entry taken out when served).
    if after_first.is_empty() {
        panic!(
            "{}",
            world::say!(
                en: "the three calls at 0 ms fetched users 1, 2 and 3, and left none of them in the \
                     cache: insert what you fetch (`cache.borrow_mut().insert(id, user.clone())`, \
                     after the fetch, in a statement of its own)",
                ko: "0 ms의 세 호출이 사용자 1, 2, 3을 가져왔지만 캐시에는 하나도 남기지 \
                     않았습니다: 가져온 사용자는 캐시에 넣으십시오(fetch 뒤에 따로 한 문장으로 \
                     `cache.borrow_mut().insert(id, user.clone())`)",
            )
        );
    }
    if after_first != [1, 2, 3] {
        panic!(
            "{}",
            world::say!(
                en: "the three calls at 0 ms fetched users 1, 2 and 3, and left only {after_first:?} \
                     in the cache: inserts were lost, written over. A call that takes the whole \
                     map (`take()`, `replace`, a clone) before its fetch and writes it back after \
                     puts back a stale copy, without what the other tasks inserted meanwhile. \
                     Change the map in place, one entry, after the fetch: \
                     `cache.borrow_mut().insert(id, user.clone())`",
                ko: "0 ms의 세 호출이 사용자 1, 2, 3을 가져왔지만 캐시에는 그중 일부만 \
                     남았습니다(남은 사용자: {after_first:?}). 넣은 항목이 덮어써져 사라졌습니다. \
                     fetch 전에 맵 전체를 가져가고(`take()`, `replace`, clone) fetch 뒤에 다시 써 \
                     넣는 호출은, 그사이 다른 태스크가 넣은 항목이 빠진 낡은 사본을 되돌려 \
                     놓습니다. 맵은 fetch 뒤에 제자리에서 항목 하나만 바꾸십시오: \
                     `cache.borrow_mut().insert(id, user.clone())`",
            )
        );
    }
    for id in 1..=3 {
        let row = format!("fetch_user({id})");
        let fetches = world.trace().spans_of(&row);
        if let Some(again) = fetches.get(1) {
            panic!(
                "{}",
                world::say!(
                    en: "user {id} was fetched again at {} ms: it was in the cache since {} ms. \
                         A cache keeps what it serves: read the entry (and clone it), do not take \
                         it out (`remove`), and insert what you fetch",
                    ko: "{id}번 사용자를 {} ms에 다시 가져왔습니다: {} ms부터 캐시에 있었습니다. \
                         캐시는 내준 것을 간직합니다: 항목을 읽고(clone하고), 꺼내지(`remove`) \
                         말고, 가져온 것은 넣으십시오",
                    again.start.as_millis(),
                    fetches[0].end.unwrap_or_default().as_millis(),
                )
            );
        }
        let first = first_span(
            &world,
            &row,
            &world::say!(
                en: "a missing user is fetched with `api.fetch_user`",
                ko: "캐시에 없는 사용자는 `api.fetch_user`로 가져와야 합니다",
            ),
        );
        assert!(
            first.start < ms(SLACK_MS as u64),
            "{}",
            world::say!(
                en: "user {id}'s fetch started at {} ms: the three callers at 0 ms each fetch at \
                     once, none waits for another's fetch",
                ko: "{id}번 사용자의 fetch가 {} ms에 시작했습니다: 0 ms의 세 호출은 각자 바로 \
                     가져오고, 다른 호출의 fetch를 기다리지 않습니다",
                first.start.as_millis(),
            )
        );
    }
    for ask in asks.iter().filter(|ask| ask.at > 0) {
        let row = ask.row();
        let span = first_span(
            &world,
            &row,
            &world::say!(en: "the test asked it", ko: "테스트가 요청했습니다"),
        );
        let end = span.end.unwrap_or_default();
        assert!(
            end.abs_diff(ms(ask.at)) < ms(SLACK_MS as u64),
            "{}",
            world::say!(
                en: "`{row}` answered at {} ms: user {} was in the cache, so it answers at once, \
                     at {} ms, with no fetch",
                ko: "`{row}` 호출이 {} ms에 답했습니다: {}번 사용자는 캐시에 있었으니 fetch 없이 바로, {} \
                     ms에 답해야 합니다",
                end.as_millis(),
                ask.id,
                ask.at,
            )
        );
    }
    assert_eq!(
        cached_ids(&cache.borrow()),
        [1, 2, 3],
        "{}",
        world::say!(
            en: "at the end the cache holds users 1, 2 and 3",
            ko: "끝에 캐시에는 사용자 1, 2, 3이 있어야 합니다",
        )
    );
    assert_timeline!("step2_borrow_between_awaits", world);
}

#[world::step]
async fn step3_send_version() {
    let world = World::start();
    let api = Api::new(&world);
    let cache: kata::SharedCache = Arc::new(Mutex::new(HashMap::new()));

    let call = kata::warm_and_serve_shared(api.clone(), cache.clone(), vec![1, 2, 3], 9);
    assert_spawnable(&call);
    let probe = async {
        tokio::time::sleep(ms(PROBE_MS)).await;
        Arc::strong_count(&cache)
    };
    let call = async {
        let post = joined(tokio::spawn(call).await);
        (post, world.now())
    };
    let ((post, returned_at), holders) = within(10, async { tokio::join!(call, probe) }).await;
    let users = cache.lock().unwrap_or_else(|p| p.into_inner()).len();

    assert_warmed(&world, returned_at, Warm::Shared, users, holders);
    assert_post(&world, &post);
    assert_timeline!("step3_send_version", world);
}

/// The real-time budget of step 4, from its start: a guard against a hang,
/// never a measure. A healthy run takes a few milliseconds, and at most
/// [`HERE_HOLD`] and three [`EXIT_HOLD`]s more (a `shutdown` that stops the
/// shards one at a time); the budget is five sixths of the watchdog's limit
/// (2.5 s of its 3 s), so that a hang is told in this step's words before
/// the watchdog bites.
fn budget() -> Duration {
    let limit = std::env::var(world::WATCHDOG_LIMIT_ENV)
        .ok()
        .and_then(|ms| ms.parse().ok())
        .map_or(Duration::from_secs(3), Duration::from_millis);
    limit * 5 / 6
}

/// How long, at most, shard 0 is held in its last add, waiting for shards 1
/// and 2 to stop: so that it stops last. A `shutdown` that stops the
/// shards one by one (close 0, join 0, close 1...) never stops 1 and 2
/// first; for it, the hold gives way after this.
const HERE_HOLD: Duration = Duration::from_millis(300);

/// How long, at most, each shard's thread is held at its end: a `shutdown`
/// that joins its threads waits this long for them, one that does not
/// returns meanwhile.
const EXIT_HOLD: Duration = Duration::from_millis(150);

/// The time left before `deadline`, in real time.
fn left(deadline: std::time::Instant) -> Duration {
    deadline.saturating_duration_since(std::time::Instant::now())
}

/// Awaits `fut`, failing with `what` if it is not done by `deadline`, in
/// real time. Not a measure (the result never depends on how long it
/// took): a guard, since the shards are threads the paused clock cannot
/// see, and a `within` timer would fire at once while they work.
async fn answered<T>(deadline: std::time::Instant, what: &str, fut: impl Future<Output = T>) -> T {
    let (fire, fired) = tokio::sync::oneshot::channel::<()>();
    let (done, stop) = std::sync::mpsc::channel::<()>();
    let wait = left(deadline);
    std::thread::spawn(move || {
        if stop.recv_timeout(wait) == Err(std::sync::mpsc::RecvTimeoutError::Timeout) {
            let _ = fire.send(());
        }
    });
    let output = tokio::select! {
        biased;
        output = fut => output,
        _ = fired => panic!("{}", world::say!(
            en: "{what} got no answer within {secs} s of real time: no shard answered it. Is each \
                 shard's thread driving its runtime (`block_on`), with the loop that reads its \
                 channel running on it (spawned on the `LocalSet` that `block_on` drives)? Is the \
                 reply sent back?",
            ko: "{what} 요청이 실제 시간 {secs}초 안에 답을 받지 못했습니다: 어느 shard도 답하지 \
                 않았습니다. shard마다 자기 스레드가 런타임을 구동하고(`block_on`), 채널을 읽는 \
                 루프가 그 위에서(`block_on`이 구동하는 `LocalSet`에 spawn되어) 실행되고 \
                 있습니까? 답을 돌려보냅니까?",
            secs = budget().as_secs_f64(),
        )),
    };
    drop(done);
    output
}

/// What `shutdown` returned, and where each shard's thread was at that
/// moment.
type ShutDown = (Vec<HashMap<u64, u64>>, BTreeMap<String, Stage>);

/// Runs `shutdown` on a thread of its own, notes where each shard's thread
/// is the moment it returns, and waits for it until `deadline`: a shard
/// that never stops is told in words. Meanwhile shard 0 stays held in its
/// last add until shards 1 and 2 have stopped, so that it stops last.
fn shut_down(
    shards: kata::Shards,
    here: Option<world::place::HereHold>,
    deadline: std::time::Instant,
) -> ShutDown {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let totals = std::panic::catch_unwind(AssertUnwindSafe(|| shards.shutdown()));
        let stages = world::place::threads();
        let _ = tx.send((totals, stages));
    });
    let stopped = |stages: &BTreeMap<String, Stage>, name: &str| {
        stages.get(name).is_some_and(|s| *s != Stage::Running)
    };
    if let Some(here) = here {
        world::place::wait_for(
            |stages| stopped(stages, "shard-1") && stopped(stages, "shard-2"),
            HERE_HOLD.min(left(deadline)),
        );
        drop(here);
    }
    match rx.recv_timeout(left(deadline)) {
        Ok((Ok(totals), stages)) => (totals, stages),
        Ok((Err(payload), _)) => std::panic::resume_unwind(payload),
        Err(_) => panic!(
            "{}",
            world::say!(
                en: "`shutdown` did not return within {secs} s of real time: a shard never stopped. Its \
                     loop ends when `recv()` answers `None`, which it does only once every sender \
                     is dropped: drop the senders before joining the threads (a sender kept in the \
                     shard itself, or cloned and kept, keeps its channel open for ever)",
                ko: "`shutdown`이 실제 시간 {secs}초 안에 돌아오지 않았습니다: 멈추지 않은 shard가 \
                     있습니다. shard의 루프는 `recv()`가 `None`을 답할 때 끝나고, `recv()`는 모든 \
                     `Sender`가 drop된 뒤에야 `None`을 답합니다: 스레드를 join하기 전에 `Sender`를 \
                     drop하십시오(shard 안에 두었거나 clone해 둔 `Sender`는 채널을 영원히 열어 \
                     둡니다)",
                secs = budget().as_secs_f64(),
            )
        ),
    }
}

/// What shard `i` holds at the end: its own keys of 0 to 8, each added
/// twice, and key 9 (on shard 0), added once while it was held.
fn expected_totals(i: usize) -> BTreeMap<u64, u64> {
    (0..9)
        .filter(|k| k % 3 == i as u64)
        .map(|k| (k, 2))
        .chain((i == 0).then_some((9, 1)))
        .collect()
}

#[world::step]
async fn step4_thread_per_core() {
    let world = World::start();
    let deadline = std::time::Instant::now() + budget();
    // The test's thread, as libtest names it: the caller's side of `add`.
    let caller = std::thread::current().name().map(str::to_owned);
    // Tasks alive on the test's runtime: a `start` that spawns the shards
    // as tasks here, instead of threads of their own, adds to them.
    let alive = || {
        tokio::runtime::Handle::current()
            .metrics()
            .num_alive_tasks()
    };

    let before = alive();
    let shards = world::harness::watched(|| kata::Shards::start(3));
    let spawned_here = alive() > before;
    assert_shareable(&shards);
    // Keys 0 to 8, twice, in no order: a shard chosen by anything but the
    // key (a counter, the order of arrival, the first free one) sends some
    // key elsewhere, or a key's two adds to two shards.
    let keys: Vec<u64> = vec![4, 8, 0, 3, 7, 2, 6, 1, 5, 5, 1, 6, 2, 7, 3, 0, 8, 4];
    let hits = answered(
        deadline,
        "`add`",
        futures::future::join_all(keys.iter().map(|&key| shards.add(key, 1))),
    )
    .await;

    // What each shard answered, key by key, noted before any check so that
    // a failure shows it: the order in which a shard took a key's two adds
    // is not the lesson, so the totals are sorted.
    for key in 0..9 {
        let mut by_shard: BTreeMap<usize, Vec<u64>> = BTreeMap::new();
        for (_, hit) in keys.iter().zip(&hits).filter(|(k, _)| **k == key) {
            by_shard.entry(hit.shard).or_default().push(hit.total);
        }
        for (shard, mut totals) in by_shard {
            totals.sort_unstable();
            world.note(&format!("shard {shard}"), format!("key {key}: {totals:?}"));
        }
    }

    for (&key, hit) in keys.iter().zip(&hits) {
        let shard = usize::try_from(key % 3).unwrap_or_default();
        let expected = format!("shard-{shard}");
        let thread = hit.place.thread.clone();
        if thread == caller && spawned_here {
            panic!(
                "{}",
                world::say!(
                    en: "the add of key {key} was served on the caller's thread ({thread:?}), by a \
                         task that `start` spawned on the caller's runtime: the shards are no \
                         threads of their own. `tokio::spawn` puts a task on the runtime that calls \
                         it; a shard is a thread (`std::thread::Builder::new().name(..)`) that \
                         builds and drives a current-thread runtime of its own",
                    ko: "key {key}의 add를 호출자의 스레드({thread:?})에서, `start`가 호출자의 \
                         런타임에 spawn한 태스크가 처리했습니다: shard가 자기 스레드를 갖지 \
                         않았습니다. `tokio::spawn`은 자기를 호출한 런타임에 태스크를 둡니다. \
                         shard는 자기 싱글 스레드 런타임을 만들어 구동하는 스레드\
                         (`std::thread::Builder::new().name(..)`)입니다",
                )
            );
        }
        if thread == caller {
            panic!(
                "{}",
                world::say!(
                    en: "the add of key {key} was served on the caller's thread ({thread:?}), not \
                         on a shard's: the shard's own code updates its state and calls \
                         `Place::here()`, on its thread; `add` only sends and awaits the answer",
                    ko: "key {key}의 add를 shard의 스레드가 아니라 호출자의 스레드({thread:?})에서 \
                         처리했습니다: 상태를 갱신하고 `Place::here()`를 부르는 것은 shard 자신의 \
                         코드이고, 그 스레드에서 합니다. `add`는 보내고 답을 await할 뿐입니다",
                )
            );
        }
        assert_eq!(
            hit.shard,
            shard,
            "{}",
            world::say!(
                en: "key {key} goes to shard key % n = {key} % 3 = {shard}, always the same one; it \
                     was served by shard {}. The shard is chosen by the key alone: the adds come in \
                     no order, each key twice, so a counter or the order of arrival picks another",
                ko: "key {key}의 add는 언제나 같은 shard, 곧 key % n = {key} % 3 = {shard}번 shard로 \
                     가야 합니다. 그런데 {}번 shard가 처리했습니다. shard는 key만으로 고릅니다: \
                     add는 뒤섞인 순서로 key마다 두 번씩 오므로, 카운터나 도착 순서로 고르면 다른 \
                     shard가 골라집니다",
                hit.shard,
            )
        );
        assert_eq!(
            thread.as_deref(),
            Some(expected.as_str()),
            "{}",
            world::say!(
                en: "key {key} was served on thread {thread:?}: shard {shard} is a thread of its own \
                     named `{expected}` (`std::thread::Builder::new().name(..)`), and serves every \
                     key k with k % 3 = {shard}",
                ko: "key {key}의 add를 스레드 {thread:?}에서 처리했습니다: shard {shard}는 `{expected}`라는 \
                     이름의 자기 스레드(`std::thread::Builder::new().name(..)`)이고, k % 3 = \
                     {shard}인 key k를 모두 처리합니다",
            )
        );
        assert_eq!(
            hit.place.flavor,
            Some(Flavor::CurrentThread),
            "{}",
            world::say!(
                en: "key {key} was served on a runtime of flavor {:?}: each shard runs one \
                     current-thread runtime (`Builder::new_current_thread()`, or a `LocalRuntime`), \
                     whose one thread is the shard's",
                ko: "key {key}의 add를 flavor가 {:?}인 런타임에서 처리했습니다: shard마다 싱글 스레드 런타임 \
                     하나(`Builder::new_current_thread()`, 또는 `LocalRuntime`)를 실행하고, 그 \
                     하나뿐인 스레드가 shard의 스레드입니다",
                hit.place.flavor,
            )
        );
    }
    for key in 0..9 {
        let mut totals: Vec<u64> = keys
            .iter()
            .zip(&hits)
            .filter(|(k, _)| **k == key)
            .map(|(_, hit)| hit.total)
            .collect();
        totals.sort_unstable();
        assert_eq!(
            totals,
            [1, 2],
            "{}",
            world::say!(
                en: "key {key} was added 1 twice: its two adds answer the totals 1 and 2, on the \
                     one shard that owns it",
                ko: "key {key}에 1을 두 번 더했습니다: 두 add는 그 key를 가진 shard 하나에서 합계 \
                     1과 2를 답해야 합니다",
            )
        );
    }

    // The shutdown, with shard 0 made to stop last by construction: one
    // more add, key 9, is sent to it and held in its `Place::here()` until
    // shards 1 and 2 have stopped (the add's future is then forgotten: its
    // answer goes nowhere, and nothing waits for it). And each shard's
    // thread is held a moment at its end, so that a `shutdown` that does
    // not join the threads returns while they still run.
    let exits = world::place::hold_exits(EXIT_HOLD);
    let here = world::place::hold_next_here("shard-0", budget());
    let mut late = Box::pin(shards.add(9, 1));
    let key9 = world::say!(en: "the add of key 9", ko: "key 9의 add");
    answered(deadline, &key9, async {
        tokio::select! {
            biased;
            () = here.held() => {}
            _ = &mut late => {}
        }
    })
    .await;
    std::mem::forget(late);
    let (totals, stages) = shut_down(shards, Some(here), deadline);
    drop(exits);

    let held: Vec<BTreeMap<u64, u64>> = totals
        .iter()
        .map(|map| map.iter().map(|(&k, &v)| (k, v)).collect())
        .collect();
    for (i, map) in held.iter().enumerate() {
        world.note(&format!("shard {i}"), format!("stopped with {map:?}"));
    }
    assert_eq!(
        totals.len(),
        3,
        "{}",
        world::say!(
            en: "`shutdown` returns one map of totals per shard, 3, not {}",
            ko: "`shutdown`은 shard마다 합계 맵 하나, 곧 3개를 돌려줘야 합니다. {}개가 아닙니다",
            totals.len(),
        )
    );
    for (i, map) in held.iter().enumerate() {
        let expected = expected_totals(i);
        if *map == expected {
            continue;
        }
        if let Some(j) = (0..3).find(|&j| *map == expected_totals(j)) {
            panic!(
                "{}",
                world::say!(
                    en: "`shutdown` returned shard {j}'s map ({map:?}) in place {i}: the maps came \
                         back in the order the shards stopped (here shard 0 stopped last: the test \
                         held it in its add of key 9), not in shard order. Collect them by shard \
                         number: join thread 0, then 1, then 2, each returning its map",
                    ko: "`shutdown`이 shard {j}의 맵({map:?})을 {i}번 자리에 돌려줬습니다: 맵이 \
                         shard 순서가 아니라 shard가 멈춘 순서대로 돌아왔습니다(여기서는 테스트가 \
                         key 9의 add에 붙잡아 둔 shard 0이 마지막에 멈췄습니다). shard 번호 순으로 \
                         모으십시오: 스레드 0, 1, 2를 차례로 join하고, 각 스레드가 자기 맵을 \
                         돌려주게 하십시오",
                )
            );
        }
        let extra = if i == 0 {
            world::say!(
                en: ", and key 9 at 1 (its last add)",
                ko: ", 그리고 key 9는 1로(마지막 add)",
            )
        } else {
            String::new()
        };
        panic!(
            "{}",
            world::say!(
                en: "after `shutdown`, shard {i} holds {map:?}: it holds exactly its own keys \
                     (k % 3 = {i}), each at 2{extra}, each shard's state its own",
                ko: "`shutdown` 뒤 {i}번 shard의 맵은 {map:?}입니다: 자기 key(k % 3 = {i})만, 각각 \
                     2로{extra} 있어야 하고, shard의 상태는 저마다 자기 것입니다",
            )
        );
    }
    let running: Vec<String> = (0..3)
        .map(|i| format!("shard-{i}"))
        .filter(|name| stages.get(name) != Some(&Stage::Ended))
        .collect();
    assert!(
        running.is_empty(),
        "{}",
        world::say!(
            en: "`shutdown` returned while the threads {running:?} had not ended: it did not join \
                 them. Its maps were handed over, but the threads still ran (the test holds each a \
                 moment at its end). `shutdown` waits for every shard's thread with \
                 `JoinHandle::join`, which returns once the thread has ended, and takes each \
                 shard's map from it",
            ko: "`shutdown`이 {running:?} 스레드가 끝나기 전에 돌아왔습니다: 스레드를 join하지 \
                 않았습니다. 맵은 넘겨받았지만 스레드는 아직 실행 중이었습니다(테스트는 스레드마다 \
                 끝에서 잠시 붙잡아 둡니다). `shutdown`은 `JoinHandle::join`으로 모든 shard의 \
                 스레드를 기다리고(스레드가 끝나야 돌아옵니다), 각 shard의 맵을 거기서 받습니다",
        )
    );

    // The rule is `key % n`, not `key % 3`: four shards now, keys in no
    // order, each once. Run after the three shards have ended, so that the
    // names `shard-0`... are not two threads' at once.
    let four = world::harness::watched(|| kata::Shards::start(4));
    let keys: Vec<u64> = vec![7, 2, 4, 1, 6, 3, 0, 5];
    let hits = answered(
        deadline,
        &world::say!(en: "`add` on 4 shards", ko: "shard 4개의 `add`"),
        futures::future::join_all(keys.iter().map(|&key| four.add(key, 1))),
    )
    .await;
    for i in 0..4 {
        let mut served: Vec<u64> = keys
            .iter()
            .zip(&hits)
            .filter(|(_, hit)| hit.shard == i)
            .map(|(&key, _)| key)
            .collect();
        served.sort_unstable();
        world.note(&format!("n=4, shard {i}"), format!("keys {served:?}"));
    }
    for (&key, hit) in keys.iter().zip(&hits) {
        let shard = usize::try_from(key % 4).unwrap_or_default();
        let expected = format!("shard-{shard}");
        assert!(
            hit.shard == shard && hit.place.thread.as_deref() == Some(expected.as_str()),
            "{}",
            world::say!(
                en: "with 4 shards, key {key} goes to shard key % n = {key} % 4 = {shard}, thread \
                     `{expected}`; it was served by shard {} on thread {:?}. `n` is what `start` \
                     was given (the number of senders kept), not a fixed 3",
                ko: "shard가 4개이면 key {key}의 add는 key % n = {key} % 4 = {shard}번 shard, 곧 \
                     `{expected}` 스레드로 가야 합니다. 그런데 {}번 shard가 처리했습니다(처리한 \
                     스레드: {:?}). `n`은 `start`가 받은 수(`Shards`가 들고 있는 `Sender`의 \
                     수)이지, 고정된 3이 아닙니다",
                hit.shard,
                hit.place.thread,
            )
        );
    }
    let (totals, _) = shut_down(four, None, deadline);
    let held: Vec<BTreeMap<u64, u64>> = totals
        .iter()
        .map(|map| map.iter().map(|(&k, &v)| (k, v)).collect())
        .collect();
    let expected: Vec<BTreeMap<u64, u64>> = (0..4)
        .map(|i| {
            keys.iter()
                .filter(|&&k| k % 4 == i)
                .map(|&k| (k, 1))
                .collect()
        })
        .collect();
    assert_eq!(
        held,
        expected,
        "{}",
        world::say!(
            en: "after `shutdown`, each of the 4 shards holds exactly its own keys (k % 4 = its \
                 number), each at 1, in shard order",
            ko: "`shutdown` 뒤 shard 4개의 맵은 저마다 자기 key(k % 4 = 자기 번호)만 각각 1로 \
                 갖고, shard 순서대로 돌아와야 합니다",
        )
    );
    assert_timeline!("step4_thread_per_core", world);
}
