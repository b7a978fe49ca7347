//! Wrong: step 1 uses a JoinSet, takes join_next, calls abort_all() and returns without draining: the losers are dropped only after first_completed returned.
//! Real cause: abort only asks; await the aborted tasks (shutdown or join_next until None) before returning
//! expect: abort(), abort_all() and dropping a JoinSet only ask

pub async fn first_completed(a: &Job, b: &Job, c: &Job) -> String {
    let mut set = tokio::task::JoinSet::new();
    for job in [a, b, c] {
        let job = job.clone();
        set.spawn(async move { job.run().await });
    }
    let first = set
        .join_next()
        .await
        .expect("three jobs")
        .expect("a job panicked");
    set.abort_all();
    set.detach_all();
    first
}
