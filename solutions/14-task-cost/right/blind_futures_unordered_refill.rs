//! Right: Blind examination: step 3 with no task: a FuturesUnordered of plain
//! futures, refilled by one each time one finishes, answers in completion order
//! (the README allows any order); steps 1 and 2 as the hints, with a while-let
//! over a VecDeque of handles.

pub async fn spawn_each(batch: &Batch, n: u32) -> Vec<u32> {
    use std::collections::VecDeque;
    let mut handles: VecDeque<_> = (1..=n)
        .map(|id| {
            let batch = batch.clone();
            tokio::spawn(async move { batch.request(id).await })
        })
        .collect();
    let mut answers = Vec::new();
    while let Some(handle) = handles.pop_front() {
        answers.push(handle.await.unwrap());
    }
    answers
}

pub async fn join_each(batch: &Batch, n: u32) -> Vec<u32> {
    let futs: Vec<_> = (1..=n).map(|id| batch.request(id)).collect();
    join_all(futs).await
}

pub async fn bounded(batch: &Batch, n: u32, limit: usize) -> Vec<u32> {
    use futures::StreamExt;
    use futures::stream::FuturesUnordered;
    let mut ids = 1..=n;
    let mut running = FuturesUnordered::new();
    for id in ids.by_ref().take(limit) {
        running.push(batch.request(id));
    }
    let mut answers = Vec::new();
    while let Some(id) = running.next().await {
        answers.push(id);
        if let Some(next) = ids.next() {
            running.push(batch.request(next));
        }
    }
    answers
}
