//! Kata 16, pin: one test per step of the README.
//!
//! Compiled twice, against the kata and against its reference solution, so
//! both are judged by the same tests and the same snapshots.

use std::time::Duration;

use kata::{DeadlinePassed, Node};
#[cfg(not(feature = "reference"))]
use pin as kata;
#[cfg(feature = "reference")]
use pin_solution as kata;
use tokio::time::Instant;
use world::kit::{first_call, ms};
use world::{Api, Console, Job, World, assert_timeline, within};

/// Every span on `row`, as (start, end) in whole milliseconds, an end of
/// `None` for one still open.
fn bars(world: &World, row: &str) -> Vec<(u128, Option<u128>)> {
    world
        .trace()
        .spans_of(row)
        .iter()
        .map(|s| (s.start.as_millis(), s.end.map(|e| e.as_millis())))
        .collect()
}

/// When the first call on `row` started, in ms (one never called fails).
fn started(world: &World, row: &str) -> u128 {
    first_call(world, row).start.as_millis()
}

/// Step 2's call made once, and its data answered: what the tie and the
/// schedule tests check before they look at the beats (the first step 2
/// test says why in full).
fn data_from_one_call(
    world: &World,
    outcome: Result<String, tokio::time::error::Elapsed>,
) -> String {
    let starts: Vec<u128> = bars(world, "fetch_data(1)")
        .iter()
        .map(|bar| bar.0)
        .collect();
    assert!(
        starts.len() <= 1,
        "{}",
        world::say!(
            en: "fetch_data(1) started {} times (at {starts:?} ms): create the call once, before \
                 the loop, pin it and select on &mut it",
            ko: "`fetch_data(1)`이 {}번 시작했습니다(시각 {starts:?} ms): 호출을 루프 앞에서 한 번 \
                 만들어 고정하고 `&mut`로 `select!`하십시오",
            starts.len(),
        )
    );
    outcome.unwrap_or_else(|_| {
        panic!(
            "{}",
            world::say!(
                en: "heartbeat_while did not answer within 3 s: fetch_data(1) answers at 1000 ms",
                ko: "`heartbeat_while`이 3초 안에 답하지 않았습니다: `fetch_data(1)`은 1000 ms에 \
                     답합니다",
            )
        )
    })
}

