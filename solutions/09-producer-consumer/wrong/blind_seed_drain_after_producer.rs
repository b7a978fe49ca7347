//! Wrong: Blind examination: the seed awaits the producer first on an
//! unbounded channel and only then consumes the queued items: right ids, but
//! consumption starts at 2500 ms instead of keeping pace.
//! expect: the consumer takes each item as it arrives

pub async fn seed(mut source: Source, consumer: Consumer) -> Vec<u32> {
    let (tx, mut rx) = mpsc::unbounded_channel();
    let producer = tokio::spawn(async move {
        while let Some(item) = source.next().await {
            let _ = tx.send(item);
        }
    });
    producer.await.expect("producer panicked");
    let mut ids = Vec::new();
    while let Some(item) = rx.recv().await {
        ids.push(consumer.consume(item).await);
    }
    ids
}
