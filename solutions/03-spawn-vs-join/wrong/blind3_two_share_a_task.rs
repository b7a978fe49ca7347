//! Wrong: one task for "the two to gather" (`join!` of `fetch_data(1)` and
//! `(2)` inside it) and one for the third: two tasks, not three, though
//! every call starts at 0 ms and all is done at 1000 ms.
//! expect: ran in one task: one tokio::spawn per call

pub async fn spawn_three_gather_two(api: &Api) -> (Vec<String>, String) {
    let api12 = api.clone();
    let pair = tokio::spawn(async move { tokio::join!(api12.fetch_data(1), api12.fetch_data(2)) });
    let api3 = api.clone();
    let third = tokio::spawn(async move { api3.fetch_data(3).await });
    let (d1, d2) = pair.await.expect("task panicked");
    let d3 = third.await.expect("task panicked");
    (vec![d1, d2], d3)
}
