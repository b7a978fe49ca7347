//! Wrong: step 1 awaits a, b and c one after another and answers the first in argument order: "A done" at 3000 ms.
//! Real cause: no concurrency: one await over all three is needed
//! expect: wait for all three at once, not one after the other

pub async fn first_completed(a: &Job, b: &Job, c: &Job) -> String {
    let ra = a.run().await;
    let _rb = b.run().await;
    let _rc = c.run().await;
    ra
}
