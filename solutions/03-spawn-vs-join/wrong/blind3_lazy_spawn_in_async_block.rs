//! Wrong: "spawns up front", but each `tokio::spawn` sits inside an `async
//! move` block, which runs nothing until polled: tasks 1 and 2 are spawned
//! when `join!` first polls their blocks, task 3 only when its block is
//! awaited after the gather, at 1000 ms.
//! expect: task 3 starts at 0 ms, not at 1000 ms. A spawn that comes late starts its task late

pub async fn spawn_three_gather_two(api: &Api) -> (Vec<String>, String) {
    let task = |id: u32| {
        let api = api.clone();
        async move {
            tokio::spawn(async move { api.fetch_data(id).await })
                .await
                .expect("task panicked")
        }
    };
    let (t1, t2, t3) = (task(1), task(2), task(3));
    let (d1, d2) = tokio::join!(t1, t2);
    let d3 = t3.await;
    (vec![d1, d2], d3)
}
