//! Wrong: spawns the three jobs and races their `JoinHandle`s. The first
//! answer is right, but dropping the other two handles only detaches their
//! tasks: A and C run on to 3000 and 2000 ms, when nobody wants them.
//! expect: Dropping a JoinHandle detaches its task

pub async fn first_completed(a: &Job, b: &Job, c: &Job) -> String {
    let [a, b, c] = [a.clone(), b.clone(), c.clone()];
    let a = tokio::spawn(async move { a.run().await });
    let b = tokio::spawn(async move { b.run().await });
    let c = tokio::spawn(async move { c.run().await });
    let first = tokio::select! {
        biased;
        report = a => report,
        report = b => report,
        report = c => report,
    };
    first.expect("a job panicked")
}
