//! Wrong: step 1 join!s all three and picks B (known to be fastest): right answer, but waits for all (3000 ms) and cancels nothing.
//! Real cause: join! waits for every future; the losers must be cancelled at the first finish
//! expect: the first result is there at 1000 ms, when B finishes

pub async fn first_completed(a: &Job, b: &Job, c: &Job) -> String {
    let (_ra, rb, _rc) = tokio::join!(a.run(), b.run(), c.run());
    rb
}
