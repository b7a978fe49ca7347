//! Wrong: step 1 uses a JoinSet, takes join_next and returns, letting the JoinSet's drop abort the rest: aborted, but not yet dropped when the function returns.
//! Real cause: dropping a JoinSet aborts without waiting
//! expect: dropping a JoinSet only ask

pub async fn first_completed(a: &Job, b: &Job, c: &Job) -> String {
    let mut set = tokio::task::JoinSet::new();
    for job in [a, b, c] {
        let job = job.clone();
        set.spawn(async move { job.run().await });
    }
    set.join_next()
        .await
        .expect("three jobs")
        .expect("a job panicked")
}
