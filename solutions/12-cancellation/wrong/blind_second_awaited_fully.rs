//! Wrong: Blind examination: detach_and_drop processes item 2 to the end
//! (awaits it) and only then sleeps the rest: item 2 is never cut short, and
//! the function returns late. It must race item 2 against a timer.
//! expect: item 2 was awaited to the end (1000 ms): nothing dropped it at 300 ms

pub async fn detach_and_drop(first: Item, second: Item, after: Duration) {
    drop(tokio::spawn(async move { first.process().await }));
    let started = tokio::time::Instant::now();
    second.process().await;
    tokio::time::sleep_until(started + after).await;
}
