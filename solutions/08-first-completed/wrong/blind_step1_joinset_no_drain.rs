//! Wrong: step 1 with a JoinSet: join_next, then abort_all but returns without draining (the hint says drain it).
//! Real cause: abort only asks; await the aborted tasks (shutdown / join_next until None) to know the losers are gone
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
    first
}