#[world::step]
async fn step1_deadline() {
    let world = World::start();
    let api = Api::new(&world);
    let t0 = Instant::now();

    // a. On time: the user answers at 500 ms, the deadline is at 800 ms.
    let on_time = within(10, kata::with_deadline(api.fetch_user(1), t0 + ms(800))).await;
    assert_eq!(
        on_time.as_ref().map(|u| u.name.as_str()),
        Ok("User1"),
        "{}",
        world::say!(
            en: "fetch_user(1) answers at 500 ms, before its deadline at 800 ms: Deadline must \
                 answer Ok(the user) then",
            ko: "`fetch_user(1)`은 데드라인(800 ms)보다 이른 500 ms에 답합니다: 그때 `Deadline`은 \
                 Ok(사용자)를 답해야 합니다",
        )
    );
    assert_eq!(
        world.now(),
        ms(500),
        "{}",
        world::say!(
            en: "a future that finishes before its deadline is answered when it finishes (500 ms), \
                 not at the deadline",
            ko: "데드라인 전에 끝난 future는 데드라인이 아니라 끝난 때(500 ms) 답합니다",
        )
    );

    // b. Too slow: fetch_data takes 1 s, the deadline is 600 ms away.
    let start = Instant::now();
    let late = within(10, kata::with_deadline(api.fetch_data(1), start + ms(600))).await;
    let answered = world.now().as_millis();
    assert!(
        late.is_err(),
        "{}",
        world::say!(
            en: "fetch_data(1) (1 s) started at 500 ms with a deadline at 1100 ms, but Deadline \
                 answered {late:?} at {answered} ms: nothing woke the task at the deadline. Poll \
                 the timer (a Sleep kept in the struct) in every poll: polling it is what \
                 registers the waker. A Sleep created and dropped inside poll forgets its timer",
            ko: "`fetch_data(1)`(1초)은 500 ms에 시작했고 데드라인은 1100 ms인데, `Deadline`이 \
                 {answered} ms에 {late:?}를 답했습니다: 데드라인에 태스크를 깨운 것이 없습니다. \
                 poll할 때마다 타이머(구조체에 보관한 `Sleep`)를 poll하십시오: 그 poll이 `Waker`를 \
                 등록합니다. poll 안에서 만들고 drop한 `Sleep`은 타이머를 잊습니다",
        )
    );
    assert_eq!(
        answered,
        1100,
        "{}",
        world::say!(
            en: "the deadline of fetch_data(1) is 1100 ms: Deadline answers Err(DeadlinePassed) \
                 then, not at {answered} ms",
            ko: "`fetch_data(1)`의 데드라인은 1100 ms입니다: `Deadline`은 {answered} ms가 아니라 \
                 그때 Err(DeadlinePassed)를 답합니다",
        )
    );
    assert_eq!(
        bars(&world, "fetch_data(1)"),
        [(500, Some(1100))],
        "{}",
        world::say!(
            en: "fetch_data(1) runs once, from 500 ms until its deadline at 1100 ms, where it is \
                 dropped (x)",
            ko: "`fetch_data(1)`은 한 번, 500 ms부터 데드라인인 1100 ms까지 실행되고 거기서 \
                 drop됩니다(x)",
        )
    );

    // c. An async block that borrows across an .await: self-referential,
    // so not Unpin. Deadline must take it all the same.
    let start = Instant::now();
    let api2 = api.clone();
    let block = async move {
        let user = api2.fetch_user(2).await;
        let name = &user.name; // a borrow of the block's own local...
        let post = api2.fetch_post(user.id).await; // ...held across this .await
        format!("{name}: {post}")
    };
    let both = within(10, kata::with_deadline(block, start + ms(1000))).await;
    assert_eq!(
        both.as_deref(),
        Ok("User2: Post2"),
        "{}",
        world::say!(
            en: "an async block that borrows its own local across an .await (User2, then Post2, \
                 800 ms) finishes before its deadline (1000 ms): Ok(\"User2: Post2\")",
            ko: "자기 지역 변수를 빌린 채 `.await`를 넘는 async 블록(User2 다음 Post2, 800 ms)은 \
                 데드라인(1000 ms) 전에 끝납니다: Ok(\"User2: Post2\")",
        )
    );

    // d. A future that is ready at once, under a deadline already due.
    let ready = within(10, kata::with_deadline(async { "ready" }, Instant::now())).await;
    assert_eq!(
        ready,
        Ok("ready"),
        "{}",
        world::say!(
            en: "a future that is already done is answered Ok even when its deadline is due in \
                 the same instant: poll the future first, then the timer (as tokio's timeout does)",
            ko: "이미 끝난 future는 데드라인이 같은 순간에 다가왔더라도 Ok로 답합니다: future를 \
                 먼저 poll하고, 그다음 타이머를 poll하십시오(tokio의 `timeout`처럼)",
        )
    );

    // e. A future that is not ready, under a deadline already due.
    let now = Instant::now();
    let past = within(10, kata::with_deadline(api.fetch_post(3), now)).await;
    assert_eq!(
        past.map(|p| p.title),
        Err(DeadlinePassed),
        "{}",
        world::say!(
            en: "a deadline that is already due fails a future that is not ready at its first \
                 poll, at once",
            ko: "이미 다가온 데드라인은 준비되지 않은 future를 첫 poll에서 곧바로 실패시킵니다",
        )
    );
    assert_eq!(
        world.now(),
        ms(1900),
        "{}",
        world::say!(
            en: "a deadline already due answers at once: the fifth case is done at 1900 ms",
            ko: "이미 다가온 데드라인은 곧바로 답합니다: 다섯째 경우는 1900 ms에 끝납니다",
        )
    );

    // f. Polled first in one task, then awaited in another: the waker that
    // the timer must wake at the deadline is the second task's.
    let start = Instant::now();
    let api4 = api.clone();
    let mut moved = Box::pin(kata::with_deadline(
        async move { api4.fetch_post(4).await.title },
        start + ms(100),
    ));
    let first = within(
        10,
        tokio::spawn(async move {
            let first = futures::poll!(moved.as_mut());
            (first.is_pending(), moved)
        }),
    )
    .await;
    let (pending, moved) = first.unwrap_or_else(|e| {
        panic!(
            "{}",
            world::say!(
                en: "the task that polled the Deadline first failed: {e}",
                ko: "`Deadline`을 처음 poll한 태스크가 실패했습니다: {e}",
            )
        )
    });
    assert!(
        pending,
        "{}",
        world::say!(
            en: "fetch_post(4) (300 ms) is not ready at its first poll, nor is its deadline (100 ms \
                 away): Deadline must answer Pending",
            ko: "`fetch_post(4)`(300 ms)도 그 데드라인(100 ms 뒤)도 첫 poll에는 준비되지 않았습니다: \
                 `Deadline`은 Pending을 답해야 합니다",
        )
    );
    let moved_out = within(10, moved).await;
    let answered = world.now().as_millis();
    assert!(
        moved_out.is_err() && answered == 2000,
        "{}",
        world::say!(
            en: "a Deadline first polled in one task, then awaited in another, answered \
                 {moved_out:?} at {answered} ms, not Err(DeadlinePassed) at its deadline (2000 ms): \
                 its timer still held the first task's Waker. Poll the timer on every poll, with \
                 that poll's cx: the task that polls it is the one it wakes, and polling it once is \
                 not enough",
            ko: "한 태스크에서 처음 poll하고 다른 태스크에서 await한 `Deadline`이 데드라인(2000 ms)에 \
                 Err(DeadlinePassed)가 아니라 {answered} ms에 {moved_out:?}를 답했습니다: 타이머가 \
                 아직 첫 태스크의 `Waker`를 쥐고 있었습니다. poll할 때마다 그 poll의 `cx`로 타이머를 \
                 poll하십시오: 타이머는 자기를 poll한 태스크를 깨우므로, 한 번 poll로는 부족합니다",
        )
    );
    assert_no_timeout_in_deadline();
    assert_eq!(
        world.trace().finished_at(),
        ms(2000),
        "{}",
        world::say!(
            en: "every case answers at its finish or its deadline: all done at 2000 ms",
            ko: "모든 경우는 끝날 때나 데드라인에 답합니다: 모두 2000 ms에 끝납니다",
        )
    );
    assert_timeline!("step1_deadline", world);
}

