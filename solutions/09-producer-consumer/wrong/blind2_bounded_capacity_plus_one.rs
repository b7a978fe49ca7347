//! Wrong: Blind examination (round 2): bounded makes `mpsc::channel(capacity +
//! 1)` ("one slot for the item in flight"): the producer runs one item ahead of
//! the bound.
//! expect: a bound larger than asked

pub async fn bounded(source: Source, consumer: Consumer, capacity: usize) -> Vec<u32> {
    let (tx, mut rx) = mpsc::channel(capacity + 1);
    let producer = tokio::spawn(produce(source, tx));
    let mut ids = Vec::new();
    while let Some(item) = rx.recv().await {
        ids.push(consumer.consume(item).await);
    }
    producer.await.unwrap();
    ids
}
