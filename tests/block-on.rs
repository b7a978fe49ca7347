//! Kata 02, block on: one test per step of the README.
//!
//! Compiled twice, against the kata and against its reference solution, so
//! both are judged by the same tests and the same snapshots.
//!
//! This kata builds runtimes, so most of its tests are plain `fn`s under
//! `#[world::step]` (which watches them in real time): an `async fn` step
//! test would itself be the runtime the kata's `run` is called inside.
//! Each test still runs on a paused clock where time matters: the main
//! future the test hands to the kata's `run` pauses the clock of the
//! runtime it finds itself on before it starts the world, and step 5 hands
//! the kata a runtime built paused. The multi-thread runtime of step 3
//! cannot be paused, so its test asks only what is true without timing:
//! which runtime it is, and on which threads the main future and a spawned
//! task ran.

use std::any::Any;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::{self, ThreadId};
use std::time::Duration;

#[cfg(not(feature = "reference"))]
use block_on as kata;
#[cfg(feature = "reference")]
use block_on_solution as kata;
use futures::FutureExt;
use tokio::runtime::{Builder, Handle, RuntimeFlavor};
use world::harness::watched;
use world::kit::ms;
use world::{Api, Console, Ending, Fill, Thread, World, assert_timeline, within};

/// The seed's program, as the test's own: steps 2 and 3 judge the kata's
/// runtime, not its step 1.
async fn seed(console: &Console) {
    console.print("hello");
    tokio::time::sleep(Duration::from_secs(1)).await;
    console.print("goodbye");
}

/// The words of a caught panic.
fn panic_words(payload: Box<dyn Any + Send>) -> String {
    match payload.downcast::<String>() {
        Ok(words) => *words,
        Err(payload) => payload.downcast::<&str>().map_or_else(
            |_| world::say!(en: "(a panic without words)", ko: "(메시지 없는 패닉)"),
            |w| (*w).to_owned(),
        ),
    }
}

/// The runtime the main future is polled on, checked before anything else
/// runs: that there is a tokio runtime at all, of the flavor the step asks
/// for, with its timers on.
fn the_runtime(step: &str, flavor: RuntimeFlavor, how: &str) -> Handle {
    let Ok(handle) = Handle::try_current() else {
        panic!(
            "{}",
            world::say!(
                en: "{step} must start a tokio runtime, but main was polled outside any tokio runtime: \
                     an executor that is not tokio's (a home-made block_on, or \
                     futures::executor::block_on) has no timer driver, so tokio::time::sleep \
                     cannot work there. Build one with {how} and block_on main on it",
                ko: "`{step}`은 tokio 런타임을 시작해야 하는데, main이 tokio 런타임 밖에서 \
                     poll되었습니다. tokio가 아닌 executor(직접 만든 `block_on`이나 \
                     `futures::executor::block_on`)에는 타이머 드라이버가 없어서 \
                     `tokio::time::sleep`이 동작할 수 없습니다. 런타임을 하나 만들고 그 위에서 \
                     main을 `block_on`하십시오: {how}",
            )
        );
    };
    if handle.runtime_flavor() != flavor {
        panic!(
            "{}",
            world::say!(
                en: "{step} built a {:?} runtime; it should build a {flavor:?} one: {how}",
                ko: "`{step}`이 만든 런타임은 {:?}입니다. {flavor:?} 런타임을 만들어야 합니다: \
                     {how}",
                handle.runtime_flavor(),
            )
        );
    }
    // Making a timer needs the runtime's time driver; catch tokio's panic to
    // say which builder call was missing.
    if panic::catch_unwind(|| drop(tokio::time::sleep(Duration::ZERO))).is_err() {
        panic!(
            "{}",
            world::say!(
                en: "timers are disabled: {step} built its runtime without enable_all(), so it has \
                     no timer driver and tokio::time::sleep panics. #[tokio::main] and \
                     #[tokio::test] call enable_all() for you (enable_time() turns on the timer \
                     alone; in this workspace, whose tokio has no I/O driver, that is all \
                     enable_all() turns on)",
                ko: "타이머가 꺼져 있습니다: `{step}`이 `enable_all()` 없이 런타임을 만들어서 \
                     타이머 드라이버가 없고, `tokio::time::sleep`에서 패닉이 납니다. \
                     `#[tokio::main]`과 `#[tokio::test]`는 `enable_all()`을 대신 호출해 \
                     줍니다(`enable_time()`은 타이머만 켭니다. 이 워크스페이스의 tokio에는 I/O \
                     드라이버가 없으므로 `enable_all()`이 켜는 것도 타이머뿐입니다)",
            )
        );
    }
    handle
}

