//! Wrong: Blind examination (round 2): bounded awaits the producer's JoinHandle
//! before consuming: with room for 1 item, the producer's second send waits for
//! a consumer that has not started, for ever.
//! expect: its send waits for room in a full queue that no consumer takes from

pub async fn bounded(source: Source, consumer: Consumer, capacity: usize) -> Vec<u32> {
    let (tx, mut rx) = mpsc::channel(capacity);
    let producer = tokio::spawn(produce(source, tx));
    producer.await.unwrap();
    let mut ids = Vec::new();
    while let Some(item) = rx.recv().await {
        ids.push(consumer.consume(item).await);
    }
    ids
}
