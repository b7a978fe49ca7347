//! Wrong: takes the first two tasks to finish (a `FuturesUnordered` over
//! the three handles) and sorts those two: in order, but `Data 2` and
//! `Data 3`, and the "third" is `Data 1`. Sorting does not repair the
//! choice: the first two are tasks 1 and 2.
//! expect: the first two results are the first two tasks to finish

pub async fn spawn_three_gather_two(api: &Api) -> (Vec<String>, String) {
    use futures::StreamExt;
    let mut running: futures::stream::FuturesUnordered<_> = (1..=3)
        .map(|id| {
            let api = api.clone();
            tokio::spawn(async move { api.fetch_data(id).await })
        })
        .collect();
    let mut two = Vec::new();
    for _ in 0..2 {
        two.push(
            running
                .next()
                .await
                .expect("a task")
                .expect("task panicked"),
        );
    }
    two.sort();
    let third = running
        .next()
        .await
        .expect("a task")
        .expect("task panicked");
    (two, third)
}