/// Checks that the current_thread runtime main is polled on runs its
/// tasks: a task spawned onto it must have run after main yields a few
/// times.
///
/// Only `Runtime::block_on` drives a current_thread runtime (its tasks, its
/// timers). `Handle::block_on`, or another executor's `block_on` inside
/// `Runtime::enter`, polls main alone on a parked thread: main's first
/// timer would wait for ever, and only the watchdog would stop it, in
/// words that cannot name the handle. This says it at once.
async fn runs_its_tasks(step: &str) {
    let probe = tokio::spawn(async {});
    for _ in 0..8 {
        if probe.is_finished() {
            return;
        }
        tokio::task::yield_now().await;
    }
    assert!(
        probe.is_finished(),
        "{}",
        world::say!(
            en: "{step} polls main on a current_thread runtime that does not run: a task spawned \
                 there never ran while main yielded, and main's first sleep would wait for ever. \
                 Only Runtime::block_on drives a current_thread runtime (its tasks and its timers); \
                 Handle::block_on (or futures::executor::block_on inside Runtime::enter) polls main \
                 alone. Call runtime.block_on(main)",
            ko: "`{step}`은 구동되지 않는 싱글 스레드 런타임 위에서 main을 poll합니다: main이 \
                 양보하는 동안 그 런타임에 spawn한 태스크가 한 번도 실행되지 않았으니, main의 첫 \
                 `sleep`은 영원히 기다릴 것입니다. 싱글 스레드 런타임(의 태스크와 타이머)을 \
                 구동하는 것은 `Runtime::block_on`뿐입니다. `Handle::block_on`(또는 \
                 `Runtime::enter` 안의 `futures::executor::block_on`)은 main만 poll합니다. \
                 `runtime.block_on(main)`을 호출하십시오",
        )
    );
}

/// Moves a clock paused mid-flight to a whole millisecond of the runtime's
/// timer wheel.
///
/// tokio's timers fire on whole milliseconds counted from the moment the
/// runtime was built, rounding a deadline up, and a paused clock moves in
/// whole milliseconds. A runtime built with `start_paused(true)` (as
/// `#[world::step]` builds it for an `async fn`) is paused at that very
/// moment; a clock paused later by `tokio::time::pause()` stops some
/// fraction of a millisecond past a tick, and every sleep then takes a
/// millisecond more: the seed's goodbye would come at 1001 ms. Sleeps of
/// under a millisecond take 1 ms while their deadline stays short of the
/// next tick and 2 ms past it, so a binary search finds the fraction, and
/// `advance` makes it up. About 20 sleeps of virtual time, before the world
/// starts.
async fn land_on_a_whole_millisecond() {
    async fn crosses_a_tick(nanos: u64) -> bool {
        let before = tokio::time::Instant::now();
        tokio::time::sleep(Duration::from_nanos(nanos)).await;
        before.elapsed() > ms(1)
    }
    const MS: u64 = 1_000_000;
    if !crosses_a_tick(MS).await {
        return; // on a tick already
    }
    // crosses_a_tick(low) is false and crosses_a_tick(high) true.
    let (mut low, mut high) = (0, MS);
    while high - low > 1 {
        let mid = low + (high - low) / 2;
        if crosses_a_tick(mid).await {
            high = mid;
        } else {
            low = mid;
        }
    }
    // A sleep of `high` ns is the shortest to reach 1 ns past the next
    // tick: `high - 1` ns lands on it.
    tokio::time::advance(Duration::from_nanos(high - 1)).await;
}

