//! Wrong: step 1 spawns three tasks and select!s their JoinHandles: the answer is on time but the losers are detached and run on.
//! Real cause: dropping a JoinHandle detaches its task; cancel by dropping futures or aborting tasks
//! expect: Dropping a JoinHandle detaches its task

pub async fn first_completed(a: &Job, b: &Job, c: &Job) -> String {
    let (a, b, c) = (a.clone(), b.clone(), c.clone());
    let ha = tokio::spawn(async move { a.run().await });
    let hb = tokio::spawn(async move { b.run().await });
    let hc = tokio::spawn(async move { c.run().await });
    let joined = tokio::select! {
        r = ha => r,
        r = hb => r,
        r = hc => r,
    };
    joined.expect("a job panicked")
}
