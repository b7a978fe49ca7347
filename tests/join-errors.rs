//! Kata 04, join errors: one test per step of the README.
//!
//! Compiled twice, against the kata and against its reference solution, so
//! both are judged by the same tests and the same snapshots.

use std::any::Any;
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::time::Duration;

use futures::FutureExt;
#[cfg(not(feature = "reference"))]
use join_errors as kata;
#[cfg(feature = "reference")]
use join_errors_solution as kata;
use world::flaky::{BUGGY_ID, MISSING_ID};
use world::kit::ms;
use world::trace::SpanRecord;
use world::{ApiError, Ending, FlakyApi, World, assert_timeline, within};

/// The first call on `row`, or a failure saying it never started.
fn span(world: &World, row: &str, why: &str) -> SpanRecord {
    world
        .trace()
        .spans_of(row)
        .into_iter()
        .next()
        .unwrap_or_else(|| {
            panic!(
                "{}",
                world::say!(
                    en: "{row} was never called (never polled): {why}",
                    ko: "`{row}` 호출이 한 번도 없었습니다(한 번도 poll되지 않았습니다): {why}",
                )
            )
        })
}

/// How a span ended, and when: `(Ending::Cancelled, Some(300 ms))`.
fn ending(span: &SpanRecord) -> (Ending, Option<Duration>) {
    (span.ending, span.end)
}

fn not_found(what: &'static str, id: u32) -> ApiError {
    ApiError::NotFound { what, id }
}

/// Runs `call` as the row `caller`, so the timeline shows when it returned,
/// and lets the runtime run on for a second after that: whatever the call
/// left running shows on the timeline too.
async fn run_as<F: Future>(world: &World, caller: &str, call: F) -> F::Output {
    let output = within(10, world.track(caller, call)).await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    output
}

/// When the row `caller` (see [`run_as`]) returned.
fn returned_at(world: &World, caller: &str) -> Duration {
    world.trace().spans_of(caller)[0]
        .end
        .expect("the caller returned")
}