#[world::step]
async fn step2_one_call_in_flight() {
    let world = World::start();
    let api = Api::new(&world);
    let console = Console::new(&world);

    // A wrong loop never ends: give it 3 s, then read what it did.
    let outcome = within(
        10,
        tokio::time::timeout(ms(3000), kata::heartbeat_while(&api, &console, ms(300))),
    )
    .await;

    let calls = bars(&world, "fetch_data(1)");
    let starts: Vec<u128> = calls.iter().map(|bar| bar.0).collect();
    assert!(
        calls.len() <= 1,
        "{}",
        world::say!(
            en: "fetch_data(1) started {} times (at {starts:?} ms), each cancelled (x) when the \
                 next beat won: a call written inside select! is a new future every turn, and the \
                 loser is dropped. Create the call once, before the loop, pin it (std::pin::pin!, \
                 tokio::pin! or Box::pin) and select on &mut it",
            ko: "`fetch_data(1)`이 {}번 시작했고(시각 {starts:?} ms) 다음 박자가 이길 때마다 \
                 취소되었습니다(x): `select!` 안에 쓴 호출은 턴마다 새 future이고, 진 쪽은 drop됩니다. \
                 호출을 루프 앞에서 한 번 만들어 고정하고(`std::pin::pin!`, `tokio::pin!`, \
                 `Box::pin`) `&mut`로 `select!`하십시오",
            calls.len(),
        )
    );
    let data = outcome.unwrap_or_else(|_| {
        panic!(
            "{}",
            world::say!(
                en: "heartbeat_while did not answer within 3 s: fetch_data(1) answers at 1000 ms, \
                     and the loop must return its data then",
                ko: "`heartbeat_while`이 3초 안에 답하지 않았습니다: `fetch_data(1)`은 1000 ms에 \
                     답하고, 루프는 그때 그 데이터를 돌려줘야 합니다",
            )
        )
    });
    assert_eq!(data, "Data 1");
    assert_eq!(
        calls,
        [(0, Some(1000))],
        "{}",
        world::say!(
            en: "one call in flight from the start: fetch_data(1) runs once, from 0 to 1000 ms",
            ko: "처음부터 호출 하나가 진행 중입니다: `fetch_data(1)`은 한 번, 0부터 1000 ms까지 \
                 실행됩니다",
        )
    );
    let beats: Vec<u64> = console.printed_ms().iter().map(|(at, _)| *at).collect();
    assert_eq!(
        beats,
        [0, 300, 600, 900],
        "{}",
        world::say!(
            en: "a beat prints `waiting` at once and every 300 ms while the call runs (0, 300, \
                 600, 900 ms), and none after it answered",
            ko: "박자는 곧바로, 그리고 호출이 실행되는 동안 300 ms마다(0, 300, 600, 900 ms) \
                 `waiting`을 출력하고, 호출이 답한 뒤에는 출력하지 않습니다",
        )
    );
    assert_eq!(
        world.now(),
        ms(1000),
        "{}",
        world::say!(
            en: "the loop answers when the call answers (1000 ms), not at the next beat",
            ko: "루프는 다음 박자가 아니라 호출이 답할 때(1000 ms) 답합니다",
        )
    );
    assert_beats_from_the_loop(&world);
    assert_timeline!("step2_one_call_in_flight", world);
}

