//! Wrong: Blind examination (round 2): seed awaits the spawned producer
//! (unbounded channel) before consuming: right ids, but every item is consumed
//! after 2500 ms instead of as it arrives.
//! expect: the consumer takes each item as it arrives

pub async fn seed(mut source: Source, consumer: Consumer) -> Vec<u32> {
    let (tx, mut rx) = mpsc::unbounded_channel();
    let producer = tokio::spawn(async move {
        while let Some(item) = source.next().await {
            let _ = tx.send(item);
        }
    });
    producer.await.unwrap();
    let mut ids = Vec::new();
    while let Some(item) = rx.recv().await {
        ids.push(consumer.consume(item).await);
    }
    ids
}