#[world::step]
async fn step1_seed() {
    let world = World::start();
    let api = FlakyApi::new(&world);

    let answer = run_as(&world, "seed", kata::seed(&api)).await;

    let ((user, post), [user2, user3]) = answer.expect(&world::say!(
        en: "every seed call succeeds",
        ko: "`seed`의 호출은 모두 성공해야 합니다",
    ));
    assert_eq!(
        (user.name.as_str(), post.title.as_str()),
        ("User1", "Post1")
    );
    assert_eq!(
        (user2.map(|u| u.name), user3.map(|u| u.name)),
        (Ok("User2".to_owned()), Ok("User3".to_owned()))
    );
    let starts = [
        "fetch_user(1)",
        "fetch_post(1)",
        "fetch_user(2)",
        "fetch_user(3)",
    ]
    .map(|row| {
        span(
            &world,
            row,
            &world::say!(en: "the seed makes four calls", ko: "`seed`는 호출을 네 번 합니다"),
        )
        .start
    });
    assert_eq!(
        starts,
        [ms(0), ms(0), ms(500), ms(500)],
        "{}",
        world::say!(
            en: "two gathers, one after the other: user 1 and post 1 together at 0 ms, then users \
                 2 and 3 together at 500 ms, when the first gather is done",
            ko: "gather 두 번을 차례로 합니다: 0 ms에 사용자 1과 게시글 1을 함께, 그다음 첫 \
                 gather가 끝나는 500 ms에 사용자 2와 3을 함께 가져옵니다",
        )
    );
    assert_eq!(
        returned_at(&world, "seed"),
        ms(1000),
        "{}",
        world::say!(
            en: "each gather takes its slowest call: 500 ms, then 500 ms, 1000 ms in all",
            ko: "gather마다 가장 느린 호출만큼 걸립니다: 500 ms, 다시 500 ms, 모두 1000 ms",
        )
    );
    assert_timeline!("step1_seed", world);

    // The same seed with user 3 not found: the second gather keeps both
    // outcomes (return_exceptions=True), which a try_join! there would not.
    let world = World::start();
    world.compared_with("step1_seed_user3_missing");
    let api = FlakyApi::new(&world).with_not_found("fetch_user(3)");

    let answer = run_as(&world, "seed", kata::seed(&api)).await;

    let Ok((_, [user2, user3])) = answer else {
        panic!(
            "{}",
            world::say!(
                en: "with user 3 not found, the seed returned {:?}: its second gather must keep both \
                     outcomes (return_exceptions=True), Ok(User2) and user 3's error, and return \
                     them. A try_join! (or a `?`) there makes user 3's error the whole answer: \
                     join! over the Results keeps each",
                ko: "사용자 3을 찾을 수 없을 때 `seed`가 반환한 값은 {:?}입니다: 두 번째 gather는 \
                     두 결과, 즉 `Ok(User2)`와 사용자 3의 에러를 모두 \
                     지켜서(`return_exceptions=True`) 반환해야 합니다. 거기서 `try_join!`(또는 \
                     `?`)을 쓰면 사용자 3의 에러가 답 전체가 됩니다: `Result`들을 `join!`하면 \
                     결과가 하나하나 남습니다",
                answer.err(),
            )
        );
    };
    assert_eq!(
        (user2.map(|u| u.name), user3.map(|u| u.name)),
        (Ok("User2".to_owned()), Err(not_found("user", 3))),
        "{}",
        world::say!(
            en: "the second gather keeps each call's own outcome: User2, and user 3's error",
            ko: "두 번째 gather는 호출마다 그 호출의 결과를 지킵니다: `User2`, 그리고 사용자 3의 \
                 에러",
        )
    );
    assert_eq!(
        ending(&span(
            &world,
            "fetch_user(2)",
            &world::say!(en: "the seed fetches user 2", ko: "`seed`는 사용자 2를 가져옵니다")
        )),
        (Ending::Done, Some(ms(1000))),
        "{}",
        world::say!(
            en: "user 3's error stops nothing in a gather that keeps every outcome: fetch_user(2) \
                 answers at 1000 ms",
            ko: "모든 결과를 지키는 gather에서는 사용자 3의 에러가 아무것도 멈추지 않습니다: \
                 `fetch_user(2)`는 1000 ms에 응답합니다",
        )
    );
    assert_timeline!("step1_seed_user3_missing", world);

    // The same seed with post 1 not found: its first gather's error is the
    // answer, at once. The post is the faster call (300 ms against 500), so
    // a gather that waits for both before it looks (a join! then `?`) shows.
    let world = World::start();
    world.compared_with("step1_seed_post1_missing");
    let api = FlakyApi::new(&world).with_not_found("fetch_post(1)");

    let answer = run_as(&world, "seed", kata::seed(&api)).await;

    assert_eq!(
        answer.as_ref().err(),
        Some(&not_found("post", 1)),
        "{}",
        world::say!(
            en: "with post 1 not found, the seed's first gather fails, and its first error is the \
                 whole answer: Err(NotFound post 1)",
            ko: "게시글 1을 찾을 수 없으면 `seed`의 첫 gather가 실패하고, 그 첫 에러가 답 전체가 \
                 됩니다: `Err(NotFound post 1)`",
        )
    );
    let returned = returned_at(&world, "seed");
    let user1 = ending(&span(
        &world,
        "fetch_user(1)",
        &world::say!(en: "the seed fetches user 1", ko: "`seed`는 사용자 1을 가져옵니다"),
    ));
    assert!(
        returned == ms(300) && user1 == (Ending::Cancelled, Some(ms(300))),
        "{}",
        world::say!(
            en: "with post 1 not found at 300 ms, the seed's first gather returns its error at once \
                 and drops user 1's call there (try_join!), but yours returned at {returned:?}, with \
                 fetch_user(1) ending {user1:?}: a join! (then `?` on each result) waits for both \
                 calls before it looks at either, as gather with return_exceptions=True would",
            ko: "300 ms에 게시글 1을 찾을 수 없다는 답이 오면 `seed`의 첫 gather는 곧바로 그 \
                 에러를 반환하고 그 자리에서 사용자 1의 호출을 drop합니다(`try_join!`). 그런데 \
                 여러분의 `seed`는 {returned:?}에 반환했고, `fetch_user(1)`은 이렇게 끝났습니다: \
                 {user1:?}. `join!`(그다음 결과마다 `?`)은 어느 결과든 들여다보기 전에 두 호출을 \
                 모두 기다립니다. `return_exceptions=True`를 준 gather와 같습니다",
        )
    );
    assert!(
        world.trace().spans_of("fetch_user(2)").is_empty()
            && world.trace().spans_of("fetch_user(3)").is_empty(),
        "{}",
        world::say!(
            en: "the first gather's error is the seed's answer: the second gather never runs",
            ko: "첫 gather의 에러가 `seed`의 답입니다: 두 번째 gather는 실행되지 않습니다",
        )
    );
    assert_timeline!("step1_seed_post1_missing", world);
}