/// Step 2's ending, in the schedules that are not the first's: the loop
/// answers when the call does (1000 ms), and every beat came from the loop.
fn assert_loop_answered_with_the_call(world: &World) {
    assert_eq!(
        world.now(),
        ms(1000),
        "{}",
        world::say!(
            en: "the loop answers when the call answers (1000 ms)",
            ko: "루프는 호출이 답할 때(1000 ms) 답합니다",
        )
    );
    assert_beats_from_the_loop(world);
}

/// Step 2's "one `select!` loop": every `waiting` is printed by
/// heartbeat_while's own task (the test's), not by a task it spawned.
fn assert_beats_from_the_loop(world: &World) {
    let own = tokio::task::try_id();
    let spawned: Vec<u128> = world
        .trace()
        .events()
        .iter()
        .filter(|event| matches!(&event.kind, world::trace::Kind::Note(line) if line == "waiting"))
        .filter(|event| event.task != own)
        .map(|event| event.at.as_millis())
        .collect();
    assert!(
        spawned.is_empty(),
        "{}",
        world::say!(
            en: "`waiting` was printed at {spawned:?} ms by a task heartbeat_while spawned, not by \
                 its own loop: step 2 asks for one select! loop that polls the beat and the call \
                 kept in flight (&mut call, pinned) turn after turn, with no task beside it",
            ko: "`waiting`을 {spawned:?} ms에 `heartbeat_while`이 spawn한 태스크가 출력했습니다: \
                 2단계는 박자와 진행 중인 호출(고정한 `&mut call`)을 턴마다 poll하는 `select!` \
                 루프 하나를 요구합니다. 곁에 태스크를 두지 마십시오",
        )
    );
}

/// How many times `step2_beat_due_with_the_data` plays its tie. Without
/// `biased;`, `select!` polls its branches from a random one each turn
/// (tokio seeds that choice afresh in every runtime, and offers no stable
/// way to fix the seed), so a loop that leaves the tie to chance wins it
/// half the time: played 20 times, it wins them all once in 2^20 runs.
const TIES: u32 = 20;

#[world::step]
async fn step2_beat_due_with_the_data() {
    for tie in 1..=TIES {
        beat_due_with_the_data(tie).await;
    }
}

/// One play of the tie: every 250 ms, the fifth beat is due at 1000 ms,
/// the instant the data comes. The data wins it: no `waiting` after the
/// answer. Each play in a world of its own, so that a failure shows that
/// play's timeline beside the reference.
async fn beat_due_with_the_data(tie: u32) {
    let world = World::start();
    let api = Api::new(&world);
    let console = Console::new(&world);

    let outcome = within(
        10,
        tokio::time::timeout(ms(3000), kata::heartbeat_while(&api, &console, ms(250))),
    )
    .await;
    assert_eq!(data_from_one_call(&world, outcome), "Data 1");
    let beats: Vec<u64> = console.printed_ms().iter().map(|(at, _)| *at).collect();
    // The specific cause first: the data won the ties before this one, so
    // the loop's branch order is left to chance.
    assert!(
        tie == 1 || beats != [0, 250, 500, 750, 1000],
        "{}",
        world::say!(
            en: "the data won the tie at 1000 ms {won} times, then lost it in play {tie} of \
                 {TIES}: the beat printed `waiting` in the instant the data came. Without biased; \
                 select! polls its branches from a random one each turn, so a beat due with the \
                 data wins half the time. Write biased; and put the call's branch first",
            ko: "데이터가 1000 ms의 동점을 {won}번 이기고 {TIES}번 중 {tie}번째에 졌습니다: \
                 데이터가 온 순간에 박자가 `waiting`을 출력했습니다. `biased;`가 없으면 \
                 `select!`는 턴마다 무작위로 고른 분기부터 poll하므로, 데이터와 같은 순간에 온 박자가 \
                 절반은 이깁니다. `biased;`를 쓰고 호출의 분기를 먼저 두십시오",
            won = tie - 1,
        )
    );
    assert_eq!(
        beats,
        [0, 250, 500, 750],
        "{}",
        world::say!(
            en: "with a beat every 250 ms the fifth is due at 1000 ms, the instant the data comes: \
                 the data wins it, and no `waiting` is printed then. Keep the call in the loop's \
                 own task and put its branch first under biased; (without biased; select! polls its \
                 branches from a random one each turn, and the beat wins such a tie half the time: \
                 this test plays it {TIES} times; a call spawned elsewhere reaches the loop through its JoinHandle \
                 only after the beat of the same instant)",
            ko: "250 ms 박자면 다섯째 박자가 데이터가 오는 순간인 1000 ms에 옵니다: 데이터가 \
                 이기고, 그때 `waiting`은 출력하지 않습니다. 호출을 루프 자신의 태스크에 두고 `biased;` \
                 아래 그 분기를 먼저 두십시오(`biased;`가 없으면 `select!`는 턴마다 무작위로 고른 분기부터 \
                 poll하므로 그런 동점을 박자가 절반은 이기고, 이 테스트는 그 동점을 {TIES}번 되풀이합니다. 다른 곳에 \
                 spawn한 호출은 같은 순간의 박자 뒤에야 `JoinHandle`을 거쳐 루프에 닿습니다)",
        )
    );
    assert_loop_answered_with_the_call(&world);
    assert_timeline!("step2_beat_due_with_the_data", world);
}

