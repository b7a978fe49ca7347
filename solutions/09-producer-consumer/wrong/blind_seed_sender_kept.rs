//! Wrong: Blind examination: the seed clones the Sender into the producer
//! task and keeps the original in this function, so the channel never closes
//! and recv() waits for ever.
//! expect: a sender is still alive

pub async fn seed(source: Source, consumer: Consumer) -> Vec<u32> {
    let (tx, mut rx) = mpsc::channel(8);
    let producer = tokio::spawn(produce(source, tx.clone()));
    let mut ids = Vec::new();
    while let Some(item) = rx.recv().await {
        ids.push(consumer.consume(item).await);
    }
    producer.await.expect("producer panicked");
    ids
}
