//! Wrong: `join_all`s the three calls in the current task: the same
//! timeline, but no task is spawned.
//! expect: but fetch_data(1) ran in none: your function polled it itself

pub async fn spawn_three_gather_two(api: &Api) -> (Vec<String>, String) {
    let mut all = futures::future::join_all((1..=3).map(|n| api.fetch_data(n))).await;
    let d3 = all.pop().expect("three");
    (all, d3)
}