#[world::step]
async fn step2_fail_fast() {
    let world = World::start();
    let api = FlakyApi::new(&world);

    let answer = run_as(&world, "fail_fast", kata::fail_fast(&api, 1, MISSING_ID)).await;

    let user = span(
        &world,
        "fetch_user(1)",
        &world::say!(
            en: "both calls start at once, at 0 ms, but a `?` after the first awaited call returned \
                 before the other was even created: try_join! starts them together",
            ko: "두 호출은 0 ms에 함께 시작해야 하는데, 먼저 await한 호출 뒤의 `?`가 다른 호출을 \
                 만들기도 전에 반환했습니다: `try_join!`은 두 호출을 함께 시작합니다",
        ),
    );
    assert_eq!(
        (
            user.start,
            span(
                &world,
                "fetch_post(404)",
                &world::say!(en: "both calls start at 0 ms", ko: "두 호출은 0 ms에 시작합니다")
            )
            .start
        ),
        (ms(0), ms(0)),
        "{}",
        world::say!(
            en: "both calls start at once, at 0 ms: one awaited after the other is not a gather",
            ko: "두 호출은 0 ms에 함께 시작합니다: 하나를 await한 뒤 다른 하나를 await하는 것은 \
                 gather가 아닙니다",
        )
    );
    assert_eq!(
        answer.as_ref().err(),
        Some(&not_found("post", MISSING_ID)),
        "{}",
        world::say!(
            en: "the first error is the answer: post 404 is not found",
            ko: "첫 에러가 답입니다: 게시글 404를 찾을 수 없습니다",
        )
    );
    assert!(
        user.task.is_none() || user.ending == Ending::Cancelled,
        "{}",
        world::say!(
            en: "fetch_user(1) ran in a spawned task, and ran on after post 404 failed: the \
                 try_join! dropped only its JoinHandle, and a dropped handle detaches its task, it \
                 does not cancel it (step 5). Here no task is needed: try_join! the two calls \
                 themselves, and it drops (cancels) the other call at the first error",
            ko: "`fetch_user(1)`이 spawn된 태스크에서 실행되어, 게시글 404가 실패한 뒤에도 계속 \
                 실행되었습니다: `try_join!`은 그 `JoinHandle`만 drop했고, drop된 핸들은 태스크를 \
                 분리할 뿐 취소하지 않습니다(5단계). 여기에는 태스크가 필요 없습니다: 두 호출 \
                 자체를 `try_join!`하면 첫 에러에서 다른 호출을 drop(취소)합니다",
        )
    );
    assert_eq!(
        ending(&user),
        (Ending::Cancelled, Some(ms(300))),
        "{}",
        world::say!(
            en: "try_join! returns the first error and drops the other call: fetch_user(1) is \
                 cancelled (x) at 300 ms, when fetch_post(404) fails (!), instead of running on to \
                 500 ms as join! (or Python's gather) would let it",
            ko: "`try_join!`은 첫 에러를 반환하고 다른 호출을 drop합니다: `fetch_user(1)`은 \
                 `join!`(또는 Python의 gather)에서처럼 500 ms까지 계속 실행되지 않고, \
                 `fetch_post(404)`가 실패하는(!) 300 ms에 취소됩니다(x)",
        )
    );
    assert_eq!(
        returned_at(&world, "fail_fast"),
        ms(300),
        "{}",
        world::say!(
            en: "the first error is returned at once, at 300 ms: nothing waits for fetch_user(1)",
            ko: "첫 에러는 곧바로, 300 ms에 반환됩니다: 아무것도 `fetch_user(1)`을 기다리지 \
                 않습니다",
        )
    );
    assert_timeline!("step2_fail_fast", world);
}

