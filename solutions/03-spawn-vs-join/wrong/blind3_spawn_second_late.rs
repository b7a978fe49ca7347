//! Wrong: spawns tasks 1 and 3, waits for the quick task 3, and only then
//! spawns task 2 (300 to 900 ms): the values are right and all is done by
//! 1000 ms, but task 2 was not spawned up front.
//! expect: all three tasks are spawned up front: task 2 starts at 0 ms, not at 300 ms

pub async fn spawn_three_gather_two(api: &Api) -> (Vec<String>, String) {
    let spawn = |id: u32| {
        let api = api.clone();
        tokio::spawn(async move { api.fetch_data(id).await })
    };
    let (h1, h3) = (spawn(1), spawn(3));
    let d3 = h3.await.expect("task panicked");
    let h2 = spawn(2);
    let (d1, d2) = tokio::join!(h1, h2);
    (
        vec![d1.expect("task panicked"), d2.expect("task panicked")],
        d3,
    )
}