/// Holds the runtime's only thread from `at` for `by`, as a blocking call
/// in another task would: no task runs meanwhile, and the clock moves on.
/// Drawn `#` on the row `another task`. On the paused clock the hold is a
/// jump of the clock (tokio's `advance`); in the real-clock run, a real
/// hold of the thread.
fn hold_the_thread(world: &World, at: Duration, by: Duration) -> tokio::task::JoinHandle<()> {
    let world = world.clone();
    let from = Instant::now() + at;
    tokio::spawn(async move {
        tokio::time::sleep_until(from).await;
        let span = world.span("another task", "", world::Fill::Blocked);
        if world::real_clock::real_clock() {
            std::thread::sleep(by);
        } else {
            tokio::time::advance(by).await;
        }
        span.end(None::<String>);
    })
}

#[world::step]
async fn step2_beats_keep_their_schedule() {
    let world = World::start();
    let api = Api::new(&world);
    let console = Console::new(&world);

    // Another task holds the thread from 550 to 650 ms: the beat due at
    // 600 ms can print only at 650. interval's next beat is still due at
    // 900 ms; a timer made afresh each turn would count 300 ms from 650.
    let other = hold_the_thread(&world, ms(550), ms(100));
    let outcome = within(
        10,
        tokio::time::timeout(ms(3000), kata::heartbeat_while(&api, &console, ms(300))),
    )
    .await;
    within(10, other).await.unwrap_or_else(|e| {
        panic!(
            "{}",
            world::say!(
                en: "the test's task that holds the thread failed: {e}",
                ko: "스레드를 붙잡는 테스트의 태스크가 실패했습니다: {e}",
            )
        )
    });

    assert_eq!(data_from_one_call(&world, outcome), "Data 1");
    let beats: Vec<u64> = console.printed_ms().iter().map(|(at, _)| *at).collect();
    // The specific cause first: the late beat pushed the next one.
    let pushed = beats.contains(&650) && beats.contains(&950) && !beats.contains(&900);
    assert!(
        !pushed,
        "{}",
        world::say!(
            en: "waiting at {beats:?} ms: the beat due at 600 ms printed late, at 650 ms (another \
                 task held the thread from 550 ms), and the next came 300 ms after that late turn, \
                 at 950 ms, not at 900 ms. A timer made afresh each turn (sleep(every) or \
                 timeout(every, ..) in the loop) counts from when its turn ran, so every late turn \
                 pushes all the later beats, as asyncio.wait's beats drift. \
                 tokio::time::interval keeps to its schedule: make it once, before the loop, and \
                 select on its tick()",
            ko: "`waiting`이 {beats:?} ms에 출력되었습니다: 600 ms의 박자가 늦게, 650 ms에 \
                 출력되었고(다른 태스크가 550 ms부터 스레드를 붙잡았습니다) 다음 박자가 900 ms가 \
                 아니라 그 늦은 턴에서 300 ms 뒤인 950 ms에 왔습니다. 턴마다 새로 만든 \
                 타이머(루프 안의 `sleep(every)`나 `timeout(every, ..)`)는 그 턴이 실행된 때부터 \
                 세므로, 늦은 턴마다 뒤의 박자가 모두 밀립니다. `asyncio.wait`의 박자가 밀리는 \
                 것과 같습니다. `tokio::time::interval`은 일정을 지킵니다: 루프 앞에서 한 번 \
                 만들고 그 `tick()`을 `select!`하십시오",
        )
    );
    assert_eq!(
        beats,
        [0, 300, 650, 900],
        "{}",
        world::say!(
            en: "the beats keep interval's schedule: waiting at 0 and 300 ms, at 650 ms for the \
                 beat due at 600 (the thread was held until then), and at 900 ms, on schedule; none \
                 after the data came",
            ko: "박자는 `interval`의 일정을 지킵니다: `waiting`은 0 ms와 300 ms에, 600 ms의 박자는 \
                 650 ms에(그때까지 스레드가 붙잡혀 있었습니다), 그리고 일정대로 900 ms에 출력되고, \
                 데이터가 온 뒤에는 출력되지 않습니다",
        )
    );
    assert_loop_answered_with_the_call(&world);
    assert_timeline!("step2_beats_keep_their_schedule", world);
}

