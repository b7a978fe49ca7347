//! Wrong: Blind examination (round 2): seed clones the sender into the producer
//! task and keeps the original: the channel never closes, recv() waits for
//! ever.
//! expect: so a sender is still alive

pub async fn seed(mut source: Source, consumer: Consumer) -> Vec<u32> {
    let (tx, mut rx) = mpsc::unbounded_channel();
    let tx2 = tx.clone();
    let producer = tokio::spawn(async move {
        while let Some(item) = source.next().await {
            let _ = tx2.send(item);
        }
    });
    let mut ids = Vec::new();
    while let Some(item) = rx.recv().await {
        ids.push(consumer.consume(item).await);
    }
    producer.await.unwrap();
    drop(tx);
    ids
}
