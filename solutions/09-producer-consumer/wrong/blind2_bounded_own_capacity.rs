//! Wrong: Blind examination (round 2): bounded uses a channel of its own size
//! (16), not `capacity`: the producer never waits, no backpressure.
//! expect: an unbounded channel, or a bound larger than asked

pub async fn bounded(source: Source, consumer: Consumer, capacity: usize) -> Vec<u32> {
    let _ = capacity;
    let (tx, mut rx) = mpsc::channel(16);
    let producer = tokio::spawn(produce(source, tx));
    let mut ids = Vec::new();
    while let Some(item) = rx.recv().await {
        ids.push(consumer.consume(item).await);
    }
    producer.await.unwrap();
    ids
}