#[world::step]
async fn step1_hello_goodbye() {
    let world = World::start();
    let console = Console::new(&world);

    within(10, world.track("main", kata::hello_goodbye(&console))).await;

    let printed = console.printed_ms();
    assert!(
        !matches!(printed.as_slice(), [(0, _), (0, goodbye)] if goodbye == "goodbye"),
        "{}",
        world::say!(
            en: "goodbye came at 0 ms, right after hello: the 1 s sleep took no time on tokio's \
                 clock. Either it was never awaited (`tokio::time::sleep(..)` only builds a future, \
                 which does nothing until awaited: rustc warns \"unused `Sleep` that must be \
                 used\"), or it was a blocking `std::thread::sleep`, which holds the runtime's only \
                 thread for a real second and never moves its clock. Write \
                 `tokio::time::sleep(..).await`",
            ko: "`goodbye`가 `hello` 바로 뒤, 0 ms에 출력되었습니다: 1초 sleep이 tokio의 시계에서 \
                 시간을 전혀 쓰지 않았습니다. await하지 않았거나(`tokio::time::sleep(..)`은 \
                 future를 만들 뿐이고, future는 await하기 전에는 아무것도 하지 않습니다. rustc가 \
                 ``unused `Sleep` that must be used``라고 경고합니다), 블로킹 함수인 \
                 `std::thread::sleep`을 썼을 것입니다. `std::thread::sleep`은 런타임의 유일한 \
                 스레드를 실제 시간으로 1초 동안 붙잡고, 런타임의 시계는 움직이지 않습니다. \
                 `tokio::time::sleep(..).await`라고 쓰십시오",
        )
    );
    assert_eq!(
        printed,
        [(0, "hello".to_owned()), (1000, "goodbye".to_owned())],
        "{}",
        world::say!(
            en: "the seed prints hello at 0 ms, then goodbye 1000 ms later: the 1 s sleep is \
                 awaited between them (tokio::time::sleep(..).await)",
            ko: "원문 프로그램은 0 ms에 `hello`를, 1000 ms 뒤에 `goodbye`를 출력합니다: 그 사이에 \
                 1초 sleep을 await합니다(`tokio::time::sleep(..).await`)",
        )
    );
    assert_timeline!("step1_hello_goodbye", world);
}

#[world::step]
fn step2_run() {
    let caller = thread::current().id();

    // A task main leaves behind: asyncio.run cancels it when main returns,
    // and a tokio runtime drops it when the runtime is dropped.
    let left_dropped = Arc::new(AtomicBool::new(false));
    let flag = left_dropped.clone();
    let (world, console, polled_on) = kata::run(async move {
        the_runtime(
            "run",
            RuntimeFlavor::CurrentThread,
            &world::say!(
                en: "Builder::new_current_thread().enable_all().build(): asyncio.run runs one event \
                     loop on the thread that calls it (Runtime::new() and #[tokio::main] build a \
                     multi-thread runtime; that is step 3)",
                ko: "`Builder::new_current_thread().enable_all().build()`: `asyncio.run`은 \
                     호출한 스레드에서 이벤트 루프 하나를 실행합니다(`Runtime::new()`와 \
                     `#[tokio::main]`은 멀티 스레드 런타임을 만듭니다. 그것은 3단계입니다)",
            ),
        );
        runs_its_tasks("run").await;
        // A runtime built with start_paused(true) is paused already.
        let _ = panic::catch_unwind(tokio::time::pause);
        land_on_a_whole_millisecond().await;
        let world = World::start();
        let console = Console::new(&world);
        within(10, world.track("main", seed(&console))).await;
        // The guard is moved into the future: it goes with the task, polled
        // or not.
        let left = SetOnDrop(flag);
        tokio::spawn(async move {
            let _left = left;
            std::future::pending::<()>().await;
        });
        (world, console, thread::current().id())
    });

    assert_eq!(
        polled_on,
        caller,
        "{}",
        world::say!(
            en: "block_on polls the main future on the thread that called it",
            ko: "`block_on`은 main future를 자신을 호출한 스레드에서 poll합니다",
        )
    );
    assert_eq!(
        console.printed_ms(),
        [(0, "hello".to_owned()), (1000, "goodbye".to_owned())],
        "{}",
        world::say!(
            en: "run drives main to its end: hello at 0 ms, goodbye at 1000 ms",
            ko: "`run`은 main을 끝까지 구동합니다: 0 ms에 `hello`, 1000 ms에 `goodbye`",
        )
    );
    assert!(
        left_dropped.load(Ordering::SeqCst),
        "{}",
        world::say!(
            en: "main spawned a task and returned without it, and the task was still alive after \
                 run returned: asyncio.run cancels the tasks main leaves, and tokio drops them when \
                 the runtime is dropped. run must build a runtime of its own for this main and drop \
                 it on return (a runtime kept and reused, in a thread_local or a static, keeps the \
                 left tasks alive)",
            ko: "main이 태스크를 spawn하고 기다리지 않은 채 반환했는데, `run`이 반환한 뒤에도 그 \
                 태스크가 살아 있었습니다: `asyncio.run`은 main이 남긴 태스크를 취소하고, tokio는 \
                 런타임이 drop될 때 그 태스크들을 drop합니다. `run`은 이 main만을 위한 런타임을 \
                 직접 만들고, 반환할 때 drop해야 합니다(`thread_local`이나 `static`에 두고 \
                 재사용하는 런타임은 남은 태스크를 계속 살려 둡니다)",
        )
    );
    assert_timeline!("step2_run", world);
}

