//! Wrong: step 1 spawns the three jobs and select!s on their JoinHandles: the right answer at 1000 ms, but the dropped handles detach the losers, which run on to 2000 and 3000 ms.
//! Real cause: dropping a JoinHandle does not cancel its task
//! expect: Dropping a JoinHandle detaches its task

pub async fn first_completed(a: &Job, b: &Job, c: &Job) -> String {
    let (a, b, c) = (a.clone(), b.clone(), c.clone());
    let ha = tokio::spawn(async move { a.run().await });
    let hb = tokio::spawn(async move { b.run().await });
    let hc = tokio::spawn(async move { c.run().await });
    let joined = tokio::select! {
        j = ha => j,
        j = hb => j,
        j = hc => j,
    };
    joined.expect("a job panicked")
}
