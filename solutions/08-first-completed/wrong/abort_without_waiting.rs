//! Wrong: spawns the jobs into a `JoinSet`, takes the first with
//! `join_next`, calls `abort_all` and returns at once. `abort` only asks:
//! a task stops the next time the runtime gets to it, so when this returns
//! A and C are still running, and their `Drop` cleanup has not run yet.
//! Await the aborted tasks (`JoinSet::shutdown`) when it matters.
//! expect: abort(), abort_all() and dropping a JoinSet only ask

pub async fn first_completed(a: &Job, b: &Job, c: &Job) -> String {
    let mut tasks = tokio::task::JoinSet::new();
    for job in [a, b, c] {
        let job = job.clone();
        tasks.spawn(async move { job.run().await });
    }
    let first = tasks.join_next().await.expect("three tasks");
    tasks.abort_all();
    first.expect("a job panicked")
}