#[world::step]
async fn step3_recursive_tree() {
    let world = World::start();
    let job = |name: &str, millis: u64| Job::new(&world, name, ms(millis));
    let leaf = |name: &str, millis: u64| Node {
        job: job(name, millis),
        children: vec![],
    };
    // a (100 ms) -> b (300 ms) -> d (100 ms)
    //            -> c (100 ms) -> e (400 ms), f (100 ms)
    let tree = Node {
        job: job("a", 100),
        children: vec![
            Node {
                job: job("b", 300),
                children: vec![leaf("d", 100)],
            },
            Node {
                job: job("c", 100),
                children: vec![leaf("e", 400), leaf("f", 100)],
            },
        ],
    };

    let reports = within(10, kata::run_tree(&tree)).await;

    let at: Vec<u128> = ["a", "b", "c", "d", "e", "f"]
        .iter()
        .map(|row| started(&world, row))
        .collect();
    let done = |row: &str| bars(&world, row).first().and_then(|bar| bar.1);
    for (child, parent) in [("b", "a"), ("c", "a"), ("d", "b"), ("e", "c"), ("f", "c")] {
        let (child_at, parent_done) = (started(&world, child), done(parent));
        assert!(
            parent_done.is_some_and(|end| child_at >= end),
            "{}",
            world::say!(
                en: "{child} started at {child_at} ms, before its parent {parent} was done (at \
                     {parent_done:?} ms): a node's children run after its job, not beside it. Await \
                     the node's job first, then run its children's trees",
                ko: "`{child}` 작업이 부모 `{parent}`가 끝나기({parent_done:?} ms) 전인 {child_at} ms에 \
                     시작했습니다: 노드의 자식들은 그 작업 곁이 아니라 그 뒤에 실행합니다. 노드의 \
                     작업을 먼저 await하고, 그다음 자식들의 트리를 실행하십시오",
            )
        );
    }
    let (c, e) = (at[2], at[4]);
    assert!(
        !(c == 100 && e == 400),
        "{}",
        world::say!(
            en: "e started at 400 ms, when b was done, not at 200 ms, when its parent c was: the \
                 tree ran level by level, each level waiting for the slowest job of the one before. \
                 Recurse: each subtree starts as soon as its own parent is done",
            ko: "`e` 작업이 부모 `c`가 끝난 200 ms가 아니라 `b`가 끝난 400 ms에 시작했습니다: 트리를 \
                 층별로 실행해 층마다 앞 층의 가장 느린 작업을 기다렸습니다. 재귀하십시오: 각 \
                 서브트리는 자기 부모가 끝나는 즉시 시작합니다",
        )
    );
    assert_eq!(
        c,
        100,
        "{}",
        world::say!(
            en: "c started at {c} ms, not at 100 ms when a was done: the children ran one after \
                 the other. Run a node's children concurrently (join_all over the boxed recursive \
                 calls)",
            ko: "`c` 작업이 `a`가 끝난 100 ms가 아니라 {c} ms에 시작했습니다: 자식들을 차례로 \
                 실행했습니다. 한 노드의 자식들은 동시에 실행하십시오(box에 담은 재귀 호출들에 \
                 `join_all`)",
        )
    );
    assert_eq!(
        at,
        [0, 100, 100, 400, 200, 200],
        "{}",
        world::say!(
            en: "each job starts when its parent is done: a 0, b 100, c 100, d 400, e 200, f 200 ms",
            ko: "각 작업은 부모가 끝날 때 시작합니다: a 0, b 100, c 100, d 400, e 200, f 200 ms",
        )
    );
    assert_eq!(
        reports,
        ["a done", "b done", "d done", "c done", "e done", "f done"],
        "{}",
        world::say!(
            en: "the reports in tree order, not finishing order: a node first, then its children's \
                 trees in the order of children",
            ko: "보고는 끝난 순서가 아니라 트리 순서입니다: 노드 먼저, 그다음 `children` 순서대로 \
                 자식들의 트리",
        )
    );
    assert_eq!(
        world.trace().finished_at(),
        ms(600),
        "{}",
        world::say!(
            en: "the tree takes its longest path, a c e: 100 + 100 + 400 = 600 ms",
            ko: "트리는 가장 긴 경로 a c e만큼 걸립니다: 100 + 100 + 400 = 600 ms",
        )
    );
    assert_timeline!("step3_recursive_tree", world);
}