/// Sets its flag when dropped: a task holding one was dropped.
struct SetOnDrop(Arc<AtomicBool>);

impl Drop for SetOnDrop {
    fn drop(&mut self) {
        self.0.store(true, Ordering::SeqCst);
    }
}

#[world::step]
fn step3_tokio_main() {
    // In the child process `workers_when_told` starts: report the worker
    // count the kata's runtime got, and nothing else.
    if std::env::var_os(WORKERS_PROBE).is_some() {
        let workers = kata::tokio_main(async { Handle::current().metrics().num_workers() });
        println!("{WORKERS_PROBE}={workers}");
        return;
    }
    // A multi-thread runtime cannot be paused, so this world's clock is one
    // that never moves: everything happens at 0 ms, and the picture says
    // where it ran.
    let world = World::manual();
    let caller = thread::current().id();
    let main_world = world.clone();

    let seen = kata::tokio_main(async move {
        let world = main_world;
        let handle = the_runtime(
            "tokio_main",
            RuntimeFlavor::MultiThread,
            &world::say!(
                en: "Builder::new_multi_thread().enable_all().build(): #[tokio::main] without \
                     arguments builds a multi-thread runtime",
                ko: "`Builder::new_multi_thread().enable_all().build()`: 인자 없는 \
                     `#[tokio::main]`은 멀티 스레드 런타임을 만듭니다",
            ),
        );
        let span = world.span("main", "", Fill::Work);
        let main_thread = thread::current().id();
        world.note("main", on_which_thread(main_thread, caller));
        let task_world = world.clone();
        let task = tokio::spawn(async move {
            let span = task_world.span("spawned task", "", Fill::Work);
            let here = thread::current();
            let name = here.name().unwrap_or("a thread without a name").to_owned();
            task_world.note("spawned task", format!("ran on {name}"));
            span.end(None::<String>);
            (here.id(), name)
        });
        let (task_thread, task_thread_name) = task.await.expect("the spawned task panicked");
        span.end(None::<String>);
        Seen {
            workers: handle.metrics().num_workers(),
            main_thread,
            task_thread,
            task_thread_name,
        }
    });

    assert_eq!(
        seen.main_thread,
        caller,
        "{}",
        world::say!(
            en: "block_on polls the main future on the thread that called it, not on a worker",
            ko: "`block_on`은 main future를 워커가 아니라 자신을 호출한 스레드에서 poll합니다",
        )
    );
    assert_eq!(
        seen.workers,
        default_workers(),
        "{}",
        world::say!(
            en: "#[tokio::main] starts one worker per CPU core (std::thread::available_parallelism, \
                 or TOKIO_WORKER_THREADS): leave worker_threads unset",
            ko: "`#[tokio::main]`은 CPU 코어마다 워커를 하나씩 \
                 시작합니다(`std::thread::available_parallelism`, 또는 `TOKIO_WORKER_THREADS`): \
                 `worker_threads`는 설정하지 마십시오",
        )
    );
    // The count above equals the default on this machine; a count set by
    // hand (worker_threads(2) on 2 cores, or available_parallelism itself)
    // would too. Run tokio_main again where the default is another number.
    let told = [3, 5, 7]
        .into_iter()
        .find(|&n| n != default_workers() && n != seen.workers)
        .expect("one of three numbers differs from two");
    let workers = workers_when_told(told);
    assert_eq!(
        workers,
        Some(told),
        "{}",
        world::say!(
            en: "tokio_main sets the worker count by hand: with TOKIO_WORKER_THREADS={told} its \
                 runtime still started {workers:?} workers. #[tokio::main] leaves worker_threads \
                 unset, so tokio's default decides (TOKIO_WORKER_THREADS, else one worker per CPU \
                 core); a number written in, even one computed from available_parallelism, ignores \
                 it",
            ko: "`tokio_main`이 워커 수를 직접 정합니다: `TOKIO_WORKER_THREADS={told}`인데도 \
                 런타임의 워커 수는 여전히 {workers:?}였습니다. `#[tokio::main]`은 \
                 `worker_threads`를 설정하지 않으므로 tokio의 기본값이 \
                 정합니다(`TOKIO_WORKER_THREADS`, 없으면 CPU 코어마다 워커 하나). 코드에 적어 \
                 넣은 수는 `available_parallelism`으로 계산한 것이라도 이 설정을 무시합니다",
        )
    );
    assert_ne!(
        seen.task_thread,
        caller,
        "{}",
        world::say!(
            en: "on a multi-thread runtime a spawned task runs on a worker thread, not on the thread \
                 that called block_on",
            ko: "멀티 스레드 런타임에서 spawn한 태스크는 `block_on`을 호출한 스레드가 아니라 워커 \
                 스레드에서 실행됩니다",
        )
    );
    assert_eq!(
        seen.task_thread_name,
        "tokio-rt-worker",
        "{}",
        world::say!(
            en: "on a multi-thread runtime a spawned task runs on one of its workers, which tokio \
                 names tokio-rt-worker",
            ko: "멀티 스레드 런타임에서 spawn한 태스크는 그 런타임의 워커 중 하나에서 실행되고, \
                 tokio는 워커 스레드에 `tokio-rt-worker`라는 이름을 붙입니다",
        )
    );
    assert_timeline!("step3_tokio_main", world);
}

