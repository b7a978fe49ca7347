//! Wrong: spawns all three and gathers the first two, then drops task 3's
//! handle (which detaches the task: it runs on) and calls `fetch_data(3)`
//! again, from 1000 to 1300 ms, instead of taking the result from the handle.
//! expect: fetch_data(3) was called 2 times

pub async fn spawn_three_gather_two(api: &Api) -> (Vec<String>, String) {
    let spawn = |id: u32| {
        let api = api.clone();
        tokio::spawn(async move { api.fetch_data(id).await })
    };
    let (h1, h2, h3) = (spawn(1), spawn(2), spawn(3));
    let (d1, d2) = tokio::join!(h1, h2);
    drop(h3);
    let d3 = api.fetch_data(3).await;
    (
        vec![d1.expect("task panicked"), d2.expect("task panicked")],
        d3,
    )
}
