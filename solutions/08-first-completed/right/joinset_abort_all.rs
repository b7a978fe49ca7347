//! Right: spawns the jobs into a `JoinSet`, takes the first result with
//! `join_next`, then `abort_all` and drains the set, so that A and C are
//! really gone (their futures dropped, their `Drop`s run) before it
//! returns. `JoinSet::shutdown` does the same in one call. Tasks, unlike
//! select!'s branches, could run on other cores of a multi-thread runtime.

pub async fn first_completed(a: &Job, b: &Job, c: &Job) -> String {
    let mut tasks = tokio::task::JoinSet::new();
    for job in [a, b, c] {
        let job = job.clone();
        tasks.spawn(async move { job.run().await });
    }
    let first = tasks
        .join_next()
        .await
        .expect("three tasks were spawned")
        .expect("a job panicked");
    tasks.abort_all();
    while let Some(rest) = tasks.join_next().await {
        // An aborted task answers Err(JoinError) whose is_cancelled() is true.
        debug_assert!(rest.as_ref().is_err_and(|error| error.is_cancelled()));
    }
    first
}
