//! Wrong: spawns the first two fetches and joins the third as a plain
//! future beside their handles. Same values, same timeline, but
//! fetch_data(3) is no task: it runs only because the `join!` polls it, and
//! would not start at all if this function awaited something else first.
//! expect: but fetch_data(3) ran in none

pub async fn spawn_three_gather_two(api: &Api) -> (Vec<String>, String) {
    let [task1, task2] = [1, 2].map(|id| {
        let api = api.clone();
        tokio::spawn(async move { api.fetch_data(id).await })
    });
    let (first, second, third) = tokio::join!(task1, task2, api.fetch_data(3));
    let first_two = vec![
        first.expect("task 1 panicked"),
        second.expect("task 2 panicked"),
    ];
    (first_two, third)
}
