//! Wrong: returns the two gathered results in the wrong order (Data 2,
//! Data 1): gather keeps the order of its arguments.
//! expect: or the two were swapped

pub async fn spawn_three_gather_two(api: &Api) -> (Vec<String>, String) {
    let spawn = |n: u32| {
        let api = api.clone();
        tokio::spawn(async move { api.fetch_data(n).await })
    };
    let (h1, h2, h3) = (spawn(1), spawn(2), spawn(3));
    let (d1, d2) = tokio::join!(h1, h2);
    let d3 = h3.await.expect("task 3 panicked");
    (
        vec![d2.expect("task 2 panicked"), d1.expect("task 1 panicked")],
        d3,
    )
}
