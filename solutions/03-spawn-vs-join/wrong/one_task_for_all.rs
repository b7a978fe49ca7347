//! Wrong: spawns one task that joins all three fetches. They run
//! concurrently inside that one task, so the timeline looks right, but it is
//! one `create_task` around a `gather`, not three tasks: no result can be
//! collected before all three are, and the three cannot run in parallel on
//! a multi-threaded runtime.
//! expect: ran in one task: one tokio::spawn per call

pub async fn spawn_three_gather_two(api: &Api) -> (Vec<String>, String) {
    let api = api.clone();
    let all = tokio::spawn(async move {
        tokio::join!(api.fetch_data(1), api.fetch_data(2), api.fetch_data(3))
    });
    let (first, second, third) = all.await.expect("the task panicked");
    (vec![first, second], third)
}
