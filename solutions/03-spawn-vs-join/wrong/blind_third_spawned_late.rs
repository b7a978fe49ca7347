//! Wrong: spawns the third task only after the first two are joined: it
//! starts at 1000 ms and all ends at 2000 ms. Spawn all three up front.
//! expect: all three tasks are spawned up front: task 3 starts at 0 ms

pub async fn spawn_three_gather_two(api: &Api) -> (Vec<String>, String) {
    let spawn = |n: u32| {
        let api = api.clone();
        tokio::spawn(async move { api.fetch_data(n).await })
    };
    let (h1, h2) = (spawn(1), spawn(2));
    let (d1, d2) = tokio::join!(h1, h2);
    let d3 = spawn(3).await.expect("task 3 panicked");
    (
        vec![d1.expect("task 1 panicked"), d2.expect("task 2 panicked")],
        d3,
    )
}
