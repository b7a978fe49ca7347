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
use world::trace::SpanRecord;
use world::{ApiError, Ending, FlakyApi, World, assert_timeline, within};

fn ms(millis: u64) -> Duration {
    Duration::from_millis(millis)
}

/// The first call on `row`, or a failure saying it never started.
fn span(world: &World, row: &str, why: &str) -> SpanRecord {
    world
        .trace()
        .spans_of(row)
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("{row} was never called (never polled): {why}"))
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

    let ((user, post), [user2, user3]) = answer.expect("every seed call succeeds");
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
    .map(|row| span(&world, row, "the seed makes four calls").start);
    assert_eq!(
        starts,
        [ms(0), ms(0), ms(500), ms(500)],
        "two gathers, one after the other: user 1 and post 1 together at 0 ms, then users \
         2 and 3 together at 500 ms, when the first gather is done"
    );
    assert_eq!(
        returned_at(&world, "seed"),
        ms(1000),
        "each gather takes its slowest call: 500 ms, then 500 ms, 1000 ms in all"
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
            "with user 3 not found, the seed returned {:?}: its second gather must keep both \
             outcomes (return_exceptions=True), Ok(User2) and user 3's error, and return \
             them. A try_join! (or a `?`) there makes user 3's error the whole answer: \
             join! over the Results keeps each",
            answer.err()
        );
    };
    assert_eq!(
        (user2.map(|u| u.name), user3.map(|u| u.name)),
        (Ok("User2".to_owned()), Err(not_found("user", 3))),
        "the second gather keeps each call's own outcome: User2, and user 3's error"
    );
    assert_eq!(
        ending(&span(&world, "fetch_user(2)", "the seed fetches user 2")),
        (Ending::Done, Some(ms(1000))),
        "user 3's error stops nothing in a gather that keeps every outcome: fetch_user(2) \
         answers at 1000 ms"
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
        "with post 1 not found, the seed's first gather fails, and its first error is the \
         whole answer: Err(NotFound post 1)"
    );
    let returned = returned_at(&world, "seed");
    let user1 = ending(&span(&world, "fetch_user(1)", "the seed fetches user 1"));
    assert!(
        returned == ms(300) && user1 == (Ending::Cancelled, Some(ms(300))),
        "with post 1 not found at 300 ms, the seed's first gather returns its error at once \
         and drops user 1's call there (try_join!), but yours returned at {returned:?}, with \
         fetch_user(1) ending {user1:?}: a join! (then `?` on each result) waits for both \
         calls before it looks at either, as gather with return_exceptions=True would"
    );
    assert!(
        world.trace().spans_of("fetch_user(2)").is_empty()
            && world.trace().spans_of("fetch_user(3)").is_empty(),
        "the first gather's error is the seed's answer: the second gather never runs"
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
        "both calls start at once, at 0 ms, but a `?` after the first awaited call returned \
         before the other was even created: try_join! starts them together",
    );
    assert_eq!(
        (
            user.start,
            span(&world, "fetch_post(404)", "both calls start at 0 ms").start
        ),
        (ms(0), ms(0)),
        "both calls start at once, at 0 ms: one awaited after the other is not a gather"
    );
    assert_eq!(
        answer.as_ref().err(),
        Some(&not_found("post", MISSING_ID)),
        "the first error is the answer: post 404 is not found"
    );
    assert!(
        user.task.is_none() || user.ending == Ending::Cancelled,
        "fetch_user(1) ran in a spawned task, and ran on after post 404 failed: the \
         try_join! dropped only its JoinHandle, and a dropped handle detaches its task, it \
         does not cancel it (step 5). Here no task is needed: try_join! the two calls \
         themselves, and it drops (cancels) the other call at the first error"
    );
    assert_eq!(
        ending(&user),
        (Ending::Cancelled, Some(ms(300))),
        "try_join! returns the first error and drops the other call: fetch_user(1) is \
         cancelled (x) at 300 ms, when fetch_post(404) fails (!), instead of running on to \
         500 ms as join! (or Python's gather) would let it"
    );
    assert_eq!(
        returned_at(&world, "fail_fast"),
        ms(300),
        "the first error is returned at once, at 300 ms: nothing waits for fetch_user(1)"
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
        "every call runs, whatever the others do",
    );
    assert_eq!(
        (
            user_span.start,
            span(&world, "fetch_post(404)", "both calls start at 0 ms").start
        ),
        (ms(0), ms(0)),
        "every outcome kept, and concurrently: both calls start at 0 ms"
    );
    assert_eq!(
        ending(&user_span),
        (Ending::Done, Some(ms(500))),
        "every outcome is kept (return_exceptions=True): fetch_post(404)'s error at 300 ms \
         must not stop fetch_user(1), which runs on to its answer at 500 ms. try_join! \
         cancels it; join! over the Results keeps it"
    );
    assert_eq!(
        (user.map(|u| u.name), post.map(|p| p.title)),
        (Ok("User1".to_owned()), Err(not_found("post", MISSING_ID))),
        "every outcome is kept, each call's own: User1, and the post's error"
    );
    assert_eq!(
        returned_at(&world, "keep_every_outcome"),
        ms(500),
        "every outcome is there when the slowest call is done, at 500 ms"
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
                    "a JoinError was unwrapped: fetch_user(13)'s task panicked, and the \
                     panic came back as Err(JoinError) with is_panic() true, for you to \
                     keep, not to unwrap. Your function panicked with: {text}"
                )
            }
            if text.starts_with("bug in the client") {
                panic!(
                    "fetch_user(13)'s panic unwound through your own function: a call \
                     polled in your task (join!, join_all) takes its caller down with it. \
                     Spawn each call: a task catches its own panic and its siblings go on. \
                     It panicked with: {text}"
                )
            }
            // Some other panic of the kata's own (a `todo!`): as it is.
            std::panic::resume_unwind(payload)
        }
    };
    let rows = ids.map(|id| format!("fetch_user({id})"));
    let spans = rows
        .clone()
        .map(|row| span(&world, &row, "every id is fetched"));
    let starts = spans.clone().map(|s| s.start);
    assert_eq!(
        starts,
        [ms(0); 4],
        "every task is spawned up front: all four calls start at 0 ms"
    );
    for (row, s) in rows.iter().zip(&spans) {
        assert!(
            s.task.is_some(),
            "each call runs in a task of its own (tokio::spawn, JoinSet::spawn), but {row} \
             ran in none: your function polled it itself, so a panic in it would be yours"
        );
    }
    for (i, j) in [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)] {
        assert_ne!(
            spans[i].task, spans[j].task,
            "each call runs in a task of its own, but {} and {} ran in one task: one spawn \
             per id",
            rows[i], rows[j]
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
        "each task ends its own way, and no one is cancelled: fetch_user(13) panics (*), \
         fetch_user(404) returns an error (!), users 1 and 3 answer (])"
    );
    assert_eq!(
        outcomes.len(),
        4,
        "one outcome per id: 4 ids, {} outcomes. Keep every task's outcome, a task that \
         panicked included: its Err(JoinError) is an outcome too, not one to leave out",
        outcomes.len()
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
        "every outcome, in the order of the ids: a panicked task is Err(JoinError) with \
         is_panic(), a call that failed is Ok(Err(ApiError)), the task having finished fine"
    );
    assert_eq!(
        returned_at(&world, "every_user"),
        ms(500),
        "every task is done at 500 ms, the panicked one too"
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
        "the outcomes came back in the order the tasks finished (404 at 100 ms, 3 at 300, 13 \
         at 700, 1 at 900), not in the order of the ids: a JoinSet's join_next hands them \
         back as they finish. Put each in its id's place (join_next_with_id, and \
         JoinError::id() for the panicked one), or await the handles in the order of the ids"
    );
    assert_eq!(
        described, in_id_order,
        "every outcome, in the order of the ids, whichever task finishes first"
    );
    assert_eq!(
        returned_at(&world, "every_user"),
        ms(900),
        "every outcome is there when the slowest task is done, at 900 ms"
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
        ending(&span(&world, "fetch_user(1)", "it was spawned")),
        (Ending::Done, Some(ms(500))),
        "a dropped JoinHandle detaches its task: it runs on"
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
        "both tasks are spawned at once, at 0 ms",
    );
    let post = span(&world, "fetch_post(404)", "both tasks are spawned at 0 ms");
    assert_eq!(
        (user.start, post.start),
        (ms(0), ms(0)),
        "both tasks are spawned at once: both calls start at 0 ms"
    );
    for (row, s) in [("fetch_user(1)", &user), ("fetch_post(404)", &post)] {
        assert!(
            s.task.is_some(),
            "each call runs in a spawned task, but {row} ran in none: your function polled \
             it itself"
        );
    }
    assert_ne!(
        user.task, post.task,
        "each call runs in a spawned task of its own, but both ran in one task"
    );
    assert_eq!(
        answer.as_ref().err(),
        Some(&not_found("post", MISSING_ID)),
        "the first error is the answer: post 404 is not found"
    );
    let returned = returned_at(&world, "abort_on_error");
    assert!(
        returned <= ms(300) || user.ending != Ending::Done,
        "the first error is returned at once, at 300 ms, but yours came at {returned:?}, \
         after fetch_user(1) answered: something waited for the user once post 404 had \
         failed. Either the handles were awaited one after the other, or try_join! was \
         given the raw JoinHandles: their output is Result<Result<_, ApiError>, JoinError>, \
         so only a JoinError stops it, and the post's Ok(Err(ApiError)) did not. Flatten \
         each handle's output into its inner Result (passing a panic on) so that an \
         ApiError ends the try_join!"
    );
    assert_eq!(
        returned,
        ms(300),
        "the first error is returned at once, at 300 ms: nothing waits for fetch_user(1)"
    );
    assert_eq!(
        ending(&user),
        (Ending::Cancelled, Some(ms(300))),
        "spawned tasks are detached, not cancelled, unless aborted: dropping the user's \
         JoinHandle (as try_join! does) leaves fetch_user(1) running on after you returned. \
         Abort it (JoinHandle::abort, or a JoinSet that is dropped) so it is cancelled (x) \
         at 300 ms"
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
        "the first error is the answer: user 404 is not found"
    );
    let post = span(&world, "fetch_post(1)", "both tasks are spawned at 0 ms");
    assert_eq!(
        ending(&post),
        (Ending::Cancelled, Some(ms(500))),
        "the other task is stopped, whichever it is: here fetch_user(404) fails at 500 ms \
         while fetch_post(1) (800 ms this time) still runs, and it must be cancelled (x) \
         there, not run on. Abort both tasks once try_join! is done (aborting a finished \
         task does nothing), or spawn them into a JoinSet and drop it"
    );
    assert_eq!(
        returned_at(&world, "abort_on_error"),
        ms(500),
        "the first error is returned at once, at 500 ms"
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
            "fetch_user(13)'s task panicked, and abort_on_error returned {answer:?}: a panic \
             reported as an ordinary error. A panic is a bug, not an ApiError, and a caller \
             must not take it for \"not found\": pass it on, \
             std::panic::resume_unwind(error.into_panic())"
        );
    }
    assert_eq!(
        returned_at(&world, "abort_on_error"),
        ms(500),
        "the panic comes out at 500 ms, when fetch_user(13) panics"
    );
    assert_timeline!("step5_panic_passed_on", world);
}
