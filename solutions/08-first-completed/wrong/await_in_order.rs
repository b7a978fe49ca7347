//! Wrong: awaits the three jobs one after the other, as in synchronous
//! code. Nothing runs at once, so the answer is A's, at 3000 ms, and B and
//! C only start after it.
//! expect: the first to finish is B

pub async fn first_completed(a: &Job, b: &Job, c: &Job) -> String {
    let first = a.run().await;
    b.run().await;
    c.run().await;
    first
}
