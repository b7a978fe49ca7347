//! Wrong: joins all three and answers the shortest job's report. The
//! answer is right, but it comes at 3000 ms, when the slowest is done:
//! `join!` waits for every branch, it never returns with the first.
//! expect: the first result is there at 1000 ms

pub async fn first_completed(a: &Job, b: &Job, c: &Job) -> String {
    let (_, b, _) = tokio::join!(a.run(), b.run(), c.run());
    b
}