#[world::step]
async fn step3_keep_every_outcome() {
    let world = World::start();
    let api = FlakyApi::new(&world);

    let (user, post) = run_as(
        &world,
        "keep_every_outcome",
        kata::keep_every_outcome(&api, 1, MISSING_ID),
    )
    .await;

    let user_span = span(
        &world,
        "fetch_user(1)",
        &world::say!(
            en: "every call runs, whatever the others do",
            ko: "다른 호출이 어떻게 되든 모든 호출이 실행됩니다",
        ),
    );
    assert_eq!(
        (
            user_span.start,
            span(
                &world,
                "fetch_post(404)",
                &world::say!(en: "both calls start at 0 ms", ko: "두 호출은 0 ms에 시작합니다")
            )
            .start
        ),
        (ms(0), ms(0)),
        "{}",
        world::say!(
            en: "every outcome kept, and concurrently: both calls start at 0 ms",
            ko: "모든 결과를 지키면서도 동시에 실행합니다: 두 호출 모두 0 ms에 시작합니다",
        )
    );
    assert_eq!(
        ending(&user_span),
        (Ending::Done, Some(ms(500))),
        "{}",
        world::say!(
            en: "every outcome is kept (return_exceptions=True): fetch_post(404)'s error at 300 ms \
                 must not stop fetch_user(1), which runs on to its answer at 500 ms. try_join! \
                 cancels it; join! over the Results keeps it",
            ko: "모든 결과를 지킵니다(`return_exceptions=True`): 300 ms에 난 `fetch_post(404)`의 \
                 에러가 `fetch_user(1)`을 멈추면 안 되고, `fetch_user(1)`은 500 ms에 응답할 \
                 때까지 실행됩니다. `try_join!`은 이 호출을 취소하고, `Result`들을 `join!`하면 \
                 남습니다",
        )
    );
    assert_eq!(
        (user.map(|u| u.name), post.map(|p| p.title)),
        (Ok("User1".to_owned()), Err(not_found("post", MISSING_ID))),
        "{}",
        world::say!(
            en: "every outcome is kept, each call's own: User1, and the post's error",
            ko: "호출마다 그 호출의 결과를 모두 지킵니다: `User1`, 그리고 게시글의 에러",
        )
    );
    assert_eq!(
        returned_at(&world, "keep_every_outcome"),
        ms(500),
        "{}",
        world::say!(
            en: "every outcome is there when the slowest call is done, at 500 ms",
            ko: "가장 느린 호출이 끝나는 500 ms에 모든 결과가 모입니다",
        )
    );
    assert_timeline!("step3_keep_every_outcome", world);
}

fn panic_text(payload: &(dyn Any + Send)) -> String {
    payload
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| payload.downcast_ref::<&str>().map(|s| (*s).to_owned()))
        .unwrap_or_default()
}

