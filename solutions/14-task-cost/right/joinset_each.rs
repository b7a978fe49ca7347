//! Right: step 1 spawns into a `JoinSet`, which hands the answers back as
//! they finish; they are sorted by id at the end. A `JoinSet` task costs a
//! second, small allocation (its entry in the set), still one task each.
//! Step 2 uses a `FuturesUnordered`, the stream `join_all` uses inside, and
//! sorts too.

pub async fn spawn_each(batch: &Batch, n: u32) -> Vec<u32> {
    let mut tasks = JoinSet::new();
    for id in 1..=n {
        let batch = batch.clone();
        tasks.spawn(async move { batch.request(id).await });
    }
    let mut answers = tasks.join_all().await;
    answers.sort_unstable();
    answers
}

pub async fn join_each(batch: &Batch, n: u32) -> Vec<u32> {
    use futures::StreamExt;
    let mut answers: Vec<u32> = (1..=n)
        .map(|id| batch.request(id))
        .collect::<futures::stream::FuturesUnordered<_>>()
        .collect()
        .await;
    answers.sort_unstable();
    answers
}