/// Step 4's checks of when each call started: at `at`, when run_checks
/// polled the list; earlier is an eager check, later a list run one check
/// after the other.
fn assert_checks_start_at(world: &World, since: u128, at: u128) {
    for row in ["fetch_user(1)", "fetch_post(1)", "fetch_data(1)"] {
        let first = started_since(world, row, since);
        assert!(
            first.is_none_or(|first| first >= at),
            "{}",
            world::say!(
                en: "{row} started at {first:?} ms: a check must not start when checks() makes it, \
                     only when run_checks polls it (at {at} ms). A boxed future is as lazy as any; \
                     a spawned task is not",
                ko: "`{row}` 호출이 {first:?} ms에 시작했습니다: 검사는 `checks()`가 만들 때가 아니라 \
                     `run_checks`가 poll할 때({at} ms)에만 시작해야 합니다. box에 담은 future도 여느 \
                     future처럼 lazy하고, spawn한 태스크는 그렇지 않습니다",
            )
        );
        assert_eq!(
            first,
            Some(at),
            "{}",
            world::say!(
                en: "{row} started at {first:?} ms, not at {at} ms when run_checks began: the checks \
                     ran one after the other, each waiting for the one before. Run them all at once \
                     (join_all over the checks, each under the deadline)",
                ko: "`{row}` 호출이 `run_checks`가 시작한 {at} ms가 아니라 {first:?} ms에 \
                     시작했습니다: 검사들을 차례로, 각각 앞 검사를 기다리며 실행했습니다. 모두 \
                     동시에 실행하십시오(검사들에 `join_all`, 각각 데드라인 아래)",
            )
        );
    }
}

/// Step 4's outcomes, the specific mistakes first: one deadline over the
/// whole list, then the right outcomes in another order.
fn assert_outcomes(
    outcomes: &[Result<String, DeadlinePassed>],
    expected: &[Result<String, DeadlinePassed>],
    what: &str,
) {
    let all_failed = outcomes.iter().all(Result::is_err) && expected.iter().any(Result::is_ok);
    assert!(
        !all_failed || outcomes.len() != expected.len(),
        "{}",
        world::say!(
            en: "{what}: every check answered Err(DeadlinePassed), even those done in time: one \
                 deadline over the whole list fails all of them when the slowest is late. Put each \
                 check under the deadline on its own (with_deadline(check, deadline) for each), then \
                 join them",
            ko: "{what}: 제때 끝난 검사까지 모든 검사가 Err(DeadlinePassed)를 답했습니다: 목록 전체에 \
                 데드라인 하나를 걸면 가장 느린 검사가 늦을 때 모두 실패합니다. 검사마다 따로 \
                 데드라인을 걸고(검사마다 `with_deadline(check, deadline)`) 그다음 join하십시오",
        )
    );
    let key = |list: &[Result<String, DeadlinePassed>]| {
        let mut sorted: Vec<String> = list.iter().map(|o| format!("{o:?}")).collect();
        sorted.sort();
        sorted
    };
    let reordered = outcomes != expected && key(outcomes) == key(expected);
    assert!(
        !reordered,
        "{}",
        world::say!(
            en: "{what}: the right outcomes in the wrong order ({outcomes:?}): answer them in the \
                 order of the list, not the order they finished (join_all keeps it)",
            ko: "{what}: 결과는 맞지만 순서가 틀렸습니다({outcomes:?}): 끝난 순서가 아니라 목록의 \
                 순서로 답하십시오(`join_all`은 그 순서를 지킵니다)",
        )
    );
    assert_eq!(
        outcomes,
        expected,
        "{}",
        world::say!(
            en: "{what}: one outcome per check, in the order of the list",
            ko: "{what}: 검사마다 결과 하나, 목록의 순서대로",
        )
    );
}

#[world::step]
async fn step4_boxed_list() {
    let world = World::start();
    let api = Api::new(&world);

    // Made at 0 ms, run from 100 ms, every check due at 700 ms.
    let checks = kata::checks(&api);
    assert_eq!(
        checks.len(),
        3,
        "{}",
        world::say!(
            en: "three checks: the user, the post, the data",
            ko: "검사는 셋입니다: 사용자, 게시글, 데이터",
        )
    );
    tokio::time::sleep(ms(100)).await;
    let t0 = Instant::now() - ms(100);
    let outcomes = within(10, kata::run_checks(checks, t0 + ms(700))).await;
    assert_checks_start_at(&world, 0, 100);
    assert_outcomes(
        &outcomes,
        &[
            Ok("User1".to_owned()),
            Ok("Post1".to_owned()),
            Err(DeadlinePassed),
        ],
        world::say!(
            en: "run from 100 ms, due at 700 ms: the user (done at 600 ms) and the post (400 ms) \
                 are Ok, the data (1100 ms) is not",
            ko: "100 ms부터 실행하고 700 ms가 데드라인이면 사용자(600 ms에 끝남)와 게시글(400 ms)은 \
                 Ok이고 데이터(1100 ms)는 아닙니다",
        )
        .as_str(),
    );
    assert_eq!(
        world.now(),
        ms(700),
        "{}",
        world::say!(
            en: "every check runs at once, each under the deadline: all answered at 700 ms",
            ko: "모든 검사를 동시에, 각각 데드라인 아래 실행합니다: 700 ms에 모두 답합니다",
        )
    );
    assert_timeline!("step4_boxed_list", world);
}