#[world::step]
async fn step4_every_user() {
    let world = World::start();
    let api = FlakyApi::new(&world);
    let ids = [1, BUGGY_ID, MISSING_ID, 3];

    let caught = run_as(
        &world,
        "every_user",
        AssertUnwindSafe(kata::every_user(&api, &ids)).catch_unwind(),
    )
    .await;

    let outcomes = match caught {
        Ok(outcomes) => outcomes,
        Err(payload) => {
            let text = panic_text(&*payload);
            if text.contains("JoinError") {
                panic!(
                    "{}",
                    world::say!(
                        en: "a JoinError was unwrapped: fetch_user(13)'s task panicked, and the \
                             panic came back as Err(JoinError) with is_panic() true, for you to \
                             keep, not to unwrap. Your function panicked with: {text}",
                        ko: "`JoinError`를 `unwrap`했습니다: `fetch_user(13)`의 태스크에서 패닉이 \
                             났고, 그 패닉은 `is_panic()`이 true인 `Err(JoinError)`로 \
                             돌아왔습니다. `unwrap`할 것이 아니라 결과로 지켜야 합니다. 여러분의 \
                             함수가 낸 패닉: {text}",
                    )
                )
            }
            if text.starts_with("bug in the client") {
                panic!(
                    "{}",
                    world::say!(
                        en: "fetch_user(13)'s panic unwound through your own function: a call \
                             polled in your task (join!, join_all) takes its caller down with it. \
                             Spawn each call: a task catches its own panic and its siblings go on. \
                             It panicked with: {text}",
                        ko: "`fetch_user(13)`의 패닉이 여러분의 함수까지 전파되었습니다: 여러분의 \
                             태스크 안에서 poll한 호출(`join!`, `join_all`)은 패닉이 나면 \
                             호출자까지 함께 무너뜨립니다. 호출마다 spawn하십시오: 태스크는 자기 \
                             패닉을 스스로 잡고, 다른 태스크는 계속 실행됩니다. 패닉 메시지: \
                             {text}",
                    )
                )
            }
            // Some other panic of the kata's own (a `todo!`): as it is.
            std::panic::resume_unwind(payload)
        }
    };
    let rows = ids.map(|id| format!("fetch_user({id})"));
    let spans = rows.clone().map(|row| {
        span(
            &world,
            &row,
            &world::say!(en: "every id is fetched", ko: "모든 id를 가져옵니다"),
        )
    });
    let starts = spans.clone().map(|s| s.start);
    assert_eq!(
        starts,
        [ms(0); 4],
        "{}",
        world::say!(
            en: "every task is spawned up front: all four calls start at 0 ms",
            ko: "모든 태스크를 미리 spawn합니다: 네 호출 모두 0 ms에 시작합니다",
        )
    );
    for (row, s) in rows.iter().zip(&spans) {
        assert!(
            s.task.is_some(),
            "{}",
            world::say!(
                en: "each call runs in a task of its own (tokio::spawn, JoinSet::spawn), but {row} \
                     ran in none: your function polled it itself, so a panic in it would be yours",
                ko: "호출마다 자기 태스크에서 실행되어야 하는데(`tokio::spawn`, \
                     `JoinSet::spawn`), `{row}` 호출은 어떤 태스크에서도 실행되지 않았습니다: \
                     여러분의 함수가 직접 poll했으므로, 그 안에서 난 패닉은 곧 여러분의 함수에서 \
                     난 패닉입니다",
            )
        );
    }
    for (i, j) in [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)] {
        assert_ne!(
            spans[i].task,
            spans[j].task,
            "{}",
            world::say!(
                en: "each call runs in a task of its own, but {} and {} ran in one task: one spawn \
                     per id",
                ko: "호출마다 자기 태스크에서 실행되어야 하는데, `{}`, `{}` 두 호출이 한 \
                     태스크에서 실행되었습니다: id마다 spawn을 하나씩 하십시오",
                rows[i], rows[j],
            )
        );
    }
    assert_eq!(
        [&spans[0], &spans[1], &spans[2], &spans[3]].map(ending),
        [
            (Ending::Done, Some(ms(500))),
            (Ending::Panicked, Some(ms(500))),
            (Ending::Failed, Some(ms(500))),
            (Ending::Done, Some(ms(500))),
        ],
        "{}",
        world::say!(
            en: "each task ends its own way, and no one is cancelled: fetch_user(13) panics (*), \
                 fetch_user(404) returns an error (!), users 1 and 3 answer (])",
            ko: "태스크마다 제각기 끝나고, 취소되는 태스크는 없습니다: `fetch_user(13)`은 패닉이 \
                 나고(*), `fetch_user(404)`는 에러를 반환하고(!), 사용자 1과 3은 응답합니다(])",
        )
    );
    assert_eq!(
        outcomes.len(),
        4,
        "{}",
        world::say!(
            en: "one outcome per id: 4 ids, {} outcomes. Keep every task's outcome, a task that \
                 panicked included: its Err(JoinError) is an outcome too, not one to leave out",
            ko: "id마다 결과가 하나씩 있어야 합니다: id는 4개, 결과는 {}개입니다. 패닉이 난 \
                 태스크까지 모든 태스크의 결과를 지키십시오: 그 `Err(JoinError)`도 결과이고, 빼 \
                 버릴 것이 아닙니다",
            outcomes.len(),
        )
    );
    let described: Vec<String> = outcomes.iter().map(describe).collect();
    assert_eq!(
        described,
        [
            "Ok(Ok(User1))",
            "Err(JoinError: panic)",
            "Ok(Err(user 404 not found))",
            "Ok(Ok(User3))",
        ],
        "{}",
        world::say!(
            en: "every outcome, in the order of the ids: a panicked task is Err(JoinError) with \
                 is_panic(), a call that failed is Ok(Err(ApiError)), the task having finished fine",
            ko: "모든 결과를 id 순서대로: 패닉이 난 태스크는 `is_panic()`인 `Err(JoinError)`, \
                 실패한 호출은 `Ok(Err(ApiError))`입니다(태스크 자체는 잘 끝났으므로)",
        )
    );
    assert_eq!(
        returned_at(&world, "every_user"),
        ms(500),
        "{}",
        world::say!(
            en: "every task is done at 500 ms, the panicked one too",
            ko: "패닉이 난 태스크까지 모든 태스크가 500 ms에 끝납니다",
        )
    );
    assert_timeline!("step4_every_user", world);

    // The same ids, finishing in another order than theirs: 404 at 100 ms,
    // 3 at 300, 13 at 700, 1 at 900. The answer keeps the order of the ids.
    let world = World::start();
    world.compared_with("step4_uneven_latencies");
    let api = FlakyApi::new(&world)
        .with_latency("fetch_user(1)", ms(900))
        .with_latency("fetch_user(13)", ms(700))
        .with_latency("fetch_user(404)", ms(100))
        .with_latency("fetch_user(3)", ms(300));

    let outcomes = run_as(&world, "every_user", kata::every_user(&api, &ids)).await;

    let described = outcomes.iter().map(describe).collect::<Vec<_>>();
    let in_id_order = [
        "Ok(Ok(User1))",
        "Err(JoinError: panic)",
        "Ok(Err(user 404 not found))",
        "Ok(Ok(User3))",
    ];
    let in_finish_order = [
        "Ok(Err(user 404 not found))",
        "Ok(Ok(User3))",
        "Err(JoinError: panic)",
        "Ok(Ok(User1))",
    ];
    assert!(
        described != in_finish_order,
        "{}",
        world::say!(
            en: "the outcomes came back in the order the tasks finished (404 at 100 ms, 3 at 300, 13 \
                 at 700, 1 at 900), not in the order of the ids: a JoinSet's join_next hands them \
                 back as they finish. Put each in its id's place (join_next_with_id, and \
                 JoinError::id() for the panicked one), or await the handles in the order of the ids",
            ko: "결과가 id 순서가 아니라 태스크가 끝난 순서(100 ms에 404, 300에 3, 700에 13, \
                 900에 1)로 돌아왔습니다: `JoinSet`의 `join_next`는 끝나는 대로 돌려줍니다. 각 \
                 결과를 자기 id 자리에 두거나(`join_next_with_id`, 패닉이 난 태스크는 \
                 `JoinError::id()`), 핸들을 id 순서대로 await하십시오",
        )
    );
    assert_eq!(
        described,
        in_id_order,
        "{}",
        world::say!(
            en: "every outcome, in the order of the ids, whichever task finishes first",
            ko: "어느 태스크가 먼저 끝나든, 모든 결과를 id 순서대로",
        )
    );
    assert_eq!(
        returned_at(&world, "every_user"),
        ms(900),
        "{}",
        world::say!(
            en: "every outcome is there when the slowest task is done, at 900 ms",
            ko: "가장 느린 태스크가 끝나는 900 ms에 모든 결과가 모입니다",
        )
    );
    assert_timeline!("step4_uneven_latencies", world);
}

