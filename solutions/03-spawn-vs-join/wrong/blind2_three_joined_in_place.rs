//! Wrong: `join!`s the three calls in its own task: the same timeline, but
//! no task is spawned.
//! expect: but fetch_data(1) ran in none: your function polled it itself

pub async fn spawn_three_gather_two(api: &Api) -> (Vec<String>, String) {
    let (d1, d2, d3) = tokio::join!(api.fetch_data(1), api.fetch_data(2), api.fetch_data(3));
    (vec![d1, d2], d3)
}