/// What the main future of step 3 saw.
struct Seen {
    workers: usize,
    main_thread: ThreadId,
    task_thread: ThreadId,
    task_thread_name: String,
}

fn on_which_thread(thread: ThreadId, caller: ThreadId) -> &'static str {
    if thread == caller {
        "polled by block_on on the thread that called it"
    } else {
        "polled on a thread other than the one that called block_on"
    }
}

/// Set in the environment of the child process `workers_when_told` starts.
const WORKERS_PROBE: &str = "BLOCK_ON_WORKERS_PROBE";

/// The worker count the kata's tokio_main gives its runtime in a process
/// where TOKIO_WORKER_THREADS is `n`: this test binary, run again for step 3
/// alone (a test cannot set its own process's environment safely).
fn workers_when_told(n: usize) -> Option<usize> {
    let exe = std::env::current_exe().expect("the test binary's path");
    let output = std::process::Command::new(exe)
        .args([
            "step3_tokio_main",
            "--exact",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("TOKIO_WORKER_THREADS", n.to_string())
        .env(WORKERS_PROBE, "1")
        .output()
        .expect("cannot run the test binary again");
    let prefix = format!("{WORKERS_PROBE}=");
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .find_map(|line| line.split_once(&prefix)?.1.trim().parse().ok())
}

/// The number of workers tokio starts when not told: TOKIO_WORKER_THREADS,
/// else one per core.
fn default_workers() -> usize {
    std::env::var("TOKIO_WORKER_THREADS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| thread::available_parallelism().map_or(1, |n| n.get()))
}

#[world::step]
async fn step4_handler() {
    let world = World::start();
    let api = Api::new(&world);

    let user = AssertUnwindSafe(within(10, world.track("handler", kata::handler(&api))))
        .catch_unwind()
        .await
        .unwrap_or_else(|payload| {
            let words = panic_words(payload);
            if words.contains("can call blocking only when running on the multi-threaded") {
                panic!(
                    "{}",
                    world::say!(
                        en: "handler called block_in_place, which panics on a current-thread runtime \
                             (tokio: \"{words}\"). It is the multi-thread runtime's way for sync code \
                             to block; inside async code there is nothing to block for: \
                             api.fetch_user(1).await",
                        ko: "`handler`가 `block_in_place`를 호출했는데, 이 함수는 싱글 스레드 \
                             런타임에서 패닉이 납니다(tokio: `{words}`). 멀티 스레드 런타임에서 \
                             동기 코드가 블로킹할 때 쓰는 방법일 뿐, async 코드 안에서는 블로킹할 \
                             이유가 없습니다: `api.fetch_user(1).await`",
                    )
                );
            }
            if words.contains("Cannot start a runtime from within a runtime") {
                panic!(
                    "{}",
                    world::say!(
                        en: "handler blocked on the call inside a runtime (a block_on: run's, \
                             Runtime's or Handle's), and tokio refuses: \"{words}\". The thread \
                             blocked is the one that must drive the call. Inside async code, wait \
                             with .await: api.fetch_user(1).await",
                        ko: "`handler`가 런타임 안에서 호출이 끝나기를 블로킹으로 기다렸고(`run`, \
                             `Runtime`, `Handle` 중 어느 것의 `block_on`이든), tokio가 이를 \
                             거부합니다: `{words}`. 블로킹된 스레드가 바로 그 호출을 구동해야 \
                             하는 스레드입니다. async 코드 안에서는 `.await`로 기다리십시오: \
                             `api.fetch_user(1).await`",
                    )
                );
            }
            panic::resume_unwind(Box::new(words))
        });

    assert_eq!(user.name, "User1");
    assert_eq!(
        world.trace().finished_at(),
        ms(500),
        "{}",
        world::say!(
            en: "inside a runtime the handler awaits the call: user 1 at 500 ms",
            ko: "런타임 안에서 `handler`는 호출을 await합니다: 500 ms에 사용자 1",
        )
    );
    // What a block_on here does instead: tokio refuses, in these words.
    let nested = panic::catch_unwind(|| {
        Builder::new_current_thread()
            .build()
            .expect("a runtime builds anywhere")
            .block_on(async {})
    });
    let words = panic_words(nested.expect_err("block_on inside a runtime panics"));
    assert!(
        words.contains("Cannot start a runtime from within a runtime"),
        "{}",
        world::say!(
            en: "block_on inside a runtime panics with \"Cannot start a runtime from within a \
                 runtime\", but it said: {words}",
            ko: "런타임 안에서 `block_on`을 호출하면 `Cannot start a runtime from within a \
                 runtime` 패닉이 나야 하는데, 실제 메시지는 이렇습니다: {words}",
        )
    );
    let on_handle = panic::catch_unwind(|| Handle::current().block_on(async {}));
    let words = panic_words(on_handle.expect_err("Handle::block_on inside a runtime panics"));
    assert!(
        words.contains("Cannot start a runtime from within a runtime"),
        "{}",
        world::say!(
            en: "Handle::block_on inside a runtime panics just the same, but it said: {words}",
            ko: "런타임 안에서 `Handle::block_on`을 호출해도 똑같이 패닉이 나야 하는데, 실제 \
                 메시지는 이렇습니다: {words}",
        )
    );
    assert_timeline!("step4_handler", world);
}

#[world::step]
fn step5_sync_main() {
    let runtime = Builder::new_current_thread()
        .enable_all()
        .start_paused(true)
        .build()
        .expect("cannot build the test's runtime");
    let world = runtime.block_on(async { World::start() });
    let api = Api::new(&world);

    // The kata code is synchronous: no `within` around it, so the harness
    // watches it in real time (a block_on that nothing drives never returns).
    let user = watched(|| kata::sync_main(runtime, &api));

    assert_eq!(user.name, "User1");
    let user_call = world.trace().spans_of("fetch_user(1)");
    let user_call = user_call.first().expect(&world::say!(
        en: "sync_main returned user 1 without calling fetch_user(1)",
        ko: "`sync_main`이 `fetch_user(1)`을 호출하지 않고 사용자 1을 반환했습니다",
    ));
    assert!(
        user_call.end != Some(ms(0)),
        "{}",
        world::say!(
            en: "fetch_user(1) took no time on the clock of the runtime sync_main was handed: it ran \
                 on another runtime, one sync_main built itself (its clock not paused, so the run \
                 took real time). Use the runtime you are handed: runtime.spawn the job, then \
                 runtime.block_on",
            ko: "`sync_main`이 받은 런타임의 시계로 `fetch_user(1)`에 시간이 전혀 걸리지 \
                 않았습니다: `sync_main`이 직접 만든 다른 런타임에서 실행된 것입니다(그 런타임의 \
                 시계는 멈춰 있지 않으므로 실제 시간이 걸렸습니다). 받은 런타임을 쓰십시오: \
                 작업을 `runtime.spawn`한 다음 `runtime.block_on`하십시오",
        )
    );
    let spans = world.trace().spans_of("fetch_data(1)");
    let job = spans.first().unwrap_or_else(|| {
        panic!(
            "{}",
            world::say!(
                en: "the background job fetch_data(1) never started: a current_thread runtime runs \
                     a spawned task only while Runtime::block_on drives it",
                ko: "백그라운드 작업 `fetch_data(1)`이 시작되지 않았습니다: 싱글 스레드 런타임은 \
                     `Runtime::block_on`이 구동하는 동안에만 spawn된 태스크를 실행합니다",
            )
        )
    });
    assert!(
        job.thread == Thread::Runtime,
        "{}",
        world::say!(
            en: "fetch_data(1) ran on another thread, not on the runtime sync_main was handed (a \
                 thread of its own with a runtime of its own, or spawn_blocking): the background \
                 job is a task on the runtime you are handed. runtime.spawn it, block_on the user, \
                 then block_on its JoinHandle",
            ko: "`fetch_data(1)`이 `sync_main`이 받은 런타임이 아니라 다른 스레드에서 \
                 실행되었습니다(자체 런타임을 가진 별도 스레드, 또는 `spawn_blocking`): \
                 백그라운드 작업은 받은 런타임 위의 태스크입니다. `runtime.spawn`으로 띄우고, \
                 사용자를 `block_on`한 다음, 그 `JoinHandle`을 `block_on`하십시오",
        )
    );
    assert!(
        job.task.is_some(),
        "{}",
        world::say!(
            en: "the background job is a task of its own (runtime.spawn), but fetch_data(1) ran in \
                 none: it was polled inside block_on's own future",
            ko: "백그라운드 작업은 별도의 태스크여야 하는데(`runtime.spawn`), `fetch_data(1)`은 \
                 어떤 태스크에서도 실행되지 않았습니다: `block_on`에 넘긴 future 안에서 \
                 poll되었습니다",
        )
    );
    assert_eq!(
        job.start,
        ms(0),
        "{}",
        world::say!(
            en: "the job is spawned before the user is fetched, so it starts at 0 ms, as soon as \
                 block_on drives the runtime",
            ko: "작업은 사용자를 가져오기 전에 spawn되므로, `block_on`이 런타임을 구동하자마자 \
                 0 ms에 시작합니다",
        )
    );
    assert!(
        job.ending != Ending::Cancelled,
        "{}",
        world::say!(
            en: "the runtime was dropped with fetch_data(1) still running, and its task was dropped \
                 at shutdown, at its .await ({:?} in): dropping a runtime (or shutdown_timeout) does \
                 not wait for tasks. block_on the JoinHandle before the runtime goes",
            ko: "`fetch_data(1)`이 아직 실행 중일 때 런타임이 drop되어, 그 태스크가 종료 과정에서 \
                 `.await` 지점에서 drop되었습니다({:?} 시점): 런타임을 \
                 drop해도(`shutdown_timeout`도 마찬가지로) 태스크를 기다리지 않습니다. 런타임이 \
                 사라지기 전에 `JoinHandle`을 `block_on`하십시오",
            job.end.unwrap_or_default(),
        )
    );
    assert_eq!(
        job.end,
        Some(ms(1000)),
        "{}",
        world::say!(
            en: "the background job runs its full 1 s, to 1000 ms",
            ko: "백그라운드 작업은 1초를 다 채워 1000 ms까지 실행됩니다",
        )
    );
    assert_eq!(
        user_call.start,
        ms(0),
        "{}",
        world::say!(
            en: "fetch_user(1) started only when the job was done: sync_main blocked on the job \
                 first, and a block_on drives the runtime only until its own future is done, so the \
                 user call was not polled before then and the program took 1500 ms. Block on the \
                 user first (the spawned job runs meanwhile), then on the job",
            ko: "`fetch_user(1)`이 작업이 끝난 뒤에야 시작했습니다: `sync_main`이 작업을 먼저 \
                 `block_on`했는데, `block_on`은 자기 future가 끝날 때까지만 런타임을 구동하므로 \
                 그때까지 사용자 호출은 poll되지 않았고 프로그램은 1500 ms 걸렸습니다. 사용자를 \
                 먼저 `block_on`하고(그동안 spawn한 작업이 실행됩니다), 그다음 작업을 \
                 `block_on`하십시오",
        )
    );
    assert_timeline!("step5_sync_main", world);
}