#[world::step]
async fn step4_own_deadlines() {
    let world = World::start();
    let api = Api::new(&world);

    // Made at 0 ms, run from 100 ms, due at 550 ms: only the post is Ok.
    let checks = kata::checks(&api);
    tokio::time::sleep(ms(100)).await;
    let t0 = Instant::now() - ms(100);
    let outcomes = within(10, kata::run_checks(checks, t0 + ms(550))).await;
    assert_checks_start_at(&world, 0, 100);
    assert_outcomes(
        &outcomes,
        &[
            Err(DeadlinePassed),
            Ok("Post1".to_owned()),
            Err(DeadlinePassed),
        ],
        world::say!(
            en: "run from 100 ms, due at 550 ms: only the post (done at 400 ms) is Ok; each check \
                 has its own outcome, not one for the whole list",
            ko: "100 ms부터 실행하고 550 ms가 데드라인이면 게시글(400 ms에 끝남)만 Ok입니다. 결과는 \
                 목록 전체에 하나가 아니라 검사마다 하나씩입니다",
        )
        .as_str(),
    );
    assert_eq!(
        world.now(),
        ms(550),
        "{}",
        world::say!(
            en: "the list answers at its deadline, 550 ms",
            ko: "목록은 데드라인인 550 ms에 답합니다",
        )
    );
    assert_timeline!("step4_own_deadlines", world);
}

/// The source of the crate under test: the learner's, or the reference
/// (which `cargo kata verify` replaces with each catalogued answer).
#[cfg(not(feature = "reference"))]
const SOURCE: &str = include_str!("../katas/16-pin/src/lib.rs");
#[cfg(feature = "reference")]
const SOURCE: &str = include_str!("../solutions/16-pin/src/lib.rs");

/// Step 1's rule, which no behaviour can check: `Deadline` is written by
/// hand over a future and a timer, not by wrapping tokio's `Timeout`, which
/// answers exactly alike. Reads the items of `Deadline` and
/// `with_deadline` (rustfmt's layout: an item starts at column 0 and ends
/// with a line that is `}`), comments left out.
fn assert_no_timeout_in_deadline() {
    let lines: Vec<&str> = SOURCE.lines().collect();
    let mut named = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let starts = !line.starts_with(char::is_whitespace)
            && (line.contains("struct Deadline")
                || line.contains("fn with_deadline")
                || line.contains("for Deadline"));
        if !starts {
            i += 1;
            continue;
        }
        loop {
            let code = lines[i].split("//").next().unwrap_or_default();
            if code.to_lowercase().contains("timeout") {
                named.push(lines[i].trim().to_owned());
            }
            let end = i + 1 == lines.len()
                || matches!(lines[i].trim_end(), "}" | "};")
                || (lines[i] == line && line.trim_end().ends_with(['}', ';']));
            i += 1;
            if end {
                break;
            }
        }
    }
    assert!(
        named.is_empty(),
        "{}",
        world::say!(
            en: "Deadline wraps tokio's timeout ({named:?}): step 1 asks for it without \
                 tokio::time::timeout, which answers exactly alike, so the tests read the source. \
                 Keep the future and a Sleep in the struct and poll both by hand (step 4's run_checks may \
                 use tokio's timeout_at)",
            ko: "`Deadline`이 tokio의 타임아웃(`tokio::time::timeout`)을 감쌉니다({named:?}): 1단계는 똑같이 답하는 \
                 `tokio::time::timeout` 없이 쓰라고 하므로, 테스트가 소스를 읽습니다. future와 \
                 `Sleep`을 구조체에 두고 둘 다 손으로 poll하십시오(4단계의 `run_checks`에서는 \
                 tokio의 `timeout_at`을 써도 됩니다)",
        )
    );
}

/// When the first span on `row` that started at or after `since` ms began.
fn started_since(world: &World, row: &str, since: u128) -> Option<u128> {
    bars(world, row)
        .iter()
        .map(|bar| bar.0)
        .filter(|start| *start >= since)
        .min()
}
