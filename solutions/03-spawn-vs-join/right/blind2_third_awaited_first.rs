//! Right: awaits the third handle before gathering the first two. The
//! three tasks run from the spawn whatever the order of the awaits, so the
//! values and the timeline are the reference's (the README asks for no
//! order of awaits).

pub async fn spawn_three_gather_two(api: &Api) -> (Vec<String>, String) {
    let spawn = |n: u32| {
        let api = api.clone();
        tokio::spawn(async move { api.fetch_data(n).await })
    };
    let (h1, h2, h3) = (spawn(1), spawn(2), spawn(3));
    let third = h3.await.expect("task 3 panicked");
    let (d1, d2) = tokio::join!(h1, h2);
    (
        vec![d1.expect("task 1 panicked"), d2.expect("task 2 panicked")],
        third,
    )
}