/// One outcome of `every_user`, in words.
fn describe(outcome: &Result<Result<world::User, ApiError>, tokio::task::JoinError>) -> String {
    match outcome {
        Ok(Ok(user)) => format!("Ok(Ok({}))", user.name),
        Ok(Err(error)) => format!("Ok(Err({error}))"),
        Err(error) if error.is_panic() => "Err(JoinError: panic)".to_owned(),
        Err(error) => format!("Err(JoinError: {error})"),
    }
}

#[world::step]
async fn step5_abort_on_error() {
    // First what the lesson is about: a task whose handle is dropped runs
    // on. The test does it itself; the kata's answer comes after.
    let world = World::start();
    world.compared_with("step5_dropped_handle_runs_on");
    let api = FlakyApi::new(&world);
    let drop_handle = async {
        let task = tokio::spawn({
            let api = api.clone();
            async move { api.fetch_user(1).await }
        });
        tokio::time::sleep(ms(300)).await;
        drop(task);
    };
    run_as(&world, "drop_handle", drop_handle).await;
    assert_eq!(
        ending(&span(
            &world,
            "fetch_user(1)",
            &world::say!(en: "it was spawned", ko: "spawn된 호출입니다")
        )),
        (Ending::Done, Some(ms(500))),
        "{}",
        world::say!(
            en: "a dropped JoinHandle detaches its task: it runs on",
            ko: "drop된 `JoinHandle`은 태스크를 분리합니다: 태스크는 계속 실행됩니다",
        )
    );
    assert_timeline!("step5_dropped_handle_runs_on", world);

    let world = World::start();
    let api = FlakyApi::new(&world);

    let answer = run_as(
        &world,
        "abort_on_error",
        kata::abort_on_error(&api, 1, MISSING_ID),
    )
    .await;

    let user = span(
        &world,
        "fetch_user(1)",
        &world::say!(en: "both tasks are spawned at once, at 0 ms", ko: "두 태스크는 0 ms에 함께 spawn됩니다"),
    );
    let post = span(
        &world,
        "fetch_post(404)",
        &world::say!(en: "both tasks are spawned at 0 ms", ko: "두 태스크는 0 ms에 spawn됩니다"),
    );
    assert_eq!(
        (user.start, post.start),
        (ms(0), ms(0)),
        "{}",
        world::say!(
            en: "both tasks are spawned at once: both calls start at 0 ms",
            ko: "두 태스크를 함께 spawn합니다: 두 호출 모두 0 ms에 시작합니다",
        )
    );
    for (row, s) in [("fetch_user(1)", &user), ("fetch_post(404)", &post)] {
        assert!(
            s.task.is_some(),
            "{}",
            world::say!(
                en: "each call runs in a spawned task, but {row} ran in none: your function polled \
                     it itself",
                ko: "호출마다 spawn한 태스크에서 실행되어야 하는데, `{row}` 호출은 어떤 \
                     태스크에서도 실행되지 않았습니다: 여러분의 함수가 직접 poll했습니다",
            )
        );
    }
    assert_ne!(
        user.task,
        post.task,
        "{}",
        world::say!(
            en: "each call runs in a spawned task of its own, but both ran in one task",
            ko: "호출마다 spawn한 자기 태스크에서 실행되어야 하는데, 두 호출이 한 태스크에서 \
                 실행되었습니다",
        )
    );
    assert_eq!(
        answer.as_ref().err(),
        Some(&not_found("post", MISSING_ID)),
        "{}",
        world::say!(
            en: "the first error is the answer: post 404 is not found",
            ko: "첫 에러가 답입니다: 게시글 404를 찾을 수 없습니다",
        )
    );
    let returned = returned_at(&world, "abort_on_error");
    assert!(
        returned <= ms(300) || user.ending != Ending::Done,
        "{}",
        world::say!(
            en: "the first error is returned at once, at 300 ms, but yours came at {returned:?}, \
                 after fetch_user(1) answered: something waited for the user once post 404 had \
                 failed. Either the handles were awaited one after the other, or try_join! was \
                 given the raw JoinHandles: their output is Result<Result<_, ApiError>, JoinError>, \
                 so only a JoinError stops it, and the post's Ok(Err(ApiError)) did not. Flatten \
                 each handle's output into its inner Result (passing a panic on) so that an \
                 ApiError ends the try_join!",
            ko: "첫 에러는 곧바로, 300 ms에 반환되어야 하는데, 여러분의 코드는 `fetch_user(1)`이 \
                 응답한 뒤인 {returned:?}에 반환했습니다: 게시글 404가 실패한 뒤에도 무언가가 \
                 사용자를 기다렸습니다. 핸들을 하나씩 차례로 await했거나, `try_join!`에 \
                 `JoinHandle`을 그대로 넘겼을 것입니다. 그 출력은 `Result<Result<_, ApiError>, \
                 JoinError>`이므로 `JoinError`만 `try_join!`을 멈추고, 게시글의 \
                 `Ok(Err(ApiError))`는 멈추지 못했습니다. 각 핸들의 출력을 안쪽 `Result`로 \
                 펼쳐서(패닉은 그대로 전달하면서) `ApiError`가 `try_join!`을 끝내게 하십시오",
        )
    );
    assert_eq!(
        returned,
        ms(300),
        "{}",
        world::say!(
            en: "the first error is returned at once, at 300 ms: nothing waits for fetch_user(1)",
            ko: "첫 에러는 곧바로, 300 ms에 반환됩니다: 아무것도 `fetch_user(1)`을 기다리지 \
                 않습니다",
        )
    );
    assert_eq!(
        ending(&user),
        (Ending::Cancelled, Some(ms(300))),
        "{}",
        world::say!(
            en: "spawned tasks are detached, not cancelled, unless aborted: dropping the user's \
                 JoinHandle (as try_join! does) leaves fetch_user(1) running on after you returned. \
                 Abort it (JoinHandle::abort, or a JoinSet that is dropped) so it is cancelled (x) \
                 at 300 ms",
            ko: "spawn한 태스크는 abort하지 않으면 취소되지 않고 분리될 뿐입니다: 사용자의 \
                 `JoinHandle`을 drop하면(`try_join!`이 그렇게 합니다) 여러분이 반환한 뒤에도 \
                 `fetch_user(1)`이 계속 실행됩니다. 이 태스크를 abort해서(`JoinHandle::abort`, \
                 또는 drop되는 `JoinSet`) 300 ms에 취소되게(x) 하십시오",
        )
    );
    assert_timeline!("step5_abort_on_error", world);

    // Now the user fails and the post is the one still running: whichever
    // task is left is stopped.
    let world = World::start();
    world.compared_with("step5_slow_post_aborted");
    let api = FlakyApi::new(&world).with_latency("fetch_post(1)", ms(800));

    let answer = run_as(
        &world,
        "abort_on_error",
        kata::abort_on_error(&api, MISSING_ID, 1),
    )
    .await;

    assert_eq!(
        answer.as_ref().err(),
        Some(&not_found("user", MISSING_ID)),
        "{}",
        world::say!(
            en: "the first error is the answer: user 404 is not found",
            ko: "첫 에러가 답입니다: 사용자 404를 찾을 수 없습니다",
        )
    );
    let post = span(
        &world,
        "fetch_post(1)",
        &world::say!(en: "both tasks are spawned at 0 ms", ko: "두 태스크는 0 ms에 spawn됩니다"),
    );
    assert_eq!(
        ending(&post),
        (Ending::Cancelled, Some(ms(500))),
        "{}",
        world::say!(
            en: "the other task is stopped, whichever it is: here fetch_user(404) fails at 500 ms \
                 while fetch_post(1) (800 ms this time) still runs, and it must be cancelled (x) \
                 there, not run on. Abort both tasks once try_join! is done (aborting a finished \
                 task does nothing), or spawn them into a JoinSet and drop it",
            ko: "어느 쪽이든 남은 태스크는 멈춰야 합니다: 여기서는 `fetch_user(404)`가 500 ms에 \
                 실패할 때 `fetch_post(1)`(이번에는 800 ms)이 아직 실행 중이므로, 계속 실행되지 \
                 말고 그 시점에 취소되어야 합니다(x). `try_join!`이 끝나면 두 태스크를 모두 \
                 abort하거나(끝난 태스크를 abort하면 아무 일도 일어나지 않습니다), 둘을 \
                 `JoinSet`에 spawn하고 그 `JoinSet`을 drop하십시오",
        )
    );
    assert_eq!(
        returned_at(&world, "abort_on_error"),
        ms(500),
        "{}",
        world::say!(
            en: "the first error is returned at once, at 500 ms",
            ko: "첫 에러는 곧바로, 500 ms에 반환됩니다",
        )
    );
    assert_timeline!("step5_slow_post_aborted", world);

    // And a task that panics: a bug, not an ApiError. It comes out of
    // abort_on_error as a panic, not as an error.
    let world = World::start();
    world.compared_with("step5_panic_passed_on");
    let api = FlakyApi::new(&world);

    let caught = run_as(
        &world,
        "abort_on_error",
        AssertUnwindSafe(kata::abort_on_error(&api, BUGGY_ID, 1)).catch_unwind(),
    )
    .await;

    if let Ok(answer) = caught {
        panic!(
            "{}",
            world::say!(
                en: "fetch_user(13)'s task panicked, and abort_on_error returned {answer:?}: a panic \
                     reported as an ordinary error. A panic is a bug, not an ApiError, and a caller \
                     must not take it for \"not found\": pass it on, \
                     std::panic::resume_unwind(error.into_panic())",
                ko: "`fetch_user(13)`의 태스크에서 패닉이 났는데 `abort_on_error`가 반환한 값은 \
                     {answer:?}입니다: 패닉을 평범한 에러로 보고했습니다. 패닉은 `ApiError`가 \
                     아니라 버그이고, 호출자가 이를 \"찾을 수 없음\"으로 오해해서는 안 됩니다: \
                     그대로 전달하십시오(`std::panic::resume_unwind(error.into_panic())`)",
            )
        );
    }
    assert_eq!(
        returned_at(&world, "abort_on_error"),
        ms(500),
        "{}",
        world::say!(
            en: "the panic comes out at 500 ms, when fetch_user(13) panics",
            ko: "패닉은 `fetch_user(13)`에서 패닉이 나는 500 ms에 밖으로 전달됩니다",
        )
    );
    assert_timeline!("step5_panic_passed_on", world);
}
